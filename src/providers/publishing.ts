import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { KeylessError } from '../errors.js';
import { isObject, serverText } from '../http/json.js';
import { NPMRC_REGISTRY, npmrcAccepts, npmrcAuthToken } from '../sinks/formats/npmrc.js';
import { credentialValue } from './credential-value.js';
import { callJson } from './json-endpoint.js';
import type { Credential, CredentialFile, Provider } from './types.js';
import { variableClaims } from './variable-claims.js';

// Trusted publishing on npm, PyPI and RubyGems: the OIDC token for a publish token that lives minutes.
// None of the three offers revocation of these tokens; the post step deletes what Keyless wrote.

const SHORT_LIVED = 'a trusted-publishing token: short-lived, and not revocable by the registry';

/** PyPI and RubyGems answer an expiry; npm does not. */
const OUTPUTS = { public: ['expires-at'], secret: ['token'] } as const;
const NPM_OUTPUTS = { public: [], secret: ['token'] } as const;

async function publishCredential(
  token: string,
  endpoint: URL,
  attempts: number,
  extra: Partial<Credential> & { principal: string; expiresAt?: string; tokenType: string },
): Promise<Credential<typeof OUTPUTS>> {
  return {
    env: extra.env ?? {},
    ...(extra.publicEnv ? { publicEnv: extra.publicEnv } : {}),
    ...(extra.files ? { files: extra.files } : {}),
    secretOutputs: { token },
    publicOutputs: extra.expiresAt ? { 'expires-at': extra.expiresAt } : {},
    info: {
      principal: extra.principal,
      scope: 'publish',
      ...(extra.expiresAt ? { expiresAt: extra.expiresAt } : {}),
      tokenType: extra.tokenType,
      endpoint: `${endpoint.origin}${endpoint.pathname}`,
      attempts,
      fingerprint: await fingerprint(token),
    },
    irrevocable: SHORT_LIVED,
  };
}

const message = (body: unknown, text: string) =>
  isObject(body) ? (serverText(body.message) ?? serverText(body.error) ?? serverText(body.detail)) : serverText(text, 200);

// npm: POST <registry>/-/npm/v1/oidc/token/exchange/package/<escaped name> with the OIDC token as Bearer.
interface NpmConfig {
  registry: URL;
  package: string;
}

export const npm: Provider<NpmConfig, typeof NPM_OUTPUTS> = {
  name: 'npm',
  outputs: NPM_OUTPUTS,
  read(fields: FieldReader) {
    const name = fields.string('package', { required: true, pattern: /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/, expected: 'an npm package name such as @acme/widget' });
    const registry = fields.url('registry') ?? new URL('https://registry.npmjs.org/');
    if (!npmrcAccepts(registry)) fields.report('registry', `is not ${NPMRC_REGISTRY}`);
    return name === undefined ? undefined : { registry, package: name };
  },
  defaultAudience: (config) => `npm:${config.registry.host}`,
  // The .npmrc holds one token per registry: npm would use the later entry's for both packages.
  exclusive: (config, places) =>
    places.size === 0 ? [] : [{ key: `npmrc ${config.registry.href}`, message: (other) => `writes the .npmrc token for ${config.registry.href}, as ${other} does; npm reads one token per registry, so the later would silently replace the earlier: publish each package in a step of its own` }],
  async exchange(config, ctx) {
    // npm's escaped form of a scoped name: @scope%2fname.
    const escaped = config.package.replace('/', '%2f');
    const url = new URL(`-/npm/v1/oidc/token/exchange/package/${escaped}`, config.registry.href.endsWith('/') ? config.registry : `${config.registry.href}/`);
    const { body, response } = await callJson({
      http: ctx.http,
      method: 'POST',
      url,
      what: 'npm registry',
      headers: { authorization: `Bearer ${ctx.idToken.jwt}` },
      describe: message,
      denied: [401, 403, 404],
      deniedHint: `add this repository and workflow as a trusted publisher of ${config.package} on ${config.registry.host} (npm's own CLI hides this behind ENEEDAUTH)`,
      idToken: ctx.idToken,
    });
    const token = credentialValue(body.token, 'a token', `the npm registry at ${url.origin}`);
    ctx.mask(token);
    const npmrc: CredentialFile = { env: 'NPM_CONFIG_USERCONFIG', name: 'npmrc', format: 'npmrc', content: npmrcAuthToken(config.registry, token) };
    return publishCredential(token, url, response.attempts, { files: [npmrc], principal: config.package, tokenType: 'npm publish token' });
  },
};

const PYPI_AUDIENCES: ReadonlyMap<string, string> = new Map([['pypi.org', 'pypi'], ['upload.pypi.org', 'pypi'], ['test.pypi.org', 'testpypi']]);

// PyPI: POST <index>/_/oidc/mint-token {token} → {success, token, expires}; errors 422 with errors[].code.
interface PypiConfig {
  index: URL;
}

