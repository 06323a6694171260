import { randomBytes } from 'node:crypto';
import type { ServerOptions } from 'node:https';
import { applyFault, type Fault, json } from './http-fake.js';
import { platform, type PlatformFake, verifier } from './platforms.js';

// HashiCorp Vault as Keyless meets it: JWT auth (POST /v1/auth/<path>/login), secret reads
// (GET /v1/<path> with X-Vault-Token) and auth/token/revoke-self, with Vault's error bodies
// (`{"errors": [...]}`: an empty list for a missing secret, "permission denied" for a policy that does not
// allow the path or a token Vault does not know). Optionally over https with client certificates, and
// behind a gateway that wants its own headers.

export interface VaultFake extends PlatformFake {
  /** The Vault tokens it issued, in order (`issued` also holds every secret string it served). */
  tokens: string[];
  /** Faults for the next secret reads, one per read. */
  readFaults: Fault[];
}

export interface VaultOptions {
  trustedIssuer: string;
  audience: string;
  role: string;
  subjects: string[];
  path?: string;
  /** Answers by API path after /v1/ (build them with kv1/kv2, or write another engine's answer). */
  secrets?: Record<string, unknown>;
  /** The paths the role's policies let it read; every path when absent. */
  readable?: string[];
  /** Headers a gateway in front of Vault requires on every request. */
  gateway?: Record<string, string>;
  /** Every secret read waits this long: concurrent reads overlap. */
  readDelayMs?: number;
  tls?: ServerOptions;
}

/** A KV v2 read: the secret under data.data, with its metadata. */
export function kv2(data: Record<string, unknown>, version = 1): unknown {
  return { request_id: 'r2', lease_id: '', renewable: false, lease_duration: 0, data: { data, metadata: { created_time: '2024-05-01T10:00:00.000000Z', custom_metadata: null, deletion_time: '', destroyed: false, version } }, wrap_info: null, warnings: null, auth: null };
}

/** A KV v1 read (and the shape of cubbyhole and most engines): the secret under data. */
export function kv1(data: Record<string, unknown>): unknown {
  return { request_id: 'r1', lease_id: '', renewable: false, lease_duration: 2764800, data, wrap_info: null, warnings: null, auth: null };
}

/** Every string of at least 8 characters under `data` but metadata: what a leak scan must never find in the log. */
function secretStrings(value: unknown, key = ''): string[] {
  if (key === 'metadata') return [];
  if (typeof value === 'string') return value.length >= 8 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => secretStrings(v));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => secretStrings(v, k));
  return [];
}

export async function startVault(options: VaultOptions): Promise<VaultFake> {
  const tokens: string[] = [];
  const readFaults: Fault[] = [];
  const fake = await platform((state) => {
    const verify = verifier(options.trustedIssuer, options.audience, () => state.url);
    const known = (token: unknown) => typeof token === 'string' && tokens.includes(token) && !state.revoked.has(token);
    const gatewayRefuses = (headers: Record<string, string | string[] | undefined>) => Object.entries(options.gateway ?? {}).some(([name, value]) => headers[name.toLowerCase()] !== value);
    const refuse = (res: Parameters<typeof json>[0]) => {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('gateway: missing or wrong credentials');
    };
    return {
      [`POST /v1/auth/${options.path ?? 'jwt'}/login`]: async (req, res) => {
        if (gatewayRefuses(req.headers)) return refuse(res);
        if (await applyFault(state.faults.shift(), res)) return;
        const { jwt, role } = JSON.parse(req.body) as { jwt?: string; role?: string };
        if (role !== options.role) return json(res, 400, { errors: [`role "${role ?? ''}" could not be found`] });
        const claims = await verify(jwt ?? '');
        if (!claims) return json(res, 400, { errors: ['error validating token: invalid audience (aud) claim'] });
        if (!options.subjects.includes(String(claims.sub))) return json(res, 400, { errors: ['error validating claims: claim "sub" does not match any associated bound claim values'] });
        const token = `hvs.${randomBytes(18).toString('base64url')}`;
        tokens.push(token);
        state.issued.push(token);
        json(res, 200, { auth: { client_token: token, accessor: 'acc', policies: ['default', 'deploy'], token_policies: ['default', 'deploy'], lease_duration: 900, renewable: true } });
      },
      'POST /v1/auth/token/revoke-self': (req, res) => {
        if (gatewayRefuses(req.headers)) return refuse(res);
        const token = req.headers['x-vault-token'];
        if (!known(token)) return json(res, 403, { errors: ['permission denied'] });
        state.revoked.add(String(token));
        res.writeHead(204).end();
      },
      'GET /v1/*': async (req, res) => {
        if (gatewayRefuses(req.headers)) return refuse(res);
        if (await applyFault(readFaults.shift(), res)) return;
        if (options.readDelayMs) await new Promise((resolve) => setTimeout(resolve, options.readDelayMs));
        const path = decodeURIComponent(req.path.slice('/v1/'.length));
        if (!known(req.headers['x-vault-token'])) return json(res, 403, { errors: ['permission denied'] });
        if (options.readable && !options.readable.includes(path)) return json(res, 403, { errors: ['1 error occurred:\n\t* permission denied\n\n'] });
        const answer = options.secrets?.[path];
        if (answer === undefined) return json(res, 404, { errors: [] });
        state.issued.push(...secretStrings((answer as { data?: unknown }).data));
        json(res, 200, answer);
      },
    };
  }, options.tls);
  return Object.assign(fake, { tokens, readFaults });
}
