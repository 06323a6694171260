import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startGitHubApi } from '../fakes/github-api.js';
import { errorCodes, oidcAudiences, world } from './setup.js';

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const WORKFLOW = '.github/workflows/release.yml';
const RELEASE = `name: release
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    container: node:20
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: actions/setup-node@v4
      - uses: ./.github/actions/setup
`;
const LOCAL_ACTION = `name: setup
runs:
  using: composite
  steps:
    - uses: acme/cache@main
`;

type World = Awaited<ReturnType<typeof world>>;
const credentials = (w: World) => `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;
const env = { GITHUB_WORKFLOW_REF: `acme/widget/${WORKFLOW}@refs/heads/main`, GITHUB_SHA: SHA };

function checkout(w: World, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(w.job.workspace, path)), { recursive: true });
    writeFileSync(join(w.job.workspace, path), text);
  }
}

describe('pin-policy in the action', () => {
  it('enforce: fails before any OIDC request, with an annotation at each file and line', async () => {
    const w = await world();
    checkout(w, { [WORKFLOW]: RELEASE, '.github/actions/setup/action.yml': LOCAL_ACTION });
    const main = await w.main({ credentials: credentials(w), 'pin-policy': 'enforce' }, env);
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['POLICY_PIN_VIOLATION']);
    expect(main.stdout).toContain(`::error title=Keyless unpinned-image,file=${WORKFLOW},line=6::node:20 is not pinned: pin it to @sha256:<digest>`);
    expect(main.stdout).toContain(`::error title=Keyless unpinned-uses,file=${WORKFLOW},line=9::actions/setup-node@v4 is not pinned`);
    expect(main.stdout).toContain('::error title=Keyless unpinned-uses,file=.github/actions/setup/action.yml,line=5::acme/cache@main is not pinned');
    expect(main.stdout).toContain('[POLICY_PIN_VIOLATION] 3 reference(s) are not pinned');
    expect(oidcAudiences(w.runner)).toEqual([]);
  });

  it('warn (the default): annotates and mints', async () => {
    const w = await world();
    checkout(w, { [WORKFLOW]: RELEASE, '.github/actions/setup/action.yml': LOCAL_ACTION });
    const main = await w.main({ credentials: credentials(w) }, env);
    expect(main.code).toBe(0);
    expect(main.stdout.match(/^::warning title=Keyless unpinned-/gm)).toHaveLength(3);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    expect(main.summary).toContain('**Not pinned to an immutable digest** (3):');
    expect(main.summary).toContain(`| ${WORKFLOW} | 9 | unpinned-uses | actions/setup-node@v4 |`);
  });

  it('pin-allow trusts what an organisation names, the most specific rule winning', async () => {
    const w = await world();
    checkout(w, { [WORKFLOW]: RELEASE.replace('node:20', 'node@sha256:' + 'a'.repeat(64)), '.github/actions/setup/action.yml': LOCAL_ACTION });
    const main = await w.main({ credentials: credentials(w), 'pin-policy': 'enforce', 'pin-allow': '- actions/*\n- acme/*\n- acme/cache=hash-pin' }, env);
    expect(errorCodes(main)).toEqual(['POLICY_PIN_VIOLATION']);
    expect(main.stdout).toContain('acme/cache@main is not pinned');
    expect(main.stdout).not.toContain('actions/setup-node@v4 is not pinned');
  });

  it('reads the workflow through the contents API at GITHUB_SHA when it is not checked out', async () => {
    const w = await world();
    rmSync(join(w.job.workspace, '.github'), { recursive: true });
    const api = w.adopt(await startGitHubApi({ contents: { 'acme/widget': { [SHA]: { [WORKFLOW]: RELEASE } } } }));
    const main = await w.main({ credentials: credentials(w), 'pin-policy': 'enforce', 'github-token': 'ghs_contents_read_token' }, { ...env, GITHUB_API_URL: api.url });
    expect(errorCodes(main)).toEqual(['POLICY_PIN_VIOLATION']);
    expect(main.stdout).toContain(`file=${WORKFLOW},line=9::actions/setup-node@v4`);
    expect(api.requests[0]?.query.get('ref')).toBe(SHA);
    expect(api.requests[0]?.headers.authorization).toBe('Bearer ghs_contents_read_token');
  });

  it('pin-scope: repository scans every workflow and action in the checkout', async () => {
    const w = await world();
    checkout(w, { '.github/workflows/a.yml': RELEASE, '.github/workflows/b.yaml': 'on: push\njobs:\n  x:\n    uses: acme/wf/.github/workflows/w.yml@v1\n', 'tools/action.yml': LOCAL_ACTION });
    const main = await w.main({ credentials: credentials(w), 'pin-policy': 'enforce', 'pin-scope': 'repository' }, env);
    expect(main.stdout).toContain('file=.github/workflows/b.yaml,line=4::acme/wf/.github/workflows/w.yml@v1');
    expect(main.stdout).toContain('file=tools/action.yml,line=5::acme/cache@main');
  });

  it('pin-verify: an impostor commit fails the gate under enforce', async () => {
    const w = await world();
    const impostor = '9'.repeat(40);
    checkout(w, { [WORKFLOW]: `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@${impostor} # v4.2.2\n` });
    const api = w.adopt(await startGitHubApi({ history: { 'actions/checkout': { branches: { main: '1'.repeat(40) }, tags: { 'v4.2.2': '1'.repeat(40) } } } }));
    const main = await w.main({ credentials: credentials(w), 'pin-policy': 'enforce', 'pin-verify': 'true' }, { ...env, GITHUB_API_URL: api.url });
    expect(errorCodes(main)).toEqual(['POLICY_PIN_VIOLATION']);
    expect(main.stdout).toContain(`::error title=Keyless impostor-commit,file=${WORKFLOW},line=6::actions/checkout@${impostor} is not a trustworthy pin: ${impostor} is not on any branch or tag of actions/checkout`);
    expect(oidcAudiences(w.runner)).toEqual([]);
  });

  it('rejects an invalid pin-allow pattern before anything runs', async () => {
    const w = await world();
    const main = await w.main({ credentials: credentials(w), 'pin-allow': '- foo/bar@v1' }, env);
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('pin-allow: rule 1 is not PATTERN or PATTERN=any|ref-pin|hash-pin (allow owner/repo (or owner/*), not a ref)');
  });
});
