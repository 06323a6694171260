import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { dist, root } from './setup.js';

// No runner variables: a command that ran instead of answering --help would fail, not pass by luck.
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const COMMANDS = ['verify', 'pins', 'secrets', 'refresh', 'demo'];
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('keyless --help and --version', () => {
  it.each(COMMANDS.flatMap((command) => [[command, '--help'], [command, '-h']]))('%s %s prints its own usage on stdout, exit 0', (command, flag) => {
    const run = cli(command, flag);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^usage: keyless ${command}\\b`));
    expect(run.stdout).toMatch(/\nexit codes: /);
  });

  it('answers --help wherever it stands before --, and takes what follows -- as an argument', () => {
    expect(cli('pins', '--format', 'json', '--help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: keyless pins/) as unknown });
    expect(cli('help', 'verify').stdout).toBe(cli('verify', '--help').stdout);
    const path = cli('pins', '--', '--help');
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('no such file or directory: --help');
  });

  it("lists every command with the synopsis its own --help prints, pins' --fix and --verify included", () => {
    const run = cli('--help');
    expect(run.code).toBe(0);
    for (const command of COMMANDS) {
      const synopsis = /^usage: ([^]*?)\n\n/.exec(cli(command, '--help').stdout)?.[1] ?? 'missing';
      expect(words(run.stdout)).toContain(words(synopsis));
    }
    expect(run.stdout).toContain('[--fix | --verify]');
    expect(words(run.stdout)).toContain('renew the OIDC token files Keyless wrote (Azure mode: sdk, GCP credentials-file, AWS mode: web-identity)');
  });

  it.each(['--version', '-V', 'version'])('%s prints the version in package.json', (flag) => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(cli(flag)).toEqual({ code: 0, stdout: `keyless ${version}\n`, stderr: '' });
  });

  it('exits 2 with the usage on stderr for no command, an unknown one, and arguments refresh or demo do not take', () => {
    for (const args of [[], ['deploy'], ['refresh', '--bogus'], ['refresh', 'extra'], ['demo', '--fast']]) {
      const run = cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(/usage: keyless/);
    }
  });
});
