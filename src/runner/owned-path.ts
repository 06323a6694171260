import { realpathSync } from 'node:fs';
import path, { basename, dirname, join } from 'node:path';
import { inside, type PathFlavour } from '../os/paths.js';

/**
 * The path as it really lies, when that is inside a `keyless-*` folder or file directly under RUNNER_TEMP,
 * which is all main ever creates. The parent is resolved (a symlinked folder on the way could point
 * anywhere); the last component is not, so a link is removed, never followed.
 */
export function ownedPath(file: string, temp: string): string | undefined {
  try {
    const real = join(realpathSync(dirname(file)), basename(file));
    return isOwned(real, realpathSync(temp)) ? real : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `real` is, or lies in, a `keyless-*` entry directly under `temp` (both real paths). */
export function isOwned(real: string, temp: string, flavour: PathFlavour = path): boolean {
  const rel = inside(temp, real, flavour);
  const top = rel?.split(flavour.sep)[0] ?? '';
  return top.startsWith('keyless-');
}
