import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { KeylessError } from '../errors.js';
import type { HttpResponse } from '../http/client.js';
import { isObject, jsonBody, parseLoose, serverText } from '../http/json.js';
import { credentialValue, JWT } from './credential-value.js';
import { claimsForHumans } from './oauth-error.js';
import type { Credential, ExchangeContext, Provider } from './types.js';

// Microsoft Entra ID: OAuth 2.0 client credentials with the runner's OIDC token as a federated
// client assertion. `mode: token` hands out an access token; `mode: sdk` hands out what the Azure SDKs'
// workload identity credential and `az login --federated-token` read, with no secret at all.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** `mode: sdk` sets neither the access token nor its expiry: it hands out no token. */
const OUTPUTS = { public: ['client-id', 'tenant-id', 'expires-at'], secret: ['access-token'] } as const;

export interface AzureConfig {
  clientId: string;
  tenantId: string;
  subscriptionId?: string;
  scope: string;
  mode: 'token' | 'sdk';
  authorityHost: URL;
}

function read(fields: FieldReader): AzureConfig | undefined {
  const clientId = fields.string('client-id', { required: true, pattern: GUID, expected: 'the application (client) id, a GUID' });
  const tenantId = fields.string('tenant-id', { required: true, pattern: TENANT, expected: 'the directory (tenant) id or domain' });
  const subscriptionId = fields.string('subscription-id', { pattern: GUID, expected: 'a subscription id (GUID)' });
  const scope = fields.string('scope', { pattern: /^\S+$/, expected: 'a scope such as https://management.azure.com/.default' }) ?? 'https://management.azure.com/.default';
  const mode = fields.oneOf('mode', ['token', 'sdk'] as const, 'token');
  const authorityHost = fields.url('authority-host') ?? new URL('https://login.microsoftonline.com/');
  if (clientId === undefined || tenantId === undefined) return undefined;
  return { clientId, tenantId, scope, mode, authorityHost, ...(subscriptionId ? { subscriptionId } : {}) };
}

/**
 * In both modes one client-credentials request runs: in `token` mode for the token it returns, in `sdk`
 * mode to prove the federation works here, with a clear message, rather than deep inside an SDK later.
 */
async function exchange(config: AzureConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const url = new URL(`${encodeURIComponent(config.tenantId)}/oauth2/v2.0/token`, config.authorityHost);
  const form = new URLSearchParams({
    client_id: config.clientId,
    scope: config.scope,
    grant_type: 'client_credentials',
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: ctx.idToken.jwt,
  });
  const what = `Microsoft Entra ID ${url.origin}${url.pathname}`;
  const response = await ctx.http.request({
    method: 'POST',
    url,
    what: 'Microsoft Entra ID',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  if (response.status !== 200) throw entraError(response, what, ctx);
  const body = jsonBody(response, what);
  const token = credentialValue(isObject(body) ? body.access_token : undefined, 'an access_token', what);
  ctx.mask(token);
  const expiresIn = isObject(body) && typeof body.expires_in === 'number' ? body.expires_in : undefined;
  const expiresAt = expiresIn ? new Date(ctx.now() + expiresIn * 1000).toISOString() : undefined;
  const ids = { AZURE_CLIENT_ID: config.clientId, AZURE_TENANT_ID: config.tenantId, ...(config.subscriptionId ? { AZURE_SUBSCRIPTION_ID: config.subscriptionId } : {}) };
  const sdk = config.mode === 'sdk';
  return {
    env: sdk ? {} : { AZURE_ACCESS_TOKEN: token },
    publicEnv: sdk ? { ...ids, AZURE_AUTHORITY_HOST: config.authorityHost.href } : ids,
    files: sdk ? [{ env: 'AZURE_FEDERATED_TOKEN_FILE', name: 'azure-federated-token', content: credentialValue(ctx.idToken.jwt, 'an OIDC token', 'the runner', JWT), oidcToken: true }] : [],
    refreshable: sdk,
    secretOutputs: sdk ? {} : { 'access-token': token },
    publicOutputs: { ...(expiresAt && !sdk ? { 'expires-at': expiresAt } : {}), 'client-id': config.clientId, 'tenant-id': config.tenantId },
    info: {
      principal: `${config.clientId} in tenant ${config.tenantId}`,
      scope: config.scope,
      ...(expiresAt && !sdk ? { expiresAt } : {}),
      tokenType: sdk ? 'federated token file for Azure SDKs' : 'Entra ID access token',
      endpoint: `${url.origin}${url.pathname}`,
      attempts: response.attempts,
      fingerprint: await fingerprint(sdk ? ctx.idToken.jwt : token),
    },
    irrevocable: sdk
      ? 'the federated token file is deleted; tokens SDKs obtained from it expire on their own'
      : 'Entra ID access tokens cannot be revoked; it expires on its own',
    // In sdk mode too: the validating exchange's token is what an ACR login builds on.
    handoff: { kind: 'bearer', provider: 'azure', token, tenant: config.tenantId },
  };
}

/** What to do about the AADSTS codes that federation setups hit. */
const AADSTS_HINTS: Readonly<Record<string, string>> = {
  '700213': 'add a federated identity credential to the app registration whose issuer, subject and audience are exactly the token\'s iss, sub and aud above (audience api://AzureADTokenExchange by default)',
  '70021': 'the federated identity credential must match the token\'s issuer (no trailing slash), subject and audience exactly',
  '700024': 'the OIDC token expired before it was used; in sdk mode run `keyless refresh` before long steps',
  '700016': 'client-id names no application in this tenant; check client-id and tenant-id',
  '90002': 'tenant-id names no tenant; check it, or authority-host for sovereign clouds',
  '7000215': 'the app expects a client secret: it has no federated identity credential for this token',
};

function entraError(response: HttpResponse, what: string, ctx: ExchangeContext): KeylessError {
  const body = parseLoose(response.body);
  const error = isObject(body) ? serverText(body.error, 80) : undefined;
  // error_description carries a trace and timestamp after the first sentence; the code and sentence suffice.
  const description = isObject(body) ? serverText(body.error_description, 400)?.split(/ Trace ID:/)[0] : undefined;
  const code = /AADSTS(\d+)/.exec(description ?? '')?.[1];
  const message = `${what} answered HTTP ${response.status}${error ? `: ${error}` : ''}${description ? ` "${description}"` : ''}`;
  const hint = code === undefined ? undefined : AADSTS_HINTS[code];
  if (hint !== undefined || error === 'invalid_client' || error === 'unauthorized_client') {
    return new KeylessError('EXCHANGE_DENIED', `${message}. The token carried ${claimsForHumans(ctx.idToken)}.`, {
      hint: hint ?? 'compare the app registration\'s federated identity credentials with these claims',
    });
  }
  return new KeylessError('EXCHANGE_FAILED', message, { hint: error === 'invalid_scope' ? 'check scope: it must end in /.default' : 'check tenant-id, client-id and authority-host' });
}

export const azure: Provider<AzureConfig, typeof OUTPUTS> = {
  name: 'azure',
  outputs: OUTPUTS,
  read,
  defaultAudience: () => 'api://AzureADTokenExchange',
  exchange,
};
