import type { JWTPayload } from 'jose';
import { decodeJwt } from 'jose/jwt/decode';
import { KeylessError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import { isObject, jsonBody, parseLoose, serverText } from '../http/json.js';
import { parseEndpoint } from '../http/url.js';
import type { Runner } from './runner.js';

const PERMISSION_HINT =
  'give the job `permissions: { id-token: write, contents: read }` (workflow or job level); ' +
  'pull requests from forks never receive an OIDC token';

const ELSEWHERE_HINT =
  'outside GitHub Actions, give each entry a subject-token-source: file (a projected Kubernetes service-account token), ' +
  'env (a variable holding the CI system\'s OIDC token: GitLab CI id_tokens, CIRCLE_OIDC_TOKEN, Buildkite) or spiffe (a SPIRE agent\'s Workload API)';

/** A compact JWS: three base64url parts. Checked before the value is masked or used anywhere. */
const JWS_COMPACT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** Node modules whose NODE_DEBUG output prints a request's options, its headers (bearer tokens) among them. */
const PRINTS_REQUESTS = ['net', 'tls', 'http', 'https', 'http2', 'undici', 'fetch'];

/** Whether NODE_DEBUG turns on any of them, matched as Node matches it (comma-separated, `*`, any case). */
export function debugPrintsRequests(value: string | undefined): boolean {
  if (!value) return false;
  const pattern = new RegExp(`^${value.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*').replaceAll(',', '$|^')}$`, 'i');
  return PRINTS_REQUESTS.some((name) => pattern.test(name));
}

export interface IdToken {
  jwt: string;
  claims: JWTPayload;
}

/**
 * Asks the runner for a GitHub OIDC token with the given audience. The token is masked before this
 * returns; its claims are decoded (not verified: the relying party verifies) for checks and the audit.
 */
export async function requestIdToken(runner: Runner, http: HttpClient, audience: string): Promise<IdToken> {
  const base = runner.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = runner.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!base || !bearer) {
    if (runner.env.GITHUB_ACTIONS !== 'true') {
      throw new KeylessError('OIDC_PERMISSION_MISSING', 'the runner offered no OIDC token: this is not a GitHub Actions job (ACTIONS_ID_TOKEN_REQUEST_URL is not set)', {
        hint: ELSEWHERE_HINT,
      });
    }
    throw new KeylessError('OIDC_PERMISSION_MISSING', 'the runner offered no OIDC token to this job', {
      hint: PERMISSION_HINT,
    });
  }
  // Node reads NODE_DEBUG once, at start-up, so it cannot be turned off from here; an earlier step can
  // export it through GITHUB_ENV. Its lines go to stderr, racing the mask on stdout.
  if (debugPrintsRequests(runner.env.NODE_DEBUG)) {
    throw new KeylessError('INPUT_INVALID', `NODE_DEBUG (${serverText(runner.env.NODE_DEBUG, 60) ?? ''}) makes Node print every request's headers to the log, this job's OIDC request token among them, so none was sent`, {
      hint: "unset it for this step (env: NODE_DEBUG: '') or in the step that exported it",
    });
  }
  runner.mask(bearer);
  const url = parseEndpoint(base, 'ACTIONS_ID_TOKEN_REQUEST_URL');
  url.searchParams.set('audience', audience);
  const what = `runner OIDC token request (audience "${audience}")`;
  const response = await http.request({
    method: 'GET',
    url,
    what: 'runner OIDC endpoint',
    headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
  });
  if (response.status !== 200) {
    const body = response.headers['content-type']?.includes('json') ? parseLoose(response.body) : undefined;
    const detail = serverText(isObject(body) ? body.message : undefined);
    throw new KeylessError('OIDC_REQUEST_FAILED', `${what} failed with HTTP ${response.status}${detail ? `: ${detail}` : ''}`, {
      hint: response.status === 403 || response.status === 401 ? PERMISSION_HINT : 'retry the job; if it persists, check githubstatus.com',
    });
  }
  const body = jsonBody(response, what);
  const jwt = isObject(body) ? body.value : undefined;
  if (typeof jwt === 'string' && jwt !== '' && !JWS_COMPACT.test(jwt)) {
    throw new KeylessError('OIDC_REQUEST_FAILED', `${what} returned a value that is not a JWT`, {
      hint: 'retry the job; the runner service returned an unexpected reply',
    });
  }
  if (typeof jwt !== 'string' || jwt === '') {
    throw new KeylessError('OIDC_REQUEST_FAILED', `${what} returned no token (no "value" field)`, {
      hint: 'retry the job; the runner service returned an unexpected reply',
    });
  }
  runner.mask(jwt);
  try {
    return { jwt, claims: decodeJwt(jwt) };
  } catch (error) {
    throw new KeylessError('OIDC_REQUEST_FAILED', `${what} returned a value that is not a JWT`, { cause: error });
  }
}
