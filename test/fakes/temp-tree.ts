import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// RUNNER_TEMP before and after a step, to hold the post step to "leave it as main found it".

/** Every entry under `dir`, relative and `/`-separated, folders ending in `/`; links are listed, never followed. */
export function tempTree(dir: string): Set<string> {
  const entries = new Set<string>();
  const walk = (path: string, prefix: string) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      const isDir = lstatSync(child).isDirectory();
      entries.add(`${prefix}${name}${isDir ? '/' : ''}`);
      if (isDir) walk(child, `${prefix}${name}/`);
    }
  };
  walk(dir, '');
  return entries;
}

/** What main added to RUNNER_TEMP: taken around the main step, checked after its post step. */
export interface TempChange {
  before: ReadonlySet<string>;
  after: ReadonlySet<string>;
}

/**
 * The main step's audit record: post adds the cleanup to it and leaves it for the job's later post steps
 * (an upload-artifact post, say); the runner empties RUNNER_TEMP after the job. src/cleanup.ts updateAudit.
 */
export const AUDIT_RECORD = /^keyless-audit-[^/]+\.json$/;

/**
 * What the post step left of what main created (files and folders alike), plus anything post created
 * itself, except entries `mayRemain` accepts. `afterPost` is taken when post ended; entries a third step
 * created between main and post are not post's to remove and are not reported.
 */
export function leftovers(main: TempChange, beforePost: ReadonlySet<string>, afterPost: ReadonlySet<string>, mayRemain: readonly RegExp[]): string[] {
  const created = [...main.after].filter((entry) => !main.before.has(entry));
  const kept = created.filter((entry) => afterPost.has(entry));
  const added = [...afterPost].filter((entry) => !beforePost.has(entry));
  return [...new Set([...kept, ...added])].filter((entry) => !mayRemain.some((pattern) => pattern.test(entry))).sort();
}
