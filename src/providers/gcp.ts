import { fingerprint } from '../audit/fingerprint.js';
import { KeylessError } from '../errors.js';
import { ADC_ALIASES, adcFiles, methodUrl } from './gcp-adc.js';
import { type GcpConfig, readGcp } from './gcp-config.js';
import { delegatedToken } from './gcp-dwd.js';
import { ACCESS_TOKEN_TYPE, iamCredentials, JWT_TYPE, stsExchange } from './google-api.js';
import { credentialValue, expiresAfter, JWT } from './credential-value.js';
import { revokeOAuthToken } from './oauth-revoke.js';
import type { Credential, ExchangeContext, ExclusiveClaim, VariablePlaces, Provider } from './types.js';

/**
 * `project-id` given or derived; `credentials-file-path` set with the file (src/sinks/deliver.ts);
 * `auth-token` the federated token, as the peer's `auth_token`; `id-token` with `id-token-audience`.
 */
const OUTPUTS = { public: ['expires-at', 'project-id', 'credentials-file-path'], secret: ['access-token', 'id-token', 'auth-token'] } as const;

/** The variables google-github-actions/auth exports the project in, each read by some tool or library. */
const PROJECT_VARIABLES = ['CLOUDSDK_CORE_PROJECT', 'CLOUDSDK_PROJECT', 'GCLOUD_PROJECT', 'GCP_PROJECT', 'GOOGLE_CLOUD_PROJECT'] as const;

const DENIED_HINT =
  "check the workload identity provider's attribute condition and mapping against these claims, and that the pool and provider are enabled";

async function exchange(config: GcpConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const call = config.requestReason === undefined ? {} : { reason: config.requestReason };
  const audience = `//iam.${config.universe}/${config.provider}`;
  const federated = await stsExchange(
    ctx.http,
    config.stsEndpoint,
    { audience, scope: `https://www.${config.universe}/auth/cloud-platform`, subjectToken: ctx.idToken.jwt, subjectTokenType: JWT_TYPE },
    ctx.idToken,
    DENIED_HINT,
    call,
  );
  ctx.mask(federated.token);
  let access = { token: federated.token, expiresAt: expiry(ctx, federated.expiresIn) };
  let idToken: string | undefined;
  const sa = config.serviceAccount;
  if (sa && config.accessTokenSubject) {
    access = await delegatedToken(config, ctx, federated.token, sa, config.accessTokenSubject);
  } else if (sa) {
    access = await impersonate(config, ctx, federated.token, sa);
  }
  if (sa && config.idTokenAudience) {
    const delegates = delegatesOf(config);
    const body = { audience: config.idTokenAudience, includeEmail: true, ...(delegates.length > 0 ? { delegates } : {}) };
    const answer = (await iamCredentials(ctx.http, methodUrl(config, sa, 'generateIdToken'), federated.token, body, ctx.idToken, sa, call)).body.token;
    const minted = credentialValue(answer, 'a token', `IAM Credentials generateIdToken for ${sa}`, JWT);
    ctx.mask(minted);
    idToken = minted;
  }
  if (config.accessBoundary) {
    const options = { accessBoundary: { accessBoundaryRules: config.accessBoundary } };
    const request = { subjectToken: access.token, subjectTokenType: ACCESS_TOKEN_TYPE, options };
    const downscoped = await stsExchange(ctx.http, config.stsEndpoint, request, ctx.idToken, DENIED_HINT, call);
    ctx.mask(downscoped.token);
    // Google omits expires_in for a downscoped token when it lives as long as its source.
    access = { token: downscoped.token, expiresAt: downscoped.expiresIn ? expiry(ctx, downscoped.expiresIn) : access.expiresAt };
  }
  return credential(config, ctx, { access, federated: federated.token, idToken, attempts: federated.attempts });
}

function delegatesOf(config: GcpConfig): string[] {
  return config.delegates.map((d) => `projects/-/serviceAccounts/${d}`);
}

