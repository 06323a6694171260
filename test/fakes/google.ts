import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createRemoteJWKSet, exportJWK, generateKeyPair, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { applyFault, type Fake, type Fault, json, type RecordedRequest, startFake } from './http-fake.js';

export interface GoogleOptions {
  trustedIssuer: string;
  /** `projects/N/locations/global/workloadIdentityPools/P/providers/X` */
  provider: string;
  /** The provider's attribute condition, as the repositories it lets in; any when absent. */
  allowedRepositories?: string[];
  /** Service accounts the pool's principals hold roles/iam.workloadIdentityUser on. */
  serviceAccounts?: string[];
  /** Service accounts that exist without that binding. */
  unboundServiceAccounts?: string[];
  /** Service accounts the pool's principals also hold roles/iam.serviceAccountTokenCreator on (signJwt). */
  tokenCreators?: string[];
  /** Google Workspace: its users, and the scopes the Admin console delegated to each service account (by e-mail). */
  workspace?: { users: string[]; delegated: Record<string, string[]> };
}

export interface GoogleFake extends Fake {
  issued: string[];
  revoked: Set<string>;
  faults: Fault[];
  /** The Credential Access Boundary of each downscoped token, by token. */
  boundaries: Map<string, unknown>;
  /** The claims of each JWT grant redeemed at `/token`, and the Workspace user token it became. */
  delegations: { claims: JWTPayload; token: string }[];
}

const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/**
 * Google STS (`/v1/token`), IAM Credentials (`/v1/projects/-/serviceAccounts/SA:method`), the OAuth token
 * endpoint's JWT grant (`/token`, RFC 7523, for domain-wide delegation) and `/revoke`.
 */
