import { randomBytes, randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT } from 'jose';
import { applyFault, json } from './http-fake.js';
import { platform, type PlatformFake } from './platforms.js';

export interface JfrogOptions {
  trustedIssuer: string;
  /** The OIDC integration's Provider Name. */
  providerName: string;
  /** The integration's Audience, when it sets one: a token for another `aud` is refused as Access refuses it. */
  audience?: string;
  /** The identity mapping: every claim listed must equal the token's; the token it issues. */
  mapping: { claims: Record<string, string>; username: string; expiresIn?: number; scope?: string };
  /** Leave `username` out of the answer, as older Access versions do: the client takes it from the token's `sub`. */
  omitUsername?: boolean;
  /** Access's revocable-expiry-threshold in seconds (6 hours by default): shorter-lived tokens cannot be revoked. */
  revocableThreshold?: number;
}

export interface JfrogFake extends PlatformFake {
  /** Each exchange request body as it arrived. */
  exchanges: Record<string, unknown>[];
}

/** The Access instance id in every subject and issuer it signs. */
const SERVICE = 'jfac@01h5fake0000000000000000';

/**
 * JFrog Access's OIDC token exchange (`POST /access/api/v1/oidc/token`, JSON in and out) and token
 * revocation (`DELETE /access/api/v1/tokens/me`). It verifies the runner token against the trusted issuer's
 * JWKS, finds the integration by `provider_name`, applies the identity mapping to the claims, and issues a
 * signed JWT access token whose `sub` names the user as Access's do. Errors are Access's
 * `{"errors": [{"code", "message"}]}`, and the flat `{"code", "message", "detail"}` of a token it cannot revoke.
 */
export async function startJfrog(options: JfrogOptions): Promise<JfrogFake> {
  const jwks = createRemoteJWKSet(new URL(`${options.trustedIssuer}/.well-known/jwks`));
  const signingKey = randomBytes(32);
  const exchanges: Record<string, unknown>[] = [];
  const lifetimes = new Map<string, number>();
  const fail = (res: Parameters<typeof json>[0], status: number, code: string, message: string) => { json(res, status, { errors: [{ code, message }] }); };
  const fake = (await platform((state) => ({
    'POST /access/api/v1/oidc/token': async (req, res) => {
      if (await applyFault(state.faults.shift(), res)) return;
      const body = JSON.parse(req.body) as Record<string, unknown>;
      exchanges.push(body);
      if (body.grant_type !== 'urn:ietf:params:oauth:grant-type:token-exchange' || body.subject_token_type !== 'urn:ietf:params:oauth:token-type:id_token') {
        return fail(res, 400, 'BAD_REQUEST', 'Unsupported grant type or subject token type');
      }
      if (body.provider_name !== options.providerName) return fail(res, 404, 'NOT_FOUND', `OIDC integration '${String(body.provider_name)}' was not found`);
      let claims: Record<string, unknown>;
      try {
        ({ payload: claims } = await jwtVerify(String(body.subject_token), jwks, { issuer: options.trustedIssuer }));
      } catch {
        return fail(res, 401, 'UNAUTHORIZED', 'Failed to verify the OIDC token');
      }
      if (options.audience !== undefined && claims.aud !== options.audience) return fail(res, 400, 'BAD_REQUEST', 'Invalid audience');
      if (!Object.entries(options.mapping.claims).every(([name, value]) => claims[name] === value)) {
        return fail(res, 401, 'UNAUTHORIZED', 'No identity mapping matches the token claims');
      }
      const expiresIn = options.mapping.expiresIn ?? 3600;
      const scope = options.mapping.scope ?? 'applied-permissions/user';
      const token = await new SignJWT({ scp: scope, ...(body.project_key ? { ext: JSON.stringify({ project: body.project_key }) } : {}) })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'fake-access' })
        .setSubject(`${SERVICE}/users/${options.mapping.username}`)
        .setIssuer(SERVICE)
        .setAudience('*@*')
        .setIssuedAt()
        .setExpirationTime(`${expiresIn}s`)
        .setJti(randomUUID())
        .sign(signingKey);
      state.issued.push(token);
      lifetimes.set(token, expiresIn);
      json(res, 200, {
        access_token: token,
        token_type: 'Bearer',
        expires_in: expiresIn,
        scope,
        issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        ...(options.omitUsername ? {} : { username: options.mapping.username }),
      });
    },
    'DELETE /access/api/v1/tokens/me': (req, res) => {
      const token = String(req.headers.authorization).replace(/^Bearer /, '');
      const lifetime = lifetimes.get(token);
      if (lifetime === undefined) return fail(res, 401, 'UNAUTHORIZED', 'Bad credentials');
      if (state.revoked.has(token)) return void res.writeHead(204).end();
      const threshold = options.revocableThreshold ?? 21_600;
      if (lifetime < threshold) {
        return json(res, 400, { code: 'BAD_REQUEST', message: 'Token not revocable', detail: `Token not revocable. revocableExpiryThresholdMillis: ${threshold * 1000}` });
      }
      state.revoked.add(token);
      res.writeHead(200).end();
    },
  }))) as JfrogFake;
  fake.exchanges = exchanges;
  return fake;
}
