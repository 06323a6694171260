import { decodeJwt } from 'jose/jwt/decode';
import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { isObject, serverText } from '../http/json.js';
import type { IdToken } from '../runner/oidc.js';
import { credentialValue, JWT } from './credential-value.js';
import { dockerHubProblem, dockerLogins, registryHostClaims } from './docker-login.js';
import { type JsonCall, jsonAnswer, sendJson } from './json-endpoint.js';
import type { Credential, ExchangeContext, ExclusiveClaim, Provider, VariablePlaces } from './types.js';

// Quay robot account federation (quay.io, and Red Hat Quay 3.13 and later): the runner token, presented
// as the password of a robot account whose federation lists its issuer and subject, for a short-lived
// robot token that `docker login` takes in place of the robot's stored password.
// `GET /oauth2/federation/robot/token` with Basic auth; `{"token"}` on success, `{"error"}` with 401.

const OUTPUTS = { public: ['username', 'host', 'expires-at'], secret: ['password'] } as const;

/** A Quay robot username: the organisation or user namespace, `+`, the robot's short name. */
export const QUAY_ROBOT = /^(?=.{4,255}$)[a-z0-9]+(?:[._-][a-z0-9]+)*\+[a-z][a-z0-9_]{1,254}$/;

/** Beyond this the answer is not a temporary robot token (Quay's last one hour). */
const MAX_LIFETIME_MS = 24 * 3600_000;

export interface QuayConfig {
  /** The Quay instance; its host is the registry host the docker config logs in to. */
  url: URL;
  robot: string;
}

function read(fields: FieldReader): QuayConfig | undefined {
  const url = fields.url('url') ?? new URL('https://quay.io');
  const robot = fields.string('robot', {
    required: true,
    pattern: QUAY_ROBOT,
    expected: 'a robot account as Quay names it, NAMESPACE+ROBOT (e.g. acme+github_ci)',
  });
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') fields.report('url', 'has a path, query or fragment: give the Quay origin alone, e.g. https://quay.io');
  const hub = dockerHubProblem(url.hostname, 'Quay robot token');
  if (hub) fields.report('url', hub);
  if (robot === undefined) return undefined;
  return { url: new URL(url.origin), robot };
}

/** Quay answers `{"error": "..."}` to a refused federation; anything else is quoted, bounded. */
function quayError(body: unknown, text: string): string | undefined {
  return isObject(body) ? serverText(body.error) : serverText(text, 200);
}

async function exchange(config: QuayConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const url = new URL('oauth2/federation/robot/token', config.url);
  // The runner token as a password: its Basic form would slip past a mask of the token alone.
  const basic = Buffer.from(`${config.robot}:${ctx.idToken.jwt}`).toString('base64');
  ctx.mask(basic);
  const call: JsonCall = {
    http: ctx.http,
    method: 'GET',
    url,
    what: 'Quay robot federation',
    headers: { authorization: `Basic ${basic}` },
    describe: quayError,
    denied: [401, 403],
    deniedHint: deniedHint(config, ctx.idToken),
    idToken: ctx.idToken,
  };
  const response = await sendJson(call);
  const { body } = jsonAnswer(call, response);
  const where = `Quay at ${url.origin}`;
  // Quay's temporary robot tokens are JWTs it signs; the shape is all Keyless checks of one.
  const token = credentialValue(body.token, 'a token', where, JWT);
  ctx.mask(token);
  const expiresAt = expiryOf(token, ctx.now());
  const host = config.url.host;
  return {
    env: {},
    files: [dockerLogins([host], config.robot, token, (secret) => { ctx.mask(secret); })],
    secretOutputs: { password: token },
    // The robot's name is on every push it makes, not a secret; masking it would blank it all over the log.
    publicOutputs: { username: config.robot, host, ...(expiresAt ? { 'expires-at': expiresAt } : {}) },
    info: {
      principal: `${config.robot} at ${host}`,
      ...(expiresAt ? { expiresAt } : {}),
      tokenType: 'Quay robot token (docker config)',
      endpoint: `${url.origin}${url.pathname}`,
      attempts: response.attempts,
      fingerprint: await fingerprint(token),
    },
    irrevocable: 'Quay offers no revocation of a federated robot token; the docker config is deleted and the token expires on its own (1 hour)',
  };
}

/** The token's own `exp`, for the report and `expires-at` only: read, not trusted, and left out when absurd. */
function expiryOf(token: string, now: number): string | undefined {
  let exp: unknown;
  try {
    ({ exp } = decodeJwt(token));
  } catch {
    return undefined;
  }
  if (typeof exp !== 'number' || !Number.isFinite(exp) || exp * 1000 <= now || exp * 1000 - now > MAX_LIFETIME_MS) return undefined;
  return new Date(exp * 1000).toISOString();
}

/** Quay matches the token's `iss` and `sub` exactly against the robot's federation entries. */
function deniedHint(config: QuayConfig, idToken: IdToken): string {
  const { iss, sub } = idToken.claims;
  return (
    `in Quay, open the robot account ${config.robot} → Set robot federation, and add an entry with issuer ${JSON.stringify(iss)} and ` +
    `subject ${JSON.stringify(sub)}: Quay compares both exactly (no wildcards), so a job on another branch or environment needs its own entry`
  );
}

/** One login per registry host in the job's docker config: a second entry for the same Quay would silently replace the first. */
function exclusive(config: QuayConfig, places: VariablePlaces): ExclusiveClaim[] {
  return registryHostClaims([config.url.host], places, 'url');
}

export const quay: Provider<QuayConfig, typeof OUTPUTS> = {
  name: 'quay',
  outputs: OUTPUTS,
  read,
  // Quay does not check the audience; the instance's origin keeps the token good for nothing else that does.
  defaultAudience: (config) => config.url.origin,
  exchange,
  exclusive,
};
