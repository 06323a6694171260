import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { soleRegularFile } from './private-file.js';

// Typed as always present, but Windows has neither O_NOFOLLOW nor O_NONBLOCK.
const NOFOLLOW = (constants as Partial<typeof constants>).O_NOFOLLOW ?? 0;
const NONBLOCK = (constants as Partial<typeof constants>).O_NONBLOCK ?? 0;

/**
 * Adds `pattern` to the repository's `.git/info/exclude` (not `.gitignore`, which is the user's and is
 * committed), so `git status`, `git add -A` and release tools that refuse a dirty tree never see it.
 * Best effort: no repository, a `.git` that is a file (a worktree) or a link, or an exclude file that is
 * not a plain file of the job's user leaves it alone, since the workspace is writable by every earlier step
 * and a link, soft or hard, could lead to any file the job can write. Returns whether the pattern is in place.
 */
export function excludeFromGit(workspace: string, pattern: string): boolean {
  const git = join(workspace, '.git');
  try {
    if (!lstatSync(git).isDirectory()) return false;
    const info = join(git, 'info');
    mkdirSync(info, { recursive: true, mode: 0o755 });
    if (!lstatSync(info).isDirectory()) return false;
    // One descriptor for the checks, the read and the write, so nothing can be swapped in between them:
    // O_NOFOLLOW refuses a symbolic link, O_NONBLOCK keeps a FIFO from hanging the open, and fstat refuses
    // what is not a regular file, or has a second name (a hard link to a file elsewhere), or is another user's.
    const fd = openSync(join(info, 'exclude'), constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | NOFOLLOW | NONBLOCK, 0o644);
    try {
      if (!soleRegularFile(fstatSync(fd))) return false;
      const current = readFileSync(fd, 'utf8');
      if (current.split(/\r?\n/).includes(pattern)) return true;
      writeSync(fd, `${current === '' || current.endsWith('\n') ? '' : '\n'}# credential files of the Keyless action (files: workspace), deleted at job end\n${pattern}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch {
    return false;
  }
}
