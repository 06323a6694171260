import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeSections, section, tablesWith } from '../readme.js';

// The supply-chain scripts (README, Development): the lockfile policy CI checks before `npm ci`, the digest
// list `npm run build` prints and the release attests, and the dependency table kept equal to package.json.

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };

function checkLockfile(edit: (packages: Record<string, Record<string, unknown>>) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-lockfile-'));
  const copy = structuredClone(lock);
  edit(copy.packages);
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(copy));
  const run = spawnSync(process.execPath, [join(root, 'scripts/check-lockfile.mjs'), join(dir, 'package-lock.json'), join(root, 'package.json')], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/check-lockfile.mjs', () => {
  it('accepts the repository lockfile: no install script but the pinned node', () => {
    const run = checkLockfile(() => undefined);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`no install script runs but node@${manifest.devDependencies.node ?? '?'}'s`);
  });

  it('accepts a dev dependency whose install script allowScripts denies, as it never runs', () => {
    expect(manifest.allowScripts?.protobufjs).toBe(false);
    const run = checkLockfile((packages) => { expect(packages['node_modules/protobufjs']).toMatchObject({ dev: true, hasInstallScript: true }); });
    expect(run.code).toBe(0);
  });

  // Each case merges these fields into one lockfile entry (undefined removes a field).
  it.each([
    ['a runtime package with an install script', 'node_modules/yaml', { hasInstallScript: true }, 'node_modules/yaml@2.9.1 has an install script'],
    ['the node package at another version than package.json pins', 'node_modules/node', { version: '24.9.1' }, 'node_modules/node@24.9.1 has an install script'],
    ['a package without integrity', 'node_modules/jose', { integrity: undefined }, 'node_modules/jose has no sha512 integrity'],
    ['a sha1 integrity', 'node_modules/jose', { integrity: 'sha1-AAAA' }, 'node_modules/jose has no sha512 integrity'],
    ['a tarball from another host', 'node_modules/aws4', { resolved: 'https://registry.npmjs.org.evil.example/aws4/-/aws4-1.13.2.tgz' }, 'node_modules/aws4 resolves to https://registry.npmjs.org.evil.example/'],
    ['a link', 'node_modules/aws4', { resolved: '../aws4', link: true }, 'node_modules/aws4 is a link to ../aws4'],
    // allowScripts denies protobufjs's script; that spares a dev dependency only, never one the action ships.
    ['a runtime package whose script allowScripts denies', 'node_modules/protobufjs', { dev: undefined }, 'node_modules/protobufjs@7.6.6 has an install script'],
  ] as const)('refuses %s', (_name, path, fields, problem) => {
    const run = checkLockfile((packages) => {
      packages[path] = { ...packages[path], ...fields };
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(problem);
  });
});

describe('scripts/dist-digests.mjs', () => {
  it('lists every file at any depth as sha256sum lines, sorted by code point whatever the locale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyless-digests-'));
    const files = { 'dist/cli.js': 'a', 'dist/cli/index.js': 'b', 'dist/cli/B.js': 'c', 'dist/a/b/c.txt': 'd', 'dist/Z.js': 'e' };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const out = execFileSync(process.execPath, [join(root, 'scripts/dist-digests.mjs'), 'dist'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'tr_TR.UTF-8' } });
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(out).toBe(['dist/Z.js', 'dist/a/b/c.txt', 'dist/cli.js', 'dist/cli/B.js', 'dist/cli/index.js'].map((path) => `${sha(files[path as keyof typeof files])}  ${path}\n`).join(''));
  });
});

describe('README dependency policy', () => {
  it('lists every runtime dependency at the exact version package.json pins, and nothing else', () => {
    const [table] = tablesWith(section(readmeSections(), 'Dependency policy'), 'dependency (exact)');
    const listed = (table?.rows ?? []).flatMap((row) => [...(row[0] ?? '').matchAll(/`([^`]+)` (\S+?)(?:,|$)/g)].map((m) => [m[1], m[2]]));
    expect(Object.fromEntries(listed)).toEqual(manifest.dependencies);
  });
});
