import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { isObject } from '../http/json.js';
import { callJson } from './json-endpoint.js';
import type { Credential, ExchangeContext, Provider, RevokeContext, RevokeHandle, RevokeResult } from './types.js';
import { credentialValue } from './credential-value.js';

// HashiCorp Vault / OpenBao JWT auth: POST /v1/auth/<path>/login {jwt, role}; the token is revoked at job
// end with auth/token/revoke-self, which no peer action does.

const OUTPUTS = { public: ['expires-at'], secret: ['token'] } as const;

export interface VaultConfig {
  url: URL;
  role: string;
  path: string;
  namespace?: string;
}

function read(fields: FieldReader): VaultConfig | undefined {
  const url = fields.url('url', { required: true });
  const role = fields.string('role', { required: true });
  const path = fields.string('path', { pattern: /^[\w-]+(\/[\w-]+)*$/, expected: 'an auth mount path such as jwt' }) ?? 'jwt';
  const namespace = fields.string('namespace', { pattern: /^[\w-]+(\/[\w-]+)*\/?$/, expected: 'a namespace such as admin/ci' });
  if (url === undefined || role === undefined) return undefined;
  return { url, role, path, ...(namespace ? { namespace } : {}) };
}

const vaultErrors = (body: unknown) => (isObject(body) && Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string').join('; ') : undefined);

async function exchange(config: VaultConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const url = new URL(`v1/auth/${config.path}/login`, withSlash(config.url));
  const namespace = config.namespace ? { 'x-vault-namespace': config.namespace } : {};
  const { body, response } = await callJson({
    http: ctx.http,
    method: 'POST',
    url,
    what: 'Vault',
    headers: namespace,
    body: { jwt: ctx.idToken.jwt, role: config.role },
    describe: vaultErrors,
    denied: [400, 403],
    deniedHint: "compare the role's bound_audiences, bound_subject and bound_claims with these claims (Vault ≥ 1.16.3 requires bound_audiences)",
    idToken: ctx.idToken,
  });
  const auth = isObject(body.auth) ? body.auth : undefined;
  const token = credentialValue(auth?.client_token, 'auth.client_token', `Vault login at ${url.origin}`);
  ctx.mask(token);
  const lease = typeof auth?.lease_duration === 'number' && auth.lease_duration > 0 ? auth.lease_duration : undefined;
  const expiresAt = lease ? new Date(ctx.now() + lease * 1000).toISOString() : undefined;
  const policies = Array.isArray(auth?.policies) ? auth.policies.filter((p) => typeof p === 'string').join(', ') : '';
  return {
    env: { VAULT_TOKEN: token },
    publicEnv: { VAULT_ADDR: config.url.href.replace(/\/$/, ''), ...(config.namespace ? { VAULT_NAMESPACE: config.namespace } : {}) },
    secretOutputs: { token },
    publicOutputs: expiresAt ? { 'expires-at': expiresAt } : {},
    info: {
      principal: `role ${config.role}${policies ? ` (policies ${policies})` : ''}`,
      ...(policies ? { scope: policies } : {}),
      ...(expiresAt ? { expiresAt } : {}),
      tokenType: 'Vault token',
      endpoint: `${url.origin}${url.pathname}`,
      attempts: response.attempts,
      fingerprint: await fingerprint(token),
    },
    revoke: { endpoint: config.url.href, token, ...(config.namespace ? { namespace: config.namespace } : {}) },
  };
}

async function revoke(handle: RevokeHandle, ctx: RevokeContext): Promise<RevokeResult> {
  const { endpoint, token, namespace } = handle;
  await callJson({
    http: ctx.http,
    method: 'POST',
    url: new URL('v1/auth/token/revoke-self', withSlash(new URL(endpoint))),
    what: 'Vault revoke-self',
    headers: { 'x-vault-token': token, ...(namespace ? { 'x-vault-namespace': namespace } : {}) },
    describe: vaultErrors,
    deniedHint: 'the token had already expired or been revoked',
  });
  return { status: 'revoked' };
}

function withSlash(url: URL): URL {
  return new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
}

export const vault: Provider<VaultConfig, typeof OUTPUTS> = {
  name: 'vault',
  outputs: OUTPUTS,
  read,
  defaultAudience: (config) => config.url.origin,
  exchange,
  revoke,
};
