import { decodeJwt } from 'jose/jwt/decode';
import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { KeylessError } from '../errors.js';
import { isObject, parseLoose, serverText } from '../http/json.js';
import type { IdToken } from '../runner/oidc.js';
import { credentialValue } from './credential-value.js';
import { DOCKER_USERNAME, dockerHubProblem, dockerLogins, REGISTRY_HOST, registryHostClaims } from './docker-login.js';
import { type JsonCall, jsonAnswer, sendJson } from './json-endpoint.js';
import type { Credential, ExchangeContext, ExclusiveClaim, VariablePlaces, Provider, RevokeContext, RevokeHandle, RevokeResult } from './types.js';

// JFrog Platform (Artifactory, Xray, …) OIDC token exchange: the runner token for a JFrog access token, in
// place of a stored JF_ACCESS_TOKEN or Artifactory docker password. The wire format is Access's
// (`POST /access/api/v1/oidc/token`), as jfrog/setup-jfrog-cli sends it, without its usage-tracking fields.

const OUTPUTS = { public: ['username', 'expires-at'], secret: ['access-token'] } as const;

const MAX_LIFETIME_S = 366 * 24 * 3600;

export interface JfrogConfig {
  /** The JFrog Platform URL, with a trailing slash so that Access paths stay under a reverse proxy's prefix. */
  url: URL;
  providerName: string;
  project?: string;
  dockerHosts: string[];
}

function read(fields: FieldReader): JfrogConfig | undefined {
  const url = fields.url('url', { required: true });
  const providerName = fields.string('provider-name', {
    required: true,
    pattern: /^[A-Za-z0-9][\w.-]{0,127}$/,
    expected: 'the Provider Name of the OIDC integration in the JFrog Platform (letters, digits, ., _ and -)',
  });
  const project = fields.string('project', { pattern: /^[a-z][a-z0-9-]{1,31}$/, expected: 'a JFrog project key (2 to 32 lower-case letters, digits and -, starting with a letter)' });
  const dockerHosts = fields.strings('docker-hosts') ?? [];
  dockerHosts.forEach((host, i) => {
    const problem =
      dockerHosts.indexOf(host) < i
        ? `repeats ${host}`
        : REGISTRY_HOST.test(host)
          ? dockerHubProblem(host, 'JFrog access token')
          : 'is not a registry host (a lower-case name and optional port, no scheme or path)';
    if (problem) fields.report('docker-hosts', `item ${i + 1} ${problem}`);
  });
  if (url && (url.search !== '' || url.hash !== '')) fields.report('url', 'has a query or fragment: give the JFrog Platform URL alone, e.g. https://acme.jfrog.io');
  // The usual mistake: Access answers under the platform root, not under Artifactory's context path.
  if (url && /\/artifactory\/?$/.test(url.pathname)) fields.report('url', 'is the Artifactory URL: give the JFrog Platform URL, without /artifactory');
  if (url === undefined || providerName === undefined) return undefined;
  const base = new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
  return { url: base, providerName, ...(project ? { project } : {}), dockerHosts };
}

/** Access answers `{"errors": [{"code", "message"}]}`; some of its endpoints a flat `{"code", "message", "detail"}`. */
export function accessErrors(body: unknown, text: string): string | undefined {
  if (!isObject(body)) return serverText(text, 200);
  const one = (e: unknown) => (isObject(e) ? [serverText(e.code, 60), serverText(e.message), serverText(e.detail)].filter(Boolean).join(' ') : '');
  const said = Array.isArray(body.errors) ? body.errors.map(one).filter(Boolean) : [one(body)].filter(Boolean);
  return said.length > 0 ? said.join('; ') : undefined;
}

async function exchange(config: JfrogConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const url = new URL('access/api/v1/oidc/token', config.url);
  const call: JsonCall = {
    http: ctx.http,
    method: 'POST',
    url,
    what: 'JFrog Access',
    body: {
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      subject_token: ctx.idToken.jwt,
      provider_name: config.providerName,
      ...(config.project ? { project_key: config.project } : {}),
    },
    describe: accessErrors,
    denied: [401, 403],
    deniedHint: deniedHint(config, ctx.idToken),
    idToken: ctx.idToken,
  };
  const response = await sendJson(call);
  let body: Record<string, unknown>;
  try {
    ({ body } = jsonAnswer(call, response));
  } catch (error) {
    throw withHint(error, hintFor(response.status, accessErrors(parseLoose(response.body), response.body) ?? '', config));
  }
  const where = `JFrog Access at ${url.origin}`;
  const token = credentialValue(body.access_token, 'an access_token', where);
  ctx.mask(token);
  const given = body.username === undefined || body.username === null || body.username === '' ? undefined : body.username;
  const username = given === undefined
    ? credentialValue(usernameOf(token), 'a username, nor an access token whose sub names one', where, DOCKER_USERNAME)
    : credentialValue(given, 'username', where, DOCKER_USERNAME);
  const expiresAt = expiryOf(body.expires_in, where, ctx.now());
  const scope = typeof body.scope === 'string' ? body.scope : undefined;
  const files = config.dockerHosts.length > 0 ? [dockerLogins(config.dockerHosts, username, token, (secret) => { ctx.mask(secret); })] : [];
  return {
    env: { JF_ACCESS_TOKEN: token },
    publicEnv: { JF_URL: config.url.href },
    ...(files.length > 0 ? { files } : {}),
    secretOutputs: { 'access-token': token },
    // Not masked, unlike the peer: the name is the identity mapping's, not a secret, and masking a short one
    // (`ci`, `deploy`) would blank that word in every later line of the log.
    publicOutputs: { username, ...(expiresAt ? { 'expires-at': expiresAt } : {}) },
    info: {
      principal: `${username} on ${config.url.host}${config.project ? ` (project ${config.project})` : ''}`,
      ...(scope ? { scope } : {}),
      ...(expiresAt ? { expiresAt } : {}),
      tokenType: `JFrog access token${config.dockerHosts.length > 0 ? ` (docker login: ${config.dockerHosts.join(', ')})` : ''}`,
      endpoint: `${url.origin}${url.pathname}`,
      attempts: response.attempts,
      fingerprint: await fingerprint(token),
    },
    revoke: { endpoint: config.url.href, token },
  };
}

