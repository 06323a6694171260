import { afterEach, describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { createHttpClient } from '../../../src/http/client.js';
import { scanRepositories } from '../../../src/org/github-org.js';
import { type Fake, json, startFake } from '../../fakes/http-fake.js';

// The organisation's repository list as a hostile or broken GITHUB_API_URL serves it: a `next` on every
// page, or more entries than any organisation Keyless scans. The listing is refused whole, before any
// repository is read, instead of growing for ever.

let server: Fake | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** An API whose listing answers `page(n)` for page n, with a `next` link while `more(n)`. */
async function startListing(page: (n: number) => unknown[], more: (n: number) => boolean): Promise<Fake> {
  const fake = await startFake({
    'GET /orgs/acme/repos': (req, res) => {
      const n = Number(req.query.get('page') ?? '1');
      json(res, 200, page(n), more(n) ? { link: `<${fake.url}/orgs/acme/repos?per_page=100&type=all&page=${n + 1}>; rel="next"` } : {});
    },
    'GET /repos/*': (_req, res) => { json(res, 409, { message: 'Git Repository is empty.' }); },
  });
  server = fake;
  return fake;
}

async function scan(fake: Fake) {
  try {
    return { results: await scanRepositories({ http: createHttpClient({ maxAttempts: 1 }), api: new URL(fake.url), org: 'acme', concurrency: 4 }, () => []) };
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    return { error: error as KeylessError };
  }
}

const pagesRead = (fake: Fake) => fake.requests.filter((r) => r.path === '/orgs/acme/repos').length;
const reposRead = (fake: Fake) => fake.requests.filter((r) => r.path.startsWith('/repos/')).length;
const fullPage = (n: number) => Array.from({ length: 100 }, (_, i) => ({ full_name: `acme/r${n}-${i}`, default_branch: 'main' }));

describe('scanRepositories, the repository list', () => {
  it('refuses a listing that names a next page after 1,000 full pages (100,000 repositories), reading no repository', async () => {
    const fake = await startListing(fullPage, () => true);
    const run = await scan(fake);
    expect(run.error?.code).toBe('INPUT_TOO_LARGE');
    expect(run.error?.message).toBe('the repository listing of acme goes on past 1000 pages, the most Keyless reads');
    expect(run.error?.hint).toContain('--github-repos FILE');
    expect(pagesRead(fake)).toBe(1000);
    expect(reposRead(fake)).toBe(0);
  }, 30_000);

  it('stops at 1,000 pages when every page is empty but names a next', async () => {
    const fake = await startListing(() => [], () => true);
    const run = await scan(fake);
    expect(run.error?.code).toBe('INPUT_TOO_LARGE');
    expect(pagesRead(fake)).toBe(1000);
  }, 30_000);

  it('refuses a page holding more than 100,000 entries, counting ones it would skip', async () => {
    const fake = await startListing(() => [...Array.from({ length: 100_000 }, () => 0), { full_name: 'acme/one', default_branch: 'main' }], () => false);
    const run = await scan(fake);
    expect(run.error?.code).toBe('INPUT_TOO_LARGE');
    expect(run.error?.message).toBe('the repository listing of acme goes on past 100000 repositories, the most Keyless reads');
    expect(reposRead(fake)).toBe(0);
  });

  it('scans a listing of exactly 100,000 entries', async () => {
    const fake = await startListing(() => [...Array.from({ length: 99_999 }, () => 0), { full_name: 'acme/one', default_branch: 'main' }], () => false);
    const run = await scan(fake);
    expect(run.error).toBeUndefined();
    expect(run.results?.map((r) => r.repository)).toEqual(['acme/one']);
  });

  it('follows next pages to the end of a listing under the cap', async () => {
    const fake = await startListing(fullPage, (n) => n < 3);
    const run = await scan(fake);
    expect(run.results).toHaveLength(300);
    expect(pagesRead(fake)).toBe(3);
  });
});
