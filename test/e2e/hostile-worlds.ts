import type { JWTPayload } from 'jose';
import { startAwsSts, stsErrorBody } from '../fakes/aws-sts.js';
import { startAcr, startEcr } from '../fakes/container-registries.js';
import { startEntra } from '../fakes/entra.js';
import { startJfrog } from '../fakes/jfrog.js';
import type { Fake } from '../fakes/http-fake.js';
import { startCrates, startOctoSts, startPublishing } from '../fakes/platforms.js';
import { startVault } from '../fakes/vault.js';
import { gcpWorlds } from './hostile-worlds-gcp.js';
import { quayWorlds } from './hostile-worlds-quay.js';
import type { world } from './setup.js';

// How to stand up a working world for each provider in the catalog (src/providers/catalog.ts), taken from
// that provider's own e2e test; test/e2e/hostile.test.ts turns each one hostile, and test/e2e/outputs.test.ts
// checks its outputs against the provider's declared ones. A provider with no row here fails both suites,
// so a new provider cannot go uncovered.

export type World = Awaited<ReturnType<typeof world>>;

/** What Keyless may write under RUNNER_TEMP, and what it must parse to. */
export interface FileShape {
  format: 'json' | 'ini' | 'npmrc' | 'line';
  /** Top-level keys (json, npmrc) or section names (ini); exactly these. */
  keys?: string[];
  /** Keys inside each object (json) or section (ini); exactly these. */
  sections?: Record<string, string[]>;
}

export interface HostileWorld {
  credentials: string;
  /** Variables the runner sets for this world's steps. */
  stepEnv?: Record<string, string>;
  /** The provider's own server: its answers are the ones poisoned (for a derived provider, not its upstream's). */
  target: Fake & { issued: string[] };
  /** The exchange requests, as `METHOD /path`: where an error answer is put. */
  exchange: RegExp;
  /** The revocation requests, when the provider revokes. */
  revoke?: RegExp;
  /** Keys whose strings are credentials: poisoned, Keyless must refuse the answer. */
  secretKeys: string[];
  /** Keys whose strings Keyless parses or acts on (dates, URLs, audiences): poisoned, a coded refusal or a success are both fine. */
  structuredKeys?: string[];
  /** The provider's documented error bodies, for the exchange route (several: one per distinct endpoint). */
  errors: { route?: RegExp; body: unknown }[];
  /** On success: exactly these names in GITHUB_ENV and GITHUB_OUTPUT, and these files by name. */
  env: string[];
  outputs: string[];
  files?: Record<string, FileShape>;
}

export type HostileSetup = (w: World, claims: JWTPayload) => Promise<HostileWorld>;

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
const SUBSCRIPTION = '11111111-2222-4333-8444-555555555555';
const ACR = 'keyless.azurecr.io';
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

/** Outputs every successful main step sets, whatever the provider. */
const COMMON_OUTPUTS = ['credentials', 'audit-file'];
const outputs = (id: string, names: string[], expiry = true) => [...names.map((n) => `${id}-${n}`), `${id}-principal`, ...(expiry ? ['expires-at'] : []), ...COMMON_OUTPUTS];
const both = (a: string[], b: string[]) => [...new Set([...a, ...b])];

