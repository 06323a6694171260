import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditRecord } from './audit/record.js';
import { identityFromClaims, writeAudit } from './audit/record.js';
import { mainSummary } from './audit/summary.js';
import { loadConfig } from './config/config.js';
import { readInputs } from './config/inputs.js';
import { renderError } from './errors.js';
import { mintAll } from './exchange.js';
import type { HttpClient } from './http/client.js';
import type { Runner } from './runner/runner.js';
import { CleanupLog } from './runner/state.js';
import { deliver, secretDirectory, writeCredentialFiles } from './sinks/deliver.js';

/** dist/cli.js, beside this bundle's folder (dist/main/index.js), for `node "$KEYLESS_CLI" refresh`. */
function cliPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'cli.js');
}

export interface MainDeps {
  runner: Runner;
  createHttp: (timeoutMs: number) => HttpClient;
  now: () => number;
}

/**
 * The main step: inputs → claims gate → runner OIDC → exchanges → sinks → audit. Throws a KeylessError
 * when the step must fail; by then everything minted is recorded for the post step to revoke.
 */
export async function run(deps: MainDeps): Promise<void> {
  const { runner } = deps;
  const config = loadConfig(readInputs(runner.env), runner.env.GITHUB_WORKSPACE ?? process.cwd());
  const cleanup = new CleanupLog(runner);
  cleanup.record({ kind: 'settings', strictCleanup: config.strictCleanup });
  const http = deps.createHttp(config.httpTimeoutMs);

  // Under enforce the pin check gates everything after it; under warn it only annotates, so it runs
  // alongside the exchanges instead of adding its round trip (the contents API) in front of them.
  const workspace = runner.env.GITHUB_WORKSPACE ?? process.cwd();
  const pinCheck = config.pinPolicy === 'off' ? Promise.resolve({ findings: [], omitted: 0, problems: [] }) : import('./policy/pins/gate.js').then((m) => m.gatePins(config, { runner, http, workspace }));
  if (config.pinPolicy === 'enforce') await pinCheck;
  else pinCheck.catch(() => undefined);
  // The gate runs before the runner token is even requested: an unverified tool chain gets no credential.
  // Its code (Sigstore and all) loads only when there are tools to verify.
  const tools =
    config.tools.length > 0
      ? await (await import('./policy/tools/gate.js')).gateTools(config, { runner, http, workspace })
      : [];
  const outcome = await mintAll(config.credentials, config.claimRules, { runner, http, cleanup, now: deps.now });
  const anyToken = outcome.tokens.values().next().value;
  const record: AuditRecord = {
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
        outcome: failure ? 'failed' : 'issued',
        ...(failure ? { error: failure.error.code } : {}),
      };
    }),
    credentials: [],
  };
  const auditPath = join(runner.env.RUNNER_TEMP || tmpdir(), `keyless-audit-${runner.env.GITHUB_RUN_ID ?? 'local'}-${process.pid}.json`);
  cleanup.record({ kind: 'audit', path: auditPath });

  const [firstFailure, ...otherFailures] = outcome.failed;
  if (firstFailure) {
    for (const { error } of otherFailures) runner.error(renderError(error));
    if (outcome.minted.length > 0) {
      runner.info(`${outcome.minted.length} credential(s) were minted but not handed out; the post step revokes them.`);
    }
    writeAudit(auditPath, record);
    throw firstFailure.error;
  }

  const secretDir = secretDirectory(runner, cleanup);
  const files = writeCredentialFiles(outcome.minted, runner, cleanup, secretDir);
  for (const { entry, credential } of outcome.minted) {
    const exported = [...(files.get(entry.id) ?? []), ...deliver(entry, credential, runner, cleanup, secretDir).exported];
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
  if (outcome.minted.some(({ credential }) => credential.refreshable)) runner.exportVariable('KEYLESS_CLI', cliPath());
  const expiries = record.credentials.flatMap((c) => (c.expiresAt ? [c.expiresAt] : [])).sort();
  if (expiries[0]) runner.setOutput('expires-at', expiries[0]);
  runner.setOutput('credentials', JSON.stringify(record.credentials.map(({ id, provider, principal, expiresAt }) => ({ id, provider, principal, expiresAt }))));
  runner.setOutput('audit-file', auditPath);
  record.pins = (await pinCheck).findings;
  writeAudit(auditPath, record);
  runner.appendSummary(mainSummary(record));
}
