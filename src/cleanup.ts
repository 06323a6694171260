import { lstatSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, relative, sep } from 'node:path';
import { type AuditRecord, type CleanupRecord, auditDigest, rewriteAudit } from './audit/record.js';
import { cleanupSummary } from './audit/summary.js';
import { KeylessError, renderError } from './errors.js';
import type { HttpClient } from './http/client.js';
import { removeOptions } from './os/fs-retry.js';
import { toPosixPath } from './os/paths.js';
import { readRegularFile } from './os/regular-file.js';
import { revokers } from './providers/revokers.js';
import type { RevokeResult } from './providers/types.js';
import type { Runner } from './runner/runner.js';
import { maskableLines } from './runner/mask.js';
import { type OwnedRoots, ownedPath, ownedRoots } from './runner/owned-path.js';
import { type CleanupItem, readCleanupItems } from './runner/state.js';

export interface PostDeps {
  runner: Runner;
  http: HttpClient;
  /** `keyless exec`'s cleanup, told to stop: a sign-out still running is killed rather than waited for. */
  abandon?: AbortSignal;
}

/**
 * The post step: revoke what main recorded, delete what it wrote, report. Works from state alone, so it
 * cleans up after a main step that crashed half way. Throws only under strict-cleanup.
 */
export async function cleanup(deps: PostDeps): Promise<void> {
  const { runner } = deps;
  const { items, ignored } = readCleanupItems(runner.env);
  if (ignored > 0) {
    runner.warning(`ignored ${ignored} STATE_keyless_* entr${ignored === 1 ? 'y' : 'ies'} that this action's main step did not write — an earlier step exported them through GITHUB_ENV; check the job's earlier steps`);
  }
  const { records, deleted, gone } = await undo(items, deps);
  report(runner, records, deleted, gone);
  updateAudit(items, records, runner.env.RUNNER_TEMP || tmpdir(), runner);

  const strict = items.some((item) => item.kind === 'settings' && item.strictCleanup);
  const failures = records.filter((r) => r.status === 'failed');
  if (strict && failures.length > 0) {
    throw new KeylessError('REVOKE_FAILED', `${failures.length} credential(s) or file(s) could not be cleaned up`, {
      hint: 'see the warnings above; strict-cleanup makes this fail the job',
    });
  }
}

/**
 * Revokes, signs out of and deletes what the items name, and says what became of each: the post step's
 * work on main's items, and `keyless exec`'s on its own when the command has exited.
 */
export async function undo(items: readonly CleanupItem[], { runner, http, abandon }: PostDeps): Promise<Undone> {
  // Only the secrets: the endpoint stays readable so a failed revocation can say where it went.
  for (const item of items) if (item.kind === 'revoke') for (const secret of [item.handle.token, item.handle.refresh]) if (secret) runner.mask(secret);
  for (const item of items) if (item.kind === 'revoke') for (const line of maskableLines(item.handle.tls?.key ?? '')) runner.mask(line);

  const roots = ownedRoots(runner.env, runner.env.RUNNER_TEMP || tmpdir());
  // Files first: nothing reads them any more, and a revocation server that hangs must not keep them on disk
  // until the step is killed. A session's folder stays until its sign-out, which needs it.
  const sessionDirs = items.flatMap((item) => (item.kind === 'session' && item.path !== undefined ? [item.path] : []));
  const forSession = (item: CleanupItem) => item.kind === 'path' && sessionDirs.some((dir) => within(dir, item.path) || within(item.path, dir));
  const failedPaths: CleanupRecord[] = [];
  const removed: string[] = [];
  // Looked at before anything is deleted: a file moved out of a recorded folder must not pass for one that went with it.
  const gone = items.flatMap((item) => {
    if (item.kind !== 'path' || forSession(item)) return [];
    const path = ownedPath(item.path, roots);
    return path !== undefined && !isPresent(path) ? [toPosixPath(item.path)] : [];
  });
  const paths = { failed: failedPaths, removed };
  deletePaths(items.filter((item) => !forSession(item)), paths, roots);
  const records = (await Promise.all(items.map((item) => revokeOne(item, http)))).filter((r): r is CleanupRecord => r !== undefined);
  // The code loads only when there is a session.
  if (items.some((item) => item.kind === 'session')) records.push(...(await (await import('./sessions/azure-session.js')).endAzureSessions(items, runner, abandon)));
  deletePaths(items.filter(forSession), paths, roots);
  return { records: [...records, ...failedPaths], deleted: removed.length, gone };
}

export interface Undone {
  records: CleanupRecord[];
  deleted: number;
  /** Recorded files and folders not there when cleanup began: moved or deleted since (a moved copy lives on). */
  gone: string[];
}

