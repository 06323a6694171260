import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AuditRecord, auditFilePath, identityFromClaims, writeAudit } from './audit/record.js';
import { mainSummary } from './audit/summary.js';
import { type Config, loadConfig } from './config/config.js';
import { readInputs } from './config/inputs.js';
import { KeylessError, renderError } from './errors.js';
import { type ExchangeOutcome, mintAll } from './exchange.js';
import { describeSource } from './oidc/subject-token.js';
import type { HttpClient } from './http/client.js';
import type { PinReport } from './policy/pins/gate.js';
import type { SecretsReport } from './policy/secrets/gate.js';
import type { VerifiedTool } from './policy/tools/types.js';
import type { Runner } from './runner/runner.js';
import { CleanupLog } from './runner/state.js';
import { writeDelivery } from './sinks/deliver.js';

/** dist/cli.js, beside this bundle's folder (dist/main/index.js), for `node "$KEYLESS_CLI" refresh`. */
function cliPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'cli.js');
}

const NO_PINS: PinReport = { findings: [], omitted: 0, problems: [] };

export interface MainDeps {
  runner: Runner;
  createHttp: (timeoutMs: number) => HttpClient;
  now: () => number;
}

/**
 * The main step, in phases: configure → gate → mint → write files → commit. Any phase but the last may
 * throw a KeylessError, and by then nothing has been handed to the job (what was minted is recorded for
 * the post step to revoke). The commit phase hands everything out and cannot fail half way.
 */
export async function run(deps: MainDeps): Promise<void> {
  const { runner } = deps;
  const cleanup = new CleanupLog(runner);
  const workspace = runner.env.GITHUB_WORKSPACE ?? process.cwd();
  const config = loadConfig(readInputs(runner.env), workspace);
  if (config.policyFile) runner.info(`Settings from ${config.policyFile.path}: ${config.policyFile.keys.join(', ') || 'none'}`);
  cleanup.record({ kind: 'settings', strictCleanup: config.strictCleanup });
  requireRunnerFiles(runner);
  const http = deps.createHttp(config.httpTimeoutMs);

  const { tools, pins, storedSecrets } = await gate(config, { runner, http, workspace, cleanup });
  // `export: exec` entries get their runner token's claims checked here, and are minted only by `keyless exec`.
  const minting = config.credentials.filter((entry) => !entry.exports.has('exec'));
  const outcome = await mintAll(config.credentials, config.claimRules, { runner, http, cleanup, now: deps.now }, minting);
  const record = auditRecord(config, outcome, tools);
  const auditPath = auditFilePath(runner.env, 'keyless-audit');

  const [firstFailure, ...otherFailures] = outcome.failed;
  if (firstFailure) {
    for (const { error } of otherFailures) runner.error(renderError(error));
    if (outcome.minted.length > 0) runner.info(`${outcome.minted.length} credential(s) were minted but not handed out; the post step revokes them.`);
    record.pins = (await pins).findings;
    record.storedSecrets = storedSecretsOf(await storedSecrets);
    saveAudit(runner, cleanup, auditPath, record);
    throw firstFailure.error;
  }
  const delivery = writeDelivery(outcome.minted, runner, cleanup, config.files);
  // Its code loads only for a step with exec entries; the file is written before the commit, exported in it.
  if (config.execInputs !== undefined) {
    const handoff = await import('./exec/handoff.js');
    delivery.env.push([handoff.EXEC_CONFIG_VARIABLE, handoff.writeExecHandoff(config.execInputs, runner.env, cleanup)]);
  }
  // CLI sessions (az, Az PowerShell) last: a sign-in that fails leaves nothing handed out, and post signs out.
  if (outcome.minted.some(({ credential }) => credential.session !== undefined)) {
    await (await import('./sessions/azure-session.js')).startAzureSessions(outcome.minted, runner, cleanup, delivery);
  }
  await commit(runner, { cleanup, outcome, record, auditPath, pins, storedSecrets, delivery });
}

/** GITHUB_ENV and GITHUB_OUTPUT must exist before anything is minted: the commit phase may not discover it. */
function requireRunnerFiles(runner: Runner): void {
  for (const variable of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE'] as const) {
    if (!runner.env[variable]) {
      throw new KeylessError('INPUT_INVALID', `${variable} is not set, so nothing could be handed to the job`, {
        hint: 'run Keyless as a GitHub Actions step (or set the runner file variables when testing locally)',
      });
    }
  }
}

/**
 * The tool chain first. Under enforce the pin check gates everything after it; under warn it only
 * annotates, so it runs alongside the exchanges instead of adding its round trip in front of them, and a
 * problem it meets becomes a warning. The tool gate runs before the runner token is even requested, and
 * its code (Sigstore and all) loads only when there are tools to verify.
 */
async function gate(config: Config, deps: { runner: Runner; http: HttpClient; workspace: string; cleanup: CleanupLog }) {
  // Under warn the check waits a turn of the event loop, so the runner token request is on the wire before
  // the workflow is read and parsed: the scan then costs the step nothing while the runner answers.
  const pinCheck: Promise<PinReport> =
    config.pinPolicy === 'off'
      ? Promise.resolve(NO_PINS)
      : (config.pinPolicy === 'warn' ? nextTurn() : Promise.resolve()).then(() => import('./policy/pins/gate.js')).then((m) => m.gatePins(config, deps));
  if (config.pinPolicy === 'enforce') await pinCheck;
  // gatePins never throws under warn; should a bug make it, that is a warning too, never a failed step that exported credentials.
  const pins = pinCheck.catch((error: unknown): PinReport => {
    deps.runner.warning(`pin check did not finish: ${renderError(error)}`);
    return NO_PINS;
  });
  // The stored-secret check gates like the pin check; its code loads only when secrets-policy asks for it.
  const secretsCheck: Promise<SecretsReport | undefined> =
    config.secretsPolicy === 'off' ? Promise.resolve(undefined) : import('./policy/secrets/gate.js').then((m) => m.gateSecrets(config, deps));
  if (config.secretsPolicy === 'enforce') await secretsCheck;
  const storedSecrets = secretsCheck.catch((error: unknown) => {
    deps.runner.warning(`stored-secret check did not finish: ${renderError(error)}`);
    return undefined;
  });
  const tools: VerifiedTool[] = config.tools.length > 0 ? await (await import('./policy/tools/gate.js')).gateTools(config, deps) : [];
  return { tools, pins, storedSecrets };
}

