import { compress } from 'snappyjs';
import { afterEach, describe, expect, it } from 'vitest';
import { KeylessError } from '../../../../src/errors.js';
import { createHttpClient } from '../../../../src/http/client.js';
import { firstAttestation } from '../../../../src/policy/tools/attestations.js';
import { createRunner } from '../../../../src/runner/runner.js';
import { type Fake, json, startFake } from '../../../fakes/http-fake.js';

// The attestations listing as a hostile or oversized GITHUB_API_URL serves it: what Keyless downloads,
// how much it decompresses and how many pages it reads before it gives up, and what it says then.

const SHA = 'a'.repeat(64);
const LISTING = `GET /repos/acme/tool/attestations/sha256:${SHA}`;
const snappy = (value: unknown) => Buffer.from(compress(Buffer.from(JSON.stringify(value))));
/** Decompresses to just over 1 MiB, compressed to a few kilobytes. */
const MEBIBYTE_BUNDLE = snappy({ pad: 'x'.repeat(1024 * 1024) });

let server: Fake | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * An API whose listing answers `pages[n]` items for page n+1 (each a `bundle_url` to a blob numbered in
 * order), with a `next` link after every page but the last.
 */
async function startListing(pages: number[], blob: (i: number) => Buffer = (i) => snappy({ bundle: i })): Promise<Fake> {
  const offsets = pages.map((_, n) => pages.slice(0, n).reduce((sum, count) => sum + count, 0));
  const fake = await startFake({
    [LISTING]: (req, res) => {
      const page = Number(req.query.get('page') ?? '1');
      const items = Array.from({ length: pages[page - 1] ?? 0 }, (_, i) => ({ bundle: null, bundle_url: `${fake.url}/blob/${(offsets[page - 1] ?? 0) + i}` }));
      const next = page < pages.length ? { link: `<${fake.url}/repos/acme/tool/attestations/sha256:${SHA}?per_page=100&page=${page + 1}>; rel="next"` } : undefined;
      json(res, 200, { attestations: items }, next);
    },
    'GET /blob/*': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(blob(Number(req.path.slice('/blob/'.length))));
    },
  });
  server = fake;
  return fake;
}

/** firstAttestation with `accept`; what it returned or threw, and every bundle `accept` saw, in order. */
async function search(fake: Fake, accept: (bundle: unknown) => unknown = refuse) {
  const seen: unknown[] = [];
  const runner = createRunner({ GITHUB_API_URL: fake.url }, () => {});
  try {
    const value = await firstAttestation('acme/tool', SHA, { http: createHttpClient({ maxAttempts: 1 }), runner }, (bundle) => {
      seen.push(bundle);
      return accept(bundle);
    });
    return { value, seen, downloads: downloads(fake) };
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    return { error: error as KeylessError, seen, downloads: downloads(fake) };
  }
}

function refuse(): never {
  throw new KeylessError('SIGNATURE_INVALID', 'signed by someone else');
}

const downloads = (fake: Fake) => fake.requests.filter((r) => r.path.startsWith('/blob/')).length;
const listings = (fake: Fake) => fake.requests.filter((r) => r.path.startsWith('/repos/')).length;

describe('firstAttestation, one bundle at a time', () => {
  it('checks each bundle before downloading the next, and downloads none past the first accepted', async () => {
    const order: string[] = [];
    const fake = await startListing([50], (i) => {
      order.push(`download ${i}`);
      return snappy({ bundle: i });
    });
    const run = await search(fake, (bundle) => {
      const { bundle: i } = bundle as { bundle: number };
      order.push(`check ${i}`);
      if (i < 2) refuse();
      return i;
    });
    expect(run.value).toBe(2);
    expect(order).toEqual(['download 0', 'check 0', 'download 1', 'check 1', 'download 2', 'check 2']);
    expect(run.downloads).toBe(3);
  });
});

describe('firstAttestation, a page larger than asked for', () => {
  it('refuses a page of 101 attestations (per_page=100 was asked) before downloading any', async () => {
    const fake = await startListing([101]);
    const run = await search(fake);
    expect(run.error?.code).toBe('HTTP_BAD_RESPONSE');
    expect(run.error?.message).toBe('GitHub attestations API for acme/tool answered 101 attestations on one page, more than the 100 asked for (per_page); none was downloaded');
    expect(run.error?.hint).toContain('GITHUB_API_URL');
    expect(run.downloads).toBe(0);
    expect(fake.requests[0]?.query.get('per_page')).toBe('100');
  });

  it('takes a page of exactly 100', async () => {
    const fake = await startListing([100]);
    const run = await search(fake, (bundle) => ((bundle as { bundle: number }).bundle === 99 ? 'last' : refuse()));
    expect(run.value).toBe('last');
    expect(run.downloads).toBe(100);
  });
});

describe('firstAttestation, the caps on a search', () => {
  it('considers at most 100 attestations across pages, then says what it saw and how to name the right bundle', async () => {
    const fake = await startListing([100, 100, 100]);
    const run = await search(fake);
    expect(run.error?.code).toBe('TOOL_UNVERIFIED');
    expect(run.error?.message).toMatch(new RegExp(`^none of the first 100 attestation\\(s\\) in acme/tool for sha256:${SHA} verifies, and there are more, and Keyless considers at most 100: signed by someone else( \\| signed by someone else){99}$`));
    expect(run.error?.hint).toContain('name it with bundle: instead of attestations:');
    expect(run.seen).toHaveLength(100);
    expect(run.downloads).toBe(100);
    expect(listings(fake)).toBe(2);
  });

  it('reads a list of exactly 100 over two pages to its end, and says none verifies', async () => {
    const fake = await startListing([99, 1]);
    const run = await search(fake);
    expect(run.error?.code).toBe('TOOL_UNVERIFIED');
    expect(run.error?.message).toMatch(new RegExp(`^none of the 100 attestation\\(s\\) in acme/tool for sha256:${SHA} verifies: `));
    expect(run.error?.hint).toBe('check identity/issuer against who builds the release');
  });

  it('stops after 10 pages when each holds little and names a next', async () => {
    const fake = await startListing(Array.from({ length: 20 }, () => 1));
    const run = await search(fake);
    expect(run.error?.code).toBe('TOOL_UNVERIFIED');
    expect(run.error?.message).toMatch(/^none of the first 10 attestation\(s\) in acme\/tool for sha256:a{64} verifies, and Keyless reads at most 10 pages of them: /);
    expect(listings(fake)).toBe(10);
    expect(run.downloads).toBe(10);
  });

  it('stops once the bundles decompress to more than 16 MiB in all, and parses none past the line', async () => {
    const fake = await startListing([100], () => MEBIBYTE_BUNDLE);
    const run = await search(fake);
    expect(run.error?.code).toBe('HTTP_TOO_LARGE');
    expect(run.error?.message).toMatch(new RegExp(`^the attestation bundles in acme/tool for sha256:${SHA} came to more than 16777216 bytes decompressed before one verified \\(15 refused: signed by someone else`));
    expect(run.error?.hint).toContain('gh attestation download');
    // Each is a few bytes over 1 MiB: the 16th crosses the line and is dropped unparsed.
    expect(run.downloads).toBe(16);
    expect(run.seen).toHaveLength(15);
  });

  it('still finds a bundle within the byte budget', async () => {
    const fake = await startListing([100], (i) => (i < 15 ? MEBIBYTE_BUNDLE : snappy({ bundle: i })));
    const run = await search(fake, (bundle) => ((bundle as { bundle?: number }).bundle === 15 ? 'found' : refuse()));
    expect(run.value).toBe('found');
    expect(run.downloads).toBe(16);
  });
});
