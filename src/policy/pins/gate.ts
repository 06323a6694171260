import { existsSync } from 'node:fs';
import path from 'node:path';
import { findFiles, readWorkflowFile } from './files.js';
import type { Config } from '../../config/config.js';
import { type ErrorCode, KeylessError } from '../../errors.js';
import type { HttpClient } from '../../http/client.js';
import { parseEndpoint } from '../../http/url.js';
import { inside, type PathFlavour, repoPath } from '../../os/paths.js';
import type { AnnotationProperties } from '../../runner/commands.js';
import type { Runner } from '../../runner/runner.js';
import { parseAllowList } from './policy.js';
import { type Finding, type PinnedUses, scanWithPins } from './scan.js';
import { verifyPins } from './verify-pins.js';

export interface PinGateDeps {
  runner: Runner;
  http: HttpClient;
  workspace: string;
}

/** Something the gate could not check: an unreadable file, a file past a limit, a failed GitHub API call. */
export interface PinProblem {
  /** Workspace-relative file it is about (`/`-separated), when there is one. */
  file?: string;
  /** The KeylessError code; INTERNAL for an error that is not one (a Keyless bug). */
  code: ErrorCode | 'INTERNAL';
  message: string;
  hint?: string;
}

/** What the gate saw, for the annotations and the audit record. */
export interface PinReport {
  findings: Finding[];
  /** Distinct findings not listed, beyond MAX_FINDINGS_PER_FILE in some file. */
  omitted: number;
  problems: PinProblem[];
}

/**
 * Scans the running workflow (or, with pin-scope: repository, every workflow) and the local actions it
 * uses. Each finding and each problem is an annotation. Under `warn` it never throws: the report is the
 * whole outcome. Under `enforce` a problem throws its own code and a finding POLICY_PIN_VIOLATION,
 * before a runner token is requested.
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
    try {
      const scanned = scanWithPins(source.file, source.text, allow);
      report.findings.push(...scanned.findings);
      report.omitted += scanned.omitted;
      pinned.push(...scanned.pinned);
    } catch (error) {
      report.problems.push(problem(error, source.file));
      continue;
    }
    queue.push(...localActions(source.text, deps, report));
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

export function problem(error: unknown, file?: string): PinProblem {
  const at = file === undefined ? {} : { file };
  if (error instanceof KeylessError) return { ...at, code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  return { ...at, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), hint: 'this is a Keyless bug; please report it with the step log' };
}

/** A file to scan; `file` names it in reports (repository-relative, `/`-separated). */
export type Source = { file: string; text: string };
/** A file of the checkout: `file` as reports name it, `local` where it is on disk. */
type Located = { file: string; local: string };

/** Local actions (`uses: ./path`) are part of the chain: their action.yml, from the checkout. */
export function localActions(text: string, deps: PinGateDeps, report: Pick<PinReport, 'problems'>): Source[] {
  const found: Source[] = [];
  for (const local of new Set(Array.from(text.matchAll(/uses:\s*["']?\.\/([^\s"'#@]+)/g), (m) => m[1] ?? ''))) {
    for (const candidate of localActionFiles(deps.workspace, local)) {
      const source = readSource(candidate, report);
      if (source) found.push(source);
    }
  }
  return found;
}

/**
 * Where the checkout at `workspace` holds the action a `uses: ./<local>` names, as the runner's OS reads
 * `<local>` (on Windows `\` separates too). `./../x` names no file of this checkout: nothing outside the
 * workspace is read.
 */
export function localActionFiles(workspace: string, local: string, flavour: PathFlavour = path): Located[] {
  return ['action.yml', 'action.yaml'].flatMap((name) => {
    const at = flavour.join(workspace, local, name);
    return inside(workspace, at, flavour) === undefined ? [] : [{ file: repoPath(workspace, at, flavour), local: at }];
  });
}

function readSource({ file, local }: Located, report: Pick<PinReport, 'problems'>): Source | undefined {
  if (!existsSync(local)) return undefined;
  try {
    return { file, text: readWorkflowFile(local) };
  } catch (error) {
    report.problems.push(problem(error, file));
    return undefined;
  }
}

/** What to scan. A file that cannot be read is a problem in the report, and the others are still scanned. */
export async function readSources(config: Config, deps: PinGateDeps, report: Pick<PinReport, 'problems'>): Promise<Source[]> {
  try {
    if (config.pinScope !== 'repository') return await runningWorkflow(deps, config.githubToken);
    const files = findFiles(deps.workspace, (dir, error) => report.problems.push(problem(error, repoPath(deps.workspace, dir))));
    return files.flatMap((local) => {
      const file = repoPath(deps.workspace, local);
      try {
        return [{ file, text: readWorkflowFile(local) }];
      } catch (error) {
        report.problems.push(problem(error, file));
        return [];
      }
    });
  } catch (error) {
    report.problems.push(problem(error));
    return [];
  }
}

/**
 * The workflow a run executes, from GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/ci.yml@refs/heads/main`):
 * its repository, its path in it (`/`-separated, as in the ref) and where a checkout at `workspace` holds it.
 * The path must be a plain one — no empty, `.` or `..` part, no `\` — so it names the same file on every OS
 * and in the contents API URL.
 */
export function workflowFromRef(ref: string, workspace: string, flavour: PathFlavour = path): { repo: string; file: string; local: string } {
  const match = /^([^/]+\/[^/]+)\/(.+?)@/.exec(ref);
  if (!match) throw new KeylessError('INPUT_INVALID', 'GITHUB_WORKFLOW_REF is not set, so the running workflow is unknown', { hint: 'run inside GitHub Actions, or use pin-scope: repository' });
  const [, repo = '', file = ''] = match;
  const parts = file.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\') || part.includes('\0'))) {
    throw new KeylessError('INPUT_INVALID', 'GITHUB_WORKFLOW_REF does not name a plain path in the repository, so the running workflow is unknown', {
      hint: 'an earlier step may have changed GITHUB_WORKFLOW_REF; or use pin-scope: repository',
    });
  }
  return { repo, file, local: flavour.join(workspace, ...parts) };
}

/** The workflow file this run executes: from the checkout, else from the GitHub contents API at GITHUB_SHA. */
async function runningWorkflow(deps: PinGateDeps, token: string | undefined): Promise<Source[]> {
  const { repo, file, local } = workflowFromRef(deps.runner.env.GITHUB_WORKFLOW_REF ?? '', deps.workspace);
  if (existsSync(local) && deps.runner.env.GITHUB_REPOSITORY === repo) return [{ file, text: readWorkflowFile(local) }];
  const api = parseEndpoint(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
  const url = new URL(`${api.pathname.replace(/\/$/, '')}/repos/${repo}/contents/${file}`, api);
  url.searchParams.set('ref', deps.runner.env.GITHUB_SHA ?? '');
  const response = await deps.http.request({
    method: 'GET',
    url,
    what: 'GitHub contents API',
    headers: { accept: 'application/vnd.github.raw', 'x-github-api-version': '2022-11-28', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (response.status !== 200) {
    throw new KeylessError('HTTP_STATUS', `reading ${file} at ${deps.runner.env.GITHUB_SHA ?? '?'} through the GitHub API answered HTTP ${response.status}`, {
      hint: 'check out the repository before Keyless (actions/checkout), or give github-token contents: read',
    });
  }
  return [{ file, text: response.body }];
}
