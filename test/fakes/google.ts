import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
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
}

export interface GoogleFake extends Fake {
  issued: string[];
  revoked: Set<string>;
  faults: Fault[];
  /** The Credential Access Boundary of each downscoped token, by token. */
  boundaries: Map<string, unknown>;
}

const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** Google STS (`/v1/token`), IAM Credentials (`/v1/projects/-/serviceAccounts/SA:method`) and `/revoke`. */
export async function startGoogle(options: GoogleOptions): Promise<GoogleFake> {
  const jwks = createRemoteJWKSet(new URL(`${options.trustedIssuer}/.well-known/jwks`));
  const issued: string[] = [];
  const federated = new Set<string>();
  const revoked = new Set<string>();
  const boundaries = new Map<string, unknown>();
  const faults: Fault[] = [];
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
  }
  const fake = await startFake(routes);
  return { ...fake, issued, revoked, faults, boundaries };
}

/** IAM's answer to a caller that is not a federated principal allowed to impersonate. */
function checkCaller(req: RecordedRequest, federated: Set<string>, bound: boolean): [number, string, string] | undefined {
  const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
  if (!federated.has(bearer) || !bound) return [403, 'PERMISSION_DENIED', "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist)."];
  return undefined;
}

function googleError(res: ServerResponse, code: number, status: string, message: string): void {
  json(res, code, { error: { code, message, status } });
}
