import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KeylessError } from '../../errors.js';
import { retryBusy } from '../../os/fs-retry.js';
import { inside } from '../../os/paths.js';

/**
 * Why the fixer must not rewrite `file`, or undefined when it may: a symbolic link is never written
 * through (its target may be anywhere), and the folder the file really lives in must be inside one of
 * `roots` (real paths of what the user asked to scan).
 */
export function refuseRewrite(file: string, roots: readonly string[]): string | undefined {
  const stat = lstatSync(file);
  if (stat.isSymbolicLink()) return 'it is a symbolic link, and its target is not rewritten';
  if (!stat.isFile()) return 'it is not a regular file';
  const dir = realpathSync(dirname(file));
  if (!roots.some((root) => inside(root, dir) !== undefined)) return 'its real path is outside the folders scanned';
  return undefined;
}

/**
 * Replaces `file` with `text` in one step: a new file beside it (created exclusively, so a link planted
 * at its name is not followed), given the old file's mode, synced, then renamed over it. A reader sees
 * the old file or the new one, never half of one, and a link put at `file` meanwhile is replaced, not followed.
 * On Windows the rename waits a moment for an editor or scanner that holds the file open.
 */
export function replaceFile(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.keyless-${randomBytes(6).toString('hex')}`);
  try {
    const { mode } = lstatSync(file);
    const fd = openSync(temp, 'wx', 0o600);
    try {
      fchmodSync(fd, mode & 0o7777);
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    retryBusy(() => renameSync(temp, file));
  } catch (error) {
    retryBusy(() => rmSync(temp, { force: true }));
    throw new KeylessError('INPUT_INVALID', `cannot rewrite ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { hint: 'check the folder is writable', cause: error });
  }
}
