import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { describe } from '../config/fields.js';
import { KeylessError } from '../errors.js';
import { ACCESS_TOKEN_TYPE, iamCredentials, JWT_TYPE, stsExchange } from './google-api.js';
import { credentialValue, JWT } from './credential-value.js';
import { revokeOAuthToken } from './oauth-revoke.js';
import type { Credential, CredentialFile, ExchangeContext, Provider } from './types.js';

const PROVIDER_NAME = /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/;
const EMAIL = /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/;
const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const UNIVERSE = /^[a-z0-9.-]+\.[a-z]{2,}$/;

/** `project` with the key of that name, `id-token` with `id-token-audience`. */
const OUTPUTS = { public: ['expires-at', 'project'], secret: ['access-token', 'id-token'] } as const;

export interface AccessBoundaryRule {
  availableResource: string;
  availablePermissions: string[];
  availabilityCondition?: { expression: string; title?: string };
}

export interface GcpConfig {
  provider: string;
  serviceAccount?: string;
  project?: string;
  scopes: string[];
  lifetimeSeconds: number;
  delegates: string[];
  idTokenAudience?: string;
  accessBoundary?: AccessBoundaryRule[];
  credentialsFile: boolean;
  universe: string;
  stsEndpoint: URL;
  iamEndpoint: URL;
  revokeEndpoint: URL;
}

function read(fields: FieldReader): GcpConfig | undefined {
  const provider = fields.string('workload-identity-provider', {
    required: true,
    pattern: PROVIDER_NAME,
    expected: 'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER',
  });
  const serviceAccount = fields.string('service-account', { pattern: EMAIL, expected: 'a service account email' });
  const project = fields.string('project', { pattern: PROJECT, expected: 'a project id' });
  const universe = fields.string('universe', { pattern: UNIVERSE, expected: 'a domain such as googleapis.com' }) ?? 'googleapis.com';
  const scopes = fields.strings('scopes') ?? [`https://www.${universe}/auth/cloud-platform`];
  const lifetime = fields.duration('duration', 1, 43_200);
  const delegates = fields.strings('delegates') ?? [];
  const idTokenAudience = fields.string('id-token-audience');
  const accessBoundary = readBoundary(fields);
  const credentialsFile = fields.boolean('credentials-file', false);
  const stsEndpoint = fields.url('sts-endpoint') ?? new URL(`https://sts.${universe}/v1/token`);
  const iamEndpoint = fields.url('iamcredentials-endpoint') ?? new URL(`https://iamcredentials.${universe}/`);
  const revokeEndpoint = fields.url('revoke-endpoint') ?? new URL(`https://oauth2.${universe}/revoke`);
  for (const key of ['duration', 'delegates', 'id-token-audience'] as const) {
    if (fields.has(key) && serviceAccount === undefined) fields.report(key, 'applies only with service-account (federated tokens are not impersonated)');
  }
  if (provider === undefined) return undefined;
  const config: GcpConfig = {
    provider,
    scopes,
    lifetimeSeconds: lifetime ?? 900,
    delegates,
    credentialsFile,
    universe,
    stsEndpoint,
    iamEndpoint,
    revokeEndpoint,
  };
  for (const [key, value] of Object.entries({ serviceAccount, project, idTokenAudience, accessBoundary })) {
    if (value !== undefined) Object.assign(config, { [key]: value });
  }
  return config;
}

