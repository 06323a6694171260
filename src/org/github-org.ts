import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { KeylessError } from '../errors.js';
import { type HttpClient, type HttpResponse, headerValue } from '../http/client.js';
import { isObject, parseLoose, serverText } from '../http/json.js';
import { parseRetryAfter } from '../http/retry.js';
import { MAX_FILE_BYTES } from '../policy/pins/files.js';
import { MAX_LISTED } from './repository-list.js';

/**
 * Many repositories' workflow and action files, read through the GitHub REST API: the repositories of an
 * organisation (or a list), each one's tree at its default branch, and the blobs of `.github/workflows/*`
 * and every `action.yml`. Nothing is cloned and no file text is kept past its scan, so memory stays flat
 * as the organisation grows. Rate limits are waited out for every worker at once; a checkpoint file makes
 * an interrupted scan resume where it stopped.
 */

export interface RemoteFile {
  /** `owner/name`. */
  repository: string;
  path: string;
  text: string;
}

export interface OrgScanOptions {
  http: HttpClient;
  /** The REST API root: https://api.github.com, or a GHES instance's /api/v3. */
  api: URL;
  token?: string;
  /** The organisation (or user) whose repositories to scan, or `repositories` instead. */
  org?: string;
  repositories?: readonly string[];
  concurrency: number;
  /** A JSON-lines file of finished repositories: read to skip them, appended to as each one finishes. */
  checkpoint?: string;
  progress?: (progress: OrgProgress) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** The longest rate-limit wait honoured; a longer one fails the repository instead of stalling. */
  maxWaitMs?: number;
}

export interface OrgProgress {
  done: number;
  total: number;
  findings: number;
  /** What is left at the pace so far, in milliseconds; undefined until a repository finished. */
  remainingMs?: number;
  /** The scan waits for a rate limit until then (epoch ms). */
  waitingUntil?: number;
}

export interface RepositoryResult<T> {
  repository: string;
  findings: T[];
  /** Files and failures that stopped part or all of this repository from being checked. */
  problems: string[];
  files: number;
}

interface Repository {
  name: string;
  branch?: string;
}

const PAGE = 100;
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const ACTION = /(^|\/)action\.ya?ml$/;
/** Pages of a listing: a server sending short or empty pages, each with a `next`, is not followed for ever. */
const MAX_PAGES = MAX_LISTED / PAGE;

export async function scanRepositories<T>(options: OrgScanOptions, scan: (file: RemoteFile) => T[]): Promise<RepositoryResult<T>[]> {
  const api = new GitHubReader(options);
  const repositories = options.repositories ? options.repositories.map((name) => ({ name })) : await api.repositoriesOf(options.org ?? '');
  const done = readCheckpoint<T>(options.checkpoint);
  const results: RepositoryResult<T>[] = repositories.flatMap((repo) => done.get(repo.name) ?? []);
  const pending = repositories.filter((repo) => !done.has(repo.name));
  const started = (options.now ?? Date.now)();
  let findings = results.reduce((sum, r) => sum + r.findings.length, 0);
  let finished = 0;
  const report = () =>
    options.progress?.({
      done: results.length,
      total: repositories.length,
      findings,
      ...(finished > 0 ? { remainingMs: (((options.now ?? Date.now)() - started) / finished) * (repositories.length - results.length) } : {}),
      ...(api.waitingUntil > (options.now ?? Date.now)() ? { waitingUntil: api.waitingUntil } : {}),
    });
  report();
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const repo = pending[next++];
      if (repo === undefined) break;
      const result = await scanRepository(api, repo, scan);
      results.push(result);
      findings += result.findings.length;
      finished++;
      if (options.checkpoint) appendFileSync(options.checkpoint, `${JSON.stringify(result)}\n`, { mode: 0o600 });
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, pending.length)) }, worker));
  return results.sort((a, b) => a.repository.localeCompare(b.repository));
}

