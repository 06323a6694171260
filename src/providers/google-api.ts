import { KeylessError } from '../errors.js';
import type { HttpClient, HttpResponse } from '../http/client.js';
import { isObject, jsonBody, parseLoose, serverText } from '../http/json.js';
import type { IdToken } from '../runner/oidc.js';
import { claimsForHumans, oauthError } from './oauth-error.js';
import { credentialValue } from './credential-value.js';

// Google's Security Token Service (RFC 8693, plus its `options` field) and IAM Credentials API.

export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

export interface StsExchange {
  audience?: string;
  scope?: string;
  subjectToken: string;
  subjectTokenType: string;
  /** Google's non-standard options, e.g. a Credential Access Boundary. */
  options?: unknown;
}

/** What every call to Google carries besides its own fields. */
export interface GoogleCall {
  /** `X-Goog-Request-Reason`: the user's justification, written to Cloud Audit Logs with the call. */
  reason?: string;
}

/** The headers of a call: the reason, when the entry gives one. */
export function googleHeaders(call: GoogleCall, headers: Record<string, string>): Record<string, string> {
  return call.reason === undefined ? headers : { ...headers, 'x-goog-request-reason': call.reason };
}

export interface IssuedToken {
  token: string;
  /** Seconds, when the answer says. */
  expiresIn?: number;
  attempts: number;
}

/** One exchange at Google STS: form-encoded RFC 8693 request, RFC 8693 answer, RFC 6749 error body. */
export async function stsExchange(
  http: HttpClient,
  url: URL,
  request: StsExchange,
  idToken: IdToken,
  deniedHint: string,
  call: GoogleCall = {},
): Promise<IssuedToken> {
  const form = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE,
    requested_token_type: ACCESS_TOKEN_TYPE,
    subject_token: request.subjectToken,
    subject_token_type: request.subjectTokenType,
  });
  if (request.audience) form.set('audience', request.audience);
  if (request.scope) form.set('scope', request.scope);
  if (request.options !== undefined) form.set('options', JSON.stringify(request.options));
  const what = `Google STS ${url.origin}${url.pathname}`;
  const response = await http.request({
    method: 'POST',
    url,
    what: 'Google STS',
    headers: googleHeaders(call, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }),
    body: form.toString(),
  });
  if (response.status !== 200) throw oauthError(response, what, idToken, deniedHint);
  const body = jsonBody(response, what);
  const token = credentialValue(isObject(body) ? body.access_token : undefined, 'an access_token', what);
  const expiresIn = isObject(body) && typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : undefined;
  return { token, attempts: response.attempts, ...(expiresIn ? { expiresIn } : {}) };
}

/**
 * A POST to an IAM Credentials method with the federated token; its JSON answer, or a clear error. `role`
 * is the role a refusal says to grant: workloadIdentityUser covers generateAccessToken and
 * generateIdToken, not signJwt (serviceAccountTokenCreator).
 */
export async function iamCredentials(
  http: HttpClient,
  url: URL,
  bearer: string,
  body: unknown,
  idToken: IdToken,
  serviceAccount: string,
  call: GoogleCall & { role?: string } = {},
): Promise<{ body: Record<string, unknown>; attempts: number }> {
  const what = `IAM Credentials ${url.pathname.split(':').pop() ?? ''} for ${serviceAccount}`;
  const response = await http.request({
    method: 'POST',
    url,
    what: 'IAM Credentials',
    headers: googleHeaders(call, { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', accept: 'application/json' }),
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw googleApiError(response, what, idToken, serviceAccount, call.role ?? 'roles/iam.workloadIdentityUser');
  const parsed = jsonBody(response, what);
  if (!isObject(parsed)) throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered 200 without a JSON object`);
  return { body: parsed, attempts: response.attempts };
}

/** Google's `{"error":{"code","message","status"}}`; a denial says which binding is missing. */
function googleApiError(response: HttpResponse, what: string, idToken: IdToken, serviceAccount: string, role: string): KeylessError {
  const body = parseLoose(response.body);
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  const status = serverText(error?.status, 60);
  const message = serverText(error?.message);
  const said = `${what} answered HTTP ${response.status}${status ? ` ${status}` : ''}${message ? `: ${message}` : ''}`;
  if (response.status === 403 || status === 'PERMISSION_DENIED') {
    const repository = typeof idToken.claims.repository === 'string' ? idToken.claims.repository : 'OWNER/REPO';
    return new KeylessError('EXCHANGE_DENIED', `${said}. The token carried ${claimsForHumans(idToken)}.`, {
      hint:
        `grant ${role} on ${serviceAccount} to ` +
        `principalSet://iam.googleapis.com/<pool>/attribute.repository/${repository} (and enable the IAM Credentials API)`,
    });
  }
  return new KeylessError('EXCHANGE_FAILED', said, {
    hint: response.status === 404 ? 'check service-account: it does not exist or is in another project' : 'check the entry keys; re-run if Google is degraded',
  });
}
