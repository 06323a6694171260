import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNNING_WORKFLOW } from '../fakes/runner-harness.js';
import { errorCodes, oidcAudiences, world } from './setup.js';

// secrets-policy: the stored secrets the running workflow (and its local actions) still reads, reported
// before any exchange; enforce refuses to mint while they are there.

const RELEASE = `on: push
permissions:
  id-token: write
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - uses: ./.github/actions/publish
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
`;
const LOCAL_ACTION = `runs:
  using: composite
  steps:
    - run: docker login -u ci -p "\${{ secrets.DOCKERHUB_PASSWORD }}"
      shell: bash
`;

type World = Awaited<ReturnType<typeof world>>;
const credentials = (w: World) => `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;

function checkout(w: World): void {
  writeFileSync(join(w.job.workspace, RUNNING_WORKFLOW), RELEASE);
  mkdirSync(join(w.job.workspace, '.github', 'actions', 'publish'), { recursive: true });
  writeFileSync(join(w.job.workspace, '.github', 'actions', 'publish', 'action.yml'), LOCAL_ACTION);
}

describe('secrets-policy', () => {
  it('warn: annotates each stored secret of the workflow and its local action, lists them in the summary and audit record, and mints', async () => {
    const w = await world();
    checkout(w);
    const { main, post } = await w.job2({ credentials: credentials(w), 'secrets-policy': 'warn' });

    expect(main.code, main.stdout).toBe(0);
    expect(main.stdout).toContain(`::warning title=Keyless stored secret,file=${RUNNING_WORKFLOW},line=12::secrets.NPM_TOKEN is a stored npm secret (high confidence): a Keyless entry replaces it (keyless secrets ${RUNNING_WORKFLOW} prints it)`);
    expect(main.stdout).toContain('::warning title=Keyless stored secret,file=.github/actions/publish/action.yml,line=4::secrets.DOCKERHUB_PASSWORD is a stored docker secret');
    expect(main.summary).toContain(`| ${RUNNING_WORKFLOW} | 12 | NPM_TOKEN | npm |`);
    const audit = JSON.parse(readFileSync(main.outputs['audit-file'] ?? '', 'utf8')) as { storedSecrets: unknown[] };
    expect(audit.storedSecrets).toEqual([
      { file: RUNNING_WORKFLOW, line: 12, secret: 'NPM_TOKEN', kind: 'npm' },
      { file: '.github/actions/publish/action.yml', line: 4, secret: 'DOCKERHUB_PASSWORD', kind: 'docker' },
    ]);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    w.expectNoLeaks([main, post]);
  });

  it('enforce: fails before any runner token is requested, saying what to do', async () => {
    const w = await world();
    checkout(w);
    const main = await w.main({ credentials: credentials(w), 'secrets-policy': 'enforce' });

    expect(errorCodes(main)).toEqual(['POLICY_SECRET_VIOLATION']);
    expect(main.stdout).toContain('::error title=Keyless stored secret');
    expect(main.stdout).toContain('2 use(s) of stored secrets in the checked workflows, so no credential was requested');
    expect(main.stdout).toContain('use secrets-policy: warn while migrating');
    expect(oidcAudiences(w.runner)).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it('enforce passes a workflow that reads no stored secret; off (the default) does not look', async () => {
    const w = await world();
    const clean = await w.main({ credentials: credentials(w), 'secrets-policy': 'enforce' });
    expect(clean.code, clean.stdout).toBe(0);
    checkout(w);
    const off = await w.main({ credentials: credentials(w) });
    expect(off.code, off.stdout).toBe(0);
    expect(off.stdout).not.toContain('stored secret');
    w.expectNoLeaks([clean, off]);
  });
});
