import { readFileSync } from 'node:fs';
import { createHttpClient } from '../http/client.js';
import { parseEndpoint } from '../http/url.js';
import { type OrgProgress, type OrgScanOptions, type RemoteFile, type RepositoryResult, scanRepositories } from '../org/github-org.js';
import { parseRepositoryList } from '../org/repository-list.js';
import { usage } from './args.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The flags `pins` and `secrets` take to scan repositories through the GitHub API instead of paths. */
export const ORG_FLAGS = {
  'github-org': { type: 'string' },
  'github-repos': { type: 'string' },
  concurrency: { type: 'string' },
  checkpoint: { type: 'string' },
} as const;

export interface OrgFlags {
  'github-org'?: string | undefined;
  'github-repos'?: string | undefined;
  concurrency?: string | undefined;
  checkpoint?: string | undefined;
}

/** Whether the flags ask for a scan through the API; a usage error when they are half given. */
export function wantsOrgScan(flags: OrgFlags, positionals: readonly string[]): boolean {
  const org = flags['github-org'] !== undefined || flags['github-repos'] !== undefined;
  if (!org && (flags.concurrency !== undefined || flags.checkpoint !== undefined)) throw usage('--concurrency and --checkpoint go with --github-org or --github-repos');
  if (flags['github-org'] !== undefined && flags['github-repos'] !== undefined) throw usage('give --github-org or --github-repos, not both');
  if (org && positionals.length > 0) throw usage('give paths or --github-org/--github-repos, not both');
  return org;
}

/**
 * Every workflow and action file of the repositories the flags name, each scanned by `scan` as it
 * arrives; progress on stderr when it is a terminal. The token is GITHUB_TOKEN or GH_TOKEN; the API is
 * GITHUB_API_URL (GHES: https://HOST/api/v3).
 */
export async function scanOrg<T>(flags: OrgFlags, env: Env, scan: (file: RemoteFile) => T[], tty = process.stderr.isTTY): Promise<RepositoryResult<T>[]> {
  const concurrency = flags.concurrency === undefined ? 8 : Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw usage(`--concurrency must be a whole number from 1 to 64, not "${flags.concurrency ?? ''}"`);
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  const listFile = flags['github-repos'];
  const options: OrgScanOptions = {
    http: createHttpClient(),
    api: parseEndpoint(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL'),
    concurrency,
    ...(token ? { token } : {}),
    ...(listFile === undefined ? { org: orgName(flags['github-org'] ?? '') } : { repositories: parseRepositoryList(readList(listFile), listFile) }),
    ...(flags.checkpoint === undefined ? {} : { checkpoint: flags.checkpoint }),
    ...(tty ? { progress: showProgress } : {}),
  };
  const results = await scanRepositories(options, scan);
  if (tty) process.stderr.write('\n');
  return results;
}

function orgName(name: string): string {
  if (!/^[\w.-]{1,100}$/.test(name)) throw usage(`--github-org "${name}" is not an organisation or user name`);
  return name;
}

function readList(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw usage(`cannot read --github-repos ${file}`);
  }
}

/** One line, rewritten in place: our own numbers only, so nothing in it comes from a server. */
function showProgress(p: OrgProgress): void {
  const left = p.waitingUntil !== undefined ? `, waiting for the rate limit until ${new Date(p.waitingUntil).toISOString().slice(11, 19)}Z` : p.remainingMs !== undefined ? `, about ${duration(p.remainingMs)} left` : '';
  process.stderr.write(`\r\u001b[K${p.done}/${p.total} repositories, ${p.findings} finding(s)${left}`);
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
