import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { applyFault, type Fake, type Fault, json, startFake } from './http-fake.js';

export interface PlatformFake extends Fake {
  issued: string[];
  revoked: Set<string>;
  faults: Fault[];
}

export type Verify = (jwt: string) => Promise<Record<string, unknown> | undefined>;

/** `audience: 'self'` expects the fake's own host (with port), as registries use their host. */
export function verifier(trustedIssuer: string, audience: string, self: () => string): Verify {
  const jwks = createRemoteJWKSet(new URL(`${trustedIssuer}/.well-known/jwks`));
  return async (jwt) => {
    try {
      return (await jwtVerify(jwt, jwks, { issuer: trustedIssuer, audience: audience === 'self' ? new URL(self()).host : audience })).payload;
    } catch {
      return undefined;
    }
  };
}

export async function platform(routes: (state: PlatformFake) => Parameters<typeof startFake>[0], tls?: Parameters<typeof startFake>[1]): Promise<PlatformFake> {
  const state = { issued: [], revoked: new Set<string>(), faults: [] } as unknown as PlatformFake;
  Object.assign(state, await startFake(routes(state), tls));
  return state;
}

/** crates.io trusted publishing: single-use JWTs (jti), `{"errors":[{"detail"}]}`, DELETE revokes. */
export function startCrates(options: { trustedIssuer: string; audience: string; repositories: string[] }): Promise<PlatformFake> {
  const used = new Set<string>();
  return platform((state) => {
    const verify = verifier(options.trustedIssuer, options.audience, () => state.url);
    return {
    'POST /api/v1/trusted_publishing/tokens': async (req, res) => {
      if (await applyFault(state.faults.shift(), res)) return;
      const claims = await verify((JSON.parse(req.body) as { jwt?: string }).jwt ?? '');
      if (!claims) return json(res, 401, { errors: [{ detail: 'Failed to decode JWT' }] });
      if (used.has(String(claims.jti))) return json(res, 401, { errors: [{ detail: 'JWT has already been used' }] });
      used.add(String(claims.jti));
      if (!options.repositories.includes(String(claims.repository))) return json(res, 400, { errors: [{ detail: 'No matching Trusted Publishing config found' }] });
      const token = `cio${randomBytes(16).toString('hex')}`;
      state.issued.push(token);
      json(res, 200, { token });
    },
    'DELETE /api/v1/trusted_publishing/tokens': (req, res) => {
      const token = String(req.headers.authorization).replace(/^Bearer /, '');
      if (!state.issued.includes(token)) return json(res, 401, { errors: [{ detail: 'Invalid authentication token' }] });
      state.revoked.add(token);
      res.writeHead(204).end();
    },
    };
  });
}

/** An octo-sts STS (`GET /sts/exchange`, gRPC-style errors) that is also the GitHub API (`DELETE /installation/token`). */
export function startOctoSts(options: { trustedIssuer: string; audience: string; policy: string; subjects: string[] }): Promise<PlatformFake> {
  return platform((state) => {
    const verify = verifier(options.trustedIssuer, options.audience, () => state.url);
    return {
    'GET /sts/exchange': async (req, res) => {
      if (await applyFault(state.faults.shift(), res)) return;
      const identity = req.query.get('identity');
      if (identity !== options.policy) return json(res, 404, { code: 5, message: `unable to find trust policy for "${identity ?? ''}"`, details: [] });
      const claims = await verify(String(req.headers.authorization).replace(/^Bearer /, ''));
      if (!claims || !options.subjects.includes(String(claims.sub))) {
        return json(res, 403, { code: 7, message: `trust policy: subject "${String(claims?.sub)}" did not match "repo:acme/other:ref:refs/heads/main"`, details: [] });
      }
      const token = `ghs_${randomBytes(18).toString('base64url')}`;
      state.issued.push(token);
      json(res, 200, { token });
    },
    'DELETE /installation/token': (req, res) => {
      const token = String(req.headers.authorization).replace(/^Bearer /, '');
      if (!state.issued.includes(token)) return json(res, 401, { message: 'Bad credentials' });
      state.revoked.add(token);
      res.writeHead(204).end();
    },
    };
  });
}

/**
 * npm, PyPI and RubyGems trusted publishing: each verifies the OIDC token and mints a publish token.
 * `hostile` appends text to every minted token: a compromised registry shaping its answer.
 */
export function startPublishing(options: { trustedIssuer: string; repositories: string[]; pypiAudience?: string; hostile?: string }): Promise<PlatformFake> {
  const pypiAudience = options.pypiAudience ?? 'warehouse.example';
  return platform((state) => {
    const check = (audience: string) => verifier(options.trustedIssuer, audience, () => state.url);
    const mint = (prefix: string) => {
      const token = `${prefix}${randomBytes(16).toString('hex')}${options.hostile ?? ''}`;
      state.issued.push(token);
      return token;
    };
    const allowed = (claims: Record<string, unknown> | undefined) => claims !== undefined && options.repositories.includes(String(claims.repository));
    return {
      'POST /-/npm/v1/oidc/token/exchange/package/*': async (req, res) => {
        const claims = await check(`npm:${new URL(state.url).host}`)(String(req.headers.authorization).replace(/^Bearer /, ''));
        if (!allowed(claims)) return json(res, 404, { message: 'OIDC token exchange error - package not found' });
        json(res, 201, { token: mint('npm_') });
      },
      'POST /_/oidc/mint-token': async (req, res) => {
        const claims = await check(pypiAudience)((JSON.parse(req.body) as { token?: string }).token ?? '');
        if (!allowed(claims)) {
          return json(res, 422, { message: 'Token request failed', errors: [{ code: 'invalid-publisher', description: 'valid token, but no corresponding publisher (Publisher with matching claims was not found)' }] });
        }
        json(res, 200, { success: true, token: mint('pypi-'), expires: Math.floor(Date.now() / 1000) + 900 });
      },
      // An API key role, addressed by its token; an unknown one is a 404 like any missing record.
      'POST /api/v1/oidc/api_key_roles/*': async (req, res) => {
        const role = /^\/api\/v1\/oidc\/api_key_roles\/([^/]+)\/assume_role$/.exec(req.path)?.[1];
        const claims = await check('rubygems.org')((JSON.parse(req.body) as { jwt?: string }).jwt ?? '');
        if (role !== 'rg_oidc_akr_release' || !allowed(claims)) return json(res, 404, { error: 'Not Found' });
        json(res, 201, { rubygems_api_key: mint('rubygems_'), name: `GitHub Actions ${String(claims?.run_id)}`, scopes: ['push_rubygem', 'yank_rubygem'], gem: { name: 'widget' }, expires_at: new Date(Date.now() + 1_800_000).toISOString() });
      },
      'POST /api/v1/oidc/trusted_publisher/exchange_token': async (req, res) => {
        const claims = await check('rubygems.org')((JSON.parse(req.body) as { jwt?: string }).jwt ?? '');
        if (!allowed(claims)) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('No trusted publisher configured for this workflow');
          return;
        }
        json(res, 201, { rubygems_api_key: mint('rubygems_'), name: 'GitHub Actions', scopes: ['push_rubygem'], expires_at: new Date(Date.now() + 900_000).toISOString() });
      },
    };
  });
}
