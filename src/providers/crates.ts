import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { isObject } from '../http/json.js';
import { credentialValue } from './credential-value.js';
import { callJson } from './json-endpoint.js';
import type { Credential, ExchangeContext, Provider, RevokeContext, RevokeHandle, RevokeResult } from './types.js';
import { variableClaims } from './variable-claims.js';

// crates.io trusted publishing: the OIDC token for a short-lived publish token, deleted at job end.

/** crates.io answers no expiry (its tokens last 30 minutes). */
const OUTPUTS = { public: [], secret: ['token'] } as const;

export interface CratesConfig {
  registry: URL;
}

function read(fields: FieldReader): CratesConfig {
  return { registry: fields.url('registry') ?? new URL('https://crates.io') };
}

const cratesErrors = (body: unknown) =>
  isObject(body) && Array.isArray(body.errors) ? body.errors.flatMap((e) => (isObject(e) && typeof e.detail === 'string' ? [e.detail] : [])).join('; ') : undefined;

async function exchange(config: CratesConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const url = new URL('/api/v1/trusted_publishing/tokens', config.registry);
  const { body, response } = await callJson({
    http: ctx.http,
    method: 'POST',
    url,
    what: 'crates.io',
    body: { jwt: ctx.idToken.jwt },
    // The JWT is single-use (crates.io records its jti): a request that reached the server is never repeated.
    idempotent: false,
    describe: cratesErrors,
    denied: [400, 401, 403],
    deniedHint: "compare the crate's trusted publisher (repository owner, repository, workflow file, environment) with these claims",
    idToken: ctx.idToken,
  });
  const token = credentialValue(body.token, 'a token', `crates.io at ${url.origin}`);
  ctx.mask(token);
  return {
    env: { CARGO_REGISTRY_TOKEN: token },
    secretOutputs: { token },
    publicOutputs: {},
    info: {
      principal: `trusted publisher on ${config.registry.host}`,
      scope: 'publish',
      tokenType: 'crates.io trusted-publishing token (30 min)',
      endpoint: `${url.origin}${url.pathname}`,
      attempts: response.attempts,
      fingerprint: await fingerprint(token),
    },
    revoke: { endpoint: config.registry.href, token },
  };
}

export async function revoke(handle: RevokeHandle, ctx: RevokeContext): Promise<RevokeResult> {
  const { endpoint, token } = handle;
  await callJson({
    http: ctx.http,
    method: 'DELETE',
    url: new URL('/api/v1/trusted_publishing/tokens', endpoint),
    what: 'crates.io token revocation',
    headers: { authorization: `Bearer ${token}` },
    describe: cratesErrors,
    deniedHint: 'the token had already expired or been revoked',
  });
  return { status: 'revoked' };
}

export const crates: Provider<CratesConfig, typeof OUTPUTS> = {
  name: 'crates',
  outputs: OUTPUTS,
  read,
  defaultAudience: (config) => config.registry.host,
  exchange,
  revoke,
  // Cargo reads one CARGO_REGISTRY_TOKEN: a job publishes to one registry per step.
  exclusive: (_config, places) => variableClaims(['CARGO_REGISTRY_TOKEN'], places, 'export one of them as outputs (export: outputs) and hand it to cargo publish --token'),
};
