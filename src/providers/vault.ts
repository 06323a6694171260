import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { isObject, serverText } from '../http/json.js';
import { maskableLines } from '../runner/mask.js';
import { callJson } from './json-endpoint.js';
import type { Credential, ExchangeContext, ExclusiveClaim, Provider, RevokeContext, RevokeHandle, RevokeResult, VariablePlaces } from './types.js';
import { credentialValue, expiresAfter } from './credential-value.js';
import { type SecretsRead, readSecrets } from './vault-secrets.js';
import { type Encoding, ENCODINGS, readSecretRequests, type SecretRequest } from './vault-secrets-config.js';
import { readTransport, type VaultTransport } from './vault-transport.js';
import { variableClaims } from './variable-claims.js';

// HashiCorp Vault / OpenBao JWT auth: POST /v1/auth/<path>/login {jwt, role}, then the entry's secrets read
// with that token (vault-action's main job). The token is revoked at job end with auth/token/revoke-self,
// which no peer action does; Vault revokes the leases of dynamic secrets read with it at the same time.

const OUTPUTS = { public: ['expires-at'], secret: ['token'], named: '<NAME>' } as const;

export interface VaultConfig {
  url: URL;
  role: string;
  path: string;
  namespace?: string;
  secrets: readonly SecretRequest[];
  /** Hand out the Vault token itself (VAULT_TOKEN, `<id>-token`), besides the secrets. */
  exportToken: boolean;
  ignoreNotFound: boolean;
  encoding?: Encoding;
  transport: VaultTransport;
}

function read(fields: FieldReader): VaultConfig | undefined {
  const url = fields.url('url', { required: true });
  const role = fields.string('role', { required: true });
  const path = fields.string('path', { pattern: /^[\w-]+(\/[\w-]+)*$/, expected: 'an auth mount path such as jwt' }) ?? 'jwt';
  const namespace = fields.string('namespace', { pattern: /^[\w-]+(\/[\w-]+)*\/?$/, expected: 'a namespace such as admin/ci' });
  const secrets = readSecretRequests(fields);
  // vault-action hands out the secrets, not the token, unless asked; an entry without secrets is for its token.
  const exportToken = fields.boolean('export-token', secrets === undefined);
  const ignoreNotFound = fields.boolean('ignore-not-found', false);
  const encoding = fields.string('secret-encoding-type', { pattern: /^(base64|hex|utf8)$/, expected: `one of ${ENCODINGS.join(', ')}` }) as Encoding | undefined;
  const transport = readTransport(fields, url);
  if (secrets === undefined) {
    if (!exportToken) fields.report('export-token', 'is false and the entry reads no secrets, so it would hand out nothing; add secrets, or drop export-token');
    for (const key of ['ignore-not-found', 'secret-encoding-type']) if (fields.has(key)) fields.report(key, 'applies to secrets, and this entry reads none');
  }
  if (url === undefined || role === undefined) return undefined;
  return {
    url,
    role,
    path,
    ...(namespace ? { namespace } : {}),
    secrets: secrets ?? [],
    exportToken,
    ignoreNotFound,
    ...(encoding ? { encoding } : {}),
    transport,
  };
}

/** Vault's `errors`; else the text of an answer that is not Vault's (a gateway in front of it refusing the request). */
const vaultErrors = (body: unknown, text: string) =>
  isObject(body) && Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string').join('; ') : serverText(text, 200);

/** What a login yields: the token, how to revoke it, and what the audit says about it. */
interface Login {
  token: string;
  handle: RevokeHandle;
  policies: string;
  expiresAt?: string;
  endpoint: string;
  attempts: number;
  /** The headers every secret read sends: the token, the namespace and the entry's extra headers. */
  readHeaders: Record<string, string>;
}

async function exchange(config: VaultConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  for (const line of maskableLines(config.transport.tls?.key ?? '')) ctx.mask(line);
  const login = await logIn(config, ctx);
  const secrets = await readAll(config, ctx, login);
  const { token, expiresAt, policies } = login;
  const { values } = secrets;
  const tokenEnv = config.exportToken ? { VAULT_TOKEN: token } : {};
  const publicEnv = { VAULT_ADDR: config.url.href.replace(/\/$/, ''), ...(config.namespace ? { VAULT_NAMESPACE: config.namespace } : {}) };
  return {
    env: { ...values, ...tokenEnv },
    ...(config.exportToken ? { publicEnv } : {}),
    secretOutputs: { ...values, ...(config.exportToken ? { token } : {}) },
    publicOutputs: expiresAt ? { 'expires-at': expiresAt } : {},
    info: {
      principal: `role ${config.role}${policies ? ` (policies ${policies})` : ''}`,
      ...(policies ? { scope: policies } : {}),
      ...(expiresAt ? { expiresAt } : {}),
      tokenType: config.secrets.length > 0 ? `Vault token and ${Object.keys(values).length} secret(s)` : 'Vault token',
      endpoint: login.endpoint,
      attempts: login.attempts,
      fingerprint: await fingerprint(token),
      ...(config.secrets.length > 0 ? { secrets: secrets.reads } : {}),
    },
    revoke: login.handle,
    ...(secrets.notices.length > 0 ? { notices: secrets.notices } : {}),
  };
}

