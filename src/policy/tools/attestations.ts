import { KeylessError, renderError } from '../../errors.js';
import type { HttpClient } from '../../http/client.js';
import { isObject, jsonBody } from '../../http/json.js';
import { parseEndpoint } from '../../http/url.js';
import type { Runner } from '../../runner/runner.js';

/** What each page asks for, and so the most a page may hold. */
const PER_PAGE = 100;
/**
 * Attestations considered for one digest. A release is attested once or a few times (provenance, SBOM),
 * and the first that verifies ends the search, so this is reached only when a hundred fail in a row.
 */
const MAX_ATTESTATIONS = 100;
/** Pages read, whatever they hold: a server may send short or empty pages, each with a `next`. */
const MAX_PAGES = 10;
/** A Sigstore bundle is a few kilobytes; the snappy header may declare gigabytes, which would be allocated up front. */
const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
/**
 * Decompressed `bundle_url` bytes across one search: a hundred bundles that each decompress near the
 * 4 MiB bound would otherwise cost 400 MiB of downloads, parsing and time. Inline bundles are not counted:
 * they arrive in a page, which the HTTP client already holds to 1 MiB.
 */
const MAX_TOTAL_BYTES = 16 * 1024 * 1024;

export interface AttestationDeps {
  http: HttpClient;
  runner: Runner;
  token?: string;
}

/**
 * The first Sigstore bundle GitHub holds for a digest in a repository (`GET /repos/{owner}/{repo}/
 * attestations/sha256:{hex}`) that `accept` takes; `accept` throws to refuse one, and its reason is kept.
 * Bundles are fetched and checked one at a time, so at most one is held, and none is downloaded past the
 * first accepted. An attestation may carry `bundle: null` and a `bundle_url` to a snappy-compressed bundle.
 *
 * @example
 * const signature = await firstAttestation('acme/tool', hex, deps, (bundle) => verifyBundle({ bundle, … }));
 */
export async function firstAttestation<T>(repo: string, sha256: string, deps: AttestationDeps, accept: (bundle: unknown) => T): Promise<T> {
  const api = parseEndpoint(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
  if (deps.token) deps.runner.mask(deps.token);
  const search: Search = { repo, sha256, reasons: [], bytes: 0 };
  let url: URL | undefined = new URL(`${api.pathname.replace(/\/$/, '')}/repos/${repo}/attestations/sha256:${sha256}`, api);
  url.searchParams.set('per_page', String(PER_PAGE));
  for (let page = 0; url; page++) {
    if (page === MAX_PAGES) throw stopped(search, `Keyless reads at most ${MAX_PAGES} pages of them`);
    const listed = await listPage(url, api, repo, deps);
    if (listed === undefined) break;
    for (const item of listed.attestations) {
      if (search.reasons.length === MAX_ATTESTATIONS) throw stopped(search, `there are more, and Keyless considers at most ${MAX_ATTESTATIONS}`);
      // A bundle that cannot be fetched ends the search, as a failed page does: only a refusal by
      // `accept` moves on to the next.
      const bundle = await bundleOf(item, deps.http, search);
      try {
        return accept(bundle);
      } catch (error) {
        search.reasons.push(renderError(error).replace(/^\[[A-Z_]+\] /, ''));
      }
    }
    url = listed.next;
  }
  if (search.reasons.length === 0) {
    throw new KeylessError('TOOL_UNVERIFIED', `${repo} has no attestation for sha256:${sha256}`, {
      hint: 'the release was not attested (actions/attest-build-provenance), or the digest is not the released file',
    });
  }
  throw new KeylessError('TOOL_UNVERIFIED', `none of the ${search.reasons.length} attestation(s) in ${repo} for sha256:${sha256} verifies: ${search.reasons.join(' | ')}`, {
    hint: 'check identity/issuer against who builds the release',
  });
}

interface Search {
  repo: string;
  sha256: string;
  /** Why each attestation considered so far was refused: one per attestation, in order. */
  reasons: string[];
  /** Decompressed `bundle_url` bytes so far. */
  bytes: number;
}

/** The search gave up before the list ended: what it saw, and how to hand Keyless the right bundle. */
function stopped(search: Search, why: string): KeylessError {
  return new KeylessError('TOOL_UNVERIFIED', `none of the first ${search.reasons.length} attestation(s) in ${search.repo} for sha256:${search.sha256} verifies, and ${why}: ${search.reasons.join(' | ')}`, {
    hint: 'check identity/issuer against who builds the release; if the attestation that verifies is further down the list, download it (gh attestation download) and name it with bundle: instead of attestations:',
  });
}

/** One page's attestations and the link to the next; undefined when the repository or digest is unknown (404). */
async function listPage(url: URL, api: URL, repo: string, deps: AttestationDeps): Promise<{ attestations: unknown[]; next: URL | undefined } | undefined> {
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
  if (response.status === 404) return undefined;
  if (response.status !== 200) {
    throw new KeylessError('TOOL_UNVERIFIED', `GitHub attestations API for ${repo} answered HTTP ${response.status}`, {
      hint: response.status === 401 || response.status === 403 ? 'github-token cannot read attestations of this repository' : 're-run; GitHub may be degraded',
    });
  }
  const body = jsonBody(response, 'GitHub attestations API');
  const attestations: unknown[] = isObject(body) && Array.isArray(body.attestations) ? body.attestations : [];
  // Refused, not cut short: GitHub never sends more than it was asked for, and keeping the first 100 of a
  // longer page would let the server's order decide which attestations count, while "none of 100
  // verifies" would read as if that were all there is.
  if (attestations.length > PER_PAGE) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `GitHub attestations API for ${repo} answered ${attestations.length} attestations on one page, more than the ${PER_PAGE} asked for (per_page); none was downloaded`, {
      hint: 'GITHUB_API_URL, or a proxy in front of it, is not answering as GitHub does: check it',
    });
  }
  return { attestations, next: nextPage(response.headers.link, api) };
}

