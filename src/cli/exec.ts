import { type CredentialRecord, type ExecRecord, auditFilePath, identityFromClaims, writeAudit } from '../audit/record.js';
import { execLine, execSummary } from '../audit/summary.js';
import { reportLines, undo } from '../cleanup.js';
import { type Config, type CredentialEntry, type ExportTarget, variablePlaces } from '../config/config.js';
import { KeylessError, renderError } from '../errors.js';
import { type ExchangeOutcome, mintAll } from '../exchange.js';
import { StopSignals, signalStatus } from '../exec/child.js';
import { execRunner } from '../exec/log.js';
import { execConfig, selectEntries } from '../exec/settings.js';
import { createHttpClient } from '../http/client.js';
import type { Runner } from '../runner/runner.js';
import type { CleanupItem } from '../runner/state.js';
import { writeDelivery } from '../sinks/deliver.js';
import { parseFlags, usage } from './args.js';

/** `keyless exec [--credentials YAML | --policy-file FILE] [--id ENTRY]... -- COMMAND [ARGS...]`. */
export function parseExecArgs(args: readonly string[]) {
  const end = args.indexOf('--');
  if (end === -1) throw usage('the command must follow --', 'e.g. keyless exec --id deploy -- ./deploy.sh');
  const [command, ...commandArgs] = args.slice(end + 1);
  if (command === undefined || command === '') throw usage('no command after --', 'name the program to run with the credentials, e.g. -- ./deploy.sh');
  const { values } = parseFlags(joinCredentials(args.slice(0, end)), { credentials: { type: 'string' }, 'policy-file': { type: 'string' }, id: { type: 'string', multiple: true } });
  if (values.credentials !== undefined && values['policy-file'] !== undefined) throw usage('--credentials and --policy-file are alternatives', 'give one of them');
  return { source: { credentials: values.credentials, policyFile: values['policy-file'] }, ids: values.id ?? [], command, commandArgs };
}

/** A YAML list starts with `- `, which parseArgs takes for a flag: `--credentials VALUE` is read as `--credentials=VALUE`. */
function joinCredentials(flags: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] ?? '';
    const value = flags[i + 1];
    if (flag === '--credentials' && value !== undefined) {
      joined.push(`${flag}=${value}`);
      i++;
    } else joined.push(flag);
  }
  return joined;
}

/**
 * Mints the entries for COMMAND alone: they reach its environment and files, never GITHUB_ENV or step
 * outputs. Whatever ends COMMAND (its exit, a signal, Keyless being told to stop), Keyless then revokes what
 * it minted and deletes what it wrote, and exits with COMMAND's status.
 */
export async function execCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { source, ids, command, commandArgs } = parseExecArgs(args);
  const { runner, actions } = execRunner(env);
  const config = execConfig(source, env, env.GITHUB_WORKSPACE || process.cwd());
  const { mint, named } = selectEntries(config.credentials, ids);
  const items: CleanupItem[] = [];
  const record: ExecRecord = { version: 1, command, identity: {}, tools: [], entries: named.map((e) => e.id), exchanges: [], credentials: [], cleanup: [] };
  const stop = new StopSignals();
  let status: number;
  try {
    // Minting starts nothing after a stop signal and gives up unanswered requests soon after; the cleanup
    // below has a client of its own, answering only the stops that come while it runs.
    const minting = createHttpClient({ timeoutMs: config.httpTimeoutMs, signal: stop.signal, abandon: stop.abandon });
    const childEnv = await prepare(config, mint, named, { runner, http: minting, stopping: stop.signal, items, record, actions });
    if (stop.received !== undefined) throw stop.signal.reason;
    const exit = await stop.run(command, commandArgs, { ...env, ...childEnv });
    status = exit.status;
    record.exitStatus = exit.status;
    if (exit.signal !== undefined) record.signal = exit.signal;
  } catch (error) {
    // Told to stop before COMMAND started, what failed is only the request the stop abandoned.
    const signal = stop.received;
    status = signal === undefined ? (startFailure(error) ?? 1) : signalStatus(signal);
    if (signal !== undefined) record.signal = signal;
    // Reporting must not stand between a mint and its revocation: a log that cannot be written (a closed
    // descriptor) is given up, the cleanup below still runs.
    try {
      if (signal === undefined) runner.error(renderError(outsideActions(error, env)));
      else runner.warning(`told to stop (${signal}) before ${command} started; it was not started`);
    } catch {
      // nothing more can be said where the log went
    }
  }
  try {
    const stops = stop.cleanupPhase();
    const http = createHttpClient({ timeoutMs: config.httpTimeoutMs, ...stops, stopsUndo: true });
    const { records, deleted, gone } = await undo(items, { runner, http, abandon: stops.abandon });
    reportLines(runner, records, deleted, gone);
    record.cleanup = records;
    record.cleanedAt = new Date().toISOString();
    report(runner, record, actions);
    // strict-cleanup turns a command that succeeded into a failure when its credentials outlive it.
    if (config.strictCleanup && status === 0 && records.some((r) => r.status === 'failed')) {
      runner.error(renderError(new KeylessError('REVOKE_FAILED', 'the command succeeded, but what was minted for it could not all be cleaned up', { hint: 'see the warnings above; strict-cleanup makes this fail' })));
      status = 1;
    }
  } finally {
    stop.release();
  }
  return status;
}

