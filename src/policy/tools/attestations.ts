import { KeylessError } from '../../errors.js';
import type { HttpClient } from '../../http/client.js';
import { isObject, jsonBody } from '../../http/json.js';
import { parseEndpoint } from '../../http/url.js';
import type { Runner } from '../../runner/runner.js';

const MAX_PAGES = 10;
/** A Sigstore bundle is a few kilobytes; the snappy header may declare gigabytes, which would be allocated up front. */
const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;

/**
 * The Sigstore bundles GitHub holds for a digest in a repository: `GET /repos/{owner}/{repo}/attestations/
 * sha256:{hex}`, every page. An attestation may carry `bundle: null` and a `bundle_url` to a
 * snappy-compressed bundle instead.
 */
export async function attestationBundles(repo: string, sha256: string, deps: { http: HttpClient; runner: Runner; token?: string }): Promise<unknown[]> {
  const api = parseEndpoint(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
  if (deps.token) deps.runner.mask(deps.token);
  let url: URL | undefined = new URL(`${api.pathname.replace(/\/$/, '')}/repos/${repo}/attestations/sha256:${sha256}`, api);
  url.searchParams.set('per_page', '100');
  const bundles: unknown[] = [];
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const response = await deps.http.request({
      method: 'GET',
      url,
      what: 'GitHub attestations API',
      headers: {
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        ...(deps.token ? { authorization: `Bearer ${deps.token}` } : {}),
      },
    });
    if (response.status === 404) break;
    if (response.status !== 200) {
      throw new KeylessError('TOOL_UNVERIFIED', `GitHub attestations API for ${repo} answered HTTP ${response.status}`, {
        hint: response.status === 401 || response.status === 403 ? 'github-token cannot read attestations of this repository' : 're-run; GitHub may be degraded',
      });
    }
    const body = jsonBody(response, 'GitHub attestations API');
    const list = isObject(body) && Array.isArray(body.attestations) ? body.attestations : [];
    for (const item of list) bundles.push(await bundleOf(item, deps.http));
    url = nextPage(response.headers.link, api);
  }
  if (bundles.length === 0) {
    throw new KeylessError('TOOL_UNVERIFIED', `${repo} has no attestation for sha256:${sha256}`, {
      hint: 'the release was not attested (actions/attest-build-provenance), or the digest is not the released file',
    });
  }
  return bundles;
}

async function bundleOf(item: unknown, http: HttpClient): Promise<unknown> {
  if (!isObject(item)) return undefined;
  if (isObject(item.bundle)) return item.bundle;
  if (typeof item.bundle_url !== 'string') return undefined;
  const url = parseEndpoint(item.bundle_url, 'attestation bundle_url');
  // A pre-signed storage URL: no GitHub token goes there.
  const response = await http.request({ method: 'GET', url, what: 'attestation bundle download' });
  if (response.status !== 200) throw new KeylessError('TOOL_UNVERIFIED', `attestation bundle_url answered HTTP ${response.status}`);
  const { uncompress } = await import('snappyjs');
  try {
    return JSON.parse(Buffer.from(uncompress(response.bytes, MAX_BUNDLE_BYTES)).toString('utf8')) as unknown;
  } catch (error) {
    throw new KeylessError('TOOL_UNVERIFIED', `attestation bundle_url ${url.origin}${url.pathname} did not hold a snappy-compressed JSON bundle of at most ${MAX_BUNDLE_BYTES} bytes`, {
      hint: 're-run; if it repeats, the attestation storage is misbehaving',
      cause: error,
    });
  }
}

/** RFC 8288 `Link: <…>; rel="next"`, on the API's own origin: the next request carries the github-token. */
function nextPage(link: string | string[] | undefined, api: URL): URL | undefined {
  const header = Array.isArray(link) ? link.join(',') : link;
  const next = header?.split(',').find((part) => /rel="next"/.test(part));
  const target = next ? /<([^>]+)>/.exec(next)?.[1] : undefined;
  if (target === undefined) return undefined;
  const url = parseEndpoint(target, 'attestations next page');
  if (url.origin !== api.origin) {
    throw new KeylessError('TOOL_UNVERIFIED', `GitHub attestations API sent its next page to ${url.origin}, not to ${api.origin}`, {
      hint: 'the API (GITHUB_API_URL) or a proxy in front of it is misbehaving; the github-token was not sent elsewhere',
    });
  }
  return url;
}
