import { existsSync, readFileSync, rmSync } from 'node:fs';
import { type AuditRecord, type CleanupRecord, writeAudit } from './audit/record.js';
import { cleanupSummary } from './audit/summary.js';
import { KeylessError, renderError } from './errors.js';
import type { HttpClient } from './http/client.js';
import { providers } from './providers/catalog.js';
import type { RevokeResult } from './providers/types.js';
import type { Runner } from './runner/runner.js';
import { type CleanupItem, readCleanupItems } from './runner/state.js';

export interface PostDeps {
  runner: Runner;
  http: HttpClient;
}

/**
 * The post step: revoke what main recorded, delete what it wrote, report. Works from state alone, so it
 * cleans up after a main step that crashed half way. Throws only under strict-cleanup.
 */
export async function cleanup(deps: PostDeps): Promise<void> {
  const { runner, http } = deps;
  const items = readCleanupItems(runner.env);
  for (const item of items) if (item.kind === 'revoke') for (const value of Object.values(item.handle)) runner.mask(value);

  const records = (await Promise.all(items.map((item) => revokeOne(item, http)))).filter((r): r is CleanupRecord => r !== undefined);
  const deleted = deletePaths(items, records);
  report(runner, records, deleted);
  updateAudit(items, records);

  const strict = items.some((item) => item.kind === 'settings' && item.strictCleanup);
  const failures = records.filter((r) => r.status === 'failed');
  if (strict && failures.length > 0) {
    throw new KeylessError('REVOKE_FAILED', `${failures.length} credential(s) or file(s) could not be cleaned up`, {
      hint: 'see the warnings above; strict-cleanup makes this fail the job',
    });
  }
}

/** Deletes every file and folder main recorded; a failure becomes a record, not an exception. */
function deletePaths(items: readonly CleanupItem[], records: CleanupRecord[]): number {
  let deleted = 0;
  for (const item of items) {
    if (item.kind !== 'path' || !existsSync(item.path)) continue;
    try {
      rmSync(item.path, { recursive: true, force: true });
      deleted++;
    } catch (error) {
      records.push({ id: item.path, provider: 'file', status: 'failed', detail: renderError(error) });
    }
  }
  return deleted;
}

function report(runner: Runner, records: readonly CleanupRecord[], deleted: number): void {
  for (const r of records) {
    const expiry = r.expiresAt ? ` (expires ${r.expiresAt})` : '';
    if (r.status === 'failed') runner.warning(`${r.provider} "${r.id}": ${r.detail ?? 'cleanup failed'}${expiry}`);
    else runner.info(`${r.status === 'revoked' ? '✓ revoked' : '· not revocable'} ${r.provider} "${r.id}"${r.detail ? `: ${r.detail}` : ''}${expiry}`);
  }
  runner.info(`Deleted ${deleted} file(s) and folder(s) Keyless wrote.`);
  if (records.length > 0 || deleted > 0) runner.appendSummary(cleanupSummary(records, deleted));
}

async function revokeOne(item: CleanupItem, http: HttpClient): Promise<CleanupRecord | undefined> {
  if (item.kind !== 'revoke' && item.kind !== 'revoke-none') return undefined;
  const base = { id: item.id, provider: item.provider, ...(item.expiresAt ? { expiresAt: item.expiresAt } : {}) };
  const provider = providers[item.provider];
  if (item.kind === 'revoke-none' || provider?.revoke === undefined) {
    const reason = item.kind === 'revoke-none' ? item.reason : undefined;
    return { ...base, status: 'not-revocable', detail: reason ?? 'the issuer offers no revocation; it expires on its own' };
  }
  let result: RevokeResult;
  try {
    result = await provider.revoke(item.handle, { http });
  } catch (error) {
    result = { status: 'failed', detail: renderError(error) };
  }
  return { ...base, ...result };
}

function updateAudit(items: readonly CleanupItem[], records: CleanupRecord[]): void {
  const audit = items.find((item) => item.kind === 'audit');
  if (audit?.kind !== 'audit' || !existsSync(audit.path)) return;
  try {
    const record = JSON.parse(readFileSync(audit.path, 'utf8')) as AuditRecord;
    writeAudit(audit.path, { ...record, cleanup: records });
  } catch {
    // The audit file is a convenience copy; the job summary already holds the cleanup.
  }
}
