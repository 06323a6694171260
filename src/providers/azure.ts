import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { KeylessError } from '../errors.js';
import type { HttpResponse } from '../http/client.js';
import { isObject, jsonBody, parseLoose, serverText } from '../http/json.js';
import { credentialValue, JWT } from './credential-value.js';
import type { AzureSessionRequest } from '../sessions/azure-login.js';
import { aadstsHint } from './aadsts.js';
import { azureStackEndpoints, CLOUDS, type CloudName, cloudByName, publicCloud } from './azure-clouds.js';
import { claimsForHumans } from './oauth-error.js';
import type { Credential, ExchangeContext, Provider } from './types.js';

// Microsoft Entra ID: OAuth 2.0 client credentials with the runner's OIDC token as a federated
// client assertion. `mode: token` hands out an access token; `mode: sdk` hands out what the Azure SDKs'
// workload identity credential reads, with no secret at all. Either way the entry may ask for az and Az
// PowerShell sessions, which the main step signs in once every exchange succeeded (src/sessions/).

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** `mode: sdk` sets neither the access token nor its expiry: it hands out no token. */
const OUTPUTS = { public: ['client-id', 'tenant-id', 'expires-at'], secret: ['access-token'] } as const;

export interface AzureConfig {
  clientId: string;
  tenantId: string;
  subscriptionId?: string;
  /** The scope the entry names; else Resource Manager's of the cloud. */
  scope?: string;
  mode: 'token' | 'sdk';
  /** The authority the entry names; else the cloud's. */
  authorityHost?: URL;
  cloud: CloudName;
  /** Azure Stack Hub's Resource Manager (cloud AzureStack only). */
  resourceManager?: URL;
  azLogin: 'auto' | boolean;
  powershell: boolean;
  allowNoSubscriptions: boolean;
}

function read(fields: FieldReader): AzureConfig | undefined {
  const clientId = fields.string('client-id', { required: true, pattern: GUID, expected: 'the application (client) id, a GUID' });
  const tenantId = fields.string('tenant-id', { required: true, pattern: TENANT, expected: 'the directory (tenant) id or domain' });
  const subscriptionId = fields.string('subscription-id', { pattern: GUID, expected: 'a subscription id (GUID)' });
  const scope = fields.string('scope', { pattern: /^\S+$/, expected: 'a scope such as https://management.azure.com/.default' });
  const mode = fields.oneOf('mode', ['token', 'sdk'] as const, 'token');
  const authorityHost = fields.url('authority-host');
  const cloud = readCloud(fields);
  const resourceManager = fields.url('resource-manager-endpoint');
  if (cloud === 'AzureStack' && resourceManager === undefined && !fields.has('resource-manager-endpoint')) {
    fields.report('resource-manager-endpoint', 'is required with environment: AzureStack (the stamp\'s Resource Manager URL, such as https://management.local.azurestack.external/)');
  }
  if (cloud !== 'AzureStack' && resourceManager !== undefined) fields.report('resource-manager-endpoint', 'is only for environment: AzureStack; the other clouds\' endpoints are known');
  const azLogin = readAzLogin(fields);
  const powershell = fields.boolean('enable-AzPSSession', false);
  const allowNoSubscriptions = fields.boolean('allow-no-subscriptions', false);
  if (clientId === undefined || tenantId === undefined || cloud === undefined) return undefined;
  return {
    clientId,
    tenantId,
    mode,
    cloud,
    azLogin,
    powershell,
    allowNoSubscriptions,
    ...(scope ? { scope } : {}),
    ...(authorityHost ? { authorityHost } : {}),
    ...(subscriptionId ? { subscriptionId } : {}),
    ...(resourceManager && cloud === 'AzureStack' ? { resourceManager } : {}),
  };
}

function readCloud(fields: FieldReader): CloudName | undefined {
  const text = fields.string('environment', { expected: `one of ${CLOUDS.join(', ')}` });
  if (text === undefined) return fields.has('environment') ? undefined : 'AzureCloud';
  const cloud = cloudByName(text);
  if (cloud !== undefined) return cloud;
  if (text.toLowerCase() === 'azuregermancloud') fields.report('environment', 'AzureGermanCloud (Microsoft Cloud Deutschland) closed in October 2021; its tenants moved to AzureCloud');
  else fields.report('environment', `is not one of ${CLOUDS.join(', ')}`);
  return undefined;
}

