import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { KeylessError } from '../errors.js';
import { isObject, jsonBody, serverText } from '../http/json.js';
import { isLoopback } from '../http/url.js';
import { credentialValue } from './credential-value.js';
import { oauthError } from './oauth-error.js';
import { discover, type ServerEndpoints } from './oauth-metadata.js';
import { revokeOAuthToken } from './oauth-revoke.js';
import type { Credential, ExchangeContext, Provider } from './types.js';
import { variableClaims } from './variable-claims.js';

const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const MAX_LIFETIME_S = 366 * 24 * 3600;

/** `expires-at` when the answer has `expires_in`. */
const OUTPUTS = { public: ['issued-token-type', 'expires-at'], secret: ['token'] } as const;

/** Where the exchange goes: a fixed endpoint, or an issuer whose metadata names it. */
export type Rfc8693Server = { tokenEndpoint: URL } | { issuer: URL };

export interface Rfc8693Config {
  server: Rfc8693Server;
  revocationEndpoint?: URL;
  /** Origins besides the issuer's that discovered endpoints may use. */
  endpointOrigins: string[];
  subjectTokenType: string;
  requestedTokenType?: string;
  audience?: string;
  resources: string[];
  scope?: string;
  clientId?: string;
  exportEnv: string;
}

function read(fields: FieldReader, id: string): Rfc8693Config | undefined {
  const tokenEndpoint = fields.url('token-endpoint');
  const issuer = fields.url('issuer');
  const server = tokenEndpoint && !fields.has('issuer') ? { tokenEndpoint } : issuer && !fields.has('token-endpoint') ? { issuer } : undefined;
  if (fields.has('token-endpoint') === fields.has('issuer')) {
    fields.report(undefined, 'set exactly one of token-endpoint or issuer (issuer uses RFC 8414 discovery)');
  }
  // Every key is read before giving up on the server, so that none is reported as unknown.
  const withDefaults = {
    subjectTokenType: fields.string('subject-token-type', { pattern: /^\S+$/, expected: 'a token type URI' }) ?? JWT_TYPE,
    resources: fields.strings('resource') ?? [],
    endpointOrigins: readOrigins(fields),
    // A refused name is reported; the entry is then dropped, so the fallback here is never exported.
    exportEnv: fields.envName('export-env', defaultEnv(id)) ?? defaultEnv(id),
  };
  const optional = {
    revocationEndpoint: fields.url('revocation-endpoint'),
    requestedTokenType: fields.string('requested-token-type', { pattern: /^\S+$/, expected: 'a token type URI' }),
    audience: fields.string('audience'),
    scope: fields.strings('scope')?.join(' '),
    clientId: fields.string('client-id'),
  };
  if (server === undefined) return undefined;
  const config: Rfc8693Config = { server, ...withDefaults };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(config, { [key]: value });
  return config;
}

/** `endpoint-origins`: each an https (or loopback http) origin, nothing more. */
function readOrigins(fields: FieldReader): string[] {
  const origins = fields.strings('endpoint-origins') ?? [];
  if (origins.length > 0 && !fields.has('issuer')) fields.report('endpoint-origins', 'applies only with issuer (discovery)');
  return origins.flatMap((origin) => {
    try {
      const url = new URL(origin);
      const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
      if (secure && url.origin === origin.replace(/\/$/, '')) return [url.origin];
    } catch {
      // reported below
    }
    fields.report('endpoint-origins', 'each item must be an origin such as https://sts.example.com (https, no path)');
    return [];
  });
}

function defaultEnv(id: string): string {
  return id === 'rfc8693' ? 'KEYLESS_TOKEN' : `${id.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}_TOKEN`;
}

/** The RFC 8693 §2.1 request body. */
function exchangeForm(config: Rfc8693Config, subjectToken: string): URLSearchParams {
  const form = new URLSearchParams({ grant_type: GRANT_TYPE, subject_token: subjectToken, subject_token_type: config.subjectTokenType });
  if (config.requestedTokenType) form.set('requested_token_type', config.requestedTokenType);
  if (config.audience) form.set('audience', config.audience);
  for (const resource of config.resources) form.append('resource', resource);
  if (config.scope) form.set('scope', config.scope);
  if (config.clientId) form.set('client_id', config.clientId);
  return form;
}

