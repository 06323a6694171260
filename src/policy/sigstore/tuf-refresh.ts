import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { renderError } from '../../errors.js';
import type { Runner } from '../../runner/runner.js';

const DEADLINE_MS = 20_000;

/**
 * A new, empty folder for the TUF client's metadata under RUNNER_TEMP, recorded for post before it exists.
 * Never a folder found there: the client trusts the root.json a cache holds (it seeds the shipped root
 * only into an empty one), so a cache an earlier step planted at a known path would decide every tool's
 * trust. The random name cannot be planted in advance, and creating it fails if it exists.
 */
export function newTufCache(env: Runner['env'], record: (path: string) => void): string {
  const path = join(env.RUNNER_TEMP || tmpdir(), `keyless-tuf-${randomBytes(8).toString('hex')}`);
  record(path);
  mkdirSync(path, { mode: 0o700 });
  return path;
}

/**
 * The current trusted root through TUF (its signed metadata chain from the root shipped in @sigstore/tuf),
 * or undefined with a warning when the mirror cannot be reached: the caller then uses the shipped root.
 */
export async function refreshedRoot(runner: Runner, mirror: string | undefined, cachePath: string): Promise<unknown> {
  const mirrorURL = mirror ?? 'https://tuf-repo-cdn.sigstore.dev';
  try {
    const { getTrustedRoot } = await import('@sigstore/tuf');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
    });
    const root = await Promise.race([getTrustedRoot({ mirrorURL, cachePath, retry: 1, timeout: 10_000 }), deadline]).finally(() => clearTimeout(timer));
    runner.info(`Trusted root refreshed through TUF from ${mirrorURL}.`);
    return TrustedRoot.toJSON(root);
  } catch (error) {
    runner.warning(`TUF refresh from ${mirrorURL} failed (${renderError(error).replace(/^\[[A-Z]+\] /, '')}); verifying against the trusted root shipped with Keyless`, { title: 'Keyless trust root' });
    return undefined;
  }
}
