import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAwsSts, stsErrorBody } from '../fakes/aws-sts.js';
import { startAcr, startEcr } from '../fakes/container-registries.js';
import { startEntra } from '../fakes/entra.js';
import { startGoogle } from '../fakes/google.js';
import { startOctoSts } from '../fakes/platforms.js';
import type { StepRun } from '../fakes/runner-harness.js';
import { errorCodes, oidcAudiences, world } from './setup.js';
import { expectMode } from '../fakes/host.js';

const SUB = 'repo:acme/widget:ref:refs/heads/main';
const PROVIDER = 'projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
const ACR = 'keyless.azurecr.io';
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

type Auths = Record<string, { auth: string }>;

function dockerConfig(main: StepRun): { dir: string; path: string; config: { auths: Auths } & Record<string, unknown> } {
  const dir = main.env.DOCKER_CONFIG ?? '';
  const path = join(dir, 'config.json');
  return { dir, path, config: JSON.parse(readFileSync(path, 'utf8')) as { auths: Auths } };
}

const login = (auths: Auths, host: string) => Buffer.from(auths[host]?.auth ?? '', 'base64').toString().split(':');

function masked(run: StepRun): string[] {
  return run.lines.filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length));
}

async function cloudWorld() {
  const w = await world();
  const google = w.adopt(await startGoogle({ trustedIssuer: w.runner.issuer, provider: PROVIDER }));
  const sts = w.adopt(await startAwsSts({ trustedIssuer: w.runner.issuer }));
  const entra = w.adopt(await startEntra({ trustedIssuer: w.runner.issuer, tenantId: TENANT, clientId: CLIENT, subjects: [SUB] }));
  const gcp = `- provider: gcp\n  id: gcp\n  workload-identity-provider: ${PROVIDER}\n  sts-endpoint: ${google.url}/v1/token\n  revoke-endpoint: ${google.url}/revoke`;
  const aws = `- provider: aws\n  id: aws\n  role: arn:aws:iam::123456789012:role/deploy\n  region: eu-west-1\n  sts-endpoint: ${sts.url}/`;
  const azure = `- provider: azure\n  id: azure\n  client-id: ${CLIENT}\n  tenant-id: ${TENANT}\n  authority-host: ${entra.url}/\n  az-login: false`;
  return { ...w, google, sts, entra, gcp, aws, azure };
}

