import { createHash } from 'node:crypto';
import { KeylessError } from '../../errors.js';
import type { HttpClient } from '../../http/client.js';
import { isLoopback, parseEndpoint } from '../../http/url.js';
import { isObject, jsonBody } from '../../http/json.js';

export interface ResolveDeps {
  http: HttpClient;
  api: URL;
  token?: string;
}

/**
 * The commit a tag (or, failing that, a branch) names, through the GitHub API. Annotated tags are tag
 * objects: they are dereferenced, possibly several levels, until a commit.
 */
export async function resolveCommit(owner: string, repo: string, ref: string, deps: ResolveDeps): Promise<string> {
  for (const kind of ['tags', 'heads']) {
    const object = await getObject(`repos/${owner}/${repo}/git/ref/${kind}/${ref}`, deps);
    if (object === undefined) continue;
    let { sha, type } = object;
    for (let depth = 0; type === 'tag' && depth < 5; depth++) {
      const tag = await getObject(`repos/${owner}/${repo}/git/tags/${sha}`, deps);
      if (tag === undefined) break;
      ({ sha, type } = tag);
    }
    if (type !== 'commit') continue;
    // The SHA is written into a workflow file by the fixer: anything but 40 hex is refused, not pasted.
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new KeylessError('HTTP_BAD_RESPONSE', `GitHub API named ${ref} of ${owner}/${repo} by something that is not a commit SHA`, { hint: 'check GITHUB_API_URL, or pin it by hand' });
    return sha;
  }
  throw new KeylessError('INPUT_INVALID', `${owner}/${repo} has no tag or branch ${ref}`, { hint: 'check the reference, or pin it by hand' });
}

/** A GitHub REST GET (path relative to the API root): its JSON, or undefined for 404. */
export async function githubGet(path: string, deps: ResolveDeps): Promise<unknown> {
  // Names come from workflow files and API answers: a `..` segment or a stray `?` must not reach another endpoint.
  const segments = (path.split('?')[0] ?? '').split('/');
  if (segments.some((segment) => segment === '.' || segment === '..' || !/^[\w.\-+%~@:]+$/.test(segment))) {
    throw new KeylessError('INPUT_INVALID', `refusing the GitHub API path ${path}`, { hint: 'a reference names an owner, repository or ref with characters GitHub does not allow' });
  }
  const url = new URL(`${deps.api.pathname.replace(/\/$/, '')}/${path}`, deps.api);
  const response = await deps.http.request({
    method: 'GET',
    url,
    what: 'GitHub API',
    headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', ...(deps.token ? { authorization: `Bearer ${deps.token}` } : {}) },
  });
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new KeylessError('HTTP_STATUS', `GitHub API ${url.pathname} answered HTTP ${response.status}`, { hint: 'set GITHUB_TOKEN (rate limits) or retry' });
  return jsonBody(response, 'GitHub API');
}

async function getObject(path: string, deps: ResolveDeps): Promise<{ sha: string; type: string } | undefined> {
  const body = await githubGet(path, deps);
  const object = isObject(body) && isObject(body.object) ? body.object : undefined;
  return typeof object?.sha === 'string' && typeof object.type === 'string' ? { sha: object.sha, type: object.type } : undefined;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** `[registry/]name[:tag]`, with Docker Hub's defaults. */
export function parseImage(image: string): { registry: string; name: string; tag: string } {
  const slash = image.indexOf('/');
  const first = slash === -1 ? '' : image.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  const registry = hasRegistry ? first : 'registry-1.docker.io';
  const rest = hasRegistry ? image.slice(slash + 1) : image;
  const colon = rest.lastIndexOf(':');
  const [path, tag] = colon > rest.lastIndexOf('/') ? [rest.slice(0, colon), rest.slice(colon + 1)] : [rest, 'latest'];
  return { registry, name: !hasRegistry && !path.includes('/') ? `library/${path}` : path, tag };
}

/**
 * The digest a tag names: the sha256 of the manifest the registry's manifest API serves for it, answering
 * the anonymous Bearer token challenge registries such as Docker Hub and GHCR send.
 */
export async function resolveDigest(image: string, http: HttpClient): Promise<string> {
  const { registry, name, tag } = parseImage(image);
  const host = new URL(`https://${registry}`);
  const url = new URL(`${isLoopback(host) ? 'http' : 'https'}://${registry}/v2/${name}/manifests/${tag}`);
  const ask = (authorization?: string) =>
    http.request({ method: 'GET', url, what: 'registry manifest API', headers: { accept: MANIFEST_TYPES, ...(authorization ? { authorization } : {}) } });
  let response = await ask();
  const challenge = response.headers['www-authenticate'] ?? '';
  if (response.status === 401 && /^Bearer /i.test(challenge)) {
    const params: Record<string, string> = {};
    for (const [, key = '', value = ''] of challenge.matchAll(/(\w+)="([^"]*)"/g)) params[key] = value;
    const realm = parseEndpoint(params.realm ?? '', 'registry token realm');
    if (params.service) realm.searchParams.set('service', params.service);
    realm.searchParams.set('scope', params.scope ?? `repository:${name}:pull`);
    const tokenResponse = await http.request({ method: 'GET', url: realm, what: 'registry token endpoint', headers: { accept: 'application/json' } });
    const body = jsonBody(tokenResponse, 'registry token endpoint');
    const token = isObject(body) ? (body.token ?? body.access_token) : undefined;
    if (typeof token === 'string') response = await ask(`Bearer ${token}`);
  }
  if (response.status !== 200) {
    throw new KeylessError('INPUT_INVALID', `${registry} has no manifest for ${name}:${tag} (HTTP ${response.status})`, { hint: 'check the image and tag, or pin it by hand' });
  }
  // The pin is the hash of the bytes the registry served; its header is only a claim, checked against them.
  const digest = `sha256:${createHash('sha256').update(response.bytes).digest('hex')}`;
  const claimed = response.headers['docker-content-digest'];
  if (claimed !== undefined && claimed !== digest) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${registry} named the manifest of ${name}:${tag} ${String(claimed)}, but the manifest it served hashes to ${digest}`, {
      hint: 'the registry (or something between) is not serving what it claims: pin it by hand from a registry you trust',
    });
  }
  return digest;
}
