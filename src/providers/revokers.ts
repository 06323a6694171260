import type { RevokeContext, RevokeHandle, RevokeResult } from './types.js';

export type Revoke = (handle: RevokeHandle, ctx: RevokeContext) => Promise<RevokeResult>;

/**
 * Each provider's revocation, by the name post reads from step state. The post step loads a provider's
 * module only when the job minted one of its credentials: importing the catalog would load every
 * provider's keys and exchange code (about 150 KB) to revoke, usually, one token. Each value is the very
 * function the provider declares as `revoke` (test/unit/providers/revokers.test.ts); a provider with none
 * is absent.
 */
export const revokers: Readonly<Record<string, () => Promise<Revoke>>> = {
  crates: async () => (await import('./crates.js')).revoke,
  gcp: async () => (await import('./oauth-revoke.js')).revokeOAuthToken,
  github: async () => (await import('./github.js')).revoke,
  jfrog: async () => (await import('./jfrog.js')).revoke,
  rfc8693: async () => (await import('./oauth-revoke.js')).revokeOAuthToken,
  vault: async () => (await import('./vault.js')).revoke,
};