/** Whether `path` is `dir` or inside it. */
function within(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Deletes every file and folder main recorded inside its own folders; a failure becomes a record, not an
 * exception. A record names the path with `/`, as every report of Keyless's does.
 */
function deletePaths(items: readonly CleanupItem[], out: { failed: CleanupRecord[]; removed: string[] }, roots: OwnedRoots): void {
  for (const item of items) {
    if (item.kind !== 'path') continue;
    const path = ownedPath(item.path, roots);
    const id = toPosixPath(item.path);
    if (path === undefined) {
      if (isPresent(item.path)) out.failed.push({ id, provider: 'file', status: 'failed', detail: 'not deleted: it is not inside a keyless-* folder under RUNNER_TEMP or a .keyless-* folder in the workspace' });
      continue;
    }
    if (!isPresent(path)) continue;
    try {
      // On Windows a scanner may hold a file Keyless wrote for a moment; rmSync retries then.
      rmSync(path, removeOptions());
      out.removed.push(path);
    } catch (error) {
      out.failed.push({ id, provider: 'file', status: 'failed', detail: renderError(error) });
    }
  }
}

function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function report(runner: Runner, records: readonly CleanupRecord[], deleted: number, gone: readonly string[]): void {
  reportLines(runner, records, deleted, gone);
  if (records.length > 0 || deleted > 0 || gone.length > 0) runner.appendSummary(cleanupSummary(records, deleted, (text) => runner.redact(text), gone.length));
}

/** The log lines of a cleanup: a warning for each failure, a line for each credential, the count of what was deleted. */
export function reportLines(runner: Runner, records: readonly CleanupRecord[], deleted: number, gone: readonly string[]): void {
  for (const r of records) {
    const expiry = r.expiresAt ? ` (expires ${r.expiresAt})` : '';
    if (r.status === 'failed') runner.warning(`${r.provider} "${r.id}": ${r.detail ?? 'cleanup failed'}${expiry}`);
    else runner.info(`${r.status === 'revoked' ? '✓ revoked' : '· not revocable'} ${r.provider} "${r.id}"${r.detail ? `: ${r.detail}` : ''}${expiry}`);
  }
  for (const path of gone) runner.info(`· already gone: ${path} (moved or deleted after Keyless wrote it; a copy moved elsewhere is not deleted)`);
  runner.info(`Deleted ${deleted} file(s) and folder(s) Keyless wrote.`);
}

async function revokeOne(item: CleanupItem, http: HttpClient): Promise<CleanupRecord | undefined> {
  if (item.kind !== 'revoke' && item.kind !== 'revoke-none') return undefined;
  const base = { id: item.id, provider: item.provider, ...(item.expiresAt ? { expiresAt: item.expiresAt } : {}) };
  const load = Object.hasOwn(revokers, item.provider) ? revokers[item.provider] : undefined;
  if (item.kind === 'revoke-none' || load === undefined) {
    const reason = item.kind === 'revoke-none' ? item.reason : undefined;
    return { ...base, status: 'not-revocable', detail: reason ?? 'the issuer offers no revocation; it expires on its own' };
  }
  let result: RevokeResult;
  try {
    result = await (await load())(item.handle, { http });
  } catch (error) {
    result = { status: 'failed', detail: renderError(error) };
  }
  return { ...base, ...result };
}

/**
 * Adds the cleanup to main's audit record, when the file still holds the bytes main wrote. A later step
 * can rewrite a file in RUNNER_TEMP; post adding to such a file would vouch for what that step wrote.
 */
function updateAudit(items: readonly CleanupItem[], records: CleanupRecord[], temp: string, runner: Runner): void {
  const audit = items.find((item) => item.kind === 'audit');
  const path = audit === undefined ? undefined : ownedPath(audit.path, temp);
  if (audit === undefined || path === undefined || !basename(path).startsWith('keyless-audit-')) return;
  let bytes: Buffer | undefined;
  try {
    bytes = readRegularFile(path, { maxBytes: MAX_AUDIT_BYTES, noFollow: true, hint: '', unreadableHint: '' });
  } catch {
    bytes = undefined;
  }
  // A link, FIFO, folder or missing file is no more main's record than an edited one.
  if (bytes === undefined || auditDigest(bytes) !== audit.sha256) {
    runner.warning(`the audit record ${path} is not the file the main step wrote (a later step changed, replaced or deleted it): the cleanup was not added to it; the job summary holds it`);
    return;
  }
  try {
    rewriteAudit(path, { ...(JSON.parse(bytes.toString('utf8')) as AuditRecord), cleanup: records }, (text) => runner.redact(text));
  } catch {
    // As above: the job summary holds the cleanup.
  }
}

/** Far above any record main writes: a file swapped for a huge one must not exhaust the memory of post. */
const MAX_AUDIT_BYTES = 64 * 1024 * 1024;
