import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * The path as it really lies, when that is inside a `keyless-*` folder or file directly under RUNNER_TEMP,
 * which is all main ever creates. The parent is resolved (a symlinked folder on the way could point
 * anywhere); the last component is not, so a link is removed, never followed.
 */
export function ownedPath(path: string, temp: string): string | undefined {
  try {
    const real = join(realpathSync(dirname(path)), basename(path));
    const inside = relative(realpathSync(temp), real);
    const top = inside.split(sep)[0] ?? '';
    if (inside === '' || isAbsolute(inside) || top === '..' || !top.startsWith('keyless-')) return undefined;
    return real;
  } catch {
    return undefined;
  }
}
