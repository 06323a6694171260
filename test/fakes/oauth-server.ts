import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { applyFault, type Fake, type Fault, json, startFake } from './http-fake.js';

export interface OAuthServerOptions {
  /** The runner OIDC issuer whose tokens this server trusts (its JWKS is fetched from there). */
  trustedIssuer: string;
  /** Path of the issuer identifier under the server's origin (RFC 8414 §3 places well-known before it). */
  issuerPath?: string;
  /** `aud` the subject token must carry; defaults to the issuer identifier. */
  audience?: string;
  /** The `sub` values the trust policy allows; defaults to any. */
  allowedSubjects?: string[];
  discovery?: 'oauth' | 'openid' | 'none';
  revocation?: boolean;
  expiresIn?: number;
  refreshTokens?: boolean;
}

export interface OAuthServerFake extends Fake {
  issuer: string;
  tokenEndpoint: string;
  /** Every token minted: secrets a run must never leak. */
  issued: string[];
  revoked: Set<string>;
  faults: Fault[];
}

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/**
 * An RFC 8693 authorization server: RFC 8414 (or OpenID) metadata, a token-exchange endpoint that really
 * verifies the subject token against the runner's JWKS, and RFC 7009 revocation. Errors use the
 * RFC 6749 §5.2 body.
 */
export async function startOAuthServer(options: OAuthServerOptions): Promise<OAuthServerFake> {
  const jwks = createRemoteJWKSet(new URL(`${options.trustedIssuer}/.well-known/jwks`));
  const issued: string[] = [];
  const revoked = new Set<string>();
  const faults: Fault[] = [];
  const path = options.issuerPath ?? '';
  let issuer = '';
  const metadata = () => ({
    issuer,
    token_endpoint: `${issuer.replace(path, '')}/token`,
    grant_types_supported: [TOKEN_EXCHANGE],
    ...(options.revocation === false ? {} : { revocation_endpoint: `${issuer.replace(path, '')}/revoke` }),
  });
  /** Why the trust policy refuses the subject token, or undefined when it accepts it. */
  const verifySubject = async (subjectToken: string): Promise<string | undefined> => {
    try {
      const { payload } = await jwtVerify(subjectToken, jwks, { issuer: options.trustedIssuer, audience: options.audience ?? issuer });
      const allowed = !options.allowedSubjects || options.allowedSubjects.includes(String(payload.sub));
      return allowed ? undefined : `subject ${String(payload.sub)} is not allowed by the trust policy`;
    } catch (error) {
      return `subject_token rejected: ${(error as Error).message}`;
    }
  };
  const routes: Parameters<typeof startFake>[0] = {
    'POST /token': async (req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      const form = new URLSearchParams(req.body);
      if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') {
        json(res, 400, { error: 'invalid_request', error_description: 'expected a form-encoded body' }); return;
      }
      if (form.get('grant_type') !== TOKEN_EXCHANGE) {
        json(res, 400, { error: 'unsupported_grant_type', error_description: `grant_type ${form.get('grant_type')} is not supported` }); return;
      }
      const refusal = await verifySubject(form.get('subject_token') ?? '');
      if (refusal) { json(res, 400, { error: 'invalid_grant', error_description: refusal }); return; }
      const token = `at-${randomBytes(24).toString('base64url')}`;
      issued.push(token);
      const refresh = options.refreshTokens ? `rt-${randomBytes(24).toString('base64url')}` : undefined;
      if (refresh) issued.push(refresh);
      json(res, 200, {
        access_token: token,
        issued_token_type: form.get('requested_token_type') ?? ACCESS_TOKEN_TYPE,
        token_type: 'Bearer',
        expires_in: options.expiresIn ?? 900,
        ...(form.get('scope') ? { scope: form.get('scope') } : {}),
        ...(refresh ? { refresh_token: refresh } : {}),
      });
    },
    'POST /revoke': async (req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      const token = new URLSearchParams(req.body).get('token') ?? '';
      if (!issued.includes(token)) {
        // RFC 7009 §2.2: an invalid token is not an error for revocation.
        res.writeHead(200).end();
        return;
      }
      revoked.add(token);
      res.writeHead(200).end();
    },
  };
  const discovery = options.discovery ?? 'oauth';
  if (discovery === 'oauth') routes[`GET /.well-known/oauth-authorization-server${path}`] = (_req, res) => { json(res, 200, metadata()); };
  if (discovery === 'openid') routes[`GET ${path}/.well-known/openid-configuration`] = (_req, res) => { json(res, 200, metadata()); };
  const fake = await startFake(routes);
  issuer = `${fake.url}${path}`;
  return { ...fake, issuer, tokenEndpoint: `${fake.url}/token`, issued, revoked, faults };
}