async function scanRepository<T>(api: GitHubReader, repo: Repository, scan: (file: RemoteFile) => T[]): Promise<RepositoryResult<T>> {
  const result: RepositoryResult<T> = { repository: repo.name, findings: [], problems: [], files: 0 };
  try {
    for (const entry of await api.filesOf(repo)) {
      if (entry.size > MAX_FILE_BYTES) {
        result.problems.push(`${entry.path}: larger than ${MAX_FILE_BYTES} bytes, not scanned`);
        continue;
      }
      const text = await api.blob(repo.name, entry.sha);
      result.files++;
      try {
        result.findings.push(...scan({ repository: repo.name, path: entry.path, text }));
      } catch (error) {
        result.problems.push(`${entry.path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } catch (error) {
    result.problems.push(error instanceof Error ? error.message : String(error));
  }
  return result;
}

function readCheckpoint<T>(file: string | undefined): Map<string, RepositoryResult<T>> {
  const done = new Map<string, RepositoryResult<T>>();
  if (file === undefined || !existsSync(file)) return done;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    // The last line of an interrupted run may be cut short: that repository is scanned again.
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (isObject(parsed) && typeof parsed.repository === 'string' && Array.isArray(parsed.findings) && Array.isArray(parsed.problems)) {
      done.set(parsed.repository, parsed as unknown as RepositoryResult<T>);
    }
  }
  return done;
}

/** GET requests to the REST API, every worker pausing together while a rate limit lasts. */
class GitHubReader {
  waitingUntil = 0;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #now: () => number;

  constructor(private readonly options: OrgScanOptions) {
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#now = options.now ?? Date.now;
  }

  async repositoriesOf(org: string): Promise<Repository[]> {
    const repositories: Repository[] = [];
    // Organisations first; a name that is a user's answers 404 there, and is listed as a user's.
    let url: URL | undefined = this.#url(`orgs/${encodeURIComponent(org)}/repos?per_page=${PAGE}&type=all`);
    let user = false;
    let pages = 0;
    let listed = 0;
    while (url !== undefined) {
      if (pages === MAX_PAGES) throw tooMany(org, `${MAX_PAGES} pages`);
      const response = await this.#get(url, `the repositories of ${org}`, !user);
      if (response.status === 404 && !user) {
        user = true;
        url = this.#url(`users/${encodeURIComponent(org)}/repos?per_page=${PAGE}&type=owner`);
        continue;
      }
      const page = this.#json(response, `the repositories of ${org}`);
      if (!Array.isArray(page)) throw this.#bad(`the repositories of ${org}`, 'a list');
      pages++;
      // Archived and unreadable entries count too: the cap bounds what the server sends, not what is kept.
      listed += page.length;
      if (listed > MAX_LISTED) throw tooMany(org, `${MAX_LISTED} repositories`);
      for (const item of page) {
        // Archived repositories run no workflow; an empty one has no default branch to read.
        if (!isObject(item) || item.archived === true || typeof item.full_name !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(item.full_name)) continue;
        repositories.push({ name: item.full_name, ...(typeof item.default_branch === 'string' ? { branch: item.default_branch } : {}) });
      }
      url = nextPage(response, this.options.api);
    }
    if (repositories.length === 0) throw new KeylessError('INPUT_INVALID', `${org} has no repository this token can read`, { hint: 'check the name, and give GITHUB_TOKEN (or GH_TOKEN) read access to its repositories' });
    return repositories;
  }

  /** The workflow and action files at the default branch: path, blob sha and size. */
  async filesOf(repo: Repository): Promise<{ path: string; sha: string; size: number }[]> {
    const what = `the tree of ${repo.name}`;
    const tree = await this.#get(this.#url(`repos/${repo.name}/git/trees/${encodeURIComponent(repo.branch ?? 'HEAD')}?recursive=1`), what);
    // 409: an empty repository; 404: gone, or not readable with this token.
    if (tree.status === 409) return [];
    const body = this.#json(tree, what);
    if (!isObject(body) || !Array.isArray(body.tree)) throw this.#bad(what, 'a tree');
    if (body.truncated === true) throw new KeylessError('INPUT_TOO_LARGE', `${what} is too large for one API answer (truncated)`, { hint: 'scan this repository from a clone: keyless pins PATH' });
    return body.tree.flatMap((entry: unknown) => {
      if (!isObject(entry) || entry.type !== 'blob' || typeof entry.path !== 'string' || typeof entry.sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(entry.sha)) return [];
      if (!WORKFLOW.test(entry.path) && !ACTION.test(entry.path)) return [];
      // A git path may hold a newline or an escape sequence: such a name never reaches a report line, and
      // the repository is reported as not checked rather than passed.
      if (/\p{Cc}/u.test(entry.path)) throw new KeylessError('INPUT_INVALID', 'a workflow or action file name holds control characters, so the repository was not scanned', { hint: 'rename the file' });
      return [{ path: entry.path, sha: entry.sha, size: typeof entry.size === 'number' ? entry.size : 0 }];
    });
  }

  async blob(repository: string, sha: string): Promise<string> {
    const what = `a file of ${repository}`;
    const body = this.#json(await this.#get(this.#url(`repos/${repository}/git/blobs/${sha}`), what), what);
    if (!isObject(body) || typeof body.content !== 'string' || body.encoding !== 'base64') throw this.#bad(what, 'a base64 blob');
    return Buffer.from(body.content, 'base64').toString('utf8');
  }

  #url(path: string): URL {
    return new URL(path, this.options.api.href.endsWith('/') ? this.options.api : new URL(`${this.options.api.href}/`));
  }

  async #get(url: URL, what: string, allow404 = false): Promise<HttpResponse> {
    for (let attempt = 1; ; attempt++) {
      const wait = this.waitingUntil - this.#now();
      if (wait > 0) await this.#sleep(wait);
      const response = await this.options.http.request({
        method: 'GET',
        url,
        what: `GitHub API (${what})`,
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
      });
      const until = this.#rateLimitedUntil(response);
      if (until === undefined || attempt >= 6) {
        if (response.status === 200 || response.status === 409 || (allow404 && response.status === 404)) return response;
        throw this.#refused(response, what);
      }
      if (until - this.#now() > (this.options.maxWaitMs ?? 3_600_000)) {
        throw new KeylessError('HTTP_STATUS', `GitHub API rate limit: reading ${what} would wait until ${new Date(until).toISOString()}`, { hint: 'resume later with the same --checkpoint file' });
      }
      this.waitingUntil = Math.max(this.waitingUntil, until);
    }
  }

  /**
   * When a refusal is a rate limit, the moment to try again: `retry-after` (secondary limits), else
   * `x-ratelimit-reset` when none is left (primary), else a minute, as GitHub's docs ask.
   */
  #rateLimitedUntil(response: HttpResponse): number | undefined {
    if (response.status !== 403 && response.status !== 429) return undefined;
    const now = this.#now();
    const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']), now);
    if (retryAfter !== undefined) return now + retryAfter;
    const reset = Number(headerValue(response.headers['x-ratelimit-reset']));
    if (headerValue(response.headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset)) return Math.max(now, reset * 1000);
    return /rate limit/i.test(response.body) ? now + 60_000 : undefined;
  }

  #json(response: HttpResponse, what: string): unknown {
    const body = parseLoose(response.body);
    if (body === undefined) throw this.#bad(what, 'JSON');
    return body;
  }

  #bad(what: string, expected: string): KeylessError {
    return new KeylessError('HTTP_BAD_RESPONSE', `GitHub API answered ${what} with something that is not ${expected}`, { hint: 'check GITHUB_API_URL (on GHES, https://HOST/api/v3)' });
  }

  #refused(response: HttpResponse, what: string): KeylessError {
    const body = parseLoose(response.body);
    const text = isObject(body) ? serverText(body.message, 200) : undefined;
    const message = text === undefined ? '' : `: ${text}`;
    const hint = response.status === 401 ? 'GITHUB_TOKEN (or GH_TOKEN) is missing, expired or not valid for this GitHub' : response.status === 404 || response.status === 403 ? 'check the name, and that the token can read it (repository contents: read)' : 'try again later';
    return new KeylessError('HTTP_STATUS', `GitHub API answered ${what} with HTTP ${response.status}${message}`, { hint });
  }
}

/** A listing past the caps: refused whole rather than scanned in part, so a report never silently covers less. */
function tooMany(org: string, cap: string): KeylessError {
  return new KeylessError('INPUT_TOO_LARGE', `the repository listing of ${org} goes on past ${cap}, the most Keyless reads`, {
    hint: `scan it in parts: list the repositories in files of at most ${MAX_LISTED} owner/name lines and pass each with --github-repos FILE; if ${org} is not that large, GITHUB_API_URL (or a proxy in front of it) is misbehaving`,
  });
}

/** The `rel="next"` page of a Link header, only when it stays on the same API origin. */
function nextPage(response: HttpResponse, api: URL): URL | undefined {
  const link = headerValue(response.headers.link) ?? '';
  const match = /<([^>]+)>\s*;\s*rel="next"/.exec(link);
  if (match?.[1] === undefined) return undefined;
  try {
    const url = new URL(match[1]);
    return url.origin === api.origin ? url : undefined;
  } catch {
    return undefined;
  }
}
