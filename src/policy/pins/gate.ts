import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findFiles } from './files.js';
import type { Config } from '../../config/config.js';
import { KeylessError } from '../../errors.js';
import type { HttpClient } from '../../http/client.js';
import { parseEndpoint } from '../../http/url.js';
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

/**
 * Scans the running workflow (or, with pin-scope: repository, every workflow) and the local actions it
 * uses. Each finding is an annotation at its file and line; under `enforce` any finding fails the step
 * before a runner token is requested.
 */
export async function gatePins(config: Config, deps: PinGateDeps): Promise<Finding[]> {
  const allow = parseAllowList(config.pinAllow);
  const sources = await readSources(config, deps);
  const findings: Finding[] = [];
  const pinned: PinnedUses[] = [];
  const seen = new Set<string>();
  const queue = [...sources];
  for (let source = queue.shift(); source; source = queue.shift()) {
    if (seen.has(source.file)) continue;
    seen.add(source.file);
    const scanned = scanWithPins(source.file, source.text, allow);
    findings.push(...scanned.findings);
    pinned.push(...scanned.pinned);
    // Local actions (`uses: ./path`) are part of the chain: scan their action.yml too, from the checkout.
    for (const local of source.text.matchAll(/uses:\s*["']?\.\/([^\s"'#@]+)/g)) {
      const dir = join(deps.workspace, local[1] ?? '');
      for (const name of ['action.yml', 'action.yaml']) {
        const path = join(dir, name);
        if (existsSync(path)) queue.push({ file: relative(deps.workspace, path), text: readFileSync(path, 'utf8') });
      }
    }
  }
  if (config.pinVerify) {
    const api = parseEndpoint(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
    findings.push(...(await verifyPins(pinned, { http: deps.http, api, ...(config.githubToken ? { token: config.githubToken } : {}) })));
  }
  annotateFindings(findings, config, deps.runner);
  if (findings.length > 0 && config.pinPolicy === 'enforce') {
    throw new KeylessError('POLICY_PIN_VIOLATION', `${findings.length} reference(s) are not pinned to an immutable digest, so no credential was requested`, {
      hint: 'pin them (see the annotations), allow them with pin-allow, or use pin-policy: warn while adopting',
    });
  }
  return findings;
}

function annotateFindings(findings: readonly Finding[], config: Config, runner: Runner): void {
  const annotate = (message: string, properties: AnnotationProperties) =>
    config.pinPolicy === 'enforce' ? runner.error(message, properties) : runner.warning(message, properties);
  for (const f of findings) {
    const fix = f.note ?? (f.kind === 'unpinned-image' ? 'pin it to @sha256:<digest>' : f.kind === 'unpinned-uses' ? 'pin it to a full commit SHA (keyless pins --fix)' : 'fix the YAML');
    annotate(`${f.ref} is not ${f.kind === 'impostor-commit' || f.kind === 'ref-version-mismatch' ? 'a trustworthy pin' : 'pinned'}: ${fix}${f.dynamic ? ' (the expression could not be resolved statically)' : ''}`, { title: `Keyless ${f.kind}`, file: f.file, line: f.line });
  }
}

type Source = { file: string; text: string };

/** What to scan; under warn, a workflow that cannot be read is a warning, not a failed step. */
async function readSources(config: Config, deps: PinGateDeps): Promise<Source[]> {
  try {
    return config.pinScope === 'repository' ? repositoryFiles(deps.workspace) : await runningWorkflow(deps, config.githubToken);
  } catch (error) {
    if (config.pinPolicy === 'enforce' || !(error instanceof KeylessError)) throw error;
    deps.runner.warning(`pin check skipped: ${error.message} — ${error.hint ?? ''}`, { title: 'Keyless pin policy' });
    return [];
  }
}

function repositoryFiles(workspace: string): Source[] {
  return findFiles(workspace).map((path) => ({ file: relative(workspace, path), text: readFileSync(path, 'utf8') }));
}

/** The workflow file this run executes: from the checkout, else from the GitHub contents API at GITHUB_SHA. */
async function runningWorkflow(deps: PinGateDeps, token: string | undefined): Promise<Source[]> {
  const ref = deps.runner.env.GITHUB_WORKFLOW_REF ?? '';
  const match = /^([^/]+\/[^/]+)\/(.+?)@/.exec(ref);
  if (!match) throw new KeylessError('INPUT_INVALID', 'GITHUB_WORKFLOW_REF is not set, so the running workflow is unknown', { hint: 'run inside GitHub Actions, or use pin-scope: repository' });
  const [, repo = '', path = ''] = match;
  const local = join(deps.workspace, path);
  if (existsSync(local) && deps.runner.env.GITHUB_REPOSITORY === repo) return [{ file: path, text: readFileSync(local, 'utf8') }];
  const api = parseEndpoint(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
  const url = new URL(`${api.pathname.replace(/\/$/, '')}/repos/${repo}/contents/${path}`, api);
  url.searchParams.set('ref', deps.runner.env.GITHUB_SHA ?? '');
  const response = await deps.http.request({
    method: 'GET',
    url,
    what: 'GitHub contents API',
    headers: { accept: 'application/vnd.github.raw', 'x-github-api-version': '2022-11-28', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (response.status !== 200) {
    throw new KeylessError('HTTP_STATUS', `reading ${path} at ${deps.runner.env.GITHUB_SHA ?? '?'} through the GitHub API answered HTTP ${response.status}`, {
      hint: 'check out the repository before Keyless (actions/checkout), or give github-token contents: read',
    });
  }
  return [{ file: path, text: response.body }];
}
