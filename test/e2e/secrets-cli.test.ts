import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, root } from './setup.js';

const WORKFLOW = [
  'on: push',
  'jobs:',
  '  release:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: aws-actions/configure-aws-credentials@v4',
  '        with:',
  '          aws-access-key-id: AKIAIOSFODNN7EXAMPLE',
  '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
  '          aws-region: eu-west-1',
  '      - run: |',
  '          gh pr list',
  '          echo ${{ secrets.SONAR_TOKEN }}',
  '        env:',
  '          GH_TOKEN: ${{ secrets.RELEASE_PAT }}',
  '',
].join('\n');

function secrets(args: string[], cwd?: string) {
  const run = spawnSync(process.execPath, [join(dist, 'cli.js'), 'secrets', ...args], { encoding: 'utf8', cwd, env: { PATH: process.env.PATH ?? '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-secrets-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

interface Finding {
  file: string;
  line: number;
  secret: string;
  kind: string;
  replacement: string | null;
  severity: string;
}

describe('keyless secrets', () => {
  const repo = tree({ '.github/workflows/release.yml': WORKFLOW, 'docs/mkdocs.yml': 'site_name: x\n' });

  it('scans the current directory when given no path, and prints the JSON contract', () => {
    const run = secrets(['--format', 'json'], repo);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: Finding[] };
    expect(findings.map(({ file, line, secret, kind }) => ({ file, line, secret, kind }))).toEqual([
      { file: '.github/workflows/release.yml', line: 9, secret: 'AWS_SECRET_ACCESS_KEY', kind: 'aws' },
      { file: '.github/workflows/release.yml', line: 13, secret: 'SONAR_TOKEN', kind: 'unknown' },
      { file: '.github/workflows/release.yml', line: 15, secret: 'RELEASE_PAT', kind: 'github-pat' },
    ]);
    expect(findings[0]?.replacement).toBe('- provider: aws\n  role: arn:aws:iam::<ACCOUNT_ID>:role/<ROLE>\n  region: eu-west-1\n');
    expect(findings[1]?.replacement).toBeNull();
  });

  it('prints SARIF 2.1.0 with one rule per kind and the line of each secrets.X', () => {
    const run = secrets(['--format', 'sarif', repo]);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as { version: string; runs: [{ tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['aws', 'github-pat', 'unknown', 'secrets-inherit']));
    expect(sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation.region.startLine])).toEqual([['aws', 9], ['unknown', 13], ['github-pat', 15]]);
    expect(sarif.runs[0].results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toMatch(/\.github\/workflows\/release\.yml$/);
  });

  it('prints text grouped by file, each finding with its entry, and the step replacing them', () => {
    const run = secrets([], repo);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('.github/workflows/release.yml\n  9: secrets.AWS_SECRET_ACCESS_KEY  aws (high; high confidence, by input)');
    expect(run.stdout).toContain('    replace with:\n      - provider: aws\n        role: arn:aws:iam::<ACCOUNT_ID>:role/<ROLE>\n        region: eu-west-1\n    setup: README.md#aws-provider-aws\n');
    expect(run.stdout).toContain('id-token: write missing');
    expect(run.stdout).toContain('the Keyless step for job release');
    expect(run.stdout).toMatch(/3 stored secret\(s\) in 1 file\(s\)\n$/);
  });

  it('never prints a value: only the names after secrets.', () => {
    for (const format of ['text', 'json', 'sarif']) expect(secrets(['--format', format, repo]).stdout).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('exits by --fail-on: 1 at or above the level, 0 below it or with none', () => {
    expect(secrets(['--fail-on', 'high', repo]).code).toBe(1);
    const medium = tree({ '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    steps:\n      - run: gh release list\n        env:\n          GH_TOKEN: ${{ secrets.PAT }}\n' });
    expect(secrets(['--fail-on', 'medium', medium]).code).toBe(1);
    expect(secrets(['--fail-on', 'high', medium]).code).toBe(0);
    expect(secrets(['--fail-on', 'none', repo]).code).toBe(0);
    const clean = tree({ '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ secrets.GITHUB_TOKEN }}\n' });
    const run = secrets(['--format', 'json', clean]);
    expect([run.code, run.stdout]).toEqual([0, '{"findings":[]}\n']);
  });

  it('exits 2, saying what it looks for, when the paths hold no workflow or action file', () => {
    const empty = mkdtempSync(join(tmpdir(), 'keyless-secrets-empty-'));
    for (const args of [[empty], [join(repo, 'docs')]]) {
      const run = secrets(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('nothing to scan: no workflow or action file in');
    }
    expect(secrets([], empty).code).toBe(2);
    const json = secrets(['--format', 'json', empty]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ errors: [{ code: 'USAGE' }] });
  });

  it('exits 2 on a usage error, in the format asked', () => {
    for (const args of [['--fail-on', 'severe', repo], ['--format', 'xml', repo], ['--bogus', repo], [join(repo, 'nowhere')]]) {
      const run = secrets(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('usage: keyless secrets');
    }
    const sarif = secrets(['--format', 'sarif', '--fail-on', 'severe', repo]);
    expect(sarif.code).toBe(2);
    expect((JSON.parse(sarif.stdout) as { runs: [{ invocations: [{ executionSuccessful: boolean }] }] }).runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  it('reports a file it cannot read as YAML and fails, while listing the others', () => {
    const broken = tree({ '.github/workflows/ok.yml': WORKFLOW, '.github/workflows/bad.yml': 'on: push\njobs: [\n' });
    const run = secrets(['--format', 'json', '--fail-on', 'none', broken]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Finding[]; errors: { file: string; message: string }[] };
    expect(report.findings).toHaveLength(3);
    expect(report.errors[0]?.file).toMatch(/bad\.yml$/);
    expect(run.stderr).toContain('not valid YAML');
  });

  it('answers --help with its usage, exit 0', () => {
    const run = secrets(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: keyless secrets \[--format text\|json\|sarif\] \[--fail-on none\|low\|medium\|high\] \[PATH\.\.\.\]/);
  });

  it('prints what the README\'s worked example shows, line for line', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /```text\n\$ keyless secrets \.github\/workflows\/release\.yml\n([^]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const example = tree({ '.github/workflows/release.yml': readFileSync(join(root, 'test', 'fixtures', 'secrets', 'readme-example.yml'), 'utf8') });
    const run = secrets(['.github/workflows/release.yml'], example);
    let rest = run.stdout;
    for (const line of (block ?? '').split('\n').filter((l) => l !== '' && l.trim() !== '…')) {
      const at = rest.indexOf(`${line}\n`);
      expect(at, line).toBeGreaterThanOrEqual(0);
      rest = rest.slice(at + line.length);
    }
  });
});
