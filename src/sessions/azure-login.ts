import type { CloudName } from '../providers/azure-clouds.js';

/** What az and Az PowerShell sign in with: the entry's app, tenant, subscription and cloud. Nothing secret. */
export interface AzureLogin {
  clientId: string;
  tenantId: string;
  subscriptionId?: string;
  allowNoSubscriptions: boolean;
  cloud: CloudName;
  /** Azure Stack Hub's Resource Manager URL (cloud AzureStack only). */
  resourceManager?: string;
}

/**
 * The sessions an azure entry asks for, signed in after every exchange of the step succeeded: `az`
 * (`auto`: when az is on PATH) and Az PowerShell. `federatedToken` is the runner token the entry was
 * exchanged with; it is never exported, logged or recorded.
 */
export interface AzureSessionRequest extends AzureLogin {
  az: 'auto' | boolean;
  powershell: boolean;
  federatedToken: string;
  /** The runner token's audience, for `keyless refresh` to request a fresh one. */
  audience: string;
}

/** How long one az or pwsh command may take: az login alone takes seconds, a cold pwsh with Az longer. */
export const TOOL_TIMEOUT_MS = 120_000;