/** The service account's own token through IAM Credentials `generateAccessToken`. */
async function impersonate(config: GcpConfig, ctx: ExchangeContext, federated: string, sa: string): Promise<{ token: string; expiresAt: string }> {
  const delegates = delegatesOf(config);
  const body = { scope: config.scopes, lifetime: `${config.lifetimeSeconds}s`, ...(delegates.length > 0 ? { delegates } : {}) };
  const call = config.requestReason === undefined ? {} : { reason: config.requestReason };
  const generated = await iamCredentials(ctx.http, methodUrl(config, sa, 'generateAccessToken'), federated, body, ctx.idToken, sa, call);
  const what = `IAM Credentials generateAccessToken for ${sa}`;
  const accessToken = credentialValue(generated.body.accessToken, 'accessToken', what);
  const expireTime = generated.body.expireTime;
  if (typeof expireTime !== 'string' || Number.isNaN(Date.parse(expireTime))) throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered without expireTime`);
  ctx.mask(accessToken);
  return { token: accessToken, expiresAt: new Date(expireTime).toISOString() };
}

function expiry(ctx: ExchangeContext, seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : expiresAfter(ctx.now(), seconds);
}

interface Minted {
  access: { token: string; expiresAt: string | undefined };
  /** The STS token every other call was made with: the peer's `auth_token`. */
  federated: string;
  idToken: string | undefined;
  attempts: number;
}

async function credential(config: GcpConfig, ctx: ExchangeContext, minted: Minted): Promise<Credential<typeof OUTPUTS>> {
  const { access, idToken } = minted;
  const project = config.projectId;
  const sa = config.serviceAccount;
  const federatedPrincipal = `principal://iam.${config.universe}/${config.provider.replace(/\/providers\/.*$/, '')}/subject/${String(ctx.idToken.claims.sub)}`;
  const subject = config.accessTokenSubject;
  return {
    env: { CLOUDSDK_AUTH_ACCESS_TOKEN: access.token, GOOGLE_OAUTH_ACCESS_TOKEN: access.token },
    publicEnv: project ? Object.fromEntries(PROJECT_VARIABLES.map((name) => [name, project])) : {},
    files: config.credentialsFile ? adcFiles(config, ctx.idToken.jwt) : [],
    refreshable: config.credentialsFile,
    // The federated token is the boundary's way around: an entry with one hands out the downscoped token only.
    secretOutputs: { 'access-token': access.token, ...(config.accessBoundary ? {} : { 'auth-token': minted.federated }), ...(idToken ? { 'id-token': idToken } : {}) },
    publicOutputs: { ...(access.expiresAt ? { 'expires-at': access.expiresAt } : {}), ...(project ? { 'project-id': project } : {}) },
    info: {
      principal: sa ? (subject ? `${subject} (domain-wide delegation by ${sa})` : sa) : federatedPrincipal,
      scope: config.accessBoundary ? `${config.scopes.join(' ')} (downscoped)` : config.scopes.join(' '),
      ...(access.expiresAt ? { expiresAt: access.expiresAt } : {}),
      tokenType: subject ? 'Google Workspace user access token' : sa ? 'Google service account access token' : 'Google federated access token',
      endpoint: `${config.stsEndpoint.origin}${config.stsEndpoint.pathname}`,
      attempts: minted.attempts,
      fingerprint: await fingerprint(access.token),
    },
    revoke: {
      endpoint: config.revokeEndpoint.href,
      token: access.token,
      ...(config.requestReason === undefined ? {} : { headers: { 'x-goog-request-reason': config.requestReason } }),
    },
    handoff: { kind: 'bearer', provider: 'gcp', token: access.token, ...(access.expiresAt ? { expiresAt: access.expiresAt } : {}) },
    ...(sa && !project ? { notices: [`no project-id: ${sa} is not NAME@PROJECT.iam.gserviceaccount.com, so no project was derived from it; set project-id for gcloud's and the libraries' default project`] } : {}),
  };
}

/**
 * One entry's Google variables per job environment: a second would replace the first's token, project
 * and credentials file (the file would even be the two joined, which no library can read).
 */
function exclusive(_config: GcpConfig, places: VariablePlaces): ExclusiveClaim[] {
  if (places.size === 0) return [];
  return [
    {
      key: 'google environment',
      message: (other) =>
        `hands Google credentials to later steps through the environment (CLOUDSDK_AUTH_ACCESS_TOKEN, ${['GOOGLE_APPLICATION_CREDENTIALS', ...ADC_ALIASES].join(', ')}, the project), where ${other} already puts Google's; the later entry would silently replace the earlier. Export one of them as outputs (export: outputs), or none if only a registry entry builds on it`,
    },
  ];
}

export const gcp: Provider<GcpConfig, typeof OUTPUTS> = {
  name: 'gcp',
  outputs: OUTPUTS,
  read: readGcp,
  defaultAudience: (config) => `https://iam.${config.universe}/${config.provider}`,
  exchange,
  revoke: revokeOAuthToken,
  exclusive,
};
