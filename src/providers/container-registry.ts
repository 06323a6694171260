import { decodeJwt } from 'jose/jwt/decode';
import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { KeylessError } from '../errors.js';
import { isObject, jsonBody, parseLoose, serverText } from '../http/json.js';
import { parseEndpoint } from '../http/url.js';
import { credentialValue } from './credential-value.js';
import { dockerHubProblem, registryHostClaims } from './docker-login.js';
import type { Credential, DerivedContext, DerivedProvider, Handoff } from './types.js';

// Container registry logins built on another entry's credential (`from:`): no registry password is
// stored anywhere. GAR and GHCR take the upstream token as the password; ACR and ECR exchange it for a
// registry credential first.

export type RegistryKind = 'gar' | 'acr' | 'ecr' | 'ghcr';

/** The first login's username and password; every host, comma-separated. */
const OUTPUTS = { public: ['hosts', 'username'], secret: ['password'] } as const;

export interface RegistryConfig {
  kind: RegistryKind;
  from: string;
  /** Empty for ECR without `host`: the host is the registry GetAuthorizationToken names. */
  hosts: string[];
  endpoint?: URL;
}

const UPSTREAM: Readonly<Record<RegistryKind, string>> = { gar: 'gcp', acr: 'azure', ecr: 'aws', ghcr: 'github' };

const HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;
const HOST_SHAPES: Readonly<Record<RegistryKind, { pattern: RegExp; expected: string } | undefined>> = {
  gar: { pattern: /(^|[.-])docker\.pkg\.dev$|(^|\.)gcr\.io$/, expected: 'an Artifact Registry host such as us-docker.pkg.dev (or gcr.io)' },
  acr: { pattern: /^[a-z0-9]{5,50}\.azurecr\.(io|cn|us)$/, expected: 'a registry login server such as myregistry.azurecr.io' },
  ecr: { pattern: /^(\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?|public\.ecr\.aws)$/, expected: 'ACCOUNT.dkr.ecr.REGION.amazonaws.com or public.ecr.aws' },
  ghcr: undefined,
};

/** ACR's documented username for a login with a refresh token from /oauth2/exchange. */
export const ACR_TOKEN_USERNAME = '00000000-0000-0000-0000-000000000000';

function read(fields: FieldReader): RegistryConfig | undefined {
  const kind = fields.string('kind', { required: true, pattern: /^(gar|acr|ecr|ghcr)$/, expected: 'gar, acr, ecr or ghcr' }) as RegistryKind | undefined;
  const from = fields.string('from', { required: true, expected: `the id of the ${kind ? UPSTREAM[kind] : 'gcp, azure, aws or github'} entry whose credential logs in` });
  const hosts = fields.strings('host') ?? [];
  const endpoint = fields.url('endpoint');
  if (kind === undefined || from === undefined) return undefined;
  hosts.forEach((host, i) => {
    const problem = hosts.indexOf(host) < i ? `repeats ${host}` : hostProblem(kind, host);
    if (problem) fields.report('host', `item ${i + 1} ${problem}`);
  });
  if (hosts.length === 0 && (kind === 'gar' || kind === 'acr')) fields.report('host', `is required for kind ${kind}: ${HOST_SHAPES[kind]?.expected ?? ''}`);
  if (new Set(hosts.map((host) => host.startsWith('public.'))).size > 1) fields.report('host', 'public.ecr.aws and private ECR registries need one entry each');
  if (endpoint && (kind === 'gar' || kind === 'ghcr')) fields.report('endpoint', `applies to acr and ecr only; a ${kind} login needs no exchange`);
  return { kind, from, hosts, ...(endpoint ? { endpoint } : {}) };
}

function hostProblem(kind: RegistryKind, host: string): string | undefined {
  const shape = HOST_SHAPES[kind];
  if (!HOST.test(host)) return 'is not a registry host (a name and optional port, no scheme or path)';
  if (shape && !shape.pattern.test(host)) return `is not ${shape.expected}`;
  return dockerHubProblem(host, 'GitHub token');
}

interface Login {
  host: string;
  username: string;
  password: string;
  expiresAt?: string;
  endpoint?: string;
  attempts: number;
}

async function exchange(config: RegistryConfig, ctx: DerivedContext): Promise<Credential<typeof OUTPUTS>> {
  const logins = await loginsFor(config, ctx.upstream, ctx);
  const auths: Record<string, { auth: string }> = {};
  for (const login of logins) {
    // Docker's `auth` field; its base64 form would slip past a mask of the password alone.
    const auth = Buffer.from(`${login.username}:${login.password}`).toString('base64');
    ctx.mask(login.password);
    ctx.mask(auth);
    auths[login.host] = { auth };
  }
  const [first] = logins as [Login, ...Login[]];
  const expiries = logins.flatMap((login) => (login.expiresAt ? [login.expiresAt] : [])).sort();
  const hosts = logins.map((login) => login.host);
  return {
    env: {},
    files: [{ env: 'DOCKER_CONFIG', name: 'docker/config.json', format: 'docker-config', content: JSON.stringify({ auths }) }],
    secretOutputs: { password: first.password },
    // The username is public knowledge (oauth2accesstoken, AWS): masking it would blank it all over the log.
    publicOutputs: { hosts: hosts.join(','), username: first.username },
    info: {
      principal: `${first.username} at ${hosts.join(', ')}`,
      ...(expiries[0] ? { expiresAt: expiries[0] } : {}),
      tokenType: `${config.kind.toUpperCase()} login (docker config)`,
      endpoint: first.endpoint ?? hosts.join(', '),
      attempts: Math.max(...logins.map((login) => login.attempts)),
      fingerprint: await fingerprint(first.password),
    },
    irrevocable: IRREVOCABLE[config.kind],
  };
}

