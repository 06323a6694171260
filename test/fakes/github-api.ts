import { compress } from 'snappyjs';
import { applyFault, type Fake, type Fault, json, startFake } from './http-fake.js';

export interface GitHubApiOptions {
  /** `owner/repo` → digest hex → bundles GitHub holds for it. */
  attestations?: Record<string, Record<string, unknown[]>>;
  /** Serve the bundles as `bundle: null` + a snappy-compressed `bundle_url`, as GitHub may. */
  viaBundleUrl?: boolean;
  /** Page size, to exercise Link pagination. */
  perPage?: number;
  /** Release assets: path → bytes, served behind a 302 like github.com release downloads. */
  releases?: Record<string, Buffer>;
  /** Repository contents at one commit: `owner/repo` → sha → path → text (`Accept: application/vnd.github.raw`). */
  contents?: Record<string, Record<string, Record<string, string>>>;
  /** Git objects: `owner/repo` → `tags/v4` | `heads/main` | a tag object sha → what it points at. */
  git?: Record<string, Record<string, { sha: string; type: 'commit' | 'tag' }>>;
  /** Branch and tag tips, and the commits each branch contains (for the compare API). */
  history?: Record<string, { branches: Record<string, string>; tags: Record<string, string>; contains?: Record<string, string[]> }>;
  /** Answer every REST request under /repos with this status, as GitHub does when rate-limited (403). */
  deny?: number;
}

export interface GitHubApiFake extends Fake {
  faults: Fault[];
  issued: string[];
}

/** The GitHub REST attestations endpoint and release downloads. */
export async function startGitHubApi(options: GitHubApiOptions): Promise<GitHubApiFake> {
  const faults: Fault[] = [];
  const blobs: Buffer[] = [];
  let base = '';
  const routes: Parameters<typeof startFake>[0] = {};
  for (const [repo, byDigest] of Object.entries(options.attestations ?? {})) {
    for (const [digest, bundles] of Object.entries(byDigest)) {
      routes[`GET /repos/${repo}/attestations/sha256:${digest}`] = async (req, res) => {
        if (await applyFault(faults.shift(), res)) return;
        const perPage = options.perPage ?? 100;
        const page = Number(req.query.get('page') ?? '1');
        const slice = bundles.slice((page - 1) * perPage, page * perPage);
        const items = slice.map((bundle) => {
          if (!options.viaBundleUrl) return { bundle, repository_id: 1 };
          blobs.push(Buffer.from(compress(Buffer.from(JSON.stringify(bundle)))));
          return { bundle: null, bundle_url: `${base}/blob/${blobs.length - 1}`, repository_id: 1 };
        });
        const next = page * perPage < bundles.length ? { link: `<${base}/repos/${repo}/attestations/sha256:${digest}?per_page=${perPage}&page=${page + 1}>; rel="next"` } : undefined;
        json(res, 200, { attestations: items }, next);
      };
    }
  }
  for (let i = 0; i < 50; i++) {
    routes[`GET /blob/${i}`] = (_req, res) => {
      const blob = blobs[i];
      if (!blob) return json(res, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': blob.length });
      res.end(blob);
    };
  }
  for (const [path, bytes] of Object.entries(options.releases ?? {})) {
    routes[`GET /download/${path}`] = (_req, res) => {
      res.writeHead(302, { location: `${base}/objects/${path}` }).end();
    };
    routes[`GET /objects/${path}`] = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
      res.end(bytes);
    };
  }
  for (const [repo, bySha] of Object.entries(options.contents ?? {})) {
    for (const files of Object.values(bySha)) {
      for (const path of Object.keys(files)) {
        routes[`GET /repos/${repo}/contents/${path}`] = (req, res) => {
          const text = bySha[req.query.get('ref') ?? '']?.[path];
          if (text === undefined || req.headers.accept !== 'application/vnd.github.raw') return json(res, 404, { message: 'Not Found' });
          res.writeHead(200, { 'content-type': 'application/vnd.github.raw' }).end(text);
        };
      }
    }
  }
  for (const [repo, { branches, tags, contains = {} }] of Object.entries(options.history ?? {})) {
    const tips = (named: Record<string, string>) => Object.entries(named).map(([name, sha]) => ({ name, commit: { sha } }));
    routes[`GET /repos/${repo}/branches`] = (_req, res) => json(res, 200, tips(branches));
    routes[`GET /repos/${repo}/tags`] = (_req, res) => json(res, 200, tips(tags));
    routes[`GET /repos/${repo}/compare/*`] = (req, res) => {
      const [base = '', head = ''] = decodeURIComponent(req.path.slice(`/repos/${repo}/compare/`.length)).split('...');
      const tip = branches[base];
      if (tip === undefined) return json(res, 404, { message: 'Not Found' });
      // GitHub answers 404 for a head that is in no way related to the repository's history.
      if (head !== tip && !(contains[base] ?? []).includes(head)) return json(res, 200, { status: 'diverged', ahead_by: 1, behind_by: 1 });
      json(res, 200, { status: head === tip ? 'identical' : 'behind', ahead_by: 0, behind_by: 1 });
    };
  }
  for (const [repo, objects] of Object.entries(options.git ?? {})) {
    for (const [name, object] of Object.entries(objects)) {
      const path = /^(tags|heads)\//.test(name) ? `/repos/${repo}/git/ref/${name}` : `/repos/${repo}/git/tags/${name}`;
      routes[`GET ${path}`] = (_req, res) => json(res, 200, { ref: `refs/${name}`, object: { ...object, url: `${base}${path}` } });
    }
  }
  if (options.deny !== undefined) denyAll(routes, options.deny);
  const fake = await startFake(routes);
  base = fake.url;
  return { ...fake, faults, issued: [] };
}

/** Every REST route under /repos answers `status`, as GitHub does for a rate-limited token (403). */
function denyAll(routes: Parameters<typeof startFake>[0], status: number): void {
  for (const key of Object.keys(routes)) if (key.startsWith('GET /repos/')) Reflect.deleteProperty(routes, key);
  routes['GET /repos/*'] = (_req, res) => json(res, status, { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' });
}
