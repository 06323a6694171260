import type { RevokeHandle } from '../providers/types.js';
import type { Env, Runner } from './runner.js';

/** What the post step must undo. Saved one item at a time, as soon as there is something to undo. */
export type CleanupItem =
  | { kind: 'revoke'; provider: string; id: string; handle: RevokeHandle; expiresAt?: string }
  | { kind: 'revoke-none'; provider: string; id: string; expiresAt?: string; reason?: string }
  | { kind: 'path'; path: string }
  | { kind: 'audit'; path: string }
  | { kind: 'settings'; strictCleanup: boolean };

const PREFIX = 'keyless_';

/**
 * Appends each item to GITHUB_STATE the moment it exists, so a main step that dies half way still leaves
 * the post step a complete list of what to revoke and delete.
 */
export class CleanupLog {
  #next = 0;
  constructor(private readonly runner: Runner) {}

  record(item: CleanupItem): void {
    this.runner.saveState(`${PREFIX}${String(this.#next++).padStart(3, '0')}`, JSON.stringify(item));
  }
}

/** The items main saved, in the order it saved them; unreadable ones are skipped, not fatal. */
export function readCleanupItems(env: Env): CleanupItem[] {
  return Object.keys(env)
    .filter((name) => name.startsWith(`STATE_${PREFIX}`))
    .sort()
    .flatMap((name) => {
      try {
        return [JSON.parse(env[name] ?? '') as CleanupItem];
      } catch {
        return [];
      }
    });
}