describe('provider: registry', () => {
  it('logs in to Artifact Registry with the gcp entry\'s token in a private docker config that post deletes', async () => {
    const w = await cloudWorld();
    // The job's earlier config: its other logins stay; its credential store and the gcloud helper for
    // this host would win over auths, so they go.
    mkdirSync(join(w.job.root, '.docker'));
    writeFileSync(join(w.job.root, '.docker', 'config.json'), JSON.stringify({ auths: { 'docker.io': { auth: 'dXNlcjpvbGQ=' } }, credsStore: 'secretservice', credHelpers: { 'us-docker.pkg.dev': 'gcloud' } }));
    const credentials = `${w.gcp}\n  export: none\n- provider: registry\n  kind: gar\n  host: [us-docker.pkg.dev, europe-docker.pkg.dev]\n  from: gcp`;
    const main = await w.main({ credentials });

    expect(main.code).toBe(0);
    expect(oidcAudiences(w.runner)).toEqual([`https://iam.googleapis.com/${PROVIDER}`]);
    expect(Object.keys(main.env)).toEqual(['DOCKER_CONFIG', 'REGISTRY_AUTH_FILE', 'BUILDX_CONFIG']);
    // buildx keeps its builders beside config.json: the one setup-buildx-action made stays the job's.
    expect(main.env.BUILDX_CONFIG).toBe(join(w.job.root, '.docker', 'buildx'));
    const { dir, path, config } = dockerConfig(main);
    expect(main.env.REGISTRY_AUTH_FILE).toBe(path);
    expect(dir.startsWith(w.job.temp)).toBe(true);
    expectMode(path, 0o600);
    expectMode(dir, 0o700);
    const [token] = w.google.issued;
    expect(login(config.auths, 'us-docker.pkg.dev')).toEqual(['oauth2accesstoken', token]);
    expect(login(config.auths, 'europe-docker.pkg.dev')).toEqual(['oauth2accesstoken', token]);
    expect(config.auths['docker.io']).toEqual({ auth: 'dXNlcjpvbGQ=' });
    expect(config).not.toHaveProperty('credsStore');
    expect(config.credHelpers).toEqual({});
    expect(config.cliPluginsExtraDirs).toEqual([join(w.job.root, '.docker', 'cli-plugins')]);
    // The base64 user:password form is masked too, before anything could print it.
    expect(masked(main)).toContain(config.auths['us-docker.pkg.dev']?.auth);
    expect(main.summary).toContain('| registry | registry ← gcp | oauth2accesstoken at us-docker.pkg.dev, europe-docker.pkg.dev |');
    // The login lives as long as the token in it.
    const [gcpOut, garOut] = JSON.parse(main.outputs.credentials ?? '[]') as { expiresAt?: string }[];
    expect(garOut?.expiresAt).toBe(gcpOut?.expiresAt);
    expect(garOut?.expiresAt).toBeDefined();
    const audit = JSON.parse(readFileSync(main.outputs['audit-file'] ?? '', 'utf8')) as { exchanges: unknown[] };
    expect(audit.exchanges).toEqual([
      { id: 'gcp', provider: 'gcp', audience: `https://iam.googleapis.com/${PROVIDER}`, outcome: 'issued' },
      { id: 'registry', provider: 'registry', from: 'gcp', outcome: 'issued' },
    ]);

    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(existsSync(path)).toBe(false);
    expect(w.google.revoked).toEqual(new Set([token]));
    expect(post.summary).toMatch(/\| registry \| registry \| not revocable: the docker config is deleted/);
    w.expectNoLeaks([main, post]);
  });

  it('exchanges the azure entry\'s token for an ACR refresh token, as username 00000000-…', async () => {
    const w = await cloudWorld();
    const acr = w.adopt(await startAcr({ entra: w.entra, loginServer: ACR, tenantId: TENANT }));
    const credentials = `${w.azure}\n  export: none\n- provider: registry\n  id: acr\n  kind: acr\n  host: ${ACR}\n  from: azure\n  endpoint: ${acr.url}`;
    const main = await w.main({ credentials });

    expect(main.code).toBe(0);
    const form = new URLSearchParams(acr.requests[0]?.body);
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'access_token', service: ACR, access_token: w.entra.issued[0], tenant: TENANT });
    const { config } = dockerConfig(main);
    expect(login(config.auths, ACR)).toEqual(['00000000-0000-0000-0000-000000000000', acr.issued[0]]);
    // The refresh token's own exp, read from the JWT: ACR's are good for three hours.
    const minted = JSON.parse(main.outputs.credentials ?? '[]') as { id: string; expiresAt?: string }[];
    const expiresAt = Date.parse(minted.find((c) => c.id === 'acr')?.expiresAt ?? '');
    expect(Math.abs(expiresAt - (Date.now() + 3 * 3600_000))).toBeLessThan(60_000);
    const post = await w.post({ credentials }, main);
    expect(existsSync(join(main.env.DOCKER_CONFIG ?? '', 'config.json'))).toBe(false);
    w.expectNoLeaks([main, post]);
  });

  it('says what ACR said and which role to grant when it refuses the token', async () => {
    const w = await cloudWorld();
    const acr = w.adopt(await startAcr({ entra: w.entra, loginServer: ACR, tenantId: TENANT, grantedTokens: 'none' }));
    const main = await w.main({ credentials: `${w.azure}\n- provider: registry\n  kind: acr\n  host: ${ACR}\n  from: azure\n  endpoint: ${acr.url}` });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('registry "registry": ACR token exchange');
    expect(main.stdout).toContain('answered HTTP 401: UNAUTHORIZED The principal does not have the permission to access this registry.');
    expect(main.stdout).toContain('AcrPull, AcrPush');
    expect(main.env).toEqual({});
  });

  it('gets an ECR token with a SigV4-signed GetAuthorizationToken for the host\'s account and region', async () => {
    const w = await cloudWorld();
    const ecr = w.adopt(await startEcr({ sts: w.sts, region: 'eu-west-1' }));
    const credentials = `${w.aws}\n  export: none\n- provider: registry\n  id: ecr\n  kind: ecr\n  host: ${ECR}\n  from: aws\n  endpoint: ${ecr.url}/`;
    const main = await w.main({ credentials });
    const post = await w.post({ credentials }, main);
    expect(main.code).toBe(0);
    const [call] = ecr.requests;
    expect(call?.headers['x-amz-target']).toBe('AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken');
    expect(call?.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(call?.body ?? '')).toEqual({ registryIds: ['123456789012'] });
    expect(call?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIA\w+\/\d{8}\/eu-west-1\/ecr\/aws4_request, /);
    // The fake really checks the signature: the same request with another registry id is refused.
    const replay = await fetch(`${ecr.url}/`, { method: 'POST', headers: call?.headers as Record<string, string>, body: '{"registryIds":["210987654321"]}' });
    expect(await replay.json()).toMatchObject({ __type: 'InvalidSignatureException' });
    const password = ecr.issued[1];
    expect(main.stdout).toContain('✓ registry "ecr": ECR login (docker config) for AWS at 123456789012.dkr.ecr.eu-west-1.amazonaws.com, expires ');
    expect(masked(main)).toEqual(expect.arrayContaining([ecr.issued[0], password]));
    // "AWS" itself is no secret: masking it (as the peer does) would blank every later mention of AWS.
    expect(masked(main)).not.toContain('AWS');
    expect(post.code).toBe(0);
    w.expectNoLeaks([main, post]);
  });

  it('signs for ecr-public in us-east-1 for public.ecr.aws, and takes the private host from the answer when none is given', async () => {
    const w = await cloudWorld();
    const ecr = w.adopt(await startEcr({ sts: w.sts, region: 'eu-west-1' }));
    const credentials = `${w.aws}\n- provider: registry\n  id: public\n  kind: ecr\n  host: public.ecr.aws\n  from: aws\n  endpoint: ${ecr.url}/\n- provider: registry\n  id: private\n  kind: ecr\n  from: aws\n  endpoint: ${ecr.url}/`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    const targets = ecr.requests.map((r) => [r.headers['x-amz-target'], /\/(us-east-1|eu-west-1)\/(ecr|ecr-public)\//.exec(String(r.headers.authorization))?.slice(1).join(' '), r.body]);
    expect(targets.sort()).toEqual([
      ['AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken', 'eu-west-1 ecr', '{}'],
      ['SpencerFrontendService.GetAuthorizationToken', 'us-east-1 ecr-public', '{}'],
    ]);
    expect(Object.keys(dockerConfig(main).config.auths).sort()).toEqual([ECR, 'public.ecr.aws']);
    const post = await w.post({ credentials }, main);
    w.expectNoLeaks([main, post]);
  });

  it('retries ECR throttling, then explains an AccessDenied with the permission to add', async () => {
    const w = await cloudWorld();
    const ecr = w.adopt(await startEcr({ sts: w.sts, region: 'eu-west-1', allowedRoles: ['other'] }));
    ecr.faults.push({ kind: 'status', status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } });
    const main = await w.main({ credentials: `${w.aws}\n- provider: registry\n  kind: ecr\n  from: aws\n  endpoint: ${ecr.url}/` });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(ecr.requests).toHaveLength(2);
    expect(main.stdout).toContain('AccessDeniedException "User: arn:aws:sts::123456789012:assumed-role/deploy/');
    expect(main.stdout).toContain('allow ecr:GetAuthorizationToken');
  });

  it('logs in to GHCR with the github entry\'s scoped token, revoked at post', async () => {
    const w = await cloudWorld();
    const sts = w.adopt(await startOctoSts({ trustedIssuer: w.runner.issuer, audience: 'self', policy: 'push', subjects: [SUB] }));
    const credentials = `- provider: github\n  sts-url: ${sts.url}\n  scope: acme/widget\n  identity: push\n  export: none\n- provider: registry\n  kind: ghcr\n  from: github`;
    const main = await w.main({ credentials }, { GITHUB_API_URL: sts.url });
    expect(main.code).toBe(0);
    expect(login(dockerConfig(main).config.auths, 'ghcr.io')).toEqual(['x-access-token', sts.issued[0]]);
    const post = await w.post({ credentials }, main, { GITHUB_API_URL: sts.url });
    expect(sts.revoked).toEqual(new Set(sts.issued));
    // On GHES the registry is containers.<host>, found from the job's server without a host key.
    const ghes = await w.main({ credentials }, { GITHUB_API_URL: sts.url, GITHUB_SERVER_URL: 'https://ghes.acme.example' });
    expect(Object.keys(dockerConfig(ghes).config.auths)).toEqual(['containers.ghes.acme.example']);
    const ghesPost = await w.post({ credentials }, ghes, { GITHUB_API_URL: sts.url });
    w.expectNoLeaks([main, post, ghes, ghesPost]);
  });

  it('runs every exchange at once; a registry waits only for the entry it builds on, into one merged config', async () => {
    const w = await cloudWorld();
    const ecr = w.adopt(await startEcr({ sts: w.sts, region: 'eu-west-1' }));
    const acr = w.adopt(await startAcr({ entra: w.entra, loginServer: ACR, tenantId: TENANT }));
    w.google.faults.push({ kind: 'delay', ms: 400 });
    const credentials = [
      w.gcp,
      w.aws,
      w.azure,
      '- provider: registry\n  id: gar\n  kind: gar\n  host: us-docker.pkg.dev\n  from: gcp',
      `- provider: registry\n  id: ecr\n  kind: ecr\n  host: ${ECR}\n  from: aws\n  endpoint: ${ecr.url}/`,
      `- provider: registry\n  id: acr\n  kind: acr\n  host: ${ACR}\n  from: azure\n  endpoint: ${acr.url}`,
    ].join('\n');
    const main = await w.main({ credentials });

    expect(main.code).toBe(0);
    const gcpDone = w.google.requests[0]?.endedAt ?? 0;
    expect(ecr.requests[0]?.startedAt).toBeLessThan(gcpDone);
    expect(acr.requests[0]?.startedAt).toBeLessThan(gcpDone);
    expect(ecr.requests[0]?.startedAt).toBeGreaterThan(w.sts.requests[0]?.endedAt ?? Infinity);
    const { config } = dockerConfig(main);
    expect(Object.keys(config.auths).sort()).toEqual([ECR, ACR, 'us-docker.pkg.dev'].sort());
    expect(main.env.AWS_ACCESS_KEY_ID).toBe(w.sts.issued[0]);
    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    w.expectNoLeaks([main, post]);
  });

  it('does not attempt a login whose upstream failed, exports nothing, and post revokes what was minted', async () => {
    const w = await cloudWorld();
    const ecr = w.adopt(await startEcr({ sts: w.sts, region: 'eu-west-1' }));
    w.sts.faults.push({ kind: 'status', status: 403, body: stsErrorBody('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity') });
    const credentials = `${w.gcp}\n${w.aws}\n- provider: registry\n  id: gar\n  kind: gar\n  host: us-docker.pkg.dev\n  from: gcp\n- provider: registry\n  id: ecr\n  kind: ecr\n  from: aws\n  endpoint: ${ecr.url}/`;
    const main = await w.main({ credentials });
    expect(errorCodes(main).sort()).toEqual(['EXCHANGE_DENIED', 'EXCHANGE_FAILED']);
    expect(main.stdout).toContain('registry "ecr": not attempted: it builds on "aws", which failed');
    expect(ecr.requests).toHaveLength(0);
    expect(main.env).toEqual({});
    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(w.google.revoked).toEqual(new Set(w.google.issued));
    w.expectNoLeaks([main, post]);
  });

  it('refuses a reference to a missing entry before requesting any token', async () => {
    const w = await cloudWorld();
    const main = await w.main({ credentials: `${w.gcp}\n- provider: registry\n  kind: gar\n  host: gcr.io\n  from: gcloud` });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toMatch(/\.from \(line \d+\): is not the id of any entry; ids: gcp, registry/);
    expect(w.runner.requests).toHaveLength(0);
  });
});
