import { statSync } from 'node:fs';
import { expect } from 'vitest';

// What differs between the runners' operating systems, for the tests' assertions (the child processes'
// environment is runner-harness.ts's baseEnv, which the demo bundles too, so it stays free of vitest).

/** Windows keeps no POSIX file modes: Node reports 0o666 or 0o444 whatever was asked (the README says what protects files there). */
export const POSIX_MODES = process.platform !== 'win32';

/** Asserts a file's permission bits where the OS keeps them; on Windows there are none to assert. */
export function expectMode(path: string, mode: number): void {
  if (POSIX_MODES) expect(statSync(path).mode & 0o777).toBe(mode);
}

/** A path as Keyless reports it: `/`-separated on every OS (on Windows, `\` is the native separator). */
export function reported(path: string): string {
  return process.platform === 'win32' ? path.replaceAll('\\', '/') : path;
}
