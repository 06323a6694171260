import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startGitHubApi } from '../fakes/github-api.js';
import type { Fake } from '../fakes/http-fake.js';
import { startRegistry } from '../fakes/registry.js';
import { dist } from './setup.js';
import { baseEnv } from '../fakes/runner-harness.js';

const CHECKOUT = 'c'.repeat(40);
const SETUP_NODE = 'd'.repeat(40);
const CODEQL = 'e'.repeat(40);
const NODE_INDEX = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] });

const open: Fake[] = [];

/** The CLI as a child process; asynchronously, since the fakes answer on this process's event loop. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dist, 'cli.js'), ...args], { env: { ...baseEnv(), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

describe('keyless pins --fix', () => {
  it('pins tags to commits and images to digests, touching only the references', async () => {
    const api = await startGitHubApi({
      git: {
        'actions/checkout': { 'tags/v4': { sha: CHECKOUT, type: 'commit' } },
        // An annotated tag, itself pointing at an annotated tag: both dereferenced.
        'actions/setup-node': { 'tags/v4': { sha: 'a1'.repeat(20), type: 'tag' }, ['a1'.repeat(20)]: { sha: 'b2'.repeat(20), type: 'tag' }, ['b2'.repeat(20)]: { sha: SETUP_NODE, type: 'commit' } },
        'github/codeql-action': { 'heads/main': { sha: CODEQL, type: 'commit' } },
      },
    });
    const registry = await startRegistry({ 'library/node:20': NODE_INDEX });
    open.push(api, registry);
    const NODE_DIGEST = registry.digests['library/node:20'] ?? '';
    const host = registry.url.replace('http://', '');
    const original = [
      'name: ci',
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      `    container: ${host}/library/node:20`,
      '    steps:',
      '      # checkout first',
      '      - uses: "actions/checkout@v4"',
      '      - { uses: actions/setup-node@v4, with: { node-version: 20 } }',
      '      - uses: github/codeql-action/init@main   # keep this comment',
      '      - uses: ./local-action',
      '',
    ].join('\r\n');
    const dir = mkdtempSync(join(tmpdir(), 'keyless-fix-'));
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    const file = join(dir, '.github', 'workflows', 'ci.yml');
    writeFileSync(file, original);

    const run = await cli(['pins', '--fix', dir], { GITHUB_API_URL: api.url, GITHUB_TOKEN: 'ghs_fix_token' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 unpinned reference(s) remain');

    const fixed = readFileSync(file, 'utf8');
    const expected = original
      .replace(`${host}/library/node:20`, `${host}/library/node:20@${NODE_DIGEST}`)
      .replace('"actions/checkout@v4"', `"actions/checkout@${CHECKOUT}" # v4`)
      .replace('actions/setup-node@v4, with: { node-version: 20 } }', `actions/setup-node@${SETUP_NODE}, with: { node-version: 20 } } # v4`)
      .replace('github/codeql-action/init@main   # keep this comment', `github/codeql-action/init@${CODEQL}   # keep this comment`);
    expect(fixed).toBe(expected);
    expect(api.requests.every((r) => r.headers.authorization === 'Bearer ghs_fix_token')).toBe(true);

    const rescan = await cli(['pins', '--format', 'json', dir]);
    expect(rescan.status).toBe(0);
    expect(JSON.parse(rescan.stdout)).toEqual({ findings: [] });
  });

  it('leaves what it cannot resolve, says why, and exits 1', async () => {
    const api = await startGitHubApi({ git: {} });
    open.push(api);
    const dir = mkdtempSync(join(tmpdir(), 'keyless-fix-'));
    const file = join(dir, 'action.yml');
    const original = 'runs:\n  using: composite\n  steps:\n    - uses: acme/gone@v9\n';
    writeFileSync(file, original);
    const run = await cli(['pins', '--fix', file], { GITHUB_API_URL: api.url });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('acme/gone@v9 left as is: [INPUT_INVALID] acme/gone has no tag or branch v9');
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
});

describe('keyless pins --verify', () => {
  it('reports a commit from a fork network and a version comment that names another commit', async () => {
    const REAL = '1'.repeat(40);
    const OLD = '2'.repeat(40);
    const IMPOSTOR = '9'.repeat(40);
    const api = await startGitHubApi({
      history: { 'actions/checkout': { branches: { main: REAL }, tags: { 'v4.2.2': REAL }, contains: { main: [OLD] } } },
      git: { 'actions/checkout': { 'tags/v4.2.2': { sha: REAL, type: 'commit' }, 'tags/v4.1.0': { sha: OLD, type: 'commit' } } },
    });
    open.push(api);
    const dir = mkdtempSync(join(tmpdir(), 'keyless-verify-'));
    const file = join(dir, 'action.yml');
    writeFileSync(
      file,
      [
        'runs:',
        '  using: composite',
        '  steps:',
        `    - uses: actions/checkout@${REAL} # v4.2.2`,
        `    - uses: actions/checkout@${OLD} # v4.1.0`,
        `    - uses: actions/checkout@${OLD} # v4.2.2`,
        `    - uses: actions/checkout@${IMPOSTOR} # v4.2.2`,
        '',
      ].join('\n'),
    );
    const run = await cli(['pins', '--verify', '--format', 'json', file], { GITHUB_API_URL: api.url });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: { line: number; kind: string; note?: string }[] }).findings;
    expect(findings.map((f) => [f.line, f.kind])).toEqual([
      [6, 'ref-version-mismatch'],
      [7, 'impostor-commit'],
    ]);
    expect(findings[0]?.note).toBe(`v4.2.2 points to ${REAL}, not ${OLD}`);
  });
});
