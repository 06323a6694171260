import { writeFileSync } from 'node:fs';
import type { JWTPayload } from 'jose';
import type { Finding } from '../policy/pins/scan.js';
import type { VerifiedTool } from '../policy/tools/types.js';
import type { CredentialInfo } from '../providers/types.js';

/** The chain workload identity → tools → exchanges → credentials. Holds no secret by construction. */
export interface AuditRecord {
  version: 1;
  identity: Readonly<Record<string, string>>;
  tools: readonly VerifiedTool[];
  /** References the workflow does not pin to an immutable digest (pin-policy warn or enforce). */
  pins: readonly Finding[];
  exchanges: ExchangeRecord[];
  credentials: CredentialRecord[];
  cleanup?: CleanupRecord[];
}

export interface ExchangeRecord {
  id: string;
  provider: string;
  /** The runner token's audience; absent for an entry built on another. */
  audience?: string;
  /** The entry this one built on: the chain runner token → that exchange → this one. */
  from?: string;
  outcome: 'issued' | 'failed';
  error?: string;
}

export interface CredentialRecord extends CredentialInfo {
  id: string;
  provider: string;
  exported: string[];
  revocable: boolean;
  from?: string;
}

export interface CleanupRecord {
  id: string;
  provider: string;
  status: 'revoked' | 'not-revocable' | 'failed';
  detail?: string;
  expiresAt?: string;
}

/** The GitHub OIDC claims that say who ran: read from the token, not the environment it could not vouch for. */
const IDENTITY_CLAIMS = [
  'iss', 'sub', 'repository', 'repository_id', 'repository_owner', 'ref', 'sha', 'workflow', 'job_workflow_ref',
  'event_name', 'environment', 'run_id', 'run_attempt', 'actor', 'runner_environment',
] as const;

export function identityFromClaims(claims: JWTPayload): Record<string, string> {
  const identity: Record<string, string> = {};
  for (const claim of IDENTITY_CLAIMS) {
    const value = claims[claim];
    if (typeof value === 'string' || typeof value === 'number') identity[claim] = String(value);
  }
  return identity;
}

export function writeAudit(path: string, record: AuditRecord): void {
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o644 });
}
