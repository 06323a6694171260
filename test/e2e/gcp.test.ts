import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startGoogle } from '../fakes/google.js';
import { runStep } from '../fakes/runner-harness.js';
import { actionYml, errorCodes, oidcAudiences, world } from './setup.js';
import { expectMode } from '../fakes/host.js';

const PROVIDER = 'projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
const SA = 'deployer@acme-prod.iam.gserviceaccount.com';

async function gcpWorld(options: { allowedRepositories?: string[] } = {}) {
  const w = await world();
  const google = w.adopt(
    await startGoogle({ trustedIssuer: w.runner.issuer, provider: PROVIDER, serviceAccounts: [SA], unboundServiceAccounts: ['other@acme-prod.iam.gserviceaccount.com'], ...options }),
  );
  const entry = (extra = '') =>
    `- provider: gcp\n  workload-identity-provider: ${PROVIDER}\n  sts-endpoint: ${google.url}/v1/token\n  iamcredentials-endpoint: ${google.url}/\n  revoke-endpoint: ${google.url}/revoke${extra}`;
  const form = (i: number) => new URLSearchParams(google.requests.filter((r) => r.path === '/v1/token')[i]?.body);
  return { ...w, google, entry, form };
}

describe('provider: gcp', () => {
  it('exchanges through workload identity federation with the documented STS fields, then revokes at post', async () => {
    const w = await gcpWorld();
    const { main, post } = await w.job2({ credentials: w.entry('\n  project-id: acme-prod') });

    expect(main.code).toBe(0);
    expect(oidcAudiences(w.runner)).toEqual([`https://iam.googleapis.com/${PROVIDER}`]);
    expect(Object.fromEntries(w.form(0))).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      subject_token: w.runner.issued[0],
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      audience: `//iam.googleapis.com/${PROVIDER}`,
      scope: 'https://www.googleapis.com/auth/cloud-platform',
    });
    const [token] = w.google.issued;
    const project = { CLOUDSDK_CORE_PROJECT: 'acme-prod', CLOUDSDK_PROJECT: 'acme-prod', GCLOUD_PROJECT: 'acme-prod', GCP_PROJECT: 'acme-prod', GOOGLE_CLOUD_PROJECT: 'acme-prod' };
    const adc = main.env.GOOGLE_APPLICATION_CREDENTIALS ?? '';
    const files = { GOOGLE_APPLICATION_CREDENTIALS: adc, CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: adc, GOOGLE_GHA_CREDS_PATH: adc };
    expect(main.env).toEqual({ CLOUDSDK_AUTH_ACCESS_TOKEN: token, GOOGLE_OAUTH_ACCESS_TOKEN: token, ...project, ...files, KEYLESS_REFRESH: expect.any(String) as unknown, KEYLESS_CLI: expect.any(String) as unknown });
    expect(main.outputs['gcp-principal']).toBe('principal://iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/github/subject/repo:acme/widget:ref:refs/heads/main');
    expect(post.code).toBe(0);
    expect(w.google.revoked).toEqual(new Set([token]));
    w.expectNoLeaks([main, post]);
  });

  it('impersonates a service account for a short-lived token and an ID token', async () => {
    const w = await gcpWorld();
    const credentials = w.entry(`\n  service-account: ${SA}\n  duration: 10m\n  delegates: [hop@acme-prod.iam.gserviceaccount.com]\n  id-token-audience: https://run.example.com\n  export: [env, outputs]`);
    const { main, post } = await w.job2({ credentials });

    expect(main.code).toBe(0);
    const generate = w.google.requests.find((r) => r.path.endsWith(':generateAccessToken'));
    expect(generate?.path).toBe('/v1/projects/-/serviceAccounts/deployer%40acme-prod.iam.gserviceaccount.com:generateAccessToken');
    const [federated, access, id] = w.google.issued;
    expect(generate?.headers.authorization).toBe(`Bearer ${federated}`);
    expect(JSON.parse(generate?.body ?? '')).toEqual({
      scope: ['https://www.googleapis.com/auth/cloud-platform'],
      lifetime: '600s',
      delegates: ['projects/-/serviceAccounts/hop@acme-prod.iam.gserviceaccount.com'],
    });
    expect(main.env.CLOUDSDK_AUTH_ACCESS_TOKEN).toBe(access);
    expect(main.outputs['gcp-access-token']).toBe(access);
    expect(main.outputs['gcp-id-token']).toBe(id);
    expect(main.outputs['gcp-principal']).toBe(SA);
    expect(w.google.revoked).toEqual(new Set([access]));
    w.expectNoLeaks([main, post], { env: true, outputs: true });
  });

  it('downscopes with a Credential Access Boundary through a second STS exchange', async () => {
    const w = await gcpWorld();
    const credentials = w.entry(`
  service-account: ${SA}
  access-boundary:
    - resource: //storage.googleapis.com/projects/_/buckets/releases
      permissions: [inRole:roles/storage.objectViewer]
      condition: resource.name.startsWith('projects/_/buckets/releases/objects/v1')`);
    const main = await w.main({ credentials });

    expect(main.code).toBe(0);
    const second = w.form(1);
    expect(second.get('subject_token_type')).toBe('urn:ietf:params:oauth:token-type:access_token');
    expect(second.get('subject_token')).toBe(w.google.issued[1]);
    const boundary = {
      accessBoundaryRules: [
        {
          availableResource: '//storage.googleapis.com/projects/_/buckets/releases',
          availablePermissions: ['inRole:roles/storage.objectViewer'],
          availabilityCondition: { expression: "resource.name.startsWith('projects/_/buckets/releases/objects/v1')" },
        },
      ],
    };
    expect(JSON.parse(second.get('options') ?? '')).toEqual({ accessBoundary: boundary });
    const downscoped = w.google.issued[2] ?? '';
    expect(w.google.boundaries.get(downscoped)).toEqual(boundary);
    expect(main.env.CLOUDSDK_AUTH_ACCESS_TOKEN).toBe(downscoped);
    // A downscoped token lives as long as its source: the expiry carries over.
    expect(Date.parse(main.outputs['gcp-expires-at'] ?? '')).toBeGreaterThan(Date.now() + 14 * 60_000);
    w.expectNoLeaks([main]);
  });

  it('writes ADC for client libraries from a one-audience token, never the runner request bearer', async () => {
    const w = await gcpWorld();
    const credentials = w.entry(`\n  service-account: ${SA}\n  credentials-file: true`);
    const main = await w.main({ credentials });

    expect(main.stdout).not.toContain('::error::');
    expect(main.code).toBe(0);
    const adcPath = main.env.GOOGLE_APPLICATION_CREDENTIALS ?? '';
    expect(adcPath.startsWith(w.job.temp)).toBe(true);
    expectMode(adcPath, 0o600);
    const adc = JSON.parse(readFileSync(adcPath, 'utf8')) as { type: string; credential_source: { file: string }; service_account_impersonation_url: string; audience: string };
    expect(adc.type).toBe('external_account');
    expect(adc.audience).toBe(`//iam.googleapis.com/${PROVIDER}`);
    expect(adc.service_account_impersonation_url).toBe(`${w.google.url}/v1/projects/-/serviceAccounts/deployer%40acme-prod.iam.gserviceaccount.com:generateAccessToken`);
    expect(readFileSync(adc.credential_source.file, 'utf8')).toBe(w.runner.issued[0]);
    expectMode(adc.credential_source.file, 0o600);
    expect(readFileSync(adcPath, 'utf8')).not.toContain(w.runner.requestToken);
    // A later step renews the token file, for its own audience, with no argument: KEYLESS_REFRESH lists it.
    expect(main.env.KEYLESS_REFRESH).toBe(adc.credential_source.file);
    const refreshed = await runStep(main.env.KEYLESS_CLI ?? '', { ...w.options({}, main.env), args: ['refresh'], actionYml });
    expect(refreshed.code).toBe(0);
    expect(readFileSync(adc.credential_source.file, 'utf8')).toBe(w.runner.issued[1]);
    expect(oidcAudiences(w.runner)).toEqual([`https://iam.googleapis.com/${PROVIDER}`, `https://iam.googleapis.com/${PROVIDER}`]);
    const post = await w.post({ credentials }, main);
    expect(() => statSync(adcPath)).toThrow();
    expect(() => statSync(adc.credential_source.file)).toThrow();
    w.expectNoLeaks([main, refreshed, post]);
  });

  it('explains an attribute-condition refusal with the claims', async () => {
    const w = await gcpWorld({ allowedRepositories: ['acme/other'] });
    const main = await w.main({ credentials: w.entry() });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('unauthorized_client "The given credential is rejected by the attribute condition."');
    expect(main.stdout).toContain("check the workload identity provider's attribute condition");
    w.expectNoLeaks([main]);
  });

  it('names the missing workloadIdentityUser binding when impersonation is denied', async () => {
    const w = await gcpWorld();
    const main = await w.main({ credentials: w.entry('\n  service-account: other@acme-prod.iam.gserviceaccount.com') });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain("HTTP 403 PERMISSION_DENIED: Permission 'iam.serviceAccounts.getAccessToken' denied");
    expect(main.stdout).toContain('grant roles/iam.workloadIdentityUser on other@acme-prod.iam.gserviceaccount.com to principalSet://iam.googleapis.com/<pool>/attribute.repository/acme/widget');
    // The federated token minted on the way is masked, and never exported.
    expect(main.files.env).toBe('');
    w.expectNoLeaks([main]);
  });

  it.each([
    ['a provider that is not a full resource name', 'workload-identity-provider: github/acme', /is not projects\/NUMBER\/locations\/global/],
    ['duration without a service account', 'duration: 10m', /duration \(line \d\): applies only with service-account/],
    ['a malformed access boundary', 'access-boundary: [{resource: x, permissions: [storage.objects.get]}]', /rule 0 must be/],
  ])('rejects %s before any request', async (_name, line, message) => {
    const w = await gcpWorld();
    const credentials = line.startsWith('workload-identity-provider') ? `- provider: gcp\n  ${line}` : `${w.entry()}\n  ${line}`;
    const main = await w.main({ credentials });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toMatch(message);
    expect(w.runner.requests).toEqual([]);
  });
});