async function bundleOf(item: unknown, http: HttpClient, search: Search): Promise<unknown> {
  if (!isObject(item)) return undefined;
  if (isObject(item.bundle)) return item.bundle;
  if (typeof item.bundle_url !== 'string') return undefined;
  const url = parseEndpoint(item.bundle_url, 'attestation bundle_url');
  // A pre-signed storage URL: no GitHub token goes there.
  const response = await http.request({ method: 'GET', url, what: 'attestation bundle download' });
  if (response.status !== 200) throw new KeylessError('TOOL_UNVERIFIED', `attestation bundle_url answered HTTP ${response.status}`);
  const { uncompress } = await import('snappyjs');
  let text: Buffer;
  try {
    text = Buffer.from(uncompress(response.bytes, MAX_BUNDLE_BYTES));
  } catch (error) {
    throw notABundle(url, error);
  }
  // Charged before parsing, the costlier step; the bundle that crosses the line is dropped unread.
  search.bytes += text.length;
  if (search.bytes > MAX_TOTAL_BYTES) {
    throw new KeylessError('HTTP_TOO_LARGE', `the attestation bundles in ${search.repo} for sha256:${search.sha256} came to more than ${MAX_TOTAL_BYTES} bytes decompressed before one verified (${search.reasons.length} refused: ${search.reasons.join(' | ') || 'none'})`, {
      hint: 'a Sigstore bundle is a few kilobytes: download the one that verifies (gh attestation download) and name it with bundle: instead of attestations:',
    });
  }
  try {
    return JSON.parse(text.toString('utf8')) as unknown;
  } catch (error) {
    throw notABundle(url, error);
  }
}

function notABundle(url: URL, cause: unknown): KeylessError {
  return new KeylessError('TOOL_UNVERIFIED', `attestation bundle_url ${url.origin}${url.pathname} did not hold a snappy-compressed JSON bundle of at most ${MAX_BUNDLE_BYTES} bytes`, {
    hint: 're-run; if it repeats, the attestation storage is misbehaving',
    cause,
  });
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
