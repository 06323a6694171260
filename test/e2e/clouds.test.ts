import { describe, expect, it } from 'vitest';
import { startAwsSts } from '../fakes/aws-sts.js';
import { startEntra } from '../fakes/entra.js';
import { startGoogle } from '../fakes/google.js';
import type { RecordedRequest } from '../fakes/http-fake.js';
import { oidcAudiences, world } from './setup.js';

const PROVIDER = 'projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';

describe('three clouds in one step', () => {
  it('requests one token per audience and runs the three exchanges concurrently', async () => {
    const w = await world();
    const sts = w.adopt(await startAwsSts({ trustedIssuer: w.runner.issuer }));
    const google = w.adopt(await startGoogle({ trustedIssuer: w.runner.issuer, provider: PROVIDER }));
    const entra = w.adopt(await startEntra({ trustedIssuer: w.runner.issuer, tenantId: TENANT, clientId: CLIENT, subjects: ['repo:acme/widget:ref:refs/heads/main'] }));
    for (const fake of [sts, google, entra]) fake.faults.push({ kind: 'delay', ms: 300 });
    const credentials = `
- provider: aws
  role: arn:aws:iam::123456789012:role/deploy
  region: us-east-1
  sts-endpoint: ${sts.url}/
- provider: gcp
  workload-identity-provider: ${PROVIDER}
  sts-endpoint: ${google.url}/v1/token
  revoke-endpoint: ${google.url}/revoke
- provider: azure
  client-id: ${CLIENT}
  tenant-id: ${TENANT}
  authority-host: ${entra.url}/
  az-login: false`;
    const { main, post } = await w.job2({ credentials });

    expect(main.code).toBe(0);
    expect(oidcAudiences(w.runner).sort()).toEqual(['api://AzureADTokenExchange', `https://iam.googleapis.com/${PROVIDER}`, 'sts.amazonaws.com']);
    const exchanges: RecordedRequest[] = [sts.requests[0], google.requests[0], entra.requests[0]].filter((r) => r !== undefined);
    expect(exchanges).toHaveLength(3);
    const firstEnd = Math.min(...exchanges.map((r) => r.endedAt ?? Number.POSITIVE_INFINITY));
    expect(exchanges.every((r) => r.startedAt < firstEnd)).toBe(true);
    expect(Object.keys(main.env).sort()).toEqual(
      ['AWS_ACCESS_KEY_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AZURE_ACCESS_TOKEN', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'CLOUDSDK_AUTH_ACCESS_TOKEN', 'GOOGLE_OAUTH_ACCESS_TOKEN',
        // The gcp entry's credentials file, the default as with google-github-actions/auth, and what renews it.
        'GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH', 'KEYLESS_REFRESH', 'KEYLESS_CLI'].sort(),
    );
    expect(main.summary).toMatch(/\| aws \| aws \| arn:aws:sts::123456789012:assumed-role\/deploy\//);
    expect(post.code).toBe(0);
    expect(google.revoked.size).toBe(1);
    w.expectNoLeaks([main, post]);
  });
});
