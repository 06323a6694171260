import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type Fake, type RecordedRequest, startFake } from './http-fake.js';

/**
 * The GitHub REST API for an organisation of generated repositories, as `keyless pins --github-org`
 * reads it: the repository list in pages with a Link header, each repository's recursive tree and its
 * blobs (base64), 409 for an empty repository, 401 with GitHub's message for a bad token, and rate
 * limits mixed in: a secondary limit (403, `retry-after`) and a spent primary limit (403,
 * `x-ratelimit-remaining: 0`, `x-ratelimit-reset`).
 */
export interface GitHubOrgOptions {
  org: string;
  repositories: number;
  token: string;
  /** Every Nth request is refused with a rate limit, alternating secondary and primary. */
  rateLimitEvery?: number;
}

export interface GitHubOrgFake extends Fake {
  /** Unpinned references the generated workflows hold, by repository. */
  expected: Map<string, number>;
  /** Repositories whose tree was read. */
  treesRead: string[];
  /** Requests refused with a rate limit so far. */
  stats: { rateLimited: number };
}

const PINNED = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';

/** Repository i: a CI workflow (unpinned every third), an action.yml every tenth, empty or archived now and then. */
function filesOf(i: number): Record<string, string> | 'empty' {
  if (i % 50 === 7) return 'empty';
  const checkout = i % 3 === 0 ? 'actions/checkout@v4' : PINNED;
  const files: Record<string, string> = { '.github/workflows/ci.yml': `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${checkout}\n      - run: make test\n` };
  if (i % 10 === 0) files['tools/setup/action.yml'] = 'runs:\n  using: composite\n  steps:\n    - uses: acme/setup@main\n';
  // Every fifth repository publishes to npm with a stored token: what `keyless secrets` finds.
  if (i % 5 === 0) files['.github/workflows/release.yml'] = `on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${PINNED}\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}\n`;
  files['README.md'] = `# repo ${i}\n`;
  return files;
}

const unpinnedIn = (i: number) => (i % 50 === 7 || i % 100 === 99 ? 0 : (i % 3 === 0 ? 1 : 0) + (i % 10 === 0 ? 1 : 0));

export async function startGitHubOrg(options: GitHubOrgOptions): Promise<GitHubOrgFake> {
  const expected = new Map<string, number>();
  const blobs = new Map<string, string>();
  const trees = new Map<string, { path: string; sha: string; size: number }[] | 'empty'>();
  for (let i = 0; i < options.repositories; i++) {
    const name = `${options.org}/repo-${String(i).padStart(4, '0')}`;
    const files = filesOf(i);
    if (unpinnedIn(i) > 0) expected.set(name, unpinnedIn(i));
    if (files === 'empty') {
      trees.set(name, 'empty');
      continue;
    }
    trees.set(name, Object.entries(files).map(([path, text]) => {
      const sha = createHash('sha1').update(`blob ${text.length}\0${text}`).digest('hex');
      blobs.set(sha, text);
      return { path, sha, size: text.length };
    }));
  }
  const names = [...trees.keys()];
  const treesRead: string[] = [];
  let count = 0;
  const stats = { rateLimited: 0 };
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  // GitHub answers 401 before anything else, and counts a limited request like any other.
  const gate = (req: RecordedRequest, res: ServerResponse): boolean => {
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      return false;
    }
    count++;
    if (options.rateLimitEvery !== undefined && count % options.rateLimitEvery === 0) {
      stats.rateLimited++;
      if (stats.rateLimited % 2 === 1) {
        json(res, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' }, { 'retry-after': '0' });
      } else {
        json(res, 403, { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' }, { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) });
      }
      return false;
    }
    return true;
  };
  const fake = await startFake({
    'GET /orgs/*': (req, res) => {
      if (!gate(req, res)) return;
      if (req.path !== `/orgs/${options.org}/repos`) return json(res, 404, { message: 'Not Found', status: '404' });
      const page = Number(req.query.get('page') ?? '1');
      const size = Number(req.query.get('per_page') ?? '30');
      const items = names.slice((page - 1) * size, page * size).map((full_name) => {
        const i = Number(full_name.split('-').pop());
        return { full_name, default_branch: 'main', archived: i % 100 === 99, private: false };
      });
      const last = Math.ceil(names.length / size);
      const link = page < last ? { link: `<${fake.url}/orgs/${options.org}/repos?per_page=${size}&type=all&page=${page + 1}>; rel="next", <${fake.url}/orgs/${options.org}/repos?per_page=${size}&page=${last}>; rel="last"` } : {};
      json(res, 200, items, link);
    },
    'GET /repos/*': (req, res) => {
      if (!gate(req, res)) return;
      const tree = /^\/repos\/([\w.-]+\/[\w.-]+)\/git\/trees\/(?:main|HEAD)$/.exec(req.path);
      if (tree?.[1] !== undefined) {
        const entries = trees.get(tree[1]);
        if (entries === undefined) return json(res, 404, { message: 'Not Found', status: '404' });
        treesRead.push(tree[1]);
        if (entries === 'empty') return json(res, 409, { message: 'Git Repository is empty.', status: '409' });
        return json(res, 200, { sha: 'f'.repeat(40), tree: entries.map((e) => ({ ...e, mode: '100644', type: 'blob' })), truncated: false });
      }
      const blob = /^\/repos\/[\w.-]+\/[\w.-]+\/git\/blobs\/([0-9a-f]{40})$/.exec(req.path);
      const text = blob?.[1] === undefined ? undefined : blobs.get(blob[1]);
      if (text === undefined) return json(res, 404, { message: 'Not Found', status: '404' });
      json(res, 200, { sha: blob?.[1], size: text.length, encoding: 'base64', content: Buffer.from(text).toString('base64').replace(/(.{60})/g, '$1\n') });
    },
  });
  return Object.assign(fake, { expected, treesRead, stats });
}