async function exchange(config: Rfc8693Config, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const endpoints: ServerEndpoints = 'issuer' in config.server ? await discover(ctx.http, config.server.issuer, config.endpointOrigins) : config.server;
  const { tokenEndpoint } = endpoints;
  const what = `token endpoint ${tokenEndpoint.origin}${tokenEndpoint.pathname}`;
  const response = await ctx.http.request({
    method: 'POST',
    url: tokenEndpoint,
    what: 'token endpoint',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: exchangeForm(config, ctx.idToken.jwt).toString(),
  });
  if (response.status !== 200) throw oauthError(response, what, ctx.idToken);
  const { token, refresh, ...issued } = readIssued(jsonBody(response, what), what, (secret) => ctx.mask(secret));
  const expiresAt = issued.expiresIn === undefined ? undefined : new Date(ctx.now() + issued.expiresIn * 1000).toISOString();
  const revocation = config.revocationEndpoint ?? endpoints.revocationEndpoint;
  const scope = issued.scope ?? config.scope;
  return {
    env: { [config.exportEnv]: token },
    secretOutputs: { token },
    publicOutputs: { 'issued-token-type': issued.issuedTokenType, ...(expiresAt ? { 'expires-at': expiresAt } : {}) },
    info: {
      principal: config.audience ?? config.resources[0] ?? tokenEndpoint.host,
      ...(scope ? { scope } : {}),
      ...(expiresAt ? { expiresAt } : {}),
      tokenType: issued.issuedTokenType,
      endpoint: `${tokenEndpoint.origin}${tokenEndpoint.pathname}`,
      attempts: response.attempts,
      fingerprint: await fingerprint(token),
    },
    ...(revocation
      ? { revoke: { endpoint: revocation.href, token, ...(refresh ? { refresh } : {}), ...(config.clientId ? { clientId: config.clientId } : {}) } }
      : {}),
  };
}

/**
 * RFC 8693 §2.2.1: access_token, issued_token_type and token_type are required; expires_in is seconds
 * when present. Tokens are masked the moment they are found, before anything else reads them.
 */
function readIssued(body: unknown, what: string, mask: (secret: string) => void) {
  const raw = isObject(body) ? body.access_token : undefined;
  if (raw === undefined || raw === '' || !isObject(body)) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered 200 without an access_token (RFC 8693 §2.2.1)`, {
      hint: 'the endpoint is not an RFC 8693 token exchange endpoint, or it is misconfigured',
    });
  }
  const token = credentialValue(raw, 'access_token', what);
  mask(token);
  const refresh = body.refresh_token === undefined || body.refresh_token === '' ? undefined : credentialValue(body.refresh_token, 'refresh_token', what);
  if (refresh) mask(refresh);
  const issuedTokenType = body.issued_token_type;
  const tokenType = body.token_type;
  const expiresIn = body.expires_in;
  const wrong: string[] = [];
  if (typeof issuedTokenType !== 'string' || issuedTokenType === '') wrong.push('issued_token_type is missing');
  if (typeof tokenType !== 'string' || tokenType === '') wrong.push('token_type is missing');
  // Bounded so that a nonsense lifetime is reported, not turned into an invalid date later.
  if (expiresIn !== undefined && !(typeof expiresIn === 'number' && expiresIn > 0 && expiresIn <= MAX_LIFETIME_S)) {
    wrong.push(`expires_in is not a number of seconds between 1 and ${MAX_LIFETIME_S}`);
  }
  if (wrong.length > 0) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered with an invalid RFC 8693 response: ${wrong.join(', ')}`, {
      hint: 'the endpoint does not implement RFC 8693 §2.2.1; report it to its operator',
    });
  }
  return {
    token,
    refresh,
    issuedTokenType: issuedTokenType as string,
    expiresIn: expiresIn === undefined ? undefined : Math.round(expiresIn as number),
    scope: serverText(body.scope),
  };
}

export const rfc8693: Provider<Rfc8693Config, typeof OUTPUTS> = {
  name: 'rfc8693',
  outputs: OUTPUTS,
  read,
  // The STS is the relying party of the runner token, so by default the token is addressed to it.
  defaultAudience: ({ server }) => ('issuer' in server ? server.issuer.href.replace(/\/$/, '') : server.tokenEndpoint.origin),
  exchange,
  revoke: revokeOAuthToken,
  exclusive: (config, places) => variableClaims([config.exportEnv], places, 'give each entry its own export-env'),
};
