import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { applyFault, type Fake, type Fault, json, startFake } from './http-fake.js';

export interface RunnerOidcFake extends Fake {
  /** ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN, as the runner injects them with `id-token: write`. */
  requestUrl: string;
  requestToken: string;
  issuer: string;
  /** Every JWT handed out: secrets a run must never leak. */
  issued: string[];
  faults: Fault[];
  claims: JWTPayload;
}

// One signing key per test process: every fake has its own issuer URL, so tokens still verify against
// their own fake only, and key generation (~100 ms) is not paid again by every test.
let signingKey: ReturnType<typeof generateKeyPair> | undefined;

/**
 * The runner's OIDC token service: GET <request url>&audience=… with the request bearer → {"value": JWT}.
 * JWTs are RS256-signed with a real key, carry GitHub's claim set, and verify against the fake's JWKS.
 */
export async function startRunnerOidc(claims: JWTPayload = {}): Promise<RunnerOidcFake> {
  const { privateKey, publicKey } = await (signingKey ??= generateKeyPair('RS256'));
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-key-1', alg: 'RS256', use: 'sig' };
  const requestToken = `ghs-request-${randomUUID()}`;
  const issued: string[] = [];
  const faults: Fault[] = [];
  let issuer = '';
  const fake = await startFake({
    'GET /.well-known/openid-configuration': (_req, res) => { json(res, 200, { issuer, jwks_uri: `${issuer}/.well-known/jwks`, id_token_signing_alg_values_supported: ['RS256'] }); },
    'GET /.well-known/jwks': (_req, res) => { json(res, 200, { keys: [jwk] }); },
    'GET /_apis/idtoken': async (req, res) => {
      if (req.headers.authorization !== `Bearer ${requestToken}`) {
        json(res, 401, { message: 'Unauthorized: invalid request token' });
        return;
      }
      if (await applyFault(faults.shift(), res)) return;
      const audience = req.query.get('audience') ?? `https://github.com/${String(state.claims.repository_owner)}`;
      const jwt = await new SignJWT({ ...state.claims, jti: randomUUID() })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
        // A test may set claims.iss to stand for GHES or GHE.com, whose issuers are not this fake's URL.
        .setIssuer(typeof state.claims.iss === 'string' ? state.claims.iss : issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime('5m')
        .sign(privateKey);
      issued.push(jwt);
      json(res, 200, { count: jwt.length, value: jwt });
    },
  });
  issuer = fake.url;
  const state: RunnerOidcFake = {
    ...fake,
    requestUrl: `${fake.url}/_apis/idtoken?api-version=2.0`,
    requestToken,
    issuer,
    issued,
    faults,
    claims: { ...githubClaims(), ...claims },
  };
  return state;
}

/** The claim set GitHub puts in an Actions OIDC token for a push to main. */
export function githubClaims(): JWTPayload {
  return {
    sub: 'repo:acme/widget:ref:refs/heads/main',
    ref: 'refs/heads/main',
    ref_type: 'branch',
    sha: '3f786850e387550fdab836ed7e6dc881de23001b',
    repository: 'acme/widget',
    repository_id: '123456',
    repository_owner: 'acme',
    repository_owner_id: '654321',
    repository_visibility: 'private',
    run_id: '9876543210',
    run_number: '42',
    run_attempt: '1',
    actor: 'octocat',
    actor_id: '1',
    workflow: 'release',
    workflow_ref: 'acme/widget/.github/workflows/release.yml@refs/heads/main',
    workflow_sha: '3f786850e387550fdab836ed7e6dc881de23001b',
    job_workflow_ref: 'acme/widget/.github/workflows/release.yml@refs/heads/main',
    job_workflow_sha: '3f786850e387550fdab836ed7e6dc881de23001b',
    event_name: 'push',
    runner_environment: 'github-hosted',
  };
}