export const pypi: Provider<PypiConfig, typeof OUTPUTS> = {
  name: 'pypi',
  outputs: OUTPUTS,
  read(fields: FieldReader) {
    const index = fields.url('index') ?? new URL('https://pypi.org');
    // Another index's audience is never asked of the index itself (`/_/oidc/audience`): the server the
    // token is sent to would choose where else it is valid (it answered sts.amazonaws.com once).
    if (!PYPI_AUDIENCES.has(index.host) && !fields.has('oidc-audience')) {
      fields.report('oidc-audience', 'is required for an index other than pypi.org and test.pypi.org: set it to the audience that index verifies (its operator publishes it)');
    }
    return { index };
  },
  defaultAudience: (config) => PYPI_AUDIENCES.get(config.index.host) ?? 'pypi',
  exclusive: (_config, places) => variableClaims(['TWINE_PASSWORD', 'UV_PUBLISH_TOKEN'], places, 'export one of them as outputs (export: outputs) and pass it to twine or uv yourself'),
  async exchange(config, ctx) {
    const url = new URL('/_/oidc/mint-token', config.index);
    const claims = ctx.idToken.claims;
    const { body, response } = await callJson({
      http: ctx.http,
      method: 'POST',
      url,
      what: 'PyPI',
      body: { token: ctx.idToken.jwt },
      describe: (raw) => (isObject(raw) && Array.isArray(raw.errors) ? raw.errors.flatMap((e) => (isObject(e) ? [[serverText(e.code, 60), serverText(e.description)].filter(Boolean).join(': ')] : [])).join('; ') : undefined),
      denied: [401, 403, 422],
      deniedHint:
        `PyPI matches repository=${String(claims.repository)}, repository_owner_id=${String(claims.repository_owner_id)}, ` +
        `job_workflow_ref=${String(claims.job_workflow_ref)}, environment=${typeof claims.environment === 'string' ? claims.environment : '(none)'}; a reusable workflow must be the one registered`,
      idToken: ctx.idToken,
    });
    if (body.success === false) throw new KeylessError('HTTP_BAD_RESPONSE', `PyPI at ${url.origin} answered success: false`);
    const token = credentialValue(body.token, 'a token', `PyPI at ${url.origin}`);
    ctx.mask(token);
    const expiresAt = typeof body.expires === 'number' ? new Date(body.expires * 1000).toISOString() : undefined;
    return publishCredential(token, url, response.attempts, {
      env: { TWINE_PASSWORD: token, UV_PUBLISH_TOKEN: token },
      publicEnv: { TWINE_USERNAME: '__token__' },
      principal: `trusted publisher on ${config.index.host}`,
      tokenType: 'PyPI API token',
      ...(expiresAt ? { expiresAt } : {}),
    });
  },
};

// RubyGems: POST /api/v1/oidc/trusted_publisher/exchange_token (or an API key role) {jwt} → 201.
interface RubygemsConfig {
  server: URL;
  role?: string;
}

export const rubygems: Provider<RubygemsConfig, typeof OUTPUTS> = {
  name: 'rubygems',
  outputs: OUTPUTS,
  read(fields: FieldReader) {
    const server = fields.url('gem-server') ?? new URL('https://rubygems.org');
    const role = fields.string('role', { pattern: /^[\w-]+$/, expected: 'an API key role token' });
    return { server, ...(role ? { role } : {}) };
  },
  defaultAudience: () => 'rubygems.org',
  exclusive: (_config, places) => variableClaims(['GEM_HOST_API_KEY', 'RUBYGEMS_API_KEY', 'BUNDLE_GEM__PUSH_KEY'], places, 'export one of them as outputs (export: outputs) and pass it to gem push yourself'),
  async exchange(config, ctx) {
    const path = config.role ? `/api/v1/oidc/api_key_roles/${config.role}/assume_role` : '/api/v1/oidc/trusted_publisher/exchange_token';
    const url = new URL(path, config.server);
    const { body, response } = await callJson({
      http: ctx.http,
      method: 'POST',
      url,
      what: 'RubyGems',
      body: { jwt: ctx.idToken.jwt },
      describe: message,
      denied: [401, 403, 404, 422],
      deniedHint: 'register this repository and workflow as the gem\'s trusted publisher (a reusable workflow must be the one registered)',
      idToken: ctx.idToken,
    });
    const token = credentialValue(body.rubygems_api_key, 'rubygems_api_key', `RubyGems at ${url.origin}`);
    ctx.mask(token);
    const expiresAt = typeof body.expires_at === 'string' && !Number.isNaN(Date.parse(body.expires_at)) ? new Date(body.expires_at).toISOString() : undefined;
    return publishCredential(token, url, response.attempts, {
      env: { GEM_HOST_API_KEY: token, RUBYGEMS_API_KEY: token, BUNDLE_GEM__PUSH_KEY: token },
      principal: config.role ? `API key role ${config.role}` : `trusted publisher on ${config.server.host}`,
      tokenType: `RubyGems API key (${Array.isArray(body.scopes) ? body.scopes.join(', ') : 'push_rubygem'})`,
      ...(expiresAt ? { expiresAt } : {}),
    });
  },
};