/** After the I/O this turn started (a request's connect and write), not merely after the pending promises. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Names and places only: an audit record never holds a value. */
function storedSecretsOf(report: SecretsReport | undefined): AuditRecord['storedSecrets'] {
  return report?.findings.map(({ file, line, secret, kind }) => ({ file, line, secret, kind }));
}

function auditRecord(config: Config, outcome: ExchangeOutcome, tools: readonly VerifiedTool[]): AuditRecord {
  const anyToken = outcome.tokens.values().next().value;
  return {
    version: 1,
    identity: anyToken ? identityFromClaims(anyToken.claims) : {},
    tools,
    pins: [],
    exchanges: config.credentials.map((entry) => {
      const failure = outcome.failed.find((f) => f.entry === entry);
      const audience = outcome.audiences.get(entry.id);
      return {
        id: entry.id,
        provider: entry.provider.name,
        ...(audience === undefined ? {} : { audience }),
        ...(entry.from === undefined ? {} : { from: entry.from }),
        ...(entry.subjectToken === undefined || entry.subjectToken.kind === 'runner' ? {} : { subjectToken: describeSource(entry.subjectToken) }),
        outcome: failure ? 'failed' : entry.exports.has('exec') ? 'exec' : 'issued',
        ...(failure ? { error: failure.error.code } : {}),
      };
    }),
    credentials: [],
  };
}

interface Commit {
  cleanup: CleanupLog;
  outcome: ExchangeOutcome;
  record: AuditRecord;
  auditPath: string;
  pins: Promise<PinReport>;
  storedSecrets: Promise<SecretsReport | undefined>;
  delivery: ReturnType<typeof writeDelivery>;
}

/**
 * Hands everything to the job. Every value was checked and masked on arrival and every file is on disk,
 * so what remains are appends to the runner's files; the audit record and summary are reports, and a
 * failure to write them is a warning, never a failed step that has already exported credentials.
 */
async function commit(runner: Runner, { cleanup, outcome, record, auditPath, pins, storedSecrets, delivery }: Commit): Promise<void> {
  for (const [name, value] of delivery.env) runner.exportVariable(name, value);
  // Only an entry exported to env or file wrote the token files `keyless refresh` renews (an az session lists its own).
  const refreshable = outcome.minted.some(({ entry, credential }) => credential.refreshable && (entry.exports.has('env') || entry.exports.has('file')));
  const exec = record.exchanges.some((exchange) => exchange.outcome === 'exec');
  if (refreshable || exec || delivery.env.some(([name]) => name === 'KEYLESS_REFRESH')) runner.exportVariable('KEYLESS_CLI', cliPath());
  for (const [name, value] of delivery.outputs) runner.setOutput(name, value);
  for (const { entry, credential } of outcome.minted) {
    const exported = delivery.exported.get(entry.id) ?? [];
    record.credentials.push({
      id: entry.id,
      provider: entry.provider.name,
      ...credential.info,
      exported,
      revocable: credential.revoke !== undefined,
      ...(entry.from === undefined ? {} : { from: entry.from }),
    });
    const expiry = credential.info.expiresAt ? `, expires ${credential.info.expiresAt}` : '';
    runner.info(`✓ ${entry.provider.name} "${entry.id}": ${credential.info.tokenType ?? 'credential'} for ${credential.info.principal}${expiry} → ${exported.join(', ') || 'nothing exported'}`);
  }
  for (const exchange of record.exchanges) if (exchange.outcome === 'exec') runner.info(`· ${exchange.provider} "${exchange.id}": checked; minted only when keyless exec asks for it, for its command alone`);
  const expiries = record.credentials.flatMap((c) => (c.expiresAt ? [c.expiresAt] : [])).sort();
  if (expiries[0]) runner.setOutput('expires-at', expiries[0]);
  runner.setOutput('credentials', JSON.stringify(record.credentials.map(({ id, provider, principal, expiresAt }) => ({ id, provider, principal, expiresAt }))));
  record.pins = (await pins).findings;
  record.storedSecrets = storedSecretsOf(await storedSecrets);
  if (saveAudit(runner, cleanup, auditPath, record)) runner.setOutput('audit-file', auditPath);
  try {
    runner.appendSummary(mainSummary(record, (text) => runner.redact(text)));
  } catch (error) {
    runner.warning(`the job summary could not be written: ${renderError(error)}`);
  }
}

/** Recorded once written, with its digest: post adds the cleanup to this file only while it holds these bytes. */
function saveAudit(runner: Runner, cleanup: CleanupLog, path: string, record: AuditRecord): boolean {
  try {
    cleanup.record({ kind: 'audit', path, sha256: writeAudit(path, record, (text) => runner.redact(text)) });
    return true;
  } catch (error) {
    runner.warning(`the audit record could not be written to ${path}: ${renderError(error)}`);
    return false;
  }
}
