import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectMode } from '../fakes/host.js';
import { errorCodes, world } from './setup.js';

// files: workspace puts the credential files where Docker container actions can see them (the runner
// mounts the workspace, not RUNNER_TEMP): a .keyless-* folder, kept out of git, deleted at post.

const entry = (w: Awaited<ReturnType<typeof world>>, extra = '') =>
  `- provider: rfc8693\n  id: vault\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}\n  export: file${extra}`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
}

describe('files: workspace', () => {
  it('writes the files in a .keyless-* folder of the workspace that git does not see, and post deletes it', async () => {
    const w = await world();
    git(w.job.workspace, 'init', '-q');
    const credentials = entry(w);
    const main = await w.main({ credentials, files: 'workspace' });

    expect(main.code, main.stdout).toBe(0);
    const path = main.env.VAULT_TOKEN_FILE ?? '';
    const folder = path.slice(0, path.lastIndexOf(sep));
    expect(folder.startsWith(join(w.job.workspace, '.keyless-'))).toBe(true);
    expectMode(folder, 0o700);
    expectMode(path, 0o600);
    expect(readFileSync(path, 'utf8')).toBe(w.server.issued[0]);
    expect(readFileSync(join(w.job.workspace, '.git', 'info', 'exclude'), 'utf8')).toContain('\n/.keyless-*/\n');
    // Only the checked-out workflow is untracked: the credential folder is not, so `git add -A` skips it.
    expect(git(w.job.workspace, 'status', '--porcelain', '--untracked-files=all')).toBe('?? .github/workflows/release.yml\n');

    const post = await w.post({ credentials, files: 'workspace' }, main);
    expect(post.code, post.stdout).toBe(0);
    expect(existsSync(folder)).toBe(false);
    w.expectNoLeaks([main, post]);
  });

  it('adds the exclude line once, after the lines already there', async () => {
    const w = await world();
    git(w.job.workspace, 'init', '-q');
    const exclude = join(w.job.workspace, '.git', 'info', 'exclude');
    writeFileSync(exclude, '*.log');
    const credentials = entry(w);
    for (let run = 0; run < 2; run++) {
      const main = await w.main({ credentials, files: 'workspace' });
      expect(main.code, main.stdout).toBe(0);
      w.expectNoLeaks([main, await w.post({ credentials, files: 'workspace' }, main)]);
    }
    expect(readFileSync(exclude, 'utf8').split('\n').filter((line) => line === '/.keyless-*/')).toHaveLength(1);
    expect(readFileSync(exclude, 'utf8').startsWith('*.log\n#')).toBe(true);
  });

  it('never writes through an exclude file an earlier step replaced with a link, and says git sees the folder', async () => {
    const w = await world();
    mkdirSync(join(w.job.workspace, '.git', 'info'), { recursive: true });
    const target = join(w.job.root, 'elsewhere');
    writeFileSync(target, 'untouched\n');
    symlinkSync(target, join(w.job.workspace, '.git', 'info', 'exclude'));
    const credentials = entry(w);
    const main = await w.main({ credentials, files: 'workspace' });

    expect(main.code, main.stdout).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('untouched\n');
    expect(main.stdout).toMatch(/::warning::could not add \/\.keyless-\*\/ to \.git\/info\/exclude: git sees .*\/\.keyless-\w+ until the post step deletes it/);
    w.expectNoLeaks([main, await w.post({ credentials, files: 'workspace' }, main)]);
  });

  it('never appends through an exclude file an earlier step hard-linked to a file elsewhere, and says git sees the folder', async () => {
    const w = await world();
    git(w.job.workspace, 'init', '-q');
    // A hard link is a regular file to lstat and O_NOFOLLOW: only its link count gives it away.
    const victim = join(w.job.root, '.bashrc');
    writeFileSync(victim, 'export PATH="$HOME/bin:$PATH"\n');
    const exclude = join(w.job.workspace, '.git', 'info', 'exclude');
    rmSync(exclude, { force: true });
    linkSync(victim, exclude);
    const credentials = entry(w);
    const main = await w.main({ credentials, files: 'workspace' });

    expect(main.code, main.stdout).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('export PATH="$HOME/bin:$PATH"\n');
    expect(main.stdout).toMatch(/::warning::could not add \/\.keyless-\*\/ to \.git\/info\/exclude: git sees /);
    w.expectNoLeaks([main, await w.post({ credentials, files: 'workspace' }, main)]);
  });

  it('keeps the files under RUNNER_TEMP by default, and refuses a place it does not know', async () => {
    const w = await world();
    const credentials = entry(w);
    const main = await w.main({ credentials });
    expect(main.code, main.stdout).toBe(0);
    expect((main.env.VAULT_TOKEN_FILE ?? '').startsWith(w.job.temp)).toBe(true);
    w.expectNoLeaks([main, await w.post({ credentials }, main)]);

    const wrong = await w.main({ credentials, files: 'home' });
    expect(errorCodes(wrong)).toEqual(['INPUT_INVALID']);
    expect(wrong.stdout).toContain('files: is not one of temp, workspace');
    expect(statSync(w.job.workspace).isDirectory()).toBe(true);
  });
});