export async function startGoogle(options: GoogleOptions): Promise<GoogleFake> {
  const jwks = createRemoteJWKSet(new URL(`${options.trustedIssuer}/.well-known/jwks`));
  const issued: string[] = [];
  const federated = new Set<string>();
  const revoked = new Set<string>();
  const boundaries = new Map<string, unknown>();
  const faults: Fault[] = [];
  const delegations: { claims: JWTPayload; token: string }[] = [];
  // The key IAM signs service account JWTs with (signJwt): Google's own, which the token endpoint trusts.
  // Made on first use: most worlds (the demo, the bench) never sign.
  let signingKey: Promise<{ pair: Awaited<ReturnType<typeof generateKeyPair>>; keyId: string }> | undefined;
  const signing = () =>
    (signingKey ??= generateKeyPair('RS256').then(async (pair) => ({ pair, keyId: (await exportJWK(pair.publicKey)).n?.slice(0, 16) ?? 'key' })));
  const mint = (prefix: string) => {
    const token = `${prefix}${randomBytes(24).toString('base64url')}`;
    issued.push(token);
    return token;
  };

  const exchangeJwt = async (form: URLSearchParams, res: ServerResponse) => {
    const expected = `//iam.googleapis.com/${options.provider}`;
    if (form.get('audience') !== expected) return json(res, 400, { error: 'invalid_request', error_description: `Invalid value for "audience". This value should be the full resource name of the Identity Provider.` });
    try {
      const { payload } = await jwtVerify(form.get('subject_token') ?? '', jwks, { issuer: options.trustedIssuer, audience: `https://iam.googleapis.com/${options.provider}` });
      if (options.allowedRepositories && !options.allowedRepositories.includes(String(payload.repository))) {
        return json(res, 400, { error: 'unauthorized_client', error_description: 'The given credential is rejected by the attribute condition.' });
      }
    } catch {
      return json(res, 400, { error: 'invalid_grant', error_description: 'The audience in ID Token does not match the expected audience.' });
    }
    const token = mint('fed.');
    federated.add(token);
    json(res, 200, { access_token: token, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', expires_in: 3599 });
  };

  const downscope = (form: URLSearchParams, res: ServerResponse) => {
    if (!issued.includes(form.get('subject_token') ?? '')) return json(res, 400, { error: 'invalid_grant', error_description: 'Invalid subject token.' });
    const options = JSON.parse(form.get('options') ?? '{}') as { accessBoundary?: { accessBoundaryRules?: unknown[] } };
    if (!options.accessBoundary?.accessBoundaryRules?.length) return json(res, 400, { error: 'invalid_request', error_description: 'An access boundary is required.' });
    const token = mint('down.');
    boundaries.set(token, options.accessBoundary);
    json(res, 200, { access_token: token, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer' });
  };

  const routes: Parameters<typeof startFake>[0] = {
    'POST /v1/token': async (req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      const form = new URLSearchParams(req.body);
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange') return json(res, 400, { error: 'unsupported_grant_type' });
      if (form.get('subject_token_type') === ACCESS_TOKEN_TYPE) return downscope(form, res);
      return exchangeJwt(form, res);
    },
    'POST /token': async (req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      const form = new URLSearchParams(req.body);
      const grant = await redeemGrant(form, (await signing()).pair.publicKey, options.workspace);
      if ('error' in grant) return json(res, grant.status, { error: grant.error, error_description: grant.description });
      const token = mint('ya29.user.');
      delegations.push({ claims: grant.claims, token });
      json(res, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
    },
    'POST /revoke': (req, res) => {
      const token = new URLSearchParams(req.body).get('token') ?? '';
      if (!issued.includes(token) || revoked.has(token)) return json(res, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
      revoked.add(token);
      json(res, 200, {});
    },
  };
  const bound = new Set(options.serviceAccounts);
  for (const sa of [...(options.serviceAccounts ?? []), ...(options.unboundServiceAccounts ?? [])]) {
    const base = `POST /v1/projects/-/serviceAccounts/${encodeURIComponent(sa)}`;
    routes[`${base}:generateAccessToken`] = (req, res) => {
      const refusal = checkCaller(req, federated, bound.has(sa));
      if (refusal) return googleError(res, ...refusal);
      const body = JSON.parse(req.body) as { lifetime?: string; scope?: string[] };
      const lifetime = /^(\d+)s$/.exec(body.lifetime ?? '3600s');
      if (!lifetime || Number(lifetime[1]) > 3600) return googleError(res, 400, 'INVALID_ARGUMENT', 'The lifetime must be at most 3600s unless the organisation policy allows more.');
      if (!body.scope?.length) return googleError(res, 400, 'INVALID_ARGUMENT', 'Scope is required.');
      json(res, 200, { accessToken: mint('ya29.'), expireTime: new Date(Date.now() + Number(lifetime[1]) * 1000).toISOString() });
    };
    routes[`${base}:generateIdToken`] = (req, res) => {
      const refusal = checkCaller(req, federated, bound.has(sa));
      if (refusal) return googleError(res, ...refusal);
      json(res, 200, { token: mint('eyJhbGciOiJSUzI1NiJ9.id.') });
    };
    routes[`${base}:signJwt`] = async (req, res) => {
      const refusal = checkCaller(req, federated, tokenCreators.has(sa), 'iam.serviceAccounts.signJwt');
      if (refusal) return googleError(res, ...refusal);
      const payload = parsePayload(req.body);
      if (payload === undefined) return googleError(res, 400, 'INVALID_ARGUMENT', 'Invalid JWT payload: the payload must be a JSON object.');
      if (typeof payload.exp === 'number' && payload.exp > Date.now() / 1000 + 12 * 3600) {
        return googleError(res, 400, 'INVALID_ARGUMENT', 'The exp claim must be at most 12 hours in the future.');
      }
      const { pair, keyId } = await signing();
      const signedJwt = await new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' }).sign(pair.privateKey);
      issued.push(signedJwt);
      json(res, 200, { keyId, signedJwt });
    };
  }
  const tokenCreators = new Set(options.tokenCreators);
  const fake = await startFake(routes);
  return { ...fake, issued, revoked, faults, boundaries, delegations };
}

function parsePayload(body: string): JWTPayload | undefined {
  try {
    const payload = JSON.parse((JSON.parse(body) as { payload?: string }).payload ?? '') as unknown;
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as JWTPayload) : undefined;
  } catch {
    return undefined;
  }
}

type Grant = { claims: JWTPayload } | { error: string; description: string; status: number };

/**
 * The token endpoint's checks of a JWT grant, each with the answer Google documents for it
 * (developers.google.com/identity/protocols/oauth2/service-account#error-codes).
 */
async function redeemGrant(form: URLSearchParams, key: Awaited<ReturnType<typeof generateKeyPair>>['publicKey'], workspace: GoogleOptions['workspace']): Promise<Grant> {
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    return { status: 400, error: 'unsupported_grant_type', description: `Invalid grant_type: ${form.get('grant_type') ?? ''}` };
  }
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(form.get('assertion') ?? '', key, { audience: 'https://oauth2.googleapis.com/token' }));
  } catch {
    return { status: 400, error: 'invalid_grant', description: 'Invalid JWT Signature.' };
  }
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number' || claims.exp - claims.iat > 3600) {
    return { status: 400, error: 'invalid_grant', description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.' };
  }
  const delegated = workspace?.delegated[String(claims.iss)] ?? [];
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (scopes.length === 0 || !scopes.every((scope) => delegated.includes(scope))) {
    return { status: 401, error: 'unauthorized_client', description: 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.' };
  }
  if (!workspace?.users.includes(String(claims.sub))) return { status: 400, error: 'invalid_grant', description: 'Invalid email or User ID' };
  return { claims };
}

/** IAM's answer to a caller that is not a federated principal allowed to impersonate. */
function checkCaller(req: RecordedRequest, federated: Set<string>, bound: boolean, permission = 'iam.serviceAccounts.getAccessToken'): [number, string, string] | undefined {
  const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
  if (!federated.has(bearer) || !bound) return [403, 'PERMISSION_DENIED', `Permission '${permission}' denied on resource (or it may not exist).`];
  return undefined;
}

function googleError(res: ServerResponse, code: number, status: string, message: string): void {
  json(res, code, { error: { code, message, status } });
}