/** `az-login`: true, false (YAML booleans or strings) or auto. */
function readAzLogin(fields: FieldReader): 'auto' | boolean {
  const value = fields.value('az-login');
  if (value === undefined || value === 'auto') return 'auto';
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  fields.report('az-login', 'is not one of auto, true, false');
  return 'auto';
}

/** The authority and default scope: the entry's own, else the cloud's (Azure Stack Hub's from its metadata). */
async function endpoints(config: AzureConfig, ctx: ExchangeContext): Promise<{ authorityHost: URL; scope: string }> {
  const cloud = config.cloud === 'AzureStack' ? (config.resourceManager ? await azureStackEndpoints(config.resourceManager, ctx.http, config.authorityHost) : undefined) : publicCloud(config.cloud);
  const authorityHost = config.authorityHost ?? cloud?.authorityHost;
  const scope = config.scope ?? cloud?.armScope;
  if (authorityHost === undefined || scope === undefined) throw new KeylessError('INPUT_INVALID', 'no authority for this cloud', { hint: 'set resource-manager-endpoint' });
  return { authorityHost, scope };
}

/**
 * In both modes one client-credentials request runs: in `token` mode for the token it returns, in `sdk`
 * mode to prove the federation works here, with a clear message, rather than deep inside an SDK later.
 */
async function exchange(config: AzureConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const { authorityHost, scope } = await endpoints(config, ctx);
  const url = new URL(`${encodeURIComponent(config.tenantId)}/oauth2/v2.0/token`, authorityHost);
  const form = new URLSearchParams({
    client_id: config.clientId,
    scope,
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
    publicEnv: sdk ? { ...ids, AZURE_AUTHORITY_HOST: authorityHost.href } : ids,
    files: sdk ? [{ env: 'AZURE_FEDERATED_TOKEN_FILE', name: 'azure-federated-token', content: credentialValue(ctx.idToken.jwt, 'an OIDC token', 'the runner', JWT), oidcToken: true }] : [],
    refreshable: sdk,
    secretOutputs: sdk ? {} : { 'access-token': token },
    publicOutputs: { ...(expiresAt && !sdk ? { 'expires-at': expiresAt } : {}), 'client-id': config.clientId, 'tenant-id': config.tenantId },
    info: {
      principal: `${config.clientId} in tenant ${config.tenantId}`,
      scope,
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
    ...(config.azLogin === false && !config.powershell ? {} : { session: sessionRequest(config, ctx) }),
  };
}

function sessionRequest(config: AzureConfig, ctx: ExchangeContext): AzureSessionRequest {
  const { aud } = ctx.idToken.claims;
  return {
    az: config.azLogin,
    powershell: config.powershell,
    clientId: config.clientId,
    tenantId: config.tenantId,
    allowNoSubscriptions: config.allowNoSubscriptions,
    cloud: config.cloud,
    federatedToken: ctx.idToken.jwt,
    audience: (Array.isArray(aud) ? aud[0] : aud) ?? 'api://AzureADTokenExchange',
    ...(config.subscriptionId === undefined ? {} : { subscriptionId: config.subscriptionId }),
    ...(config.resourceManager === undefined ? {} : { resourceManager: config.resourceManager.href }),
  };
}

function entraError(response: HttpResponse, what: string, ctx: ExchangeContext): KeylessError {
  const body = parseLoose(response.body);
  const error = isObject(body) ? serverText(body.error, 80) : undefined;
  // error_description carries a trace and timestamp after the first sentence; the code and sentence suffice.
  const description = isObject(body) ? serverText(body.error_description, 400)?.split(/ Trace ID:/)[0] : undefined;
  const message = `${what} answered HTTP ${response.status}${error ? `: ${error}` : ''}${description ? ` "${description}"` : ''}`;
  const hint = aadstsHint(description ?? '');
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
  exclusive: (config, places) =>
    places.size > 0 && (config.azLogin !== false || config.powershell)
      ? [{ key: 'azure session', message: (other) => `signs az and Az PowerShell in for later steps, as ${other} does; a job has one AZURE_CONFIG_DIR and one current Az context, so set az-login: false (and no enable-AzPSSession) on all but one` }]
      : [],
};
