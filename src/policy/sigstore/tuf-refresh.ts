import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { renderError } from '../../errors.js';
import type { Runner } from '../../runner/runner.js';

const DEADLINE_MS = 20_000;

/** Where the TUF client keeps its metadata: a `keyless-` folder under RUNNER_TEMP, which post deletes. */
export function tufCachePath(env: Runner['env']): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'keyless-tuf');
}

/**
 * The current trusted root through TUF (its signed metadata chain from the root shipped in @sigstore/tuf),
 * or undefined with a warning when the mirror cannot be reached: the caller then uses the shipped root.
 */
export async function refreshedRoot(runner: Runner, mirror: string | undefined): Promise<unknown> {
  const mirrorURL = mirror ?? 'https://tuf-repo-cdn.sigstore.dev';
  try {
    const { getTrustedRoot } = await import('@sigstore/tuf');
    const cachePath = tufCachePath(runner.env);
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
