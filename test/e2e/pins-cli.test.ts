import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist } from './setup.js';

const WORKFLOW = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/deploy@v1\n';

function pins(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const run = spawnSync(process.execPath, [join(dist, 'cli.js'), 'pins', ...args], { encoding: 'utf8', cwd: options.cwd, env: { PATH: process.env.PATH ?? '', ...options.env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-pins-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

interface SarifRun {
  invocations?: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
  results: unknown[];
}

describe('keyless pins: what it scans', () => {
  const repo = tree({ '.github/workflows/ci.yml': WORKFLOW, 'templates/deploy.yml': WORKFLOW, 'docs/mkdocs.yml': 'site_name: x\n' });

  it('scans the current directory when given no path', () => {
    const run = pins(['--format', 'json'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ findings: [{ file: '.github/workflows/ci.yml', line: 6, kind: 'unpinned-uses', ref: 'acme/deploy@v1' }] });
  });

  it('scans the workflows folder from inside it, however it is spelled', () => {
    for (const [cwd, path] of [[join(repo, '.github', 'workflows'), '.'], [repo, '.github/workflows/'], [repo, '.github']] as const) {
      const run = pins([path], { cwd });
      expect(run.code, path).toBe(1);
      expect(run.stdout, path).toMatch(/ci\.yml:6: unpinned-uses acme\/deploy@v1\n1 finding\(s\) in 1 file\(s\)\n$/);
    }
  });

  it('scans a workflow file named directly, wherever it is', () => {
    const run = pins([join(repo, 'templates', 'deploy.yml')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('deploy.yml:6: unpinned-uses acme/deploy@v1');
  });

  it('exits 2, saying what it looks for, when the paths hold no workflow or action file: never a silent pass', () => {
    for (const path of [join(repo, 'templates'), join(repo, 'docs')]) {
      const run = pins([path]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`nothing to scan: no workflow or action file in ${path}`);
      expect(run.stderr).toContain('.github/workflows/*.yml and action.yml');
    }
    expect(pins([], { cwd: join(repo, 'docs') }).code).toBe(2);
  });

  it('accepts --policy strict, the default and only policy, and refuses any other', () => {
    expect(pins(['--policy', 'strict', repo]).stdout).toBe(pins([repo]).stdout);
    const lax = pins(['--policy', 'lax', repo]);
    expect(lax.code).toBe(2);
    expect(lax.stderr).toContain('unknown policy "lax" — strict, the default, is the only one');
  });
});

describe('keyless pins --format json|sarif: every outcome in that format on stdout', () => {
  const repo = tree({ '.github/workflows/ci.yml': WORKFLOW, 'templates/deploy.yml': WORKFLOW });

  it.each([
    ['an unknown flag', ['--bogus', repo]],
    ['an unknown policy', ['--policy', 'lax', repo]],
    ['an invalid --allow pattern', ['--allow', 'acme/deploy@v1', repo]],
    ['a path that does not exist', [join(repo, 'nowhere')]],
    ['paths with nothing to scan', [join(repo, 'templates')]],
    ['--fix with a report format', ['--fix', repo]],
    ['--fix with --verify', ['--fix', '--verify', repo]],
  ])('reports %s as a USAGE error, exit 2', (_name, args) => {
    const json = pins(['--format', 'json', ...args]);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout) as Record<string, unknown>;
    // No `findings` key: a reader that counts findings must not take a usage error for a clean scan.
    expect(report).toEqual({ errors: [{ code: 'USAGE', message: expect.stringMatching(/^\[USAGE\] /) as unknown }] });
    expect(json.stderr).toContain('usage: keyless pins');

    const sarif = pins(['--format=sarif', ...args]);
    expect(sarif.code).toBe(2);
    const [run] = (JSON.parse(sarif.stdout) as { runs: SarifRun[] }).runs;
    expect(run?.results).toEqual([]);
    expect(run?.invocations?.[0]?.executionSuccessful).toBe(false);
    expect(run?.invocations?.[0]?.toolExecutionNotifications[0]?.message.text).toMatch(/^\[USAGE\] /);
  });

  it('reports an error that ends the run as JSON too, with its code, exit 1', () => {
    const run = pins(['--format', 'json', '--verify', repo], { env: { GITHUB_API_URL: 'http://api.example.com' } });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ errors: [{ code: 'HTTP_INSECURE_URL', message: expect.stringMatching(/^\[HTTP_INSECURE_URL\] /) as unknown }] });
    expect(run.stderr).toMatch(/^keyless pins: \[HTTP_INSECURE_URL\] /);
  });
});
