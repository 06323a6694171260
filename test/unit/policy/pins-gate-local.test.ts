import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/config.js';
import { createHttpClient } from '../../../src/http/client.js';
import { gatePins } from '../../../src/policy/pins/gate.js';
import { gateSecrets } from '../../../src/policy/secrets/gate.js';
import type { Runner } from '../../../src/runner/runner.js';
import { startGitHubApi } from '../../fakes/github-api.js';
import type { Fake } from '../../fakes/http-fake.js';

// The gates follow every local action and local reusable workflow GitHub would run, however the `uses:`
// is written, and scan it like the running workflow.

const SHA = 'a'.repeat(40);
const WORKFLOW = '.github/workflows/ci.yml';
const EVIL = 'name: setup\nruns:\n  using: composite\n  steps:\n    - uses: evil/exfiltrate@main\n';
const steps = (...lines: string[]) => ['on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', ...lines, ''].join('\n');

const made: string[] = [];
const open: Fake[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

function checkout(files: Record<string, string>): string {
  const workspace = mkdtempSync(join(tmpdir(), 'keyless-pins-'));
  made.push(workspace);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  return workspace;
}

function deps(workspace: string, env: Record<string, string> = {}) {
  const runner = { env: { GITHUB_WORKFLOW_REF: `acme/w/${WORKFLOW}@refs/heads/main`, GITHUB_REPOSITORY: 'acme/w', GITHUB_SHA: SHA, ...env }, warning() {}, error() {} } as unknown as Runner;
  return { runner, http: createHttpClient({ maxAttempts: 1 }), workspace };
}

const config = { pinPolicy: 'warn', secretsPolicy: 'warn', pinAllow: [], pinScope: 'workflow', pinVerify: false } as unknown as Config;
const refs = async (workspace: string) => (await gatePins(config, deps(workspace))).findings.map((f) => `${f.file}:${f.line} ${f.ref}`);

describe('gatePins: local actions', () => {
  const forms: [string, string, string][] = [
    ['the root action `uses: ./`', '      - uses: ./', ''],
    ['a quoted key', '      - "uses": ./.github/actions/setup', '.github/actions/setup'],
    ['a space before the colon', '      - uses : ./.github/actions/setup', '.github/actions/setup'],
    ['a folded scalar', '      - uses: >-\n          ./.github/actions/setup', '.github/actions/setup'],
    ['an escape in a double-quoted value', '      - uses: "\\x2E/.github/actions/setup"', '.github/actions/setup'],
    ['an alias', '      - name: &p ./.github/actions/setup\n        run: "true"\n      - uses: *p', '.github/actions/setup'],
  ];
  for (const [what, step, dir] of forms) {
    it(`follows ${what}`, async () => {
      const action = dir === '' ? 'action.yml' : `${dir}/action.yml`;
      const workspace = checkout({ [WORKFLOW]: steps(step), [action]: EVIL });
      const report = await gatePins(config, deps(workspace));
      expect(report.problems).toEqual([]);
      expect(report.findings.map((f) => `${f.file}:${f.line} ${f.ref}`)).toEqual([`${action}:5 evil/exfiltrate@main`]);
    });
  }

  it('follows a local action used by a local action, and stops at a cycle', async () => {
    const inner = 'runs:\n  using: composite\n  steps:\n    - "uses": ./a\n    - uses: evil/exfiltrate@main\n';
    const workspace = checkout({ [WORKFLOW]: steps('      - uses: ./a'), 'a/action.yml': 'runs:\n  using: composite\n  steps:\n    - uses : ./b\n', 'b/action.yaml': inner });
    expect(await refs(workspace)).toEqual(['b/action.yaml:5 evil/exfiltrate@main']);
  });

  it('scans an action.yml that also has a top-level jobs: key as the action it is', async () => {
    const workspace = checkout({ [WORKFLOW]: steps('      - uses: ./.github/actions/setup'), '.github/actions/setup/action.yml': `jobs: {}\n${EVIL}` });
    expect(await refs(workspace)).toEqual(['.github/actions/setup/action.yml:6 evil/exfiltrate@main']);
  });
});

describe('gatePins: local reusable workflows', () => {
  const CALLER = 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/reusable.yml\n    permissions:\n      id-token: write\n';
  const REUSABLE = `on: workflow_call\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: evil/exfiltrate@main\n      - uses: acme/keyless@${SHA}\n      - uses: ./.github/actions/setup\n`;

  it('scans the called workflow from the checkout, and the local actions it uses', async () => {
    const workspace = checkout({ [WORKFLOW]: CALLER, '.github/workflows/reusable.yml': REUSABLE, '.github/actions/setup/action.yml': EVIL });
    expect(await refs(workspace)).toEqual(['.github/workflows/reusable.yml:6 evil/exfiltrate@main', '.github/actions/setup/action.yml:5 evil/exfiltrate@main']);
  });

  it('reads it through the contents API at GITHUB_SHA when the caller came from there', async () => {
    const github = await startGitHubApi({ contents: { 'acme/w': { [SHA]: { [WORKFLOW]: CALLER, '.github/workflows/reusable.yml': REUSABLE } } } });
    open.push(github);
    const report = await gatePins(config, deps(checkout({}), { GITHUB_API_URL: github.url }));
    expect(report.problems).toEqual([]);
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.ref}`)).toEqual(['.github/workflows/reusable.yml:6 evil/exfiltrate@main']);
  });

  it('is a problem when it is not in the checkout, or not a plain path; a cycle is scanned once', async () => {
    const missing = await gatePins(config, deps(checkout({ [WORKFLOW]: CALLER })));
    expect(missing.problems.map((p) => [p.file, p.code])).toEqual([[WORKFLOW, 'INPUT_INVALID']]);
    const climbing = await gatePins(config, deps(checkout({ [WORKFLOW]: CALLER.replace('./.github/workflows/reusable.yml', './.github/workflows/../../x.yml') })));
    expect(climbing.problems.map((p) => p.message)).toEqual([`${WORKFLOW} calls the local workflow ./.github/workflows/../../x.yml, which is not a plain path in the repository`]);
    const loop = checkout({ [WORKFLOW]: CALLER, '.github/workflows/reusable.yml': `${REUSABLE}  again:\n    uses: ./${WORKFLOW}\n` });
    expect(await refs(loop)).toEqual(['.github/workflows/reusable.yml:6 evil/exfiltrate@main']);
  });

  it('stops past the depth GitHub nests to, as a problem', async () => {
    const files: Record<string, string> = { [WORKFLOW]: 'on: push\njobs:\n  c:\n    uses: ./.github/workflows/r1.yml\n' };
    for (let i = 1; i <= 12; i++) files[`.github/workflows/r${i}.yml`] = `on: workflow_call\njobs:\n  c:\n    uses: ./.github/workflows/r${i + 1}.yml\n`;
    const report = await gatePins(config, deps(checkout(files)));
    expect(report.problems.map((p) => p.file)).toEqual(['.github/workflows/r10.yml']);
  });
});

describe('gateSecrets follows the same files', () => {
  it('lists a secret read in a local action written as `"uses": ./…` and in a called workflow', async () => {
    const action = 'runs:\n  using: composite\n  steps:\n    - run: echo ${{ secrets.NPM_TOKEN }}\n      shell: bash\n';
    const reusable = 'on: workflow_call\njobs:\n  d:\n    runs-on: x\n    steps:\n      - "uses": ./act\n      - run: echo ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n';
    const workspace = checkout({ [WORKFLOW]: 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/r.yml\n', '.github/workflows/r.yml': reusable, 'act/action.yml': action });
    const report = await gateSecrets(config, deps(workspace));
    expect(report.problems).toEqual([]);
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.secret}`)).toEqual(['.github/workflows/r.yml:7 AWS_SECRET_ACCESS_KEY', 'act/action.yml:4 NPM_TOKEN']);
  });
});