/** The claims JFrog identity mappings usually match on, beyond the ones every refusal prints. */
function deniedHint(config: JfrogConfig, idToken: IdToken): string {
  const { repository, repository_owner: owner, actor } = idToken.claims as Record<string, unknown>;
  return (
    `no identity mapping of the OIDC integration "${config.providerName}" matches this token: compare each mapping's Claims JSON ` +
    `(Administration → General Management → Integrations) with these claims and repository=${JSON.stringify(repository)}, ` +
    `repository_owner=${JSON.stringify(owner)}, actor=${JSON.stringify(actor)}; every claim a mapping lists must match, ` +
    "and the integration's Provider URL must be the token's iss"
  );
}

function hintFor(status: number, said: string, config: JfrogConfig): string | undefined {
  if (status === 404) {
    return `there is no OIDC integration named "${config.providerName}" on ${config.url.host} (provider-name is its Provider Name), or its Access is older than 7.73 and has no OIDC token exchange; check that url is the JFrog Platform URL`;
  }
  if (status === 400 && /audience/i.test(said)) {
    return "set oidc-audience to the Audience of the OIDC integration (setup-jfrog-cli's oidc-audience, if the workflow gave one)";
  }
  if (status === 400 && /project/i.test(said)) return `check project: the key of a JFrog project the identity mapping may issue tokens for`;
  return undefined;
}

function withHint(error: unknown, hint: string | undefined): unknown {
  if (hint === undefined || !(error instanceof KeylessError)) return error;
  return new KeylessError(error.code, error.message, { hint, cause: error.cause });
}

/**
 * The login name when Access leaves `username` out: the last segment of the token's `sub` for a user
 * (`jfac@<id>/users/<name>`, `jfrt@…`), else the whole `sub`, as setup-jfrog-cli derives it. The token is
 * decoded for this alone; nothing else in it is trusted.
 */
function usernameOf(token: string): string | undefined {
  let sub: unknown;
  try {
    ({ sub } = decodeJwt(token));
  } catch {
    return undefined;
  }
  if (typeof sub !== 'string') return undefined;
  return sub.startsWith('jfrt@') || sub.includes('/users/') ? sub.slice(sub.lastIndexOf('/') + 1) : sub;
}

function expiryOf(expiresIn: unknown, where: string, now: number): string | undefined {
  if (expiresIn === undefined || expiresIn === null || expiresIn === 0) return undefined;
  if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 0 || expiresIn > MAX_LIFETIME_S) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${where} answered expires_in that is not a number of seconds between 1 and ${MAX_LIFETIME_S}; the token was not used`, {
      hint: 'the service is misbehaving, or the URL points at something that is not JFrog Access; report it to its operator',
    });
  }
  return new Date(now + expiresIn * 1000).toISOString();
}

/**
 * `DELETE /access/api/v1/tokens/me` with the token itself (Artifactory 7.53.1 and later). Access keeps no
 * revocable record of a token that lives less than its revocable-expiry-threshold (6 hours by default,
 * longer than most identity mappings' token expiry), and says so: reported as not revocable, not as a failure.
 */
export async function revoke(handle: RevokeHandle, ctx: RevokeContext): Promise<RevokeResult> {
  const url = new URL('access/api/v1/tokens/me', handle.endpoint);
  const call: JsonCall = {
    http: ctx.http,
    method: 'DELETE',
    url,
    what: 'JFrog token revocation',
    headers: { authorization: `Bearer ${handle.token}` },
    describe: accessErrors,
    deniedHint: 'the token had already expired or been revoked',
  };
  const response = await sendJson(call);
  if (response.status === 204) return { status: 'revoked', detail: 'Access says it was already revoked' };
  const said = accessErrors(parseLoose(response.body), response.body) ?? '';
  if (response.status === 400 && /not revocable/i.test(said)) {
    return {
      status: 'not-revocable',
      detail: "JFrog keeps no revocable record of a token that lives less than Access's revocable-expiry-threshold (6 hours by default); it expires on its own",
    };
  }
  jsonAnswer(call, response);
  return { status: 'revoked' };
}

/** JF_URL and JF_ACCESS_TOKEN are one platform's, and each docker host one login: a second entry taking either would silently replace the first's. */
function exclusive(config: JfrogConfig, places: VariablePlaces): ExclusiveClaim[] {
  if (places.size === 0) return [];
  return [
    { key: 'jfrog environment', message: (other) => `exports JF_URL and JF_ACCESS_TOKEN, as ${other} does; the later would silently replace the earlier: give one export: outputs` },
    ...registryHostClaims(config.dockerHosts, places, 'docker-hosts'),
  ];
}

export const jfrog: Provider<JfrogConfig, typeof OUTPUTS> = {
  name: 'jfrog',
  outputs: OUTPUTS,
  read,
  // The platform's origin, so the token is good for this platform only; GitHub's default audience (what the
  // peer asks for when its oidc-audience is empty) is shared by every relying party that takes it.
  defaultAudience: (config) => config.url.origin,
  exchange,
  revoke,
  exclusive,
};
