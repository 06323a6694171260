import { readdirSync } from 'node:fs';
import path, { join } from 'node:path';
import { KeylessError } from '../../errors.js';
import { type PathFlavour, toPosixPath } from '../../os/paths.js';
import { readRegularFile } from '../../os/regular-file.js';

/** Bytes of one workflow or action file the scanner reads; GitHub's own limit on a workflow is far below. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Workflows in any `.github/workflows` folder (`dir` itself included), and every `action.yml`/`action.yaml`,
 * below a directory. Paths come back `/`-separated, as Keyless reports them; Node's file functions take
 * them on Windows too. Symbolic links to directories are not followed (a link cannot make the walk loop
 * or leave the tree); a directory that cannot be listed goes to `skipped` instead of ending the walk.
 */
export function findFiles(dir: string, skipped: (path: string, error: KeylessError) => void = rethrow): string[] {
  const found: string[] = [];
  const visit = (current: string) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      const shown = toPosixPath(current);
      skipped(shown, unreadable(shown, error));
      return;
    }
    const workflows = isWorkflowFolder(current);
    for (const entry of entries) {
      const file = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') visit(file);
      } else if (/^action\.ya?ml$/.test(entry.name) || (workflows && /\.ya?ml$/.test(entry.name))) {
        found.push(toPosixPath(file));
      }
    }
  };
  visit(dir);
  return found.sort();
}

/**
 * Whether `dir` is a `.github/workflows` folder, the one folder GitHub reads workflows from (not its
 * subfolders). However it is written: `.github\workflows`, `D:\a\repo\.github\workflows\`, `.` run
 * inside it, or `../workflows` from a sibling.
 */
export function isWorkflowFolder(dir: string, flavour: PathFlavour = path): boolean {
  return /(^|\/)\.github\/workflows$/.test(toPosixPath(flavour.resolve(dir), flavour));
}

function rethrow(_path: string, error: KeylessError): never {
  throw error;
}

/**
 * The text of a workflow or action file, refusing what is not a regular file of at most MAX_FILE_BYTES:
 * a link to /dev/zero, a FIFO or a directory.
 */
export function readWorkflowFile(path: string): string {
  return readRegularFile(path, {
    maxBytes: MAX_FILE_BYTES,
    hint: 'workflow and action files must be regular files of at most 1 MiB; larger ones are refused unread',
    unreadableHint: 'a dangling link or an unreadable file cannot be checked: fix or remove it',
  }).toString('utf8');
}

function unreadable(path: string, error: unknown): KeylessError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return new KeylessError('INPUT_INVALID', `cannot read ${path} (${reason})`, { hint: 'a dangling link or an unreadable file cannot be checked: fix or remove it', cause: error });
}
