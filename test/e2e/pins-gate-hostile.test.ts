import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startGitHubApi } from '../fakes/github-api.js';
import { runnerLines } from '../fakes/runner-harness.js';
import { errorCodes, oidcAudiences, world } from './setup.js';

// What an earlier step of the job (or a pull request) can put in the checkout: under pin-policy: warn
// none of it may fail the step once credentials are minted; under enforce it fails before any is.
const WORKFLOW = '.github/workflows/release.yml';
const PINNED = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';
const env = { GITHUB_WORKFLOW_REF: `acme/widget/${WORKFLOW}@refs/heads/main`, GITHUB_SHA: '3f786850e387550fdab836ed7e6dc881de23001b' };

type World = Awaited<ReturnType<typeof world>>;
const credentials = (w: World) => `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;

function checkout(w: World, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(w.job.workspace, path)), { recursive: true });
    writeFileSync(join(w.job.workspace, path), text);
  }
}

/** One anchored list of `steps` distinct unpinned steps, reused by `jobs` jobs: quadratic when expanded. */
function aliasBomb(steps: number, jobs: number): string {
  const lines = ['on: push', 'jobs:', '  a:', '    runs-on: x', '    steps: &s'];
  for (let i = 0; i < steps; i++) lines.push(`      - uses: acme/tool-${i}@v1`);
  for (let j = 0; j < jobs; j++) lines.push(`  j${j}: { runs-on: x, steps: *s }`);
  return `${lines.join('\n')}\n`;
}

const warnings = (stdout: string) => runnerLines(stdout).filter((line) => line.startsWith('::warning '));

describe('pin-policy: warn never fails the step', () => {
  it('a dangling symlink under .github/workflows (pin-scope: repository) is a warning; the credential is handed out', async () => {
    const w = await world();
    checkout(w, { '.github/workflows/ok.yml': `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/cache@main\n` });
    symlinkSync(join(w.job.root, 'nowhere.yml'), join(w.job.workspace, '.github/workflows/gone.yml'));
    const main = await w.main({ credentials: credentials(w), 'pin-scope': 'repository' }, env);
    expect(main.code).toBe(0);
    expect(errorCodes(main)).toEqual([]);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    expect(warnings(main.stdout)).toEqual([
      '::warning title=Keyless unpinned-uses,file=.github/workflows/ok.yml,line=6::acme/cache@main is not pinned: pin it to a full commit SHA (keyless pins --fix)',
      expect.stringMatching(/^::warning title=Keyless pin policy,file=\.github\/workflows\/gone\.yml::pin check incomplete: \[INPUT_INVALID\] cannot read .*gone\.yml \(ENOENT\)/),
    ]);
    w.expectNoLeaks([main]);
  });

  it('a GitHub API 403 during pin-verify is a warning; the credential is handed out', async () => {
    const w = await world();
    checkout(w, { [WORKFLOW]: `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ${PINNED} # v4.2.2\n` });
    const api = await startGitHubApi({ deny: 403 });
    const main = await w.main({ credentials: credentials(w), 'pin-verify': 'true', 'github-token': 'ghs_pin_verify_token' }, { ...env, GITHUB_API_URL: api.url });
    await api.close();
    expect(main.code).toBe(0);
    expect(errorCodes(main)).toEqual([]);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    expect(warnings(main.stdout)).toEqual([expect.stringMatching(/^::warning title=Keyless pin policy::pin check incomplete: \[HTTP_STATUS\] GitHub API \/repos\/actions\/checkout\/branches answered HTTP 403/)]);
    expect(api.requests.length).toBeGreaterThan(0);
    expect(`${main.stdout}${main.stderr}`).not.toContain('ghs_pin_verify_token');
    w.expectNoLeaks([main]);
  });

  it('an alias bomb is refused with INPUT_TOO_LARGE as a warning, with bounded output; the credential is handed out', async () => {
    const w = await world();
    checkout(w, { [WORKFLOW]: aliasBomb(400, 400) });
    const main = await w.main({ credentials: credentials(w) }, env);
    expect(main.code).toBe(0);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    expect(warnings(main.stdout)).toEqual([expect.stringMatching(/^::warning title=Keyless pin policy,file=\.github\/workflows\/release\.yml::pin check incomplete: \[INPUT_TOO_LARGE\] /)]);
    // Unbounded, this file printed one annotation per step per job: 160,000 lines.
    expect(main.stdout.length).toBeLessThan(20_000);
    w.expectNoLeaks([main]);
  });
});

describe('pin-policy: enforce fails on what it could not check, before any runner token', () => {
  it('an alias bomb fails with INPUT_TOO_LARGE', async () => {
    const w = await world();
    checkout(w, { [WORKFLOW]: aliasBomb(400, 400) });
    const main = await w.main({ credentials: credentials(w), 'pin-policy': 'enforce' }, env);
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['INPUT_TOO_LARGE']);
    expect(oidcAudiences(w.runner)).toEqual([]);
    expect(main.env.KEYLESS_TOKEN).toBeUndefined();
    expect(main.stdout.length).toBeLessThan(20_000);
    w.expectNoLeaks([main]);
  });

  it('a GitHub API 403 during pin-verify fails with HTTP_STATUS', async () => {
    const w = await world();
    checkout(w, { [WORKFLOW]: `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ${PINNED} # v4.2.2\n` });
    const api = await startGitHubApi({ deny: 403 });
    const main = await w.main({ credentials: credentials(w), 'pin-policy': 'enforce', 'pin-verify': 'true' }, { ...env, GITHUB_API_URL: api.url });
    await api.close();
    expect(errorCodes(main)).toEqual(['HTTP_STATUS']);
    expect(oidcAudiences(w.runner)).toEqual([]);
    expect(main.env.KEYLESS_TOKEN).toBeUndefined();
    w.expectNoLeaks([main]);
  });
});