const IRREVOCABLE: Readonly<Record<RegistryKind, string>> = {
  gar: 'the docker config is deleted; the access token in it is the gcp entry\'s, revoked with it',
  ghcr: 'the docker config is deleted; the token in it is the github entry\'s, revoked with it',
  acr: 'ACR refresh tokens cannot be revoked; the docker config is deleted and the token expires on its own (3 hours)',
  ecr: 'ECR authorization tokens cannot be revoked; the docker config is deleted and the token expires on its own (12 hours)',
};

async function loginsFor(config: RegistryConfig, upstream: Handoff, ctx: DerivedContext): Promise<Login[]> {
  if (config.kind === 'ecr') {
    if (upstream.kind !== 'aws') throw mismatch(config, upstream);
    const { ecrLogins } = await import('./ecr.js');
    return ecrLogins(config, upstream, ctx);
  }
  if (upstream.kind !== 'bearer' || upstream.provider !== UPSTREAM[config.kind]) throw mismatch(config, upstream);
  if (config.kind === 'acr') return Promise.all(config.hosts.map((host) => acrLogin(host, upstream.token, upstream.tenant, config, ctx)));
  // GHCR takes any username with a token; x-access-token is the convention for GitHub App tokens.
  const username = config.kind === 'gar' ? 'oauth2accesstoken' : 'x-access-token';
  const hosts = config.hosts.length > 0 ? config.hosts : [packagesHost(ctx.env.GITHUB_SERVER_URL)];
  return hosts.map((host) => ({ host, username, password: upstream.token, ...(upstream.expiresAt ? { expiresAt: upstream.expiresAt } : {}), attempts: 0 }));
}

/**
 * The hosts an entry logs in to, as its settings name them. A ghcr entry without `host` logs in to this
 * job's GitHub container registry, which the settings cannot name (GITHUB_SERVER_URL decides it): it, and
 * a ghcr entry naming ghcr.io or a `containers.` host, take one name for it.
 */
function claimedHosts(config: RegistryConfig): string[] {
  if (config.kind !== 'ghcr') return config.hosts;
  const packages = "this job's GitHub container registry";
  if (config.hosts.length === 0) return [packages];
  return config.hosts.flatMap((host) => (host === 'ghcr.io' || host.startsWith('containers.') ? [host, packages] : [host]));
}

/** This job's GitHub container registry: ghcr.io, or `containers.<host>` on GHES and GHE.com. */
function packagesHost(server: string | undefined): string {
  const host = server ? new URL(server).host : 'github.com';
  return host === 'github.com' ? 'ghcr.io' : `containers.${host}`;
}

function mismatch(config: RegistryConfig, upstream: Handoff): KeylessError {
  const got = upstream.kind === 'aws' ? 'aws' : upstream.provider;
  return new KeylessError('INPUT_INVALID', `kind ${config.kind} needs a ${UPSTREAM[config.kind]} entry in from:, and "${config.from}" is ${got}`);
}

/** ACR's own token service: an Entra ID access token in, a registry refresh token out. */
async function acrLogin(host: string, aadToken: string, tenant: string | undefined, config: RegistryConfig, ctx: DerivedContext): Promise<Login> {
  const base = config.endpoint ?? parseEndpoint(`https://${host}`, 'registry');
  const url = new URL('/oauth2/exchange', base);
  const form = new URLSearchParams({ grant_type: 'access_token', service: host, access_token: aadToken, ...(tenant ? { tenant } : {}) });
  const response = await ctx.http.request({
    method: 'POST',
    url,
    what: 'ACR token exchange',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  const where = `ACR token exchange ${url.origin}${url.pathname}`;
  if (response.status !== 200) {
    const said = acrErrors(response.body);
    const denied = response.status === 401 || response.status === 403;
    throw new KeylessError(denied ? 'EXCHANGE_DENIED' : 'EXCHANGE_FAILED', `${where} answered HTTP ${response.status}${said ? `: ${said}` : ''}`, {
      hint: denied
        ? `give the azure entry's app registration a role on ${host} that allows pull or push (AcrPull, AcrPush), and keep its scope at https://management.azure.com/.default`
        : 'check host: it must be the registry login server (NAME.azurecr.io)',
    });
  }
  const body = jsonBody(response, where);
  const token = credentialValue(isObject(body) ? body.refresh_token : undefined, 'a refresh_token', where);
  ctx.mask(token);
  const exp = expiryOf(token);
  return { host, username: ACR_TOKEN_USERNAME, password: token, ...(exp ? { expiresAt: exp } : {}), endpoint: `${url.origin}${url.pathname}`, attempts: response.attempts };
}

/** The registry's `{"errors": [{"code", "message"}]}` (the distribution spec's error body). */
export function acrErrors(text: string): string | undefined {
  const body = parseLoose(text);
  const errors: unknown[] = isObject(body) && Array.isArray(body.errors) ? body.errors : [];
  const said = errors.flatMap((e) => (isObject(e) ? [[serverText(e.code, 60), serverText(e.message)].filter(Boolean).join(' ')] : []));
  return said.length > 0 ? said.join('; ') : serverText(text);
}

function expiryOf(jwt: string): string | undefined {
  try {
    const { exp } = decodeJwt(jwt);
    return typeof exp === 'number' ? new Date(exp * 1000).toISOString() : undefined;
  } catch {
    return undefined;
  }
}

export const containerRegistry: DerivedProvider<RegistryConfig, typeof OUTPUTS> = {
  name: 'registry',
  outputs: OUTPUTS,
  derived: true,
  read,
  upstream: (config) => ({ id: config.from, providers: [UPSTREAM[config.kind]] }),
  exchange,
  exclusive: (config, places) => registryHostClaims(claimedHosts(config), places, 'host'),
};
