import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, sep, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { toPosixPath } from '../../../src/os/paths.js';
import { findFiles, isWorkflowFolder, MAX_FILE_BYTES, readWorkflowFile } from '../../../src/policy/pins/files.js';
import { refuseRewrite } from '../../../src/policy/pins/rewrite.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof KeylessError ? error.code : 'not a KeylessError';
  }
  return undefined;
}

describe('readWorkflowFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-files-'));

  it('reads a regular file', () => {
    writeFileSync(join(dir, 'ok.yml'), 'on: push\n');
    expect(readWorkflowFile(join(dir, 'ok.yml'))).toBe('on: push\n');
  });

  it('refuses a dangling link and a directory', () => {
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.yml'));
    mkdirSync(join(dir, 'dir.yml'));
    expect(['dangling.yml', 'dir.yml'].map((name) => codeOf(() => readWorkflowFile(join(dir, name))))).toEqual(['INPUT_INVALID', 'INPUT_INVALID']);
  });

  // FIFOs and /dev/zero are POSIX things: Windows has neither to plant.
  it.skipIf(process.platform === 'win32')('refuses a FIFO without blocking, and a link to a device', () => {
    execFileSync('mkfifo', [join(dir, 'fifo.yml')]);
    symlinkSync('/dev/zero', join(dir, 'zero.yml'));
    expect(['fifo.yml', 'zero.yml'].map((name) => codeOf(() => readWorkflowFile(join(dir, name))))).toEqual(['INPUT_INVALID', 'INPUT_INVALID']);
  });

  it('refuses a file one byte over the limit', () => {
    writeFileSync(join(dir, 'big.yml'), 'a'.repeat(MAX_FILE_BYTES + 1));
    expect(codeOf(() => readWorkflowFile(join(dir, 'big.yml')))).toBe('INPUT_TOO_LARGE');
  });
});

describe('refuseRewrite', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-rewrite-')));
  const outside = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-outside-')));
  writeFileSync(join(root, 'in.yml'), '');
  writeFileSync(join(outside, 'out.yml'), '');
  symlinkSync(join(outside, 'out.yml'), join(root, 'link.yml'));
  symlinkSync(outside, join(root, 'linked-dir'));

  it('allows a regular file inside the root', () => {
    expect(refuseRewrite(join(root, 'in.yml'), [root])).toBeUndefined();
  });

  it('refuses a symlinked file, and a file reached through a symlinked folder', () => {
    expect(refuseRewrite(join(root, 'link.yml'), [root])).toMatch(/symbolic link/);
    expect(refuseRewrite(join(root, 'linked-dir', 'out.yml'), [root])).toMatch(/outside the folders scanned/);
  });

  it('does not take a sibling folder with the same prefix for the root', () => {
    mkdirSync(`${root}-evil`);
    writeFileSync(join(`${root}-evil`, 'x.yml'), '');
    expect(refuseRewrite(join(`${root}-evil`, 'x.yml'), [root])).toMatch(/outside/);
  });
});

describe('findFiles over a checkout', () => {
  const repo = mkdtempSync(join(tmpdir(), 'keyless-find-'));
  for (const path of ['.github/workflows/ci.yml', '.github/workflows/release.yaml', '.github/workflows/notes/x.yml', 'templates/ci.yml', 'sub/action.yml', 'node_modules/a/action.yml']) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), 'jobs: {}\n');
  }
  const workflows = join(repo, '.github', 'workflows');

  it('finds workflows in .github/workflows and action files at any depth, nothing else', () => {
    expect(findFiles(repo).map((file) => relative(repo, file))).toEqual(['.github/workflows/ci.yml', '.github/workflows/release.yaml', 'sub/action.yml']);
  });

  it.each([
    ['the workflows folder with a trailing slash', `${workflows}/`],
    ['the workflows folder, relative', relative(process.cwd(), workflows)],
    ['the .github folder', join(repo, '.github')],
  ])('takes a folder for a workflows folder by where it is: %s', (_name, dir) => {
    expect(findFiles(dir).map((file) => relative(workflows, file))).toEqual(['ci.yml', 'release.yaml']);
  });

  it('finds no workflow in a folder of YAML outside .github/workflows', () => {
    expect(findFiles(join(repo, 'templates'))).toEqual([]);
  });
});

describe('isWorkflowFolder', () => {
  it('knows .github/workflows however Windows writes it', () => {
    for (const dir of ['D:\\a\\repo\\.github\\workflows', 'D:\\a\\repo\\.github\\workflows\\', 'D:/a/repo/.github/workflows', '\\\\server\\share\\repo\\.github\\workflows', 'D:\\a\\repo\\.github\\workflows\\.', 'D:\\a\\repo\\.github\\x\\..\\workflows']) {
      expect(isWorkflowFolder(dir, win32), dir).toBe(true);
    }
  });

  it('knows it however POSIX writes it', () => {
    for (const dir of ['/home/runner/work/repo/.github/workflows', '/srv/repo/.github/workflows/', '/srv/repo/./.github//workflows']) {
      expect(isWorkflowFolder(dir, posix), dir).toBe(true);
    }
  });

  it('takes neither a subfolder, a look-alike, nor a backslash in a POSIX name for it', () => {
    expect(isWorkflowFolder('D:\\a\\repo\\.github\\workflows\\sub', win32)).toBe(false);
    expect(isWorkflowFolder('D:\\a\\repo\\.github\\workflows-old', win32)).toBe(false);
    expect(isWorkflowFolder('D:\\a\\repo\\x.github\\workflows', win32)).toBe(false);
    expect(isWorkflowFolder('/srv/repo/.github\\workflows', posix)).toBe(false);
  });
});

describe('findFiles', () => {
  const repo = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-find-')));
  mkdirSync(join(repo, '.github', 'workflows', 'sub'), { recursive: true });
  mkdirSync(join(repo, 'act'));
  writeFileSync(join(repo, '.github', 'workflows', 'ci.yml'), 'on: push\n');
  writeFileSync(join(repo, '.github', 'workflows', 'sub', 'not-read.yml'), 'on: push\n');
  writeFileSync(join(repo, 'act', 'action.yml'), 'runs: {}\n');
  // As Keyless reports paths: `/`-separated on every OS.
  const shown = (...parts: string[]) => toPosixPath(join(repo, ...parts));
  const ci = shown('.github', 'workflows', 'ci.yml');

  it('finds the workflows when given the folder itself, with or without a trailing separator', () => {
    expect(findFiles(join(repo, '.github', 'workflows'))).toEqual([ci]);
    expect(findFiles(`${join(repo, '.github', 'workflows')}${sep}`)).toEqual([ci]);
  });

  it('finds them from .github, from the checkout, and from inside the folder', () => {
    expect(findFiles(join(repo, '.github'))).toEqual([ci]);
    expect(findFiles(repo)).toEqual([ci, shown('act', 'action.yml')]);
    const cwd = process.cwd();
    try {
      process.chdir(join(repo, '.github', 'workflows'));
      expect(findFiles('.')).toEqual(['ci.yml']);
    } finally {
      process.chdir(cwd);
    }
  });
});
