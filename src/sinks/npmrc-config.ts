import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { readRegularFile } from '../os/regular-file.js';

// npm (pnpm and Yarn 1 too) reads one user config: NPM_CONFIG_USERCONFIG, else ~/.npmrc. Pointing the
// variable at Keyless's file hides the job's own, and with it what a runner's owner or setup-node put there:
// `ignore-scripts=true`, a `registry=` mirror, the `@scope:registry=` that keeps a private scope off the
// public registry. So the earlier file is carried over, as the docker config is. Its text is what npm would
// have read anyway; only lines about a registry host Keyless logs in to are dropped, since the `ini`
// package npm uses lets the last of two equal keys win, and a more specific `//host/path/` key wins over
// ours for the packages under it.

/** npm would refuse a user config this big long before; reading it would only cost memory. */
const MAX_BYTES = 1 << 20;

/**
 * One .npmrc: each entry's `//host/path/:_authToken=…` line, then the job's earlier user config without
 * its lines for those hosts. Ours come first: a `[section]` in the earlier file would swallow every line
 * after it, and npm reads the auth keys only at the top level.
 */
export function npmrcConfig(parts: readonly string[], env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string {
  const hosts = parts.flatMap((part) => /^\/\/([^/]+)\//.exec(part)?.[1] ?? []).map((host) => host.toLowerCase());
  const ours = (line: string) => {
    const key = (line.split('=', 1)[0] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2').toLowerCase();
    return hosts.some((host) => key.includes(`//${host}`));
  };
  // The `ini` package's own line breaks: a lone CR ends a line too.
  const kept = earlierConfig(env, platform)
    .split(/[\r\n]+/)
    .filter((line) => line.trim() !== '' && !ours(line));
  return `${parts.join('')}${kept.map((line) => `${line}\n`).join('')}`;
}

/** The user config npm would have read, or nothing when there is none it could read. */
function earlierConfig(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): string {
  // npm takes npm_config_* in any case; an empty value is no setting.
  const named = Object.entries(env).findLast(([name, value]) => name.toLowerCase() === 'npm_config_userconfig' && value)?.[1];
  const home = (platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir();
  const file = named === undefined ? join(home, '.npmrc') : resolve(named.replace(/^~(?=[\\/])/, home));
  try {
    // Only a regular file, opened non-blocking (a FIFO cannot hang the step), read no further than the limit.
    return readRegularFile(file, { maxBytes: MAX_BYTES, hint: '', unreadableHint: '' }).toString('utf8');
  } catch {
    // Missing, unreadable or not a file: npm would have had nothing from it either.
    return '';
  }
}
