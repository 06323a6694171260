import { KeylessError } from '../errors.js';
import type { HttpResponse } from '../http/client.js';
import { isObject, parseLoose, serverText } from '../http/json.js';
import type { IdToken } from '../runner/oidc.js';

/** RFC 6749 §5.2 codes that mean "you may not", as opposed to "you asked wrongly" or "I am broken". */
const DENIED = new Set(['invalid_grant', 'unauthorized_client', 'access_denied', 'invalid_target', 'invalid_scope', 'invalid_client']);

/**
 * The claims relying parties match trust policies on; none is secret. `iss` first: on GitHub Enterprise
 * Server and GHE.com it is not token.actions.githubusercontent.com, the usual mismatch there.
 */
export function claimsForHumans(idToken: IdToken): string {
  const { iss, sub, aud, job_workflow_ref: workflow, environment } = idToken.claims as Record<string, unknown>;
  const pairs: [string, unknown][] = [['iss', iss], ['sub', sub], ['aud', aud], ['job_workflow_ref', workflow], ['environment', environment]];
  return pairs
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
}

/**
 * The token's issuer as a trust policy names it (an https URL, no trailing slash), for setup hints:
 * never a hard-coded github.com issuer, which is wrong on GHES and GHE.com.
 */
export function issuerOf(idToken: IdToken): string | undefined {
  const { iss } = idToken.claims as Record<string, unknown>;
  if (typeof iss !== 'string' || iss.length > 200 || !URL.canParse(iss)) return undefined;
  return new URL(iss).protocol === 'https:' ? iss.replace(/\/$/, '') : undefined;
}

/**
 * The error for a failed token request: RFC 6749 §5.2 / RFC 8693 §2.2.2 bodies (`error`,
 * `error_description`, `error_uri`) are quoted; a denial prints the claims the policy was matched against.
 */
export function oauthError(
  response: HttpResponse,
  what: string,
  idToken: IdToken | undefined,
  deniedHint = "compare these claims with the issuer's trust policy for this workload (subject, audience, workflow)",
): KeylessError {
  const body = parseLoose(response.body);
  const code = isObject(body) ? serverText(body.error, 80) : undefined;
  const description = isObject(body) ? serverText(body.error_description) : undefined;
  const uri = isObject(body) ? serverText(body.error_uri, 200) : undefined;
  const said = code === undefined ? '' : `: ${code}${description ? ` "${description}"` : ''}${uri ? ` (${uri})` : ''}`;
  // A server may echo the request back; the subject token must not travel on in our message.
  const message = `${what} answered HTTP ${response.status}${idToken ? said.split(idToken.jwt).join('***') : said}`;
  if (code !== undefined && DENIED.has(code)) {
    const claims = idToken === undefined ? '' : ` The token carried ${claimsForHumans(idToken)}.`;
    return new KeylessError('EXCHANGE_DENIED', `${message}.${claims}`, { hint: deniedHint });
  }
  const hint =
    code === 'invalid_request' || code === 'unsupported_grant_type'
      ? 'the server does not accept this request; check the entry keys against its documentation'
      : response.status >= 500 || response.status === 429
        ? 'the service is failing or throttling; re-run the job later'
        : 'check the endpoint URL and the entry keys';
  return new KeylessError('EXCHANGE_FAILED', message, { hint });
}
