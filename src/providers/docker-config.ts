import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// The Docker CLI's config.json, as every registry client (docker, buildx, crane, skopeo, podman with
// DOCKER_CONFIG) reads it: `auths.<host>.auth` is base64 of `user:password`. Keyless writes its own under
// RUNNER_TEMP and points DOCKER_CONFIG there, rather than `docker login` into ~/.docker, which outlives
// the job on self-hosted runners.

type DockerConfig = Record<string, unknown> & { auths?: Record<string, unknown>; credHelpers?: Record<string, unknown> };

export function authField(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}

/**
 * The config the job had before (DOCKER_CONFIG, else ~/.docker), so logins and settings made earlier keep
 * working. A global credsStore is dropped: with one set, docker would ask the store and ignore `auths`.
 * The old folder's cli-plugins stay reachable (buildx installed by setup-buildx-action lives there).
 */
export function startingConfig(env: Readonly<Record<string, string | undefined>>): DockerConfig {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
  const path = join(dir, 'config.json');
  let config: DockerConfig = {};
  if (existsSync(path)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) config = parsed as DockerConfig;
    } catch {
      // Docker itself would refuse an unreadable config; starting empty loses nothing it could have used.
    }
  }
  const rest: DockerConfig = Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'credsStore'));
  const extra = Array.isArray(rest.cliPluginsExtraDirs) ? (rest.cliPluginsExtraDirs as unknown[]) : [];
  return { ...rest, cliPluginsExtraDirs: [...extra, join(dir, 'cli-plugins')] };
}

/** The base config with these logins; a credential helper set for one of the hosts would win over `auths`. */
export function withLogins(base: DockerConfig, logins: Readonly<Record<string, string>>): string {
  const auths = { ...base.auths };
  for (const [host, auth] of Object.entries(logins)) auths[host] = { auth };
  const credHelpers = Object.fromEntries(Object.entries(base.credHelpers ?? {}).filter(([host]) => !(host in logins)));
  return JSON.stringify({ ...base, auths, ...(base.credHelpers ? { credHelpers } : {}) });
}

/**
 * Several registry entries, one config: their logins together. Every part starts from the same base, so
 * a credential helper any part removed (for its own host) stays removed.
 */
export function mergeConfigs(parts: readonly string[]): string {
  const configs = parts.map((part) => JSON.parse(part) as DockerConfig);
  const merged: DockerConfig = { ...configs[0], auths: Object.assign({}, ...configs.map((config) => config.auths)) as Record<string, unknown> };
  if (merged.credHelpers) {
    merged.credHelpers = Object.fromEntries(Object.entries(merged.credHelpers).filter(([host]) => configs.every((config) => config.credHelpers && host in config.credHelpers)));
  }
  return `${JSON.stringify(merged, null, 2)}\n`;
}
