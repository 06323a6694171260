import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { KeylessError } from '../errors.js';
import { readRegularFile } from '../os/regular-file.js';

// The Docker CLI's config.json, as every registry client (docker, buildx, crane; podman, buildah and
// skopeo through REGISTRY_AUTH_FILE) reads it: `auths.<host>.auth` is base64 of `user:password`. Keyless writes its own under
// RUNNER_TEMP and points DOCKER_CONFIG there, rather than `docker login` into ~/.docker, which outlives
// the job on self-hosted runners.
//
// The earlier config is written by earlier steps, so it is read as hostile: these clients decode it with
// Go's encoding/json, which matches keys case-insensitively (with Unicode folding), so `Auths` or
// `credſStore` would be read as `auths` or `credsStore` after ours. Every spelling of the keys that decide
// which credential a host gets is dropped except the exact one, whose value is checked.

type Json = Record<string, unknown>;

/**
 * Every entry's `auths`, one login per host: of two for one host (two ghcr entries, a registry entry and a
 * jfrog docker-host) the later would silently replace the earlier.
 */
function joinLogins(parts: readonly string[]): Json {
  const logins: Json = {};
  const seen = new Set<string>();
  for (const part of parts) {
    for (const [host, login] of Object.entries((JSON.parse(part) as Json).auths as Json)) {
      if (seen.has(hostOf(host))) {
        throw new KeylessError('INPUT_INVALID', `two entries log in to ${host}; the later login would silently replace the earlier, so nothing was handed out`, {
          hint: 'keep one entry per registry host (list several hosts in one entry\'s host:); what was minted is revoked when the job ends',
        });
      }
      seen.add(hostOf(host));
      logins[host] = login;
    }
  }
  return logins;
}

/** The keys Keyless rebuilds, folded as Go folds them. */
const REBUILT = new Set(['auths', 'credsstore', 'credhelpers', 'clipluginsextradirs']);
/** Docker refuses a config this big long before; reading it would only cost memory. */
const MAX_BYTES = 1 << 20;

/**
 * One config.json from the logins of every registry entry (each part is `{"auths": …}`), on top of the
 * config the job had before (DOCKER_CONFIG, else ~/.docker) so its earlier logins and settings keep
 * working. A global credsStore, and any credHelpers or auths entry for a host logged in to, are dropped:
 * either would win over (or stand beside) Keyless's login. The old folder's cli-plugins stay reachable
 * (setup-buildx-action installs buildx there).
 */
export function dockerConfig(parts: readonly string[], env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string {
  const dir = earlierDockerFolder(env, platform);
  const base = readConfig(join(dir, 'config.json'));
  // Podman, Buildah and Skopeo read REGISTRY_AUTH_FILE (same format), which this file replaces too.
  const podman = env.REGISTRY_AUTH_FILE ? readConfig(env.REGISTRY_AUTH_FILE) : {};
  const logins = joinLogins(parts);
  const ours = new Set(Object.keys(logins).map(hostOf));
  const others = (map: unknown) => Object.entries(isRecord(map) ? map : {}).filter(([host]) => !ours.has(hostOf(host)));
  const helpers = others(base.credHelpers).filter(([, helper]) => typeof helper === 'string' && /^[\w.-]+$/.test(helper));
  const extra = Array.isArray(base.cliPluginsExtraDirs) ? base.cliPluginsExtraDirs.filter((d): d is string => typeof d === 'string') : [];
  return `${JSON.stringify(
    {
      ...Object.fromEntries(Object.entries(base).filter(([key]) => !REBUILT.has(fold(key)))),
      auths: Object.fromEntries([...others(podman.auths), ...others(base.auths), ...Object.entries(logins)]),
      ...(isRecord(base.credHelpers) ? { credHelpers: Object.fromEntries(helpers) } : {}),
      cliPluginsExtraDirs: [...extra, join(dir, 'cli-plugins')],
    },
    null,
    2,
  )}\n`;
}

/** The folder of the config the job had before: DOCKER_CONFIG, else `.docker` in the Docker CLI's home. */
export function earlierDockerFolder(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string {
  // The Docker CLI's home is USERPROFILE on Windows and HOME elsewhere (Go's os.UserHomeDir).
  const home = platform === 'win32' ? env.USERPROFILE : env.HOME;
  return env.DOCKER_CONFIG || join(home || homedir(), '.docker');
}

/**
 * The variables that hand out a docker config: its folder and its file, and, unless the job chose one,
 * where buildx keeps its builders. buildx looks for them beside config.json; moved to Keyless's folder, it
 * would lose the builder setup-buildx-action created and selected, and build with the plain docker driver.
 */
export function dockerVariables(variable: string, path: string, env: Readonly<Record<string, string | undefined>>): [string, string][] {
  const buildx: [string, string][] = env.BUILDX_CONFIG ? [] : [['BUILDX_CONFIG', join(earlierDockerFolder(env), 'buildx')]];
  return [[variable, dirname(path)], ['REGISTRY_AUTH_FILE', path], ...buildx];
}

/** How Go's encoding/json compares keys: case-insensitively, `ſ` as `s` and the Kelvin sign as `k`. */
function fold(key: string): string {
  return key.normalize('NFKC').toLowerCase();
}

/** The registry host a key of `auths` or `credHelpers` stands for, as Docker normalises it. */
function hostOf(key: string): string {
  return fold(key.replace(/^https?:\/\//i, '').split('/')[0] ?? '');
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readConfig(path: string): Json {
  try {
    // Only a regular file, opened non-blocking (a FIFO planted there cannot hang the step), and read no further
    // than the limit (not /dev/zero, nor a size-0 file that never ends), checked on what was opened.
    const parsed: unknown = JSON.parse(readRegularFile(path, { maxBytes: MAX_BYTES, hint: '', unreadableHint: '' }).toString('utf8'));
    // Nesting deep enough to overflow the stack parses, but would throw when written back.
    JSON.stringify(parsed);
    return isRecord(parsed) ? parsed : {};
  } catch {
    // Missing, unreadable or malformed: Docker itself would refuse it; starting empty loses nothing it could have used.
    return {};
  }
}
