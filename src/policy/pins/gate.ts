import type { Config } from '../../config/config.js';
import { KeylessError } from '../../errors.js';
import { parseEndpoint } from '../../http/url.js';
import type { AnnotationProperties } from '../../runner/commands.js';
import type { Runner } from '../../runner/runner.js';
import { parseAllowList } from './policy.js';
import { type Finding, type PinnedUses, scanWithPins } from './scan.js';
import { localSources, type PinGateDeps, type PinProblem, problem, readSources } from './sources.js';
import { verifyPins } from './verify-pins.js';

/** What the gate saw, for the annotations and the audit record. */
export interface PinReport {
  findings: Finding[];
  /** Distinct findings not listed, beyond MAX_FINDINGS_PER_FILE in some file. */
  omitted: number;
  problems: PinProblem[];
}

export type { PinGateDeps, PinProblem } from './sources.js';

/**
 * Scans the running workflow (or, with pin-scope: repository, every workflow) and the local actions and
 * reusable workflows it uses, however the `uses:` is written. Each finding and each problem is an
 * annotation. Under `warn` it never throws: the report is the whole outcome. Under `enforce` a problem
 * throws its own code and a finding POLICY_PIN_VIOLATION, before a runner token is requested.
 */
export async function gatePins(config: Config, deps: PinGateDeps): Promise<PinReport> {
  const report: PinReport = { findings: [], omitted: 0, problems: [] };
  try {
    await check(config, deps, report);
  } catch (error) {
    report.problems.push(problem(error));
  }
  annotate(report, config, deps.runner);
  if (config.pinPolicy !== 'enforce') return report;
  const [first] = report.problems;
  if (first) {
    throw new KeylessError(first.code === 'INTERNAL' ? 'POLICY_PIN_VIOLATION' : first.code, `the pin check could not be completed, so no credential was requested: ${first.message}`, {
      hint: first.hint ?? 'see the annotations',
    });
  }
  const count = report.findings.length + report.omitted;
  if (count > 0) {
    throw new KeylessError('POLICY_PIN_VIOLATION', `${count} reference(s) are not pinned to an immutable digest, so no credential was requested`, {
      hint: 'pin them (see the annotations), allow them with pin-allow, or use pin-policy: warn while adopting',
    });
  }
  return report;
}

async function check(config: Config, deps: PinGateDeps, report: PinReport): Promise<void> {
  const allow = parseAllowList(config.pinAllow);
  const pinned: PinnedUses[] = [];
  const seen = new Set<string>();
  const queue = await readSources(config, deps, report);
  for (let source = queue.shift(); source; source = queue.shift()) {
    if (seen.has(source.file)) continue;
    seen.add(source.file);
    let scanned;
    try {
      scanned = scanWithPins(source.file, source.text, allow);
    } catch (error) {
      report.problems.push(problem(error, source.file));
      continue;
    }
    report.findings.push(...scanned.findings);
    report.omitted += scanned.omitted;
    pinned.push(...scanned.pinned);
    queue.push(...(await localSources(source, scanned.locals, deps, config.githubToken, report)));
  }
  if (config.pinVerify && pinned.length > 0) {
    const api = parseEndpoint(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
    const verified = await verifyPins(pinned, { http: deps.http, api, ...(config.githubToken ? { token: config.githubToken } : {}) });
    report.findings.push(...verified.findings);
    if (verified.error !== undefined) report.problems.push(problem(verified.error));
  }
}

function annotate(report: PinReport, config: Config, runner: Runner): void {
  const say = (message: string, properties: AnnotationProperties) =>
    config.pinPolicy === 'enforce' ? runner.error(message, properties) : runner.warning(message, properties);
  for (const f of report.findings) {
    const fix = f.note ?? (f.kind === 'unpinned-image' ? 'pin it to @sha256:<digest>' : f.kind === 'unpinned-uses' ? 'pin it to a full commit SHA (keyless pins --fix)' : 'fix the YAML');
    say(`${f.ref} is not ${f.kind === 'impostor-commit' || f.kind === 'ref-version-mismatch' ? 'a trustworthy pin' : 'pinned'}: ${fix}${f.dynamic ? ' (the expression could not be resolved statically)' : ''}`, { title: `Keyless ${f.kind}`, file: f.file, line: f.line });
  }
  if (report.omitted > 0) say(`… and ${report.omitted} more reference(s) not pinned (not listed)`, { title: 'Keyless pin policy' });
  for (const p of report.problems) {
    say(`pin check incomplete: [${p.code}] ${p.message}${p.hint ? ` — ${p.hint}` : ''}`, { title: 'Keyless pin policy', ...(p.file ? { file: p.file } : {}) });
  }
}

