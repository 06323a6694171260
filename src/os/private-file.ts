import { lstatSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';

// Windows has neither POSIX owners nor mode bits worth reading (stat reports 0 and 0666/0444): those
// checks pass there, as they do everywhere else in Keyless.
const posix = process.platform !== 'win32';

/** Whether the current user owns what `stats` describes. */
export function ownedByMe(stats: Pick<Stats, 'uid'>): boolean {
  return !posix || stats.uid === process.getuid?.();
}

/**
 * Whether `stats` (of an opened descriptor, or an lstat) is a regular file of the current user with no
 * second name: a hard link made by an earlier step is a regular file to lstat and O_NOFOLLOW, yet writing
 * to it writes the file it shares its data with. An nlink of 0 (some Windows file systems) is no link.
 */
export function soleRegularFile(stats: Pick<Stats, 'uid' | 'nlink' | 'isFile'>): boolean {
  return stats.isFile() && stats.nlink <= 1 && ownedByMe(stats);
}

/** Why `dir` is not a real folder (not a link) of the current user, or undefined when it is. */
export function realFolderProblem(dir: string): string | undefined {
  const stats = lstatSync(dir, { throwIfNoEntry: false });
  if (stats === undefined) return 'it does not exist';
  if (stats.isSymbolicLink()) return 'it is a link';
  if (!stats.isDirectory()) return 'it is not a folder';
  if (!ownedByMe(stats)) return 'another user owns it';
  return undefined;
}

/**
 * Why `file` is not a token file as main writes one (a 0600 regular file with one name, in a 0700 folder,
 * both the current user's: src/sinks/deliver.ts), or undefined when it is. lstat, never open: a FIFO is
 * refused without being opened.
 */
export function privateFileProblem(file: string): string | undefined {
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (stats === undefined) return 'it does not exist';
  if (stats.isSymbolicLink()) return 'it is a link';
  if (!stats.isFile()) return 'it is not a regular file';
  if (stats.nlink > 1) return 'it has another name (a hard link)';
  if (!ownedByMe(stats)) return 'another user owns it';
  if (posix && (stats.mode & 0o777) !== 0o600) return `its mode is ${modeOf(stats)}, not 0600`;
  const folder = realFolderProblem(dirname(file));
  if (folder !== undefined) return `its folder: ${folder}`;
  const dir = lstatSync(dirname(file));
  if (posix && (dir.mode & 0o777) !== 0o700) return `its folder's mode is ${modeOf(dir)}, not 0700`;
  return undefined;
}

function modeOf(stats: Stats): string {
  return `0${(stats.mode & 0o777).toString(8).padStart(3, '0')}`;
}