const stsError = stsErrorBody('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
const CHAINED_ROLE = 'arn:aws:iam::210987654321:role/deploy';
const aadsts = {
  error: 'invalid_client',
  error_description: "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:acme/widget'. Trace ID: 0 Correlation ID: 0 Timestamp: 2024-01-01 00:00:00Z",
  error_codes: [700213],
  timestamp: '2024-01-01 00:00:00Z',
  trace_id: '00000000-0000-0000-0000-000000000000',
  correlation_id: '00000000-0000-0000-0000-000000000000',
  error_uri: 'https://login.microsoftonline.com/error?code=700213',
};

async function azureUpstream(w: World, claims: JWTPayload) {
  const entra = w.adopt(await startEntra({ trustedIssuer: w.runner.issuer, tenantId: TENANT, clientId: CLIENT, subjects: [String(claims.sub)] }));
  return { entra, entry: `- provider: azure\n  id: azure\n  client-id: ${CLIENT}\n  tenant-id: ${TENANT}\n  authority-host: ${entra.url}/\n  az-login: false` };
}

async function awsUpstream(w: World) {
  const sts = w.adopt(await startAwsSts({ trustedIssuer: w.runner.issuer }));
  return { sts, entry: `- provider: aws\n  id: aws\n  role: ${ROLE}\n  region: eu-west-1\n  sts-endpoint: ${sts.url}/` };
}

export const hostileWorlds: Record<string, HostileSetup[]> = {
  aws: [
    async (w) => {
      const { sts, entry } = await awsUpstream(w);
      return {
        credentials: `${entry}\n  profile: ci`,
        target: sts,
        exchange: /^POST \/$/,
        secretKeys: ['AccessKeyId', 'SecretAccessKey', 'SessionToken'],
        // Arn is checked against the role and session name asked for: a poisoned one is refused.
        structuredKeys: ['Expiration', 'Arn'],
        errors: [{ body: stsError }],
        env: ['AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE'],
        outputs: outputs('aws', ['account-id', 'arn', 'expires-at']),
        files: {
          'aws-credentials': { format: 'ini', keys: ['ci'], sections: { ci: ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'] } },
          'aws-config': { format: 'ini', keys: ['profile ci'], sections: { 'profile ci': ['region'] } },
        },
      };
    },
    // A role chain: the second STS, the one poisoned, checks the SigV4 signature with the first one's sessions.
    async (w) => {
      const { sts, entry } = await awsUpstream(w);
      const chained = w.adopt(await startAwsSts({ trustedIssuer: w.runner.issuer, sessions: sts.sessions, region: 'eu-west-1' }));
      return {
        credentials: `${entry}\n  export: none\n- provider: aws\n  id: deploy\n  from: aws\n  role: ${CHAINED_ROLE}\n  external-id: acme-ci\n  sts-endpoint: ${chained.url}/`,
        target: chained,
        exchange: /^POST \/$/,
        secretKeys: ['AccessKeyId', 'SecretAccessKey', 'SessionToken'],
        // Arn is checked against the role and session name asked for: a poisoned one is refused.
        structuredKeys: ['Expiration', 'Arn'],
        errors: [{ body: stsErrorBody('AccessDenied', `User: arn:aws:sts::123456789012:assumed-role/deploy/ci is not authorized to perform: sts:AssumeRole on resource: ${CHAINED_ROLE}`) }],
        env: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION'],
        outputs: both(outputs('aws', ['account-id', 'arn', 'expires-at']), outputs('deploy', ['account-id', 'arn', 'expires-at'])),
      };
    },
  ],
  azure: [
    async (w, claims) => {
      const { entra, entry } = await azureUpstream(w, claims);
      return {
        credentials: `${entry}\n  subscription-id: ${SUBSCRIPTION}`,
        target: entra,
        exchange: /^POST \/[^/]+\/oauth2\/v2\.0\/token$/,
        secretKeys: ['access_token'],
        errors: [{ body: aadsts }],
        env: ['AZURE_ACCESS_TOKEN', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_SUBSCRIPTION_ID'],
        outputs: outputs('azure', ['expires-at', 'client-id', 'tenant-id']),
      };
    },
  ],
  crates: [
    async (w, claims) => {
      const crates = w.adopt(await startCrates({ trustedIssuer: w.runner.issuer, audience: 'self', repositories: [String(claims.repository)] }));
      return {
        credentials: `- provider: crates\n  registry: ${crates.url}`,
        target: crates,
        exchange: /^POST \/api\/v1\/trusted_publishing\/tokens$/,
        revoke: /^DELETE \/api\/v1\/trusted_publishing\/tokens$/,
        secretKeys: ['token'],
        errors: [{ body: { errors: [{ detail: 'No matching Trusted Publishing config found' }] } }],
        env: ['CARGO_REGISTRY_TOKEN'],
        outputs: outputs('crates', [], false),
      };
    },
  ],
  gcp: gcpWorlds(outputs),
  github: [
    async (w, claims) => {
      const sts = w.adopt(await startOctoSts({ trustedIssuer: w.runner.issuer, audience: 'self', policy: 'release', subjects: [String(claims.sub)] }));
      return {
        credentials: `- provider: github\n  sts-url: ${sts.url}\n  scope: acme/widget\n  identity: release`,
        stepEnv: { GITHUB_API_URL: sts.url },
        target: sts,
        exchange: /^GET \/sts\/exchange$/,
        revoke: /^DELETE \/installation\/token$/,
        secretKeys: ['token'],
        errors: [{ body: { code: 7, message: 'trust policy: subject "repo:acme/widget:ref:refs/heads/main" did not match', details: [] } }],
        env: ['GH_TOKEN'],
        outputs: outputs('github', [], false),
      };
    },
  ],
  jfrog: [
    async (w, claims) => {
      // A token long-lived enough for Access to revoke, so the revocation route is exercised too.
      const mapping = { claims: { repository: String(claims.repository) }, username: 'github-ci', expiresIn: 7 * 3600 };
      const jfrog = w.adopt(await startJfrog({ trustedIssuer: w.runner.issuer, providerName: 'github', mapping }));
      return {
        credentials: `- provider: jfrog\n  url: ${jfrog.url}\n  provider-name: github\n  docker-hosts: acme.jfrog.io`,
        target: jfrog,
        exchange: /^POST \/access\/api\/v1\/oidc\/token$/,
        revoke: /^DELETE \/access\/api\/v1\/tokens\/me$/,
        secretKeys: ['access_token'],
        structuredKeys: ['username'],
        errors: [{ body: { errors: [{ code: 'UNAUTHORIZED', message: 'No identity mapping matches the token claims' }] } }],
        env: ['JF_URL', 'JF_ACCESS_TOKEN', 'DOCKER_CONFIG', 'REGISTRY_AUTH_FILE', 'BUILDX_CONFIG'],
        outputs: outputs('jfrog', ['username', 'expires-at']),
        files: { 'config.json': { format: 'json', keys: ['auths', 'cliPluginsExtraDirs'], sections: { auths: ['acme.jfrog.io'] } } },
      };
    },
  ],
  quay: quayWorlds(outputs),
  npm: [
    async (w, claims) => {
      const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: [String(claims.repository)] }));
      return {
        credentials: `- provider: npm\n  package: "@acme/widget"\n  registry: ${registry.url}/`,
        target: registry,
        exchange: /^POST \/-\/npm\//,
        secretKeys: ['token'],
        errors: [{ body: { message: 'OIDC token exchange error - package not found' } }],
        env: ['NPM_CONFIG_USERCONFIG'],
        outputs: outputs('npm', [], false),
        files: { npmrc: { format: 'npmrc', keys: [`//${new URL(registry.url).host}/:_authToken`] } },
      };
    },
  ],
  pypi: [
    async (w, claims) => {
      const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: [String(claims.repository)] }));
      return {
        credentials: `- provider: pypi\n  index: ${registry.url}\n  oidc-audience: warehouse.example`,
        target: registry,
        exchange: /^POST \/_\/oidc\/mint-token$/,
        secretKeys: ['token'],
        errors: [{ body: { message: 'Token request failed', errors: [{ code: 'invalid-publisher', description: 'valid token, but no corresponding publisher' }] } }],
        env: ['TWINE_PASSWORD', 'UV_PUBLISH_TOKEN', 'TWINE_USERNAME'],
        outputs: outputs('pypi', ['expires-at']),
      };
    },
  ],
  registry: [
    async (w, claims) => {
      const { entra, entry } = await azureUpstream(w, claims);
      const acr = w.adopt(await startAcr({ entra, loginServer: ACR, tenantId: TENANT }));
      return {
        credentials: `${entry}\n  export: none\n- provider: registry\n  id: acr\n  kind: acr\n  host: ${ACR}\n  from: azure\n  endpoint: ${acr.url}`,
        target: acr,
        exchange: /^POST \/oauth2\/exchange$/,
        secretKeys: ['refresh_token'],
        errors: [{ body: { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required, visit https://aka.ms/acr/authorization for more information.' }] } }],
        env: ['DOCKER_CONFIG', 'REGISTRY_AUTH_FILE', 'BUILDX_CONFIG'],
        outputs: both(outputs('azure', ['expires-at', 'client-id', 'tenant-id']), outputs('acr', ['hosts', 'username'])),
        files: { 'config.json': { format: 'json', keys: ['auths', 'cliPluginsExtraDirs'], sections: { auths: [ACR] } } },
      };
    },
    async (w) => {
      const { sts, entry } = await awsUpstream(w);
      const ecr = w.adopt(await startEcr({ sts, region: 'eu-west-1' }));
      return {
        credentials: `${entry}\n  export: none\n- provider: registry\n  id: ecr\n  kind: ecr\n  host: ${ECR}\n  from: aws\n  endpoint: ${ecr.url}/`,
        target: ecr,
        exchange: /^POST \/$/,
        secretKeys: ['authorizationToken'],
        structuredKeys: ['proxyEndpoint'],
        errors: [{ body: { __type: 'AccessDeniedException', message: `User: ${ROLE} is not authorized to perform: ecr:GetAuthorizationToken` } }],
        env: ['DOCKER_CONFIG', 'REGISTRY_AUTH_FILE', 'BUILDX_CONFIG'],
        outputs: both(outputs('aws', ['account-id', 'arn', 'expires-at']), outputs('ecr', ['hosts', 'username'])),
        files: { 'config.json': { format: 'json', keys: ['auths', 'cliPluginsExtraDirs'], sections: { auths: [ECR] } } },
      };
    },
  ],
  rfc8693: [
    async (w) => {
      const server = await w.addServer({ issuerPath: '/realms/ci', refreshTokens: true });
      return {
        credentials: `- provider: rfc8693\n  issuer: ${server.issuer}\n  scope: [read, write]\n  export: [env, file]`,
        target: server,
        exchange: /^POST \/token$/,
        revoke: /^POST \/revoke$/,
        secretKeys: ['access_token', 'refresh_token'],
        structuredKeys: ['issuer', 'token_endpoint', 'revocation_endpoint', 'grant_types_supported'],
        errors: [{ body: { error: 'invalid_grant', error_description: 'subject_token rejected: "sub" claim check failed', error_uri: 'https://sts.example.com/errors/invalid_grant' } }],
        env: ['KEYLESS_TOKEN', 'KEYLESS_TOKEN_FILE'],
        outputs: outputs('rfc8693', ['issued-token-type', 'expires-at']),
        files: { 'rfc8693-KEYLESS_TOKEN': { format: 'line' } },
      };
    },
  ],
  rubygems: [
    async (w, claims) => {
      const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: [String(claims.repository)] }));
      return {
        credentials: `- provider: rubygems\n  gem-server: ${registry.url}\n  role: rg_oidc_akr_release`,
        target: registry,
        exchange: /^POST \/api\/v1\/oidc\//,
        secretKeys: ['rubygems_api_key'],
        structuredKeys: ['expires_at'],
        errors: [{ body: { error: 'Not Found' } }, { body: 'No trusted publisher configured for this workflow' }],
        env: ['GEM_HOST_API_KEY', 'RUBYGEMS_API_KEY', 'BUNDLE_GEM__PUSH_KEY'],
        outputs: outputs('rubygems', ['expires-at']),
      };
    },
  ],
  vault: [
    async (w, claims) => {
      const vault = w.adopt(await startVault({ trustedIssuer: w.runner.issuer, audience: 'vault.example', role: 'ci', subjects: [String(claims.sub)] }));
      return {
        credentials: `- provider: vault\n  url: ${vault.url}\n  role: ci\n  namespace: admin/ci\n  oidc-audience: vault.example`,
        target: vault,
        exchange: /^POST \/v1\/auth\/jwt\/login$/,
        revoke: /^POST \/v1\/auth\/token\/revoke-self$/,
        secretKeys: ['client_token'],
        errors: [{ body: { errors: ['error validating claims: claim "sub" does not match any associated bound claim values'] } }],
        env: ['VAULT_TOKEN', 'VAULT_ADDR', 'VAULT_NAMESPACE'],
        outputs: outputs('vault', ['expires-at']),
      };
    },
  ],
};
