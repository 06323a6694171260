import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionRuns } from '../fakes/action-manifest.js';
import { fileSubjects, type ReleaseRun, signReleaseProvenance, type Subject, workflowIdentity } from '../fakes/release-provenance.js';
import { GITHUB_ISSUER } from '../fakes/sigstore-fixtures.js';
import { type SigstoreInstance, startSigstore } from '../fakes/sigstore-instance.js';
import { root } from './setup.js';

// README "Verify Keyless before you use it", run as written: its `keyless verify` loop, read from the
// README, on the built dist/ (as the runner would run it), against a provenance bundle signed at test time
// the way the release workflow's attest job signs one. Only the trusted root differs: the loopback
// instance's instead of the public-good root the CLI ships.

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; homepage: string; bin: { keyless: string } };
const version = `v${manifest.version}`;
const repository = new URL(manifest.homepage).pathname.replace(/^\/|\/$/g, '');
const release: ReleaseRun = { repository, workflow: 'release.yml', ref: `refs/tags/${version}`, sha: 'c0ffee0000000000000000000000000000c0ffee' };

/** The file the runner starts for the main step, absolute, and as the release names it (a path from the root). */
const mainEntry = actionRuns(join(root, 'action.yml')).main;
const mainName = relative(root, mainEntry).split(sep).join('/');

/** The README's verification recipe: the paths its loop lists, and its `keyless verify` command as argv. */
interface Recipe {
  paths: string[];
  argv: string[];
}

/** The `for file in $(git ls-files …)` loop of the README block that runs `keyless verify`. */
function readmeRecipe(): Recipe {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = /\n## Verify Keyless before you use it\n([\s\S]*?)\n## /.exec(readme)?.[1];
  if (section === undefined) throw new Error('README has no "Verify Keyless before you use it" section');
  const block = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').find((text) => /^\s*keyless verify /m.test(text));
  if (block === undefined) throw new Error('the section has no sh block running keyless verify');
  const paths = /for file in \$\(git ls-files ([^)]*)\)/.exec(block)?.[1]?.split(/\s+/);
  if (paths === undefined) throw new Error('the keyless verify block does not loop over git ls-files');
  // The command: from `keyless verify` through its continuation lines, up to the `||` that reports a failure.
  const lines = block.split('\n');
  const start = lines.findIndex((line) => /^\s*keyless verify /.test(line));
  let text = '';
  for (const line of lines.slice(start)) {
    text += `${line.replace(/\\$/, '')} `;
    if (!line.endsWith('\\')) break;
  }
  const command = text.split('||')[0] ?? '';
  const argv = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
  return { paths, argv };
}

/** What the shell would pass for `$version` and `$file`. */
function expand(argv: readonly string[], file: string): string[] {
  return argv.map((arg) => arg.replaceAll('$version', version).replaceAll('$file', file));
}

let sigstore: SigstoreInstance | undefined;
let recipe: Recipe;
let subjects: Subject[];
/** Folders holding `keyless-<version>.sigstore.json` (the README's name for the bundle) and the trusted root. */
const checkouts: Record<'release' | 'otherWorkflow' | 'branch', string> = { release: '', otherWorkflow: '', branch: '' };

beforeAll(async () => {
  recipe = readmeRecipe();
  subjects = recipe.paths.flatMap((path) => fileSubjects(root, path));
  const instance = await startSigstore();
  sigstore = instance;
  const runs = {
    release,
    otherWorkflow: { ...release, workflow: 'ci.yml' },
    branch: { ...release, ref: 'refs/heads/main' },
  };
  await Promise.all(Object.entries(runs).map(async ([name, run]) => {
    const folder = mkdtempSync(join(tmpdir(), `keyless-release-${name}-`));
    writeFileSync(join(folder, `keyless-${version}.sigstore.json`), JSON.stringify(await signReleaseProvenance(instance, subjects, run)));
    writeFileSync(join(folder, 'trusted_root.json'), JSON.stringify(instance.trustedRoot));
    checkouts[name as keyof typeof checkouts] = folder;
  }));
  expect(instance.unexpected).toEqual([]);
});
afterAll(() => sigstore?.close());

/** The README's command for one file, run in a folder holding the bundle, as `node <package.json bin.keyless>`. */
async function verify(checkout: string, file: string) {
  const [keyless, command, ...args] = expand(recipe.argv, file);
  expect([keyless, command]).toEqual(['keyless', 'verify']);
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [resolve(root, manifest.bin.keyless), 'verify', ...args, '--trusted-root', 'trusted_root.json'], { cwd: checkout, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Runs `task` over `items`, `limit` at a time: each verification is a node process on a shared machine. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) results.push(...await Promise.all(items.slice(i, i + limit).map(task)));
  return results;
}

describe('README: verify Keyless before you use it', () => {
  it('names the release workflow at the tag as the identity and the Actions issuer, and verifies action.yml and every dist file', () => {
    const args = expand(recipe.argv, 'FILE');
    expect(args[args.indexOf('--identity') + 1]).toBe(workflowIdentity(release));
    expect(workflowIdentity(release)).toBe(`https://github.com/${repository}/.github/workflows/release.yml@refs/tags/${version}`);
    expect(args[args.indexOf('--issuer') + 1]).toBe(GITHUB_ISSUER);
    expect(args).toEqual(expect.arrayContaining(['--bundle', `keyless-${version}.sigstore.json`, '--artifact', 'FILE']));
    expect(recipe.paths).toEqual(['action.yml', 'dist']);
    // What the runner and the package start, whatever the build names them.
    const runs = actionRuns(join(root, 'action.yml'));
    const started = ['action.yml', runs.main, runs.post ?? runs.main, manifest.bin.keyless].map((path) => relative(root, resolve(root, path)).split(sep).join('/'));
    expect(subjects.map((s) => s.name)).toEqual(expect.arrayContaining(started));
    expect(subjects.filter((s) => s.name.startsWith('dist/')).length).toBeGreaterThan(started.length);
  });

  it('verifies every file the release attested, each signed by the release workflow at the tag', async () => {
    const runs = await pool(subjects, 4, async (subject) => ({ subject, run: await verify(checkouts.release, join(root, subject.name)) }));
    for (const { subject, run } of runs) {
      expect(run.stderr, subject.name).toBe('');
      expect(run.code, subject.name).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^verified sha256:${subject.sha256} signed by ${escape(workflowIdentity(release))} \\(${escape(GITHUB_ISSUER)}\\), log index \\d+\\n$`));
    }
  });

  it.each([
    ['another workflow of the repository', 'otherWorkflow', workflowIdentity({ ...release, workflow: 'ci.yml' })],
    ['the release workflow run for a branch, not the tag', 'branch', workflowIdentity({ ...release, ref: 'refs/heads/main' })],
  ] as const)('refuses a bundle signed by %s, for its identity', async (_name, checkout, signer) => {
    const run = await verify(checkouts[checkout], mainEntry);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[SIGNATURE_INVALID] UNTRUSTED_SIGNER_ERROR: certificate identity error');
    expect(run.stderr).toContain(`got ${signer}`);
  });

  it('refuses the main entry changed by one byte, naming the digest the release attested', async () => {
    const bytes = readFileSync(mainEntry);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    const changed = join(checkouts.release, 'changed-entry.js');
    writeFileSync(changed, bytes);
    const run = await verify(checkouts.release, changed);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[SIGNATURE_INVALID] the attestation is for ');
    expect(run.stderr).toContain(`${mainName}@sha256:${subjects.find((s) => s.name === mainName)?.sha256 ?? '?'}`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
