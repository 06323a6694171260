// The sha256 of every file under dist/, one `sha256sum` line each ("<hex>  dist/<path>"), sorted by path
// code point by code point, so a reviewer can hold a local build against a release (`sha256sum -c`) and
// the release workflow can attest the same list. It walks the folder rather than naming the entries, so
// it stays right whatever the build emits.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `[path, sha256 hex]` for every regular file under `dir`, paths relative to `cwd` with `/` separators. */
export function distDigests(dir = 'dist', cwd = process.cwd()) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [relative(cwd, path).split(sep).join('/'), createHash('sha256').update(readFileSync(path)).digest('hex')];
    })
    // Not localeCompare: the order must not depend on the machine's locale.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function printDistDigests(dir = 'dist', write = (text) => process.stdout.write(text)) {
  write(distDigests(dir).map(([path, hex]) => `${hex}  ${path}\n`).join(''));
}

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) printDistDigests(process.argv[2]);
