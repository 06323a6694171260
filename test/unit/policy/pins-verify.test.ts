import { afterEach, describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { createHttpClient } from '../../../src/http/client.js';
import type { PinnedUses } from '../../../src/policy/pins/scan.js';
import { MAX_VERIFIED_PINS, verifyPins } from '../../../src/policy/pins/verify-pins.js';
import { type GitHubApiFake, type GitHubApiOptions, startGitHubApi } from '../../fakes/github-api.js';

// verifyPins against the GitHub API fake: a pinned commit must be reachable from a branch or tag of the
// repository it names, and a version comment must name a tag that points at it. It never throws.

const TIP = 'a'.repeat(40);
const OLD = 'b'.repeat(40);
const FORK = 'f'.repeat(40);
const RELEASE = 'c'.repeat(40);

let fake: GitHubApiFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const history: NonNullable<GitHubApiOptions['history']> = { 'acme/tool': { branches: { main: TIP }, tags: { 'v1.0.0': RELEASE }, contains: { main: [OLD, RELEASE] } } };
const git: NonNullable<GitHubApiOptions['git']> = { 'acme/tool': { 'tags/v1.0.0': { sha: RELEASE, type: 'commit' } } };

async function verify(pins: PinnedUses[], options: GitHubApiOptions = { history, git }, prepare: (api: GitHubApiFake) => void = () => undefined) {
  fake = await startGitHubApi(options);
  prepare(fake);
  return verifyPins(pins, { http: createHttpClient({ maxAttempts: 1 }), api: new URL(fake.url) });
}

const pin = (sha: string, comment?: string, line = 1): PinnedUses => ({ file: 'w.yml', line, ref: `acme/tool@${sha}`, owner: 'acme', repo: 'tool', sha, ...(comment ? { comment } : {}) });

describe('verifyPins', () => {
  it('accepts a branch tip, a tag, and an ancestor of a branch', async () => {
    expect(await verify([pin(TIP), pin(RELEASE, 'v1.0.0'), pin(OLD)])).toEqual({ findings: [] });
  });

  it("reports a commit on no branch or tag of the repository (a fork network's) as an impostor", async () => {
    const { findings } = await verify([pin(FORK, 'v1.0.0', 7)]);
    expect(findings).toEqual([{ file: 'w.yml', line: 7, kind: 'impostor-commit', ref: `acme/tool@${FORK}`, note: `${FORK} is not on any branch or tag of acme/tool: a commit from a fork's network` }]);
  });

  it('reports a version comment whose tag points elsewhere, or does not exist', async () => {
    const { findings } = await verify([pin(OLD, 'v1.0.0'), pin(TIP, 'tag=v2.0.0')]);
    expect(findings.map((f) => [f.kind, f.ref, f.note])).toEqual([
      ['ref-version-mismatch', `acme/tool@${OLD} # v1.0.0`, `v1.0.0 points to ${RELEASE}, not ${OLD}`],
      ['ref-version-mismatch', `acme/tool@${TIP} # tag=v2.0.0`, 'acme/tool has no tag v2.0.0'],
    ]);
  });

  it('ignores a comment that is not a tag name', async () => {
    expect(await verify([pin(TIP, 'pinned by renovate, see #12')])).toEqual({ findings: [] });
  });

  it('asks about each distinct commit once', async () => {
    await verify([pin(OLD), pin(OLD, undefined, 2), pin(OLD, undefined, 3)]);
    expect(fake?.requests.filter((r) => r.path.endsWith('/branches'))).toHaveLength(1);
    expect(fake?.requests.filter((r) => r.path.includes('/compare/'))).toHaveLength(1);
  });

  it('returns what it found before an API failure, with the error, instead of throwing', async () => {
    const other: PinnedUses = { ...pin(TIP), ref: `acme/other@${TIP}`, repo: 'other' };
    const result = await verify([pin(FORK), other, pin(OLD, 'v1.0.0')], { history, git }, (api) => {
      api.filters.push((answer, req) => (req.path.startsWith('/repos/acme/other/') ? { ...answer, status: 500, body: '{"message":"Server Error"}' } : answer));
    });
    expect(result.findings.map((f) => f.kind)).toEqual(['impostor-commit']);
    expect(result.error).toBeInstanceOf(KeylessError);
    expect((result.error as KeylessError).code).toBe('HTTP_STATUS');
  });

  it(`stops past ${MAX_VERIFIED_PINS} distinct commits with INPUT_TOO_LARGE, keeping what it checked`, async () => {
    const pins = Array.from({ length: MAX_VERIFIED_PINS + 1 }, (_, i) => pin(i.toString(16).padStart(40, '0')));
    const tips = Object.fromEntries(pins.map((p, i) => [`b${i}`, p.sha]));
    const result = await verify(pins, { history: { 'acme/tool': { branches: tips, tags: {} } } });
    expect(result.findings).toEqual([]);
    expect((result.error as KeylessError).code).toBe('INPUT_TOO_LARGE');
    expect((result.error as KeylessError).message).toBe(`more than ${MAX_VERIFIED_PINS} distinct pinned commits; the rest were not verified`);
  });
});
