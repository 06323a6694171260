import { chmodSync, linkSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateFileProblem, realFolderProblem } from '../../../src/os/private-file.js';
import { exactOwnedPath } from '../../../src/runner/owned-path.js';

const posix = process.platform !== 'win32';

/** A RUNNER_TEMP with a keyless-* folder holding a token file, as main writes them. */
function temp(): { root: string; folder: string; file: string } {
  const root = mkdtempSync(join(tmpdir(), 'private-file-'));
  const folder = mkdtempSync(join(root, 'keyless-'));
  const file = join(folder, 'token');
  writeFileSync(file, 'x', { mode: 0o600 });
  return { root, folder, file };
}

describe('exactOwnedPath', () => {
  it('takes a file in a keyless-* folder, named through the root as given or as it really lies', () => {
    const { root, file } = temp();
    expect(exactOwnedPath(file, root)).toBe(file);
    expect(exactOwnedPath(realpathSync(file), root)).toBe(realpathSync(file));
  });

  it.runIf(posix)('refuses a path with a link at any level below the root, the last one too', () => {
    const { root, folder, file } = temp();
    symlinkSync(folder, join(root, 'keyless-link'));
    expect(exactOwnedPath(join(root, 'keyless-link', 'token'), root)).toBeUndefined();
    symlinkSync(file, join(folder, 'token-link'));
    expect(exactOwnedPath(join(folder, 'token-link'), root)).toBeUndefined();
  });

  it('refuses what is gone, outside a keyless-* folder, or the root itself', () => {
    const { root, folder } = temp();
    expect(exactOwnedPath(join(folder, 'gone'), root)).toBeUndefined();
    mkdirSync(join(root, 'other'));
    expect(exactOwnedPath(join(root, 'other'), root)).toBeUndefined();
    expect(exactOwnedPath(root, root)).toBeUndefined();
  });
});

describe.runIf(posix)('privateFileProblem', () => {
  it('takes a token file exactly as main writes one', () => {
    expect(privateFileProblem(temp().file)).toBeUndefined();
  });

  it.each([
    ['a 0640 file', ({ file }: ReturnType<typeof temp>) => { chmodSync(file, 0o640); }, 'its mode is 0640, not 0600'],
    ['a 0710 folder', ({ folder }: ReturnType<typeof temp>) => { chmodSync(folder, 0o710); }, "its folder's mode is 0710, not 0700"],
    ['a second name', ({ root, file }: ReturnType<typeof temp>) => { linkSync(file, join(root, 'copy')); }, 'it has another name (a hard link)'],
  ])('refuses %s', (_name, spoil, why) => {
    const place = temp();
    spoil(place);
    expect(privateFileProblem(place.file)).toBe(why);
  });

  it('refuses a link and a folder, and a folder that is a link', () => {
    const { root, folder, file } = temp();
    symlinkSync(file, join(folder, 'link'));
    expect(privateFileProblem(join(folder, 'link'))).toBe('it is a link');
    expect(privateFileProblem(folder)).toBe('it is not a regular file');
    symlinkSync(folder, join(root, 'folder-link'));
    expect(realFolderProblem(join(root, 'folder-link'))).toBe('it is a link');
    expect(realFolderProblem(folder)).toBeUndefined();
  });
});
