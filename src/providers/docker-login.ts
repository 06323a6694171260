import type { CredentialFile, ExclusiveClaim, VariablePlaces } from './types.js';

// A docker login as a provider hands it to the sink (src/sinks/docker-config.ts): one `auths` part of the
// shared config.json, merged there with every other entry's logins and the job's earlier config.

/** A registry host as Docker keys `auths`: a lower-case name and optional port, no scheme or path. */
export const REGISTRY_HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;

// Docker's own names for Docker Hub; the CLI keys its login https://index.docker.io/v1/, so a login
// under any of these would sit beside, not replace, one made by `docker login`.
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

/** Why a host cannot take this login: Docker Hub takes no token Keyless mints, under any of its names. */
export function dockerHubProblem(host: string, loginOf: string): string | undefined {
  if (!DOCKER_HUB.has(host.replace(/:443$/, ''))) return undefined;
  return `is Docker Hub, which takes no ${loginOf}: name the registry that issued it, and log in to Docker Hub with docker/login-action`;
}

/** What `user:password` may hold for the login to stay one `auth` value: no colon in the user, nothing unprintable. */
export const DOCKER_USERNAME = { pattern: /^[\x21-\x39\x3b-\x7e]{1,255}$/, expected: 'printable ASCII without spaces or colons, at most 255 characters' };

/**
 * The docker config part that logs in to each host with one username and password. The base64 `auth`
 * is masked as well: it would slip past a mask of the password alone.
 */
export function dockerLogins(hosts: readonly string[], username: string, password: string, mask: (secret: string) => void): CredentialFile {
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  mask(auth);
  const auths = Object.fromEntries(hosts.map((host) => [host, { auth }]));
  return { env: 'DOCKER_CONFIG', name: 'docker/config.json', format: 'docker-config', content: JSON.stringify({ auths }) };
}

/**
 * Each host an entry logs in to, taken in the one docker config the job (or `keyless exec`'s command)
 * gets: of two logins to one host the later would silently replace the earlier. Claimed with the
 * settings, so two entries naming one host are refused before either is minted; hosts only an answer
 * names (ECR without `host`) are caught when the config is written.
 */
export function registryHostClaims(hosts: readonly string[], places: VariablePlaces, field: string): ExclusiveClaim[] {
  if (places.size === 0) return [];
  return [...new Set(hosts)].map((host) => ({
    key: `registry host ${host}`,
    field,
    message: (other) => `logs in to ${host}, as ${other} does; the later login would silently replace the earlier: keep one entry per registry host (one entry's ${field} may list several)`,
  }));
}