async function logIn(config: VaultConfig, ctx: ExchangeContext): Promise<Login> {
  const { tls, headers } = config.transport;
  const url = new URL(`v1/auth/${config.path}/login`, withSlash(config.url));
  const namespace = config.namespace ? { 'x-vault-namespace': config.namespace } : {};
  const { body, response } = await callJson({
    http: ctx.http,
    method: 'POST',
    url,
    what: 'Vault',
    headers: { ...headers, ...namespace },
    body: { jwt: ctx.idToken.jwt, role: config.role },
    describe: vaultErrors,
    denied: [400, 403],
    deniedHint: "compare the role's bound_audiences, bound_subject and bound_claims with these claims (Vault ≥ 1.16.3 requires bound_audiences)",
    idToken: ctx.idToken,
    ...(tls ? { tls } : {}),
  });
  const auth = isObject(body.auth) ? body.auth : undefined;
  const token = credentialValue(auth?.client_token, 'auth.client_token', `Vault login at ${url.origin}`);
  ctx.mask(token);
  const lease = typeof auth?.lease_duration === 'number' && auth.lease_duration > 0 ? auth.lease_duration : undefined;
  return {
    token,
    handle: { endpoint: config.url.href, token, ...(config.namespace ? { namespace: config.namespace } : {}), ...(tls ? { tls } : {}), ...(Object.keys(headers).length > 0 ? { headers } : {}) },
    policies: Array.isArray(auth?.policies) ? auth.policies.filter((p) => typeof p === 'string').join(', ') : '',
    ...(lease ? { expiresAt: expiresAfter(ctx.now(), lease) } : {}),
    endpoint: `${url.origin}${url.pathname}`,
    attempts: response.attempts,
    readHeaders: { ...headers, ...namespace, 'x-vault-token': token },
  };
}

/**
 * The entry's secrets, read with the new token. The token is not handed out when a read fails, and the
 * post step only learns of credentials an exchange returned, so it is revoked here and now.
 */
async function readAll(config: VaultConfig, ctx: ExchangeContext, login: Login): Promise<SecretsRead> {
  if (config.secrets.length === 0) return { values: {}, reads: [], notices: [] };
  const { tls } = config.transport;
  try {
    return await readSecrets(config.secrets, {
      http: ctx.http,
      base: withSlash(config.url),
      headers: login.readHeaders,
      policies: login.policies,
      ignoreNotFound: config.ignoreNotFound,
      mask: (secret) => { ctx.mask(secret); },
      ...(tls ? { tls } : {}),
      ...(config.encoding ? { encoding: config.encoding } : {}),
    });
  } catch (error) {
    await revoke(login.handle, { http: ctx.http }).catch(() => undefined);
    throw error;
  }
}

export async function revoke(handle: RevokeHandle, ctx: RevokeContext): Promise<RevokeResult> {
  const { endpoint, token, namespace, tls, headers } = handle;
  await callJson({
    http: ctx.http,
    method: 'POST',
    url: new URL('v1/auth/token/revoke-self', withSlash(new URL(endpoint))),
    what: 'Vault revoke-self',
    headers: { ...headers, 'x-vault-token': token, ...(namespace ? { 'x-vault-namespace': namespace } : {}) },
    describe: vaultErrors,
    deniedHint: 'the token had already expired or been revoked',
    ...(tls ? { tls } : {}),
    undo: true,
  });
  return { status: 'revoked' };
}

function withSlash(url: URL): URL {
  return new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
}

/**
 * The token's variables (VAULT_ADDR goes with it to env only: export: file writes the token alone) and each
 * secret's written name. The names a `*` or `**` makes are known only after the read, and checked then.
 */
function exclusive(config: VaultConfig, places: VariablePlaces): ExclusiveClaim[] {
  const token = config.exportToken ? [...places].flatMap((place) => variableClaims(place === 'env' ? ['VAULT_TOKEN', 'VAULT_ADDR'] : ['VAULT_TOKEN'], new Set([place]), 'set export-token: false on all but one')) : [];
  const named = config.secrets.filter((request) => request.pick.kind !== 'all');
  return [...token, ...named.flatMap((request) => variableClaims([request.name], places, 'give the secret another name in one of them'))];
}

export const vault: Provider<VaultConfig, typeof OUTPUTS> = {
  name: 'vault',
  outputs: OUTPUTS,
  read,
  defaultAudience: (config) => config.url.origin,
  exchange,
  revoke,
  exclusive,
};
