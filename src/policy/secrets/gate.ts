import type { Config } from '../../config/config.js';
import { KeylessError } from '../../errors.js';
import type { Runner } from '../../runner/runner.js';
import { localUses } from '../pins/scan.js';
import { localSources, type PinGateDeps, type PinProblem, problem, readSources } from '../pins/sources.js';
import { inventory, type SecretFinding } from './inventory.js';

/** What the secrets gate saw: for the annotations, the summary and the audit record (names, never values). */
export interface SecretsReport {
  findings: SecretFinding[];
  problems: PinProblem[];
}

/**
 * `secrets-policy`: the stored secrets the workflows pin-scope names (and the local actions and reusable
 * workflows they use) read, each an annotation naming the Keyless entry that replaces it. Under `warn` it
 * never throws; under `enforce` a finding or a file it could not check fails the step before a runner
 * token is requested.
 */
export async function gateSecrets(config: Config, deps: PinGateDeps): Promise<SecretsReport> {
  const report: SecretsReport = { findings: [], problems: [] };
  try {
    const queue = await readSources(config, deps, report);
    const seen = new Set<string>();
    for (let source = queue.shift(); source; source = queue.shift()) {
      if (seen.has(source.file)) continue;
      seen.add(source.file);
      let locals;
      try {
        report.findings.push(...inventory(source.file, source.text));
        locals = localUses(source.file, source.text);
      } catch (error) {
        report.problems.push(problem(error, source.file));
        continue;
      }
      queue.push(...(await localSources(source, locals, deps, config.githubToken, report)));
    }
  } catch (error) {
    report.problems.push(problem(error));
  }
  annotate(report, config, deps.runner);
  if (config.secretsPolicy !== 'enforce') return report;
  const [first] = report.problems;
  if (first) {
    throw new KeylessError('POLICY_SECRET_VIOLATION', `the stored-secret check could not be completed, so no credential was requested: ${first.message}`, { hint: first.hint ?? 'see the annotations' });
  }
  if (report.findings.length > 0) {
    throw new KeylessError('POLICY_SECRET_VIOLATION', `${report.findings.length} use(s) of stored secrets in the checked workflows, so no credential was requested`, {
      hint: 'replace each with the Keyless entry the annotation names (keyless secrets prints them), or use secrets-policy: warn while migrating',
    });
  }
  return report;
}

function annotate(report: SecretsReport, config: Config, runner: Runner): void {
  const say = config.secretsPolicy === 'enforce' ? runner.error.bind(runner) : runner.warning.bind(runner);
  for (const f of report.findings) {
    const replace = f.replacement === null ? 'no Keyless provider replaces it' : `a Keyless entry replaces it (keyless secrets ${f.file} prints it)`;
    say(`secrets.${f.secret} is a stored ${f.kind} secret (${f.confidence} confidence): ${replace}`, { title: 'Keyless stored secret', file: f.file, line: f.line });
  }
  for (const p of report.problems) say(`stored-secret check incomplete: [${p.code}] ${p.message}${p.hint ? ` — ${p.hint}` : ''}`, { title: 'Keyless secrets policy', ...(p.file ? { file: p.file } : {}) });
}