/** Gate, mint and write files; the variables COMMAND gets. Throws before COMMAND starts when anything fails. */
async function prepare(
  config: Config,
  mint: readonly CredentialEntry[],
  named: readonly CredentialEntry[],
  deps: { runner: Runner; http: ReturnType<typeof createHttpClient>; stopping: AbortSignal; items: CleanupItem[]; record: ExecRecord; actions: boolean },
): Promise<Record<string, string>> {
  const { runner, http, items, record } = deps;
  const cleanup = { record: (item: CleanupItem) => { items.push(item); } };
  const workspace = runner.env.GITHUB_WORKSPACE || process.cwd();
  // The tool gate exactly as the step runs it; its Sigstore code loads only when there are tools.
  if (config.tools.length > 0) record.tools = await (await import('../policy/tools/gate.js')).gateTools(config, { runner, http, workspace, cleanup });
  const outcome = await mintAll(mint, config.claimRules, { runner, http, cleanup, now: Date.now });
  recordExchanges(record, mint, outcome);
  const [failure] = outcome.failed;
  if (failure !== undefined) {
    for (const { error } of outcome.failed.slice(1)) runner.error(renderError(error));
    throw failure.error;
  }
  const handed = outcome.minted.filter(({ entry }) => named.includes(entry)).map(({ entry, credential }) => ({ entry: { ...entry, exports: forCommand(entry) }, credential }));
  const delivery = writeDelivery(handed, runner, cleanup, config.files);
  if (handed.some(({ credential }) => credential.session !== undefined)) {
    await (await import('../sessions/azure-session.js')).startAzureSessions(handed, runner, cleanup, delivery, deps.stopping);
  }
  record.mintedAt = new Date().toISOString();
  for (const { entry, credential } of handed) {
    const exported = delivery.exported.get(entry.id) ?? [];
    record.credentials.push({ id: entry.id, provider: entry.provider.name, ...credential.info, exported, revocable: credential.revoke !== undefined } satisfies CredentialRecord);
    runner.info(`✓ ${entry.provider.name} "${entry.id}": ${credential.info.tokenType ?? 'credential'} for ${credential.info.principal} → the command only (${exported.join(', ') || 'nothing'})`);
  }
  return Object.fromEntries(delivery.env);
}

/** Where an entry's credential goes in COMMAND's world: its files with `file`, its variables otherwise; `none` builds others only. */
function forCommand(entry: CredentialEntry): ReadonlySet<ExportTarget> {
  return variablePlaces(entry.exports, true);
}

function recordExchanges(record: ExecRecord, mint: readonly CredentialEntry[], outcome: ExchangeOutcome): void {
  const anyToken = outcome.tokens.values().next().value;
  if (anyToken) record.identity = identityFromClaims(anyToken.claims);
  record.exchanges = mint.map((entry) => {
    const failure = outcome.failed.find((f) => f.entry === entry);
    const audience = outcome.audiences.get(entry.id);
    return { id: entry.id, provider: entry.provider.name, ...(audience === undefined ? {} : { audience }), outcome: failure ? 'failed' : 'issued', ...(failure ? { error: failure.error.code } : {}) };
  });
}

/** A shell's status for a command it could not start: 127 not found, 126 not executable. */
function startFailure(error: unknown): number | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' ? 127 : code === 'EACCES' ? 126 : undefined;
}

/** Outside GitHub Actions there is no runner token: say what to set instead of asking for id-token: write. */
function outsideActions(error: unknown, env: NodeJS.ProcessEnv): unknown {
  const code = startFailure(error);
  if (code !== undefined) {
    return new KeylessError('INPUT_INVALID', `the command could not be started (${code === 127 ? 'not found' : 'not executable'})`, { hint: 'check its name and PATH; the credentials were revoked' });
  }
  if (!(error instanceof KeylessError) || error.code !== 'OIDC_PERMISSION_MISSING' || env.GITHUB_ACTIONS === 'true') return error;
  return new KeylessError('OIDC_PERMISSION_MISSING', 'no subject token: keyless exec runs outside GitHub Actions, where there is no runner OIDC token', {
    hint: 'give each entry a subject-token-source (file, env or spiffe) that names where its token comes from, or set ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN to a token service',
  });
}

/** Under Actions a job-summary section and an audit record of this exec; elsewhere one line on stderr. */
function report(runner: Runner, record: ExecRecord, actions: boolean): void {
  if (!actions) {
    runner.info(execLine(record));
    return;
  }
  try {
    runner.appendSummary(execSummary(record, (text) => runner.redact(text)));
  } catch (error) {
    runner.warning(`the job summary could not be written: ${renderError(error)}`);
  }
  const path = auditFilePath(runner.env, 'keyless-exec-audit');
  try {
    writeAudit(path, record, (text) => runner.redact(text));
    runner.info(`Audit record of this exec: ${path}`);
  } catch (error) {
    runner.warning(`the audit record could not be written to ${path}: ${renderError(error)}`);
  }
}
