import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT } from 'jose';
import { applyFault, json } from './http-fake.js';
import { platform, type PlatformFake } from './platforms.js';

export interface QuayOptions {
  trustedIssuer: string;
  /** Each robot's federation entries, as Set robot federation saves them: issuer and subject, matched exactly. */
  robots: Record<string, { issuer: string; subject: string }[]>;
  /** Answer this body with 200 instead of a token: a hostile or broken instance. */
  answer?: unknown;
}

export interface QuayFake extends PlatformFake {
  /** The Authorization header of each federation request, as it arrived. */
  authorizations: string[];
}

/**
 * Quay's robot federation (`GET /oauth2/federation/robot/token`), as endpoints/oauth and auth/federated in
 * quay/quay implement it: Basic auth with the robot's username and the OIDC token as password; the token's
 * issuer must be one a federation entry of that robot names, its signature must verify against that
 * issuer's keys (the audience is not checked), and its `sub` must equal that entry's subject. Success is
 * `{"token"}`, a temporary robot JWT of one hour; every refusal `{"error"}` with 401.
 */
export async function startQuay(options: QuayOptions): Promise<QuayFake> {
  const jwks = createRemoteJWKSet(new URL(`${options.trustedIssuer}/.well-known/jwks`));
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const authorizations: string[] = [];
  const refuse = (res: Parameters<typeof json>[0], error: string) => { json(res, 401, { error }); };
  const fake = (await platform((state) => ({
    'GET /oauth2/federation/robot/token': async (req, res) => {
      if (await applyFault(state.faults.shift(), res)) return;
      const header = req.headers.authorization ?? '';
      authorizations.push(header);
      const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
      if (!basic?.[1]) return refuse(res, 'missing auth');
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const [username, federated] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
      if (colon < 0 || !username.includes('+')) return refuse(res, 'Invalid robot');
      const entries = options.robots[username];
      if (!entries || entries.length === 0) return refuse(res, 'Robot does not have federated login configured');
      let claims: Record<string, unknown>;
      try {
        ({ payload: claims } = await jwtVerify(federated, jwks, { issuer: options.trustedIssuer }));
      } catch (error) {
        return refuse(res, `Invalid token: ${error instanceof Error ? error.message : 'unverifiable'}`);
      }
      const subjects = entries.filter((entry) => entry.issuer === claims.iss).map((entry) => entry.subject);
      if (subjects.length === 0) return refuse(res, `issuer ${String(claims.iss)} not configured for this robot`);
      if (!subjects.includes(String(claims.sub))) return refuse(res, 'Token does not match robot');
      if (options.answer !== undefined) return json(res, 200, options.answer);
      const token = await new SignJWT({ context: { kind: 'robot_federated', robot: username } })
        .setProtectedHeader({ alg: 'ES256', kid: 'quay-instance' })
        .setIssuer('quay')
        .setSubject(username)
        .setAudience(new URL(state.url).host)
        .setIssuedAt()
        .setExpirationTime('1h')
        .setJti(randomUUID())
        .sign(privateKey);
      state.issued.push(token);
      json(res, 200, { token });
    },
  }))) as QuayFake;
  fake.authorizations = authorizations;
  return fake;
}
