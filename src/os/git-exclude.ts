import { closeSync, constants, lstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// Typed as always present, but Windows has no O_NOFOLLOW.
const NOFOLLOW = (constants as Partial<typeof constants>).O_NOFOLLOW ?? 0;

/**
 * Adds `pattern` to the repository's `.git/info/exclude` (not `.gitignore`, which is the user's and is
 * committed), so `git status`, `git add -A` and release tools that refuse a dirty tree never see it.
 * Best effort: no repository, a `.git` that is a file (a worktree) or a link, or an exclude file that is a
 * link leaves it alone, since the workspace is writable by every earlier step and a link could point at
 * any file the job can write. Returns whether the pattern is in place.
 */
export function excludeFromGit(workspace: string, pattern: string): boolean {
  const git = join(workspace, '.git');
  try {
    if (!lstatSync(git).isDirectory()) return false;
    const info = join(git, 'info');
    mkdirSync(info, { recursive: true, mode: 0o755 });
    if (!lstatSync(info).isDirectory()) return false;
    const file = join(info, 'exclude');
    let current = '';
    try {
      if (!lstatSync(file).isFile()) return false;
      current = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    }
    if (current.split(/\r?\n/).includes(pattern)) return true;
    // O_NOFOLLOW where the platform has it: a link swapped in after the check above is refused, not followed.
    const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NOFOLLOW, 0o644);
    try {
      writeSync(fd, `${current === '' || current.endsWith('\n') ? '' : '\n'}# credential files of the Keyless action (files: workspace), deleted at job end\n${pattern}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch {
    return false;
  }
}
