import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type GitHubOrgFake, startGitHubOrg } from '../fakes/github-org.js';
import { dist } from './setup.js';

// keyless pins --github-org / --github-repos against a fake GitHub API: an organisation of generated
// repositories, rate limits mixed in, read through the trees and blobs APIs.

const TOKEN = 'ghp_orgScanToken0123456789abcdefghijklmn';
const fakes: GitHubOrgFake[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

async function org(repositories: number, rateLimitEvery?: number) {
  const fake = await startGitHubOrg({ org: 'acme', repositories, token: TOKEN, ...(rateLimitEvery ? { rateLimitEvery } : {}) });
  fakes.push(fake);
  return fake;
}

function pins(args: string[], fake: GitHubOrgFake, token = TOKEN, command = 'pins'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dist, 'cli.js'), command, ...args], { env: { PATH: process.env.PATH ?? '', GITHUB_API_URL: fake.url, GITHUB_TOKEN: token } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface OrgFinding {
  repository: string;
  file: string;
  line: number;
  ref: string;
}

const perRepository = (findings: OrgFinding[]) => findings.reduce((map, f) => map.set(f.repository, (map.get(f.repository) ?? 0) + 1), new Map<string, number>());

describe('keyless pins --github-org', () => {
  it('scans every repository of a 2,000-repository organisation through rate limits, in one report', async () => {
    const fake = await org(2000, 97);
    const run = await pins(['--github-org', 'acme', '--format', 'json', '--concurrency', '16'], fake);

    expect(run.code, run.stderr).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: OrgFinding[] };
    expect(perRepository(findings)).toEqual(fake.expected);
    expect(findings.find((f) => f.repository === 'acme/repo-0000' && f.ref === 'acme/setup@main')).toMatchObject({ file: 'acme/repo-0000/tools/setup/action.yml', line: 4 });
    expect(fake.stats.rateLimited).toBeGreaterThan(10);
    // Archived repositories run nothing and are not read; the empty ones are read and hold nothing.
    expect(fake.treesRead).not.toContain('acme/repo-0099');
    expect(fake.treesRead).toContain('acme/repo-0007');
    expect(fake.unexpected).toEqual([]);
    expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
  }, 180_000);

  it('resumes from its checkpoint: repositories already done are not read again', async () => {
    const fake = await org(60);
    const checkpoint = join(mkdtempSync(join(tmpdir(), 'keyless-org-')), 'scan.jsonl');
    const first = await pins(['--github-org', 'acme', '--format', 'json', '--checkpoint', checkpoint], fake);
    expect(first.code, first.stderr).toBe(1);
    const lines = readFileSync(checkpoint, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(60);
    // An interrupted run: 25 repositories finished, the 26th cut off mid-line.
    writeFileSync(checkpoint, `${lines.slice(0, 25).join('\n')}\n${(lines[25] ?? '').slice(0, 30)}`);
    fake.treesRead.length = 0;

    const second = await pins(['--github-org', 'acme', '--format', 'json', '--checkpoint', checkpoint], fake);
    expect(second.code, second.stderr).toBe(1);
    expect(fake.treesRead).toHaveLength(60 - 25);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  });

  it('scans the repositories a file names, and puts the repository in every SARIF location', async () => {
    const fake = await org(30);
    const list = join(mkdtempSync(join(tmpdir(), 'keyless-org-')), 'repos.txt');
    writeFileSync(list, '# the release repositories\nacme/repo-0003\n\nacme/repo-0010\n');
    const run = await pins(['--github-repos', list, '--format', 'sarif'], fake);

    expect(run.code, run.stderr).toBe(1);
    const sarif = JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri).sort()).toEqual([
      'acme/repo-0003/.github/workflows/ci.yml',
      'acme/repo-0010/tools/setup/action.yml',
    ]);
    expect(fake.treesRead.sort()).toEqual(['acme/repo-0003', 'acme/repo-0010']);
  });

  it('takes the same flags in keyless secrets: one inventory of the stored secrets across the organisation', async () => {
    const fake = await org(40, 13);
    const run = await pins(['--github-org', 'acme', '--format', 'json'], fake, TOKEN, 'secrets');

    expect(run.code, run.stderr).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: (OrgFinding & { secret: string; kind: string })[] };
    // Every fifth repository publishes with NPM_TOKEN (line 9 of its release workflow).
    expect(findings.map((f) => [f.repository, f.file, f.line, f.secret, f.kind])).toEqual(
      [0, 5, 10, 15, 20, 25, 30, 35].map((i) => {
        const repository = `acme/repo-${String(i).padStart(4, '0')}`;
        return [repository, `${repository}/.github/workflows/release.yml`, 9, 'NPM_TOKEN', 'npm'];
      }),
    );
    expect(run.stdout).not.toContain(TOKEN);
  });

  it('says what to do about a token GitHub refuses, and never prints it', async () => {
    const fake = await org(5);
    const run = await pins(['--github-org', 'acme'], fake, 'ghp_notTheRightToken000000000000000000000');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('GitHub API answered the repositories of acme with HTTP 401: Bad credentials');
    expect(run.stderr).toContain('GITHUB_TOKEN (or GH_TOKEN) is missing, expired or not valid');
    expect(run.stderr).not.toContain('ghp_notTheRightToken');
  });

  it('refuses paths with --github-org, --fix with it, and a repository list that is not owner/name', async () => {
    const fake = await org(1);
    expect((await pins(['--github-org', 'acme', '.'], fake)).stderr).toContain('give paths or --github-org/--github-repos, not both');
    expect((await pins(['--github-org', 'acme', '--fix'], fake)).code).toBe(2);
    const list = join(mkdtempSync(join(tmpdir(), 'keyless-org-')), 'repos.txt');
    writeFileSync(list, 'acme/widget\nhttps://github.com/acme/other\n');
    const bad = await pins(['--github-repos', list], fake);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"https://github.com/acme/other" is not owner/name');
    expect(fake.requests).toEqual([]);
  });
});
