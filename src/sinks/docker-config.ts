import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// The Docker CLI's config.json, as every registry client (docker, buildx, crane; podman, buildah and
// skopeo through REGISTRY_AUTH_FILE) reads it: `auths.<host>.auth` is base64 of `user:password`. Keyless writes its own under
// RUNNER_TEMP and points DOCKER_CONFIG there, rather than `docker login` into ~/.docker, which outlives
// the job on self-hosted runners.

type DockerConfig = Record<string, unknown> & { auths?: Record<string, unknown>; credHelpers?: Record<string, unknown> };

/**
 * One config.json from the logins of every registry entry (each part is `{"auths": …}`), on top of the
 * config the job had before (DOCKER_CONFIG, else ~/.docker) so its earlier logins and settings keep
 * working. A global credsStore and a credHelpers entry for a host logged in to are dropped: either would
 * win over `auths`. The old folder's cli-plugins stay reachable (setup-buildx-action installs buildx there).
 */
export function dockerConfig(parts: readonly string[], env: Readonly<Record<string, string | undefined>>): string {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
  const base = readConfig(join(dir, 'config.json'));
  // Podman, Buildah and Skopeo read REGISTRY_AUTH_FILE (same format), which this file replaces too.
  const podman = env.REGISTRY_AUTH_FILE ? readConfig(env.REGISTRY_AUTH_FILE).auths : undefined;
  const logins = Object.assign({}, ...parts.map((part) => (JSON.parse(part) as DockerConfig).auths)) as Record<string, unknown>;
  const merged: DockerConfig = Object.fromEntries(Object.entries(base).filter(([key]) => key !== 'credsStore'));
  merged.auths = { ...podman, ...base.auths, ...logins };
  if (base.credHelpers) merged.credHelpers = Object.fromEntries(Object.entries(base.credHelpers).filter(([host]) => !(host in logins)));
  const extra = Array.isArray(base.cliPluginsExtraDirs) ? (base.cliPluginsExtraDirs as unknown[]) : [];
  merged.cliPluginsExtraDirs = [...extra, join(dir, 'cli-plugins')];
  return `${JSON.stringify(merged, null, 2)}\n`;
}

function readConfig(path: string): DockerConfig {
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as DockerConfig) : {};
  } catch {
    // Docker itself would refuse an unreadable config; starting empty loses nothing it could have used.
    return {};
  }
}