/** `access-boundary`: a list of `{resource, permissions, condition?}`, Google's Credential Access Boundary rules. */
function readBoundary(fields: FieldReader): AccessBoundaryRule[] | undefined {
  const raw = fields.list('access-boundary');
  if (raw === undefined) return undefined;
  const rules: AccessBoundaryRule[] = [];
  for (const [i, rule] of raw.entries()) {
    const resource = isRecord(rule) ? rule.resource : undefined;
    const permissions = isRecord(rule) ? rule.permissions : undefined;
    const condition = isRecord(rule) ? rule.condition : undefined;
    const validPermissions = Array.isArray(permissions) && permissions.length > 0 && permissions.every((p) => typeof p === 'string' && p.startsWith('inRole:'));
    if (typeof resource !== 'string' || !validPermissions || (condition !== undefined && typeof condition !== 'string')) {
      fields.report('access-boundary', `rule ${i} must be {resource: //storage.googleapis.com/projects/_/buckets/NAME, permissions: [inRole:ROLE], condition?: CEL}, not ${describe(rule)}`);
      continue;
    }
    rules.push({ availableResource: resource, availablePermissions: permissions as string[], ...(condition ? { availabilityCondition: { expression: condition } } : {}) });
  }
  if (rules.length > 10) fields.report('access-boundary', 'Google accepts at most 10 rules');
  return rules;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DENIED_HINT =
  "check the workload identity provider's attribute condition and mapping against these claims, and that the pool and provider are enabled";

async function exchange(config: GcpConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const audience = `//iam.${config.universe}/${config.provider}`;
  const federated = await stsExchange(
    ctx.http,
    config.stsEndpoint,
    { audience, scope: `https://www.${config.universe}/auth/cloud-platform`, subjectToken: ctx.idToken.jwt, subjectTokenType: JWT_TYPE },
    ctx.idToken,
    DENIED_HINT,
  );
  ctx.mask(federated.token);
  let access = { token: federated.token, expiresAt: expiry(ctx, federated.expiresIn) };
  let idToken: string | undefined;
  const sa = config.serviceAccount;
  if (sa) {
    const delegates = config.delegates.map((d) => `projects/-/serviceAccounts/${d}`);
    const generated = await iamCredentials(
      ctx.http,
      methodUrl(config, sa, 'generateAccessToken'),
      federated.token,
      { scope: config.scopes, lifetime: `${config.lifetimeSeconds}s`, ...(delegates.length > 0 ? { delegates } : {}) },
      ctx.idToken,
      sa,
    );
    const what = `IAM Credentials generateAccessToken for ${sa}`;
    const accessToken = credentialValue(generated.body.accessToken, 'accessToken', what);
    const expireTime = generated.body.expireTime;
    if (typeof expireTime !== 'string' || Number.isNaN(Date.parse(expireTime))) throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered without expireTime`);
    ctx.mask(accessToken);
    access = { token: accessToken, expiresAt: new Date(expireTime).toISOString() };
    if (config.idTokenAudience) {
      const body = { audience: config.idTokenAudience, includeEmail: true, ...(delegates.length > 0 ? { delegates } : {}) };
      const answer = (await iamCredentials(ctx.http, methodUrl(config, sa, 'generateIdToken'), federated.token, body, ctx.idToken, sa)).body.token;
      const minted = credentialValue(answer, 'a token', `IAM Credentials generateIdToken for ${sa}`, JWT);
      ctx.mask(minted);
      idToken = minted;
    }
  }
  if (config.accessBoundary) {
    const options = { accessBoundary: { accessBoundaryRules: config.accessBoundary } };
    const request = { subjectToken: access.token, subjectTokenType: ACCESS_TOKEN_TYPE, options };
    const downscoped = await stsExchange(ctx.http, config.stsEndpoint, request, ctx.idToken, DENIED_HINT);
    ctx.mask(downscoped.token);
    // Google omits expires_in for a downscoped token when it lives as long as its source.
    access = { token: downscoped.token, expiresAt: downscoped.expiresIn ? expiry(ctx, downscoped.expiresIn) : access.expiresAt };
  }
  return credential(config, ctx, access, idToken, federated.attempts);
}

function methodUrl(config: GcpConfig, serviceAccount: string, method: string): URL {
  return new URL(`v1/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:${method}`, config.iamEndpoint);
}

function expiry(ctx: ExchangeContext, seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : new Date(ctx.now() + seconds * 1000).toISOString();
}

async function credential(
  config: GcpConfig,
  ctx: ExchangeContext,
  access: { token: string; expiresAt: string | undefined },
  idToken: string | undefined,
  attempts: number,
): Promise<Credential<typeof OUTPUTS>> {
  const project = config.project ? { CLOUDSDK_CORE_PROJECT: config.project, GOOGLE_CLOUD_PROJECT: config.project } : {};
  const principal = config.serviceAccount ?? `principal://iam.${config.universe}/${config.provider.replace(/\/providers\/.*$/, '')}/subject/${String(ctx.idToken.claims.sub)}`;
  return {
    env: { CLOUDSDK_AUTH_ACCESS_TOKEN: access.token, GOOGLE_OAUTH_ACCESS_TOKEN: access.token },
    publicEnv: project,
    files: config.credentialsFile ? adcFiles(config, ctx.idToken.jwt) : [],
    refreshable: config.credentialsFile,
    secretOutputs: { 'access-token': access.token, ...(idToken ? { 'id-token': idToken } : {}) },
    publicOutputs: { ...(access.expiresAt ? { 'expires-at': access.expiresAt } : {}), ...(config.project ? { project: config.project } : {}) },
    info: {
      principal,
      scope: config.accessBoundary ? `${config.scopes.join(' ')} (downscoped)` : config.scopes.join(' '),
      ...(access.expiresAt ? { expiresAt: access.expiresAt } : {}),
      tokenType: config.serviceAccount ? 'Google service account access token' : 'Google federated access token',
      endpoint: `${config.stsEndpoint.origin}${config.stsEndpoint.pathname}`,
      attempts,
      fingerprint: await fingerprint(access.token),
    },
    revoke: { endpoint: config.revokeEndpoint.href, token: access.token },
    handoff: { kind: 'bearer', provider: 'gcp', token: access.token, ...(access.expiresAt ? { expiresAt: access.expiresAt } : {}) },
  };
}

/**
 * Application Default Credentials for client libraries: an `external_account` file whose subject token is
 * a file holding this job's one-audience OIDC token. Never the runner's token-request bearer (the peer
 * writes that into the workspace, letting any reader mint tokens for any audience).
 */
function adcFiles(config: GcpConfig, jwt: string): CredentialFile[] {
  const impersonation = config.serviceAccount ? methodUrl(config, config.serviceAccount, 'generateAccessToken').href : undefined;
  return [
    // google-auth reads the whole file as the token (`format: text`): a JWT, nothing else, on one line.
    { name: 'gcp-oidc-token', content: credentialValue(jwt, 'an OIDC token', 'the runner', JWT), oidcToken: true },
    {
      env: 'GOOGLE_APPLICATION_CREDENTIALS',
      name: 'gcp-adc.json',
      content: (pathOf) =>
        JSON.stringify({
          type: 'external_account',
          audience: `//iam.${config.universe}/${config.provider}`,
          subject_token_type: JWT_TYPE,
          token_url: config.stsEndpoint.href,
          credential_source: { file: pathOf('gcp-oidc-token'), format: { type: 'text' } },
          ...(impersonation ? { service_account_impersonation_url: impersonation } : {}),
          universe_domain: config.universe,
        }),
    },
  ];
}

export const gcp: Provider<GcpConfig, typeof OUTPUTS> = {
  name: 'gcp',
  outputs: OUTPUTS,
  read,
  defaultAudience: (config) => `https://iam.${config.universe}/${config.provider}`,
  exchange,
  revoke: revokeOAuthToken,
};
