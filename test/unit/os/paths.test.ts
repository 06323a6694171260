import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inside, repoPath, toPosixPath } from '../../../src/os/paths.js';
import { isOwned } from '../../../src/runner/owned-path.js';

const { win32, posix } = path;

describe('toPosixPath', () => {
  it('turns every Windows separator into /: drive letters, UNC shares, mixed separators', () => {
    expect(toPosixPath('D:\\a\\repo\\.github\\workflows\\ci.yml', win32)).toBe('D:/a/repo/.github/workflows/ci.yml');
    expect(toPosixPath('\\\\server\\share\\repo\\action.yml', win32)).toBe('//server/share/repo/action.yml');
    expect(toPosixPath('.github/workflows\\ci.yml', win32)).toBe('.github/workflows/ci.yml');
    expect(toPosixPath('.github\\workflows', win32)).toBe('.github/workflows');
  });

  it('leaves a backslash alone where it is part of a name, not a separator', () => {
    expect(toPosixPath('.github/workflows/odd\\name.yml', posix)).toBe('.github/workflows/odd\\name.yml');
  });
});

describe('repoPath', () => {
  it('names a file of the checkout relative to it, with /, from Windows paths', () => {
    expect(repoPath('D:\\a\\repo\\repo', 'D:\\a\\repo\\repo\\.github\\workflows\\ci.yml', win32)).toBe('.github/workflows/ci.yml');
    expect(repoPath('D:\\a\\repo\\repo', 'D:/a/repo/repo/sub\\action.yml', win32)).toBe('sub/action.yml');
    // Windows compares paths without regard to case.
    expect(repoPath('d:\\A\\Repo', 'D:\\a\\repo\\action.yml', win32)).toBe('action.yml');
    expect(repoPath('\\\\server\\share\\repo', '\\\\server\\share\\repo\\.github\\workflows\\ci.yml', win32)).toBe('.github/workflows/ci.yml');
  });

  it('never passes a file outside the checkout off as one of its files', () => {
    expect(repoPath('D:\\a\\repo', 'D:\\a\\other\\x.yml', win32)).toBe('../other/x.yml');
    expect(repoPath('D:\\a\\repo', 'E:\\x.yml', win32)).toBe('E:/x.yml');
    expect(repoPath('/home/runner/work/repo', '/home/runner/work/repo/.github/workflows/ci.yml', posix)).toBe('.github/workflows/ci.yml');
  });
});

describe('inside', () => {
  it('takes a path inside, or the folder itself, and gives it relative', () => {
    expect(inside('D:\\a\\repo', 'D:\\a\\repo\\x\\y.yml', win32)).toBe('x\\y.yml');
    expect(inside('D:\\a\\repo', 'd:/A/REPO/x', win32)).toBe('x');
    expect(inside('D:\\a\\repo', 'D:\\a\\repo', win32)).toBe('');
    expect(inside('/srv/repo', '/srv/repo/..x/y', posix)).toBe('..x/y');
    expect(inside('D:\\a\\repo', 'D:\\a\\repo\\..x', win32)).toBe('..x');
  });

  it('refuses a sibling with the same prefix, a climb, another drive or share', () => {
    expect(inside('D:\\a\\repo', 'D:\\a\\repo-evil\\x', win32)).toBeUndefined();
    expect(inside('D:\\a\\repo', 'D:\\a\\repo\\..\\x', win32)).toBeUndefined();
    expect(inside('D:\\a\\repo', 'D:\\a', win32)).toBeUndefined();
    expect(inside('D:\\a\\repo', 'C:\\a\\repo\\x', win32)).toBeUndefined();
    expect(inside('\\\\server\\share\\repo', '\\\\server\\other\\repo\\x', win32)).toBeUndefined();
    expect(inside('/srv/repo', '/srv/repo-evil/x', posix)).toBeUndefined();
    expect(inside('/srv/repo', '/srv/repo/../x', posix)).toBeUndefined();
  });
});

describe('what post may delete, with Windows paths', () => {
  const temp = 'D:\\a\\_temp';

  it('only what lies in a keyless-* entry directly under RUNNER_TEMP', () => {
    expect(isOwned('D:\\a\\_temp\\keyless-abc', temp, win32)).toBe(true);
    expect(isOwned('D:\\a\\_temp\\keyless-abc\\aws-credentials', temp, win32)).toBe(true);
    expect(isOwned('d:\\A\\_TEMP\\keyless-abc', temp, win32)).toBe(true);
    expect(isOwned('D:\\a\\_temp', temp, win32)).toBe(false);
    expect(isOwned('D:\\a\\_temp\\other\\keyless-abc', temp, win32)).toBe(false);
    expect(isOwned('D:\\a\\_temp-keyless\\keyless-abc', temp, win32)).toBe(false);
    expect(isOwned('C:\\a\\_temp\\keyless-abc', temp, win32)).toBe(false);
    expect(isOwned('D:\\a\\_temp\\keyless-abc\\..\\..\\x', temp, win32)).toBe(false);
  });
});
