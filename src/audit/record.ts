import { createHash, randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWTPayload } from 'jose';
import { retryBusy } from '../os/fs-retry.js';
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
  /** Stored secrets the checked workflows read (secrets-policy warn or enforce): where, which name, what kind. */
  storedSecrets?: readonly { file: string; line: number; secret: string; kind: string }[] | undefined;
  exchanges: ExchangeRecord[];
  credentials: CredentialRecord[];
  cleanup?: CleanupRecord[];
}

/** One `keyless exec`: what it minted for which command, and when that was revoked. Never an argument of the command. */
export interface ExecRecord {
  version: 1;
  /** The command's argv[0] as given: its arguments can hold secrets. */
  command: string;
  identity: Readonly<Record<string, string>>;
  tools: readonly VerifiedTool[];
  entries: readonly string[];
  exchanges: ExchangeRecord[];
  credentials: CredentialRecord[];
  mintedAt?: string;
  cleanedAt?: string;
  /** The command's exit status (128 + signal number when a signal ended it); absent when it never started. */
  exitStatus?: number;
  signal?: string;
  cleanup: CleanupRecord[];
}

export interface ExchangeRecord {
  id: string;
  provider: string;
  /** The runner token's audience; absent for an entry built on another. */
  audience?: string;
  /** The entry this one built on: the chain runner token → that exchange → this one. */
  from?: string;
  /** Where the subject token came from when not the runner: `file PATH`, `variable NAME`, `the SPIFFE Workload API (ID)`. */
  subjectToken?: string;
  /** `exec`: checked at the step (claims, tools), minted only when a later `keyless exec` asks for it. */
  outcome: 'issued' | 'failed' | 'exec';
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

/**
 * Creates the audit file: 0600, and only if nothing is at that path yet (never through a link an earlier
 * step planted). Every string in it passes through the log's redaction: server text can quote a token.
 */
/**
 * Where a run's audit record goes: RUNNER_TEMP, under a name with the run's id and a random part. The id
 * is used only when it is the number the runner sets: a variable is text, and `../` in it would place the
 * file elsewhere.
 */
export function auditFilePath(env: Readonly<Record<string, string | undefined>>, prefix: 'keyless-audit' | 'keyless-exec-audit'): string {
  const run = /^\d{1,20}$/.test(env.GITHUB_RUN_ID ?? '') ? env.GITHUB_RUN_ID : 'local';
  return join(env.RUNNER_TEMP || tmpdir(), `${prefix}-${run ?? 'local'}-${randomBytes(6).toString('hex')}.json`);
}

/** Writes a new audit file; returns the SHA-256 of what it wrote, for the post step to know the file is still main's. */
export function writeAudit(path: string, record: AuditRecord | ExecRecord, redact: (text: string) => string): string {
  const text = auditText(record, redact);
  writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
  return auditDigest(Buffer.from(text));
}

export function auditDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Replaces the audit file whole: a fresh 0600 file beside it, renamed over it (a link at the path is
 * replaced, not followed). On Windows the rename waits a moment for a scanner that holds the file open.
 */
export function rewriteAudit(path: string, record: AuditRecord, redact: (text: string) => string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, auditText(record, redact), { mode: 0o600, flag: 'wx' });
    retryBusy(() => renameSync(temp, path));
  } finally {
    retryBusy(() => rmSync(temp, { force: true }));
  }
}

// Redacting the JSON text is sound: every secret is masked in its JSON-escaped form too, and `***` is valid inside a string.
function auditText(record: AuditRecord | ExecRecord, redact: (text: string) => string): string {
  return `${redact(JSON.stringify(record, null, 2))}\n`;
}
