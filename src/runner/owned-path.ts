import { realpathSync } from 'node:fs';
import path, { basename, dirname, join } from 'node:path';
import { inside, type PathFlavour } from '../os/paths.js';

/**
 * Where main creates files: `keyless-*` entries directly under RUNNER_TEMP, and with `files: workspace`
 * `.keyless-*` folders directly under GITHUB_WORKSPACE. Nothing else is ever deleted or refreshed.
 */
export interface OwnedRoots {
  temp: string;
  workspace?: string | undefined;
}

/** The roots of a job as its environment names them. */
export function ownedRoots(env: Readonly<Record<string, string | undefined>>, temp: string): OwnedRoots {
  return { temp, workspace: env.GITHUB_WORKSPACE || undefined };
}

/**
 * The path as it really lies, when that is inside one of the folders main creates. The parent is resolved
 * (a symlinked folder on the way could point anywhere); the last component is not, so a link is removed,
 * never followed.
 */
export function ownedPath(file: string, roots: OwnedRoots | string): string | undefined {
  const { temp, workspace } = typeof roots === 'string' ? { temp: roots, workspace: undefined } : roots;
  let real: string;
  try {
    real = join(realpathSync(dirname(file)), basename(file));
  } catch {
    return undefined;
  }
  if (ownedUnder(real, temp, 'keyless-')) return real;
  if (workspace !== undefined && ownedUnder(real, workspace, '.keyless-')) return real;
  return undefined;
}

function ownedUnder(real: string, root: string, prefix: string): boolean {
  try {
    return isOwned(real, realpathSync(root), path, prefix);
  } catch {
    return false;
  }
}

/** Whether `real` is, or lies in, an entry named `prefix*` directly under `root` (both real paths). */
export function isOwned(real: string, root: string, flavour: PathFlavour = path, prefix = 'keyless-'): boolean {
  const rel = inside(root, real, flavour);
  const top = rel?.split(flavour.sep)[0] ?? '';
  return top.startsWith(prefix);
}
