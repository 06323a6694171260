import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startGitHubApi } from '../fakes/github-api.js';
import type { Fake } from '../fakes/http-fake.js';
import { findLeaks } from '../fakes/leaks.js';
import { startRegistry } from '../fakes/registry.js';
import { runnerLines } from '../fakes/runner-harness.js';
import { dist } from './setup.js';
import { expectMode, reported } from '../fakes/host.js';
import { baseEnv } from '../fakes/runner-harness.js';

const TOKEN = 'ghs_cli_fix_token_7f3a';
const CHECKOUT = 'c'.repeat(40);
const open: Fake[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

type CliRun = { status: number | null; stdout: string; stderr: string };

/** The CLI as a child process; asynchronously, since the fakes answer on this process's event loop. */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dist, 'cli.js'), ...args], { env: { ...baseEnv(), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The leak scanner over CLI runs: the GitHub token the fixer is given appears in no output. */
function expectNoLeaks(runs: CliRun[]) {
  const files = { env: '', outputs: '', state: '', summary: '', path: '' };
  const steps = runs.map((r) => ({ ...r, lines: runnerLines(r.stdout), code: r.status, signal: null, env: {}, outputs: {}, state: {}, summary: '', elapsedMs: 0, files }));
  expect(findLeaks(steps, { never: [TOKEN], credentials: [] })).toEqual([]);
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-hostile-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function aliasBomb(steps: number, jobs: number): string {
  const lines = ['on: push', 'jobs:', '  a:', '    runs-on: x', '    steps: &s'];
  for (let i = 0; i < steps; i++) lines.push(`      - uses: acme/tool-${i}@v1`);
  for (let j = 0; j < jobs; j++) lines.push(`  j${j}: { runs-on: x, steps: *s }`);
  return `${lines.join('\n')}\n`;
}

describe('keyless pins on hostile files', () => {
  it('refuses an alias bomb with INPUT_TOO_LARGE, exit 1, and bounded output', async () => {
    const dir = tree({ '.github/workflows/bomb.yml': aliasBomb(400, 400), '.github/workflows/ok.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/cache@main\n' });
    const text = await cli(['pins', dir]);
    expect(text.status).toBe(1);
    expect(text.stderr).toMatch(/^keyless pins: \[INPUT_TOO_LARGE\] .*bomb\.yml: its aliases and matrix expand to more than 100000 YAML nodes/);
    expect(text.stdout).toContain('ok.yml:6: unpinned-uses acme/cache@main');
    expect(text.stdout).toContain('1 finding(s) in 2 file(s), 1 not checked (see stderr)');
    expect(text.stdout.length + text.stderr.length).toBeLessThan(5_000);
    const json = await cli(['pins', '--format', 'json', dir]);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: unknown[]; errors: { file: string; code: string }[] };
    expect(report.findings).toHaveLength(1);
    expect(report.errors.map((e) => [e.file.endsWith('bomb.yml'), e.code])).toEqual([[true, 'INPUT_TOO_LARGE']]);
    expectNoLeaks([text, json]);
  });

  it('lists at most 1000 findings per file, then says how many more', async () => {
    const steps = Array.from({ length: 1200 }, (_, i) => `    - uses: acme/tool-${i}@v1`);
    const dir = tree({ 'action.yml': `runs:\n  using: composite\n  steps:\n${steps.join('\n')}\n` });
    const text = await cli(['pins', dir]);
    expect(text.status).toBe(1);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1002);
    expect(lines.at(-2)).toBe(`${reported(join(dir, 'action.yml'))}: … and 200 more finding(s)`);
    expect(lines.at(-1)).toBe('1200 finding(s) in 1 file(s)');
    const json = JSON.parse((await cli(['pins', '--format', 'json', dir])).stdout) as { findings: unknown[]; omitted: unknown };
    expect(json.findings).toHaveLength(1000);
    expect(json.omitted).toEqual([{ file: reported(join(dir, 'action.yml')), count: 200 }]);
    expectNoLeaks([text]);
  });

  it('reports a step list reused by many jobs once per source position', async () => {
    const dir = tree({ '.github/workflows/ci.yml': aliasBomb(3, 50) });
    const run = await cli(['pins', '--format', 'json', dir]);
    const { findings } = JSON.parse(run.stdout) as { findings: { line: number; ref: string }[] };
    expect(findings.map((f) => [f.line, f.ref])).toEqual([
      [6, 'acme/tool-0@v1'],
      [7, 'acme/tool-1@v1'],
      [8, 'acme/tool-2@v1'],
    ]);
    expectNoLeaks([run]);
  });

  it('names the alias a finding is reached through, so repeated lines differ', async () => {
    const dir = tree({ 'action.yml': 'runs:\n  using: composite\n  steps:\n    - &u { uses: acme/a@v1 }\n    - *u\n' });
    const run = await cli(['pins', dir]);
    const file = reported(join(dir, 'action.yml'));
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([`${file}:4: unpinned-uses acme/a@v1`, `${file}:4: unpinned-uses acme/a@v1 (used through the alias at line 5)`]);
    expectNoLeaks([run]);
  });

  it('prints no workflow command, whatever a uses: value or a file name carries (text, json, sarif)', async () => {
    const payloads = ['acme/a@v1\\r::set-output name=x::y', 'acme/b@v1\\r\\n::add-mask::z', 'acme/c@v1\\u2028::error::u2028', 'acme/d@v1\\x85##[add-mask]nel', 'acme/e@v1\\n  ::stop-commands::tok'];
    const steps = [...payloads.map((p) => `      - uses: "${p}"`), '      - uses: acme/f@v1##[add-mask]plain', "      - uses: '::warning::quoted@v1'"];
    const workflow = `on: push\njobs:\n  a:\n    runs-on: x\n    container: "node:20\\r::set-env name=NODE_OPTIONS::--require=/tmp/x"\n    steps:\n${steps.join('\n')}\n`;
    // A file name with line breaks and `::` is the other half of the attack; Windows file names cannot hold either.
    const evilName = process.platform === 'win32' ? {} : { '.github/workflows/evil\r::add-mask::name\n::error::x.yml': workflow };
    const dir = tree({ '.github/workflows/ci.yml': workflow, ...evilName });
    for (const format of ['text', 'json', 'sarif']) {
      const run = await cli(['pins', '--format', format, dir]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('set-output name=x');
      for (const line of `${run.stdout}\n${run.stderr}`.split(/\r\n|\r|\n/)) {
        expect(line.trim().startsWith('::'), `${format}: ${line}`).toBe(false);
        expect(line.includes('##['), `${format}: ${line}`).toBe(false);
      }
      expectNoLeaks([run]);
    }
  });
});

describe('keyless pins --fix on hostile trees', () => {
  const WORKFLOW = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n';

  it('never writes through a symlink to a file outside the tree', async () => {
    const api = await startGitHubApi({ git: { 'actions/checkout': { 'tags/v4': { sha: CHECKOUT, type: 'commit' } } } });
    open.push(api);
    const outside = tree({ 'victim.yml': WORKFLOW });
    const dir = tree({});
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    symlinkSync(join(outside, 'victim.yml'), join(dir, '.github', 'workflows', 'ci.yml'));
    const run = await cli(['pins', '--fix', dir], { GITHUB_API_URL: api.url, GITHUB_TOKEN: TOKEN });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^keyless pins: \[INPUT_INVALID\] .*ci\.yml was not rewritten: it is a symbolic link/);
    expect(readFileSync(join(outside, 'victim.yml'), 'utf8')).toBe(WORKFLOW);
    expectNoLeaks([run]);
  });

  it('replaces a file atomically, keeping its mode, and leaves no temporary file', async () => {
    const api = await startGitHubApi({ git: { 'actions/checkout': { 'tags/v4': { sha: CHECKOUT, type: 'commit' } } } });
    open.push(api);
    const dir = tree({ '.github/workflows/ci.yml': WORKFLOW });
    const file = join(dir, '.github', 'workflows', 'ci.yml');
    chmodSync(file, 0o640);
    const before = statSync(file);
    const run = await cli(['pins', '--fix', dir], { GITHUB_API_URL: api.url, GITHUB_TOKEN: TOKEN });
    expect(run.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(WORKFLOW.replace('actions/checkout@v4', `actions/checkout@${CHECKOUT} # v4`));
    const after = statSync(file);
    // A new inode: the old file was replaced by rename, not truncated and rewritten in place.
    expect(after.ino).not.toBe(before.ino);
    expectMode(file, 0o640);
    expect(readdirSync(join(dir, '.github', 'workflows'))).toEqual(['ci.yml']);
    expectNoLeaks([run]);
  });

  it('refuses a digest the registry names in its header but the manifest it served does not hash to', async () => {
    const manifest = JSON.stringify({ schemaVersion: 2, manifests: [] });
    const registry = await startRegistry({ 'library/node:20': manifest }, { headerDigest: { 'library/node:20': `sha256:${'0'.repeat(64)}` } });
    open.push(registry);
    const host = registry.url.replace('http://', '');
    const workflow = `on: push\njobs:\n  a:\n    runs-on: x\n    container: ${host}/library/node:20\n`;
    const dir = tree({ '.github/workflows/ci.yml': workflow });
    const run = await cli(['pins', '--fix', dir], { GITHUB_TOKEN: TOKEN });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${host}/library/node:20 left as is: [HTTP_BAD_RESPONSE]`);
    expect(readFileSync(join(dir, '.github', 'workflows', 'ci.yml'), 'utf8')).toBe(workflow);
    expectNoLeaks([run]);
  });
});
