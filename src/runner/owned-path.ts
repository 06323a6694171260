import { lstatSync, realpathSync } from 'node:fs';
import path, { basename, dirname, join, resolve } from 'node:path';
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

/**
 * `file`, absolute, when it lies in one of the folders main creates and nothing on the way below the root,
 * itself included, is a link: the exact place main recorded, not one a later step redirected to another
 * folder of Keyless's or its own. For a path handed to a tool that follows links (az), or given a token.
 * The root itself may be a link (RUNNER_TEMP under /var on macOS): the runner chose it, no step.
 */
export function exactOwnedPath(file: string, roots: OwnedRoots | string): string | undefined {
  const { temp, workspace } = typeof roots === 'string' ? { temp: roots, workspace: undefined } : roots;
  const absolute = resolve(file);
  const places: [string | undefined, string][] = [[temp, 'keyless-'], [workspace, '.keyless-']];
  for (const [root, prefix] of places) {
    if (root === undefined) continue;
    for (const base of rootForms(root)) {
      const rel = inside(base, absolute);
      if (rel === undefined || !(rel.split(path.sep)[0] ?? '').startsWith(prefix)) continue;
      return linkFree(base, rel) ? absolute : undefined;
    }
  }
  return undefined;
}

/** A root as named, and as it really lies: a path may be given in either form. */
function rootForms(root: string): string[] {
  try {
    return [resolve(root), realpathSync(root)];
  } catch {
    return [resolve(root)];
  }
}

function linkFree(base: string, rel: string): boolean {
  let at = base;
  for (const part of rel.split(path.sep)) {
    at = join(at, part);
    const stats = lstatSync(at, { throwIfNoEntry: false });
    if (stats === undefined || stats.isSymbolicLink()) return false;
  }
  return true;
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
