import path from 'node:path';

// Keyless names files in two ways. To the host's file system it hands native paths (`D:\a\_temp\…`
// on Windows). To people and to GitHub — annotations' `file=`, SARIF, findings, the job summary, the
// audit record — it names them with `/`, as GitHub, git and SARIF do whatever the runner's OS: an
// annotation whose `file=` holds a backslash is not placed on the file. Every function here takes the
// path flavour as its last argument, so tests drive Windows paths (`path.win32`) on any host.

/** `node:path` or one of its flavours, `path.win32` and `path.posix`. */
export type PathFlavour = Pick<typeof path, 'sep' | 'join' | 'relative' | 'isAbsolute' | 'resolve'>;

/**
 * `file` with `/` between its parts. Only a Windows path separates with `\`: on every other OS a
 * backslash is a character of a file's name, and stays.
 *
 * @example
 * toPosixPath('D:\\a\\repo\\.github\\workflows\\ci.yml', path.win32) // 'D:/a/repo/.github/workflows/ci.yml'
 * toPosixPath('\\\\server\\share\\x.yml', path.win32)                // '//server/share/x.yml'
 */
export function toPosixPath(file: string, flavour: PathFlavour = path): string {
  return flavour.sep === '\\' ? file.replaceAll('\\', '/') : file;
}

/**
 * `file` as GitHub names a file of the repository checked out at `root`: relative to it, `/`-separated.
 * A file outside `root` keeps the `../` or absolute form `relative` gives it, so it is never passed off
 * as a file of the repository.
 *
 * @example
 * repoPath('D:\\a\\repo', 'D:\\a\\repo\\.github\\workflows\\ci.yml', path.win32) // '.github/workflows/ci.yml'
 */
export function repoPath(root: string, file: string, flavour: PathFlavour = path): string {
  return toPosixPath(flavour.relative(root, file), flavour);
}

/**
 * `child` relative to `parent` (in native form, `''` when they are the same folder) when it lies inside
 * `parent`, else undefined. Lexical only: resolve links first where they matter. On Windows the
 * comparison ignores case, and a path on another drive or share is outside.
 */
export function inside(parent: string, child: string, flavour: PathFlavour = path): string | undefined {
  const rel = flavour.relative(parent, child);
  // `..x` is a name inside; only `..` as a whole first part climbs out.
  if (rel === '..' || rel.startsWith(`..${flavour.sep}`) || flavour.isAbsolute(rel)) return undefined;
  return rel;
}
