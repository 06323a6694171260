import { KeylessError } from '../errors.js';
import type { HttpResponse } from '../http/client.js';
import { isObject, jsonBody, parseLoose, serverText } from '../http/json.js';
import { parseEndpoint } from '../http/url.js';
import type { RegistryConfig } from './container-registry.js';
import { BASE64, credentialValue, type ValueShape } from './credential-value.js';
import type { DerivedContext, Handoff } from './types.js';

// Amazon ECR's GetAuthorizationToken over the JSON 1.1 protocol, signed with SigV4 (src/providers/sigv4.ts;
// aws4fetch's WebCrypto and Headers would load Node's bundled undici, ~20 ms). Loaded only for ECR entries.

type AwsKeys = Extract<Handoff, { kind: 'aws' }>;

interface Api {
  url: URL;
  service: 'ecr' | 'ecr-public';
  region: string;
  target: string;
  body: Record<string, unknown>;
  /** The hosts asked for, by account id (private) or the one public host. */
  hosts: Map<string, string>;
}

const PRIVATE_HOST = /^(\d{12})\.dkr\.ecr(-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;
const PUBLIC_HOST = 'public.ecr.aws';
// ECR's user is `AWS`; the docker config's `auth` is base64 of `user:password`, so the user holds no colon.
const USERNAME: ValueShape = { pattern: /^[\w.@-]{1,64}$/, expected: 'a user name of [A-Za-z0-9_.@-]' };

export async function ecrLogins(config: RegistryConfig, keys: AwsKeys, ctx: DerivedContext) {
  const logins = await Promise.all(apisFor(config, keys, ctx.env).map((api) => call(api, keys, ctx)));
  return logins.flat();
}

/** One call per region: GetAuthorizationToken takes several registry ids, but one region. */
function apisFor(config: RegistryConfig, keys: AwsKeys, env: DerivedContext['env']): Api[] {
  if (config.hosts.includes(PUBLIC_HOST)) {
    // ECR Public's API lives in us-east-1 only, whatever region the registry is used from.
    const url = config.endpoint ?? endpoint(env.AWS_ENDPOINT_URL_ECR_PUBLIC, 'AWS_ENDPOINT_URL_ECR_PUBLIC') ?? new URL('https://api.ecr-public.us-east-1.amazonaws.com/');
    return [{ url, service: 'ecr-public', region: 'us-east-1', target: 'SpencerFrontendService.GetAuthorizationToken', body: {}, hosts: new Map([['', PUBLIC_HOST]]) }];
  }
  const byRegion = new Map<string, { fips: boolean; cn: boolean; hosts: Map<string, string> }>();
  for (const host of config.hosts) {
    const [, account = '', fips, region = keys.region, cn] = PRIVATE_HOST.exec(host) ?? [];
    const group = byRegion.get(region) ?? { fips: fips !== undefined, cn: cn !== undefined, hosts: new Map<string, string>() };
    group.hosts.set(account, host);
    byRegion.set(region, group);
  }
  if (byRegion.size === 0) byRegion.set(keys.region, { fips: false, cn: keys.region.startsWith('cn-'), hosts: new Map() });
  return [...byRegion].map(([region, group]) => {
    const domain = group.cn ? 'amazonaws.com.cn' : 'amazonaws.com';
    const url =
      config.endpoint ?? endpoint(env.AWS_ENDPOINT_URL_ECR, 'AWS_ENDPOINT_URL_ECR') ?? new URL(`https://${group.fips ? 'ecr-fips' : 'api.ecr'}.${region}.${domain}/`);
    const ids = [...group.hosts.keys()];
    return { url, service: 'ecr', region, target: 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken', body: ids.length > 0 ? { registryIds: ids } : {}, hosts: group.hosts };
  });
}

function endpoint(value: string | undefined, what: string): URL | undefined {
  return value ? parseEndpoint(value, what) : undefined;
}

async function call(api: Api, keys: AwsKeys, ctx: DerivedContext) {
  const payload = JSON.stringify(api.body);
  const signable = { url: api.url, service: api.service, region: api.region, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': api.target }, body: payload };
  // Loaded as STS loads it, so the bundle holds one chunk with aws4 instead of a copy in each.
  const { sigv4Headers } = await import('./sigv4.js');
  const headers = { ...sigv4Headers(signable, keys), accept: 'application/json' };
  const response = await ctx.http.request({
    method: 'POST',
    url: api.url,
    what: 'Amazon ECR',
    headers,
    body: payload,
    retryOn: (r) => r.status === 400 && /Throttling/.test(awsError(r.body)?.type ?? ''),
  });
  const where = `Amazon ECR ${api.url.origin}${api.url.pathname}`;
  if (response.status !== 200) throw ecrError(response, where, api);
  const body = jsonBody(response, where);
  const raw = isObject(body) ? body.authorizationData : undefined;
  const items: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const logins = items.map((item) => readAuthorization(item, api, where, ctx));
  if (logins.length === 0) throw new KeylessError('HTTP_BAD_RESPONSE', `${where} answered without authorizationData`);
  // Each token becomes a docker login for its host: one for a registry not asked for would send it there.
  const unasked = api.hosts.size > 0 ? logins.find((login) => !api.hosts.has(login.account)) : logins[1];
  if (unasked !== undefined) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${where} answered a token for ${unasked.host}, which was not asked for (${[...api.hosts.values()].join(', ') || "the role's own registry"}); no login was written`, {
      hint: 'endpoint (or AWS_ENDPOINT_URL_ECR) must point at Amazon ECR',
    });
  }
  for (const account of api.hosts.keys()) {
    if (!logins.some((login) => login.account === account)) throw new KeylessError('HTTP_BAD_RESPONSE', `${where} returned no token for ${api.hosts.get(account) ?? account}`);
  }
  const signedAt = `${api.url.origin}${api.url.pathname}`;
  return logins.map((login) => ({ host: login.host, username: login.username, password: login.password, ...(login.expiresAt ? { expiresAt: login.expiresAt } : {}), endpoint: signedAt, attempts: response.attempts }));
}

function readAuthorization(item: unknown, api: Api, where: string, ctx: DerivedContext) {
  const encoded = credentialValue(isObject(item) ? item.authorizationToken : undefined, 'an authorizationToken', where, BASE64);
  ctx.mask(encoded);
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new KeylessError('HTTP_BAD_RESPONSE', `${where} answered with an authorizationToken that is not base64 of user:password`);
  const username = credentialValue(decoded.slice(0, colon), 'an authorizationToken user', where, USERNAME);
  const password = credentialValue(decoded.slice(colon + 1), 'an authorizationToken password', where);
  ctx.mask(password);
  const proxyHost = proxyHostOf(isObject(item) ? item.proxyEndpoint : undefined, where);
  const account = api.service === 'ecr-public' ? '' : (PRIVATE_HOST.exec(proxyHost)?.[1] ?? '');
  const expires = isObject(item) ? item.expiresAt : undefined;
  return {
    account,
    host: api.hosts.get(account) ?? proxyHost,
    username,
    password,
    ...(typeof expires === 'number' ? { expiresAt: new Date(expires * 1000).toISOString() } : {}),
  };
}

/** The registry host a token is for: it keys the docker config's `auths`, so only an ECR host is taken. */
function proxyHostOf(endpoint: unknown, where: string): string {
  if (endpoint === undefined) return PUBLIC_HOST;
  const host = typeof endpoint === 'string' && URL.canParse(endpoint) ? new URL(endpoint).host : '';
  if (PRIVATE_HOST.test(host) || host === PUBLIC_HOST) return host;
  throw new KeylessError('HTTP_BAD_RESPONSE', `${where} answered a proxyEndpoint that is not an ECR registry`, { hint: 'endpoint (or AWS_ENDPOINT_URL_ECR) must point at Amazon ECR' });
}

/** JSON 1.1 errors: `{"__type": "…#AccessDeniedException", "message": "…"}` (sometimes `Message`). */
function awsError(text: string): { type: string; message?: string } | undefined {
  const body = parseLoose(text);
  if (!isObject(body) || typeof body.__type !== 'string') return undefined;
  const message = serverText(body.message) ?? serverText(body.Message);
  return { type: body.__type.split('#').pop() ?? body.__type, ...(message ? { message } : {}) };
}

const DENIED = new Set(['AccessDeniedException', 'UnrecognizedClientException', 'ExpiredTokenException', 'InvalidSignatureException']);

function ecrError(response: HttpResponse, where: string, api: Api): KeylessError {
  const error = awsError(response.body);
  const text = `${where} answered HTTP ${response.status}${error ? `: ${error.type}${error.message ? ` "${error.message}"` : ''}` : ''}`;
  if (error && DENIED.has(error.type)) {
    const hint =
      error.type === 'InvalidSignatureException'
        ? "the runner's clock is off, or a proxy changed the request; SigV4 signatures hold for 5 minutes"
        : `allow ${api.service}:GetAuthorizationToken${api.service === 'ecr-public' ? ' and sts:GetServiceBearerToken' : ''} (and the pull/push actions on the repositories) in the aws entry's role policy`;
    return new KeylessError('EXCHANGE_DENIED', text, { hint });
  }
  return new KeylessError('EXCHANGE_FAILED', text, { hint: response.status >= 500 ? 're-run later; ECR is failing' : 'check host and the aws entry\'s region' });
}
