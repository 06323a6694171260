import { KeylessError } from '../errors.js';
import { isObject, jsonBody, parseLoose } from '../http/json.js';
import { credentialValue, expiresAfter, JWT } from './credential-value.js';
import { methodUrl } from './gcp-adc.js';
import type { GcpConfig } from './gcp-config.js';
import { googleHeaders, iamCredentials } from './google-api.js';
import { oauthError } from './oauth-error.js';
import type { ExchangeContext } from './types.js';

// Domain-wide delegation, as google-github-actions/auth does it without a key: IAM Credentials signs the
// service account's JWT grant (RFC 7523) with Google's key, and Google's OAuth token endpoint trades it
// for a token of the Workspace user named in `sub`.

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface DelegatedToken {
  token: string;
  expiresAt: string | undefined;
}

/** The claims of the grant: the audience is Google's token endpoint by name, whatever URL the request goes to. */
export function delegationClaims(config: GcpConfig, serviceAccount: string, subject: string, nowMs: number): Record<string, string | number> {
  const iat = Math.floor(nowMs / 1000);
  return {
    iss: serviceAccount,
    sub: subject,
    scope: config.scopes.join(' '),
    aud: `https://oauth2.${config.universe}/token`,
    iat,
    exp: iat + config.lifetimeSeconds,
  };
}

export async function delegatedToken(config: GcpConfig, ctx: ExchangeContext, federated: string, serviceAccount: string, subject: string): Promise<DelegatedToken> {
  const call = config.requestReason === undefined ? {} : { reason: config.requestReason };
  const delegates = config.delegates.map((d) => `projects/-/serviceAccounts/${d}`);
  const body = { payload: JSON.stringify(delegationClaims(config, serviceAccount, subject, ctx.now())), ...(delegates.length > 0 ? { delegates } : {}) };
  const signed = await iamCredentials(ctx.http, methodUrl(config, serviceAccount, 'signJwt'), federated, body, ctx.idToken, serviceAccount, {
    ...call,
    role: 'roles/iam.serviceAccountTokenCreator',
  });
  // Whoever holds the signed grant can redeem it until it expires: masked at once, never handed on.
  const assertion = credentialValue(signed.body.signedJwt, 'signedJwt', `IAM Credentials signJwt for ${serviceAccount}`, JWT);
  ctx.mask(assertion);

  const url = config.oauthTokenEndpoint;
  const what = `Google OAuth token endpoint ${url.origin}${url.pathname}`;
  const response = await ctx.http.request({
    method: 'POST',
    url,
    what: 'Google OAuth token endpoint',
    headers: googleHeaders(call, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }),
    body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
  });
  if (response.status !== 200) {
    const refusal = parseLoose(response.body);
    throw oauthError(response, what, undefined, refusalHint(isObject(refusal) ? refusal.error : undefined, config, serviceAccount, subject));
  }
  const answer = jsonBody(response, what);
  const token = credentialValue(isObject(answer) ? answer.access_token : undefined, 'an access_token', what);
  ctx.mask(token);
  const expiresIn = isObject(answer) ? answer.expires_in : undefined;
  if (expiresIn !== undefined && (typeof expiresIn !== 'number' || !(expiresIn > 0))) throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered expires_in that is not a positive number`);
  return { token, expiresAt: expiresIn === undefined ? undefined : expiresAfter(ctx.now(), expiresIn) };
}

/** What Google's refusals of a delegation grant mean in the Admin console's and IAM's terms. */
function refusalHint(code: unknown, config: GcpConfig, serviceAccount: string, subject: string): string {
  if (code === 'unauthorized_client') {
    return (
      `in the Google Workspace Admin console (Security > Access and data control > API controls > Domain-wide delegation), ` +
      `add ${serviceAccount}'s client ID (its unique ID) with exactly these scopes: ${config.scopes.join(',')}`
    );
  }
  if (code === 'invalid_grant') {
    return `check access-token-subject: ${subject} must be an active user of the Workspace domain that delegated to ${serviceAccount}, and the runner's clock must be right`;
  }
  return 'check scopes and access-token-subject against what the Workspace domain delegated';
}
