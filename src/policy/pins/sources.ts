import { existsSync } from 'node:fs';
import path from 'node:path';
import { findFiles, readWorkflowFile } from './files.js';
import type { Config } from '../../config/config.js';
import { type ErrorCode, KeylessError } from '../../errors.js';
import type { HttpClient } from '../../http/client.js';
import { parseEndpoint } from '../../http/url.js';
import { inside, type PathFlavour, repoPath } from '../../os/paths.js';
import type { Runner } from '../../runner/runner.js';
import type { LocalUses } from './scan.js';

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

type Problems = { problems: PinProblem[] };

export function problem(error: unknown, file?: string): PinProblem {
  const at = file === undefined ? {} : { file };
  if (error instanceof KeylessError) return { ...at, code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  return { ...at, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), hint: 'this is a Keyless bug; please report it with the step log' };
}

/**
 * A file to scan; `file` names it in reports (repository-relative, `/`-separated). `api` is the repository
 * it was read from through the GitHub API (absent when read from the checkout): the local reusable workflows
 * it calls are read the same way. `depth` counts the local references that led to it.
 */
export type Source = { file: string; text: string; api?: string; depth?: number };
/** A file of the checkout: `file` as reports name it, `local` where it is on disk. */
type Located = { file: string; local: string };

/** GitHub nests reusable workflows, and composite actions, at most this deep. */
export const MAX_LOCAL_DEPTH = 10;

/**
 * Local actions (`uses: ./path`) and local reusable workflows (a job's `uses: ./….yml`) are part of the
 * chain, scanned like the file that names them. A called workflow runs with GITHUB_WORKFLOW_REF naming its
 * caller, so the file holding the Keyless step may be one only reached this way. A local action is read
 * from the checkout, where the runner reads it (one not there is left: a later step may create it); a
 * reusable workflow from wherever its caller came from, as GitHub reads it from the caller's commit.
 */
export async function localSources(source: Source, locals: readonly LocalUses[], deps: PinGateDeps, token: string | undefined, report: Problems): Promise<Source[]> {
  const depth = (source.depth ?? 0) + 1;
  if (locals.length > 0 && depth > MAX_LOCAL_DEPTH) {
    report.problems.push(problem(new KeylessError('INPUT_INVALID', `local actions and workflows nest deeper than ${MAX_LOCAL_DEPTH} levels here, so the rest were not checked`, { hint: 'GitHub does not run them this deep either' }), source.file));
    return [];
  }
  const found: Source[] = [];
  for (const { kind, path: local } of locals) {
    try {
      if (kind === 'action') {
        for (const candidate of localActionFiles(deps.workspace, local)) {
          const read = readSource(candidate, report);
          if (read) found.push({ ...read, depth });
        }
      } else {
        found.push({ ...(await localWorkflow(source, local, deps, token)), depth });
      }
    } catch (error) {
      report.problems.push(problem(error, source.file));
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

/** The reusable workflow a job's `uses: ./<local>` calls; it must name a plain path, like the running workflow. */
async function localWorkflow(caller: Source, local: string, deps: PinGateDeps, token: string | undefined): Promise<Source> {
  const parts = plainPath(local, `${caller.file} calls the local workflow ./${local}, which is not a plain path in the repository`, 'write it as ./.github/workflows/<file>.yml');
  const file = parts.join('/');
  if (caller.api !== undefined) return { file, text: await contents(deps, token, caller.api, file), api: caller.api };
  const at = path.join(deps.workspace, ...parts);
  if (!existsSync(at)) {
    throw new KeylessError('INPUT_INVALID', `${caller.file} calls the local workflow ./${file}, which is not in the checkout, so it could not be checked`, {
      hint: 'check out the commit that holds it before Keyless (actions/checkout)',
    });
  }
  return { file, text: readWorkflowFile(at) };
}

/** No empty, `.` or `..` part and no `\`, so the path names the same file on every OS and in a contents API URL. */
function plainPath(file: string, message: string, hint: string): string[] {
  const parts = file.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\') || part.includes('\0'))) {
    throw new KeylessError('INPUT_INVALID', message, { hint });
  }
  return parts;
}

function readSource({ file, local }: Located, report: Problems): Source | undefined {
  if (!existsSync(local)) return undefined;
  try {
    return { file, text: readWorkflowFile(local) };
  } catch (error) {
    report.problems.push(problem(error, file));
    return undefined;
  }
}

/** What to scan. A file that cannot be read is a problem in the report, and the others are still scanned. */
export async function readSources(config: Config, deps: PinGateDeps, report: Problems): Promise<Source[]> {
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
  const parts = plainPath(file, 'GITHUB_WORKFLOW_REF does not name a plain path in the repository, so the running workflow is unknown', 'an earlier step may have changed GITHUB_WORKFLOW_REF; or use pin-scope: repository');
  return { repo, file, local: flavour.join(workspace, ...parts) };
}

/** The workflow file this run executes: from the checkout, else from the GitHub contents API at GITHUB_SHA. */
async function runningWorkflow(deps: PinGateDeps, token: string | undefined): Promise<Source[]> {
  const { repo, file, local } = workflowFromRef(deps.runner.env.GITHUB_WORKFLOW_REF ?? '', deps.workspace);
  if (existsSync(local) && deps.runner.env.GITHUB_REPOSITORY === repo) return [{ file, text: readWorkflowFile(local) }];
  return [{ file, text: await contents(deps, token, repo, file), api: repo }];
}

async function contents(deps: PinGateDeps, token: string | undefined, repo: string, file: string): Promise<string> {
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
  return response.body;
}
