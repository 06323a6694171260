import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { type GcpConfig, projectOfServiceAccount } from '../../../src/providers/gcp-config.js';
import { delegationClaims } from '../../../src/providers/gcp-dwd.js';
import { configProblems } from '../config/problems.js';

// A gcp entry's keys as the step reads them, before any request: the project the peer would derive, the
// credentials file's default, the request reason as a header can carry it, and domain-wide delegation's
// limits, reported together.

const base = '- provider: gcp\n  workload-identity-provider: projects/1/locations/global/workloadIdentityPools/pool/providers/prov';

function gcpConfig(extra: string): GcpConfig {
  return loadConfig({ credentials: `${base}${extra}` }, process.cwd()).credentials[0]?.config as GcpConfig;
}

const problems = (extra: string) => configProblems(`${base}${extra}`);

describe('projectOfServiceAccount', () => {
  it.each([
    ['deployer@acme-prod.iam.gserviceaccount.com', 'acme-prod'],
    ['a@abcdef.iam.gserviceaccount.com', 'abcdef'],
    // Default accounts and service agents name no project in their domain: the peer derives "developer", "appspot", "gcp-sa-cloudbuild".
    ['123456-compute@developer.gserviceaccount.com', undefined],
    ['acme-prod@appspot.gserviceaccount.com', undefined],
    ['service-123@gcp-sa-cloudbuild.iam.gserviceaccount.com', undefined],
    // Near misses: a look-alike domain, a nested label, a project id Google would not issue.
    ['deployer@acme-prod.iam.gserviceaccount.com.evil.example', undefined],
    ['deployer@x.acme-prod.iam.gserviceaccount.com', undefined],
    ['deployer@acme-prodxiamxgserviceaccountxcom', undefined],
    ['deployer@Acme-Prod.iam.gserviceaccount.com', undefined],
    ['deployer@acme.iam.gserviceaccount.com', undefined],
    ['deployer@acme-prod-.iam.gserviceaccount.com', undefined],
    [undefined, undefined],
  ])('%s → %s', (email, project) => {
    expect(projectOfServiceAccount(email)).toBe(project);
  });
});

describe('gcp entry keys', () => {
  it('writes the credentials file by default, as the peer does, and derives the project when project-id is absent', () => {
    const config = gcpConfig('\n  service-account: deployer@acme-prod.iam.gserviceaccount.com');
    expect(config.credentialsFile).toBe(true);
    expect(config.projectId).toBe('acme-prod');
    expect(config.oauthTokenEndpoint.href).toBe('https://oauth2.googleapis.com/token');
    expect(gcpConfig('\n  service-account: deployer@acme-prod.iam.gserviceaccount.com\n  project-id: other-project').projectId).toBe('other-project');
    expect(gcpConfig('').projectId).toBeUndefined();
  });

  it('follows the universe for the OAuth token endpoint, and takes an override', () => {
    expect(gcpConfig('\n  universe: example-cloud.goog').oauthTokenEndpoint.href).toBe('https://oauth2.example-cloud.goog/token');
    expect(gcpConfig('\n  oauth-token-endpoint: https://oauth.internal.example/token').oauthTokenEndpoint.href).toBe('https://oauth.internal.example/token');
  });

  it('leaves the credentials file out with an access boundary, and refuses it asked for', () => {
    const boundary = '\n  access-boundary: [{resource: //storage.googleapis.com/projects/_/buckets/b, permissions: [inRole:roles/storage.objectViewer]}]';
    expect(gcpConfig(boundary).credentialsFile).toBe(false);
    expect(problems(`${boundary}\n  credentials-file: true`)).toContain('credentials-file (line 4): cannot be true with access-boundary');
  });

  it.each([
    ['plain text', 'CHG-1234: release', true],
    ['a line feed', 'CHG\nX-Evil: 1', false],
    ['a carriage return', 'CHG\rX', false],
    ['a tab', 'CHG\tX', false],
    ['a NUL', 'CHG\u0000', false],
    ['a non-ASCII character', 'Änderung', false],
    ['1024 characters', 'a'.repeat(1024), true],
    ['1025 characters', 'a'.repeat(1025), false],
  ])('request-reason with %s: accepted %s', (_name, reason, accepted) => {
    const extra = `\n  request-reason: ${JSON.stringify(reason)}`;
    if (accepted) {
      expect(gcpConfig(extra).requestReason).toBe(reason);
    } else {
      const message = problems(extra);
      expect(message).toContain('request-reason (line 3): is not printable ASCII text of at most 1024 characters');
      expect(message).not.toContain(reason);
    }
  });

  it('reports every problem of a delegation entry together', () => {
    const message = problems('\n  access-token-subject: admin@acme.example\n  duration: 2h\n  access-boundary: [{resource: //storage.googleapis.com/projects/_/buckets/b, permissions: [inRole:roles/storage.objectViewer]}]');
    expect(message).toContain('access-token-subject (line 3): applies only with service-account');
    expect(message).toContain('duration (line 4): applies only with service-account');
    expect(message).toContain('duration (line 4): is at most 1h with access-token-subject');
    expect(message).toContain('access-boundary (line 5): cannot downscope a domain-wide delegation token');
    expect(problems('\n  service-account: a@acme-prod.iam.gserviceaccount.com\n  access-token-subject: not-an-email')).toContain("access-token-subject (line 4): is not a Workspace user's email");
  });

  it('takes a delegation of exactly 1h', () => {
    const config = gcpConfig('\n  service-account: a@acme-prod.iam.gserviceaccount.com\n  access-token-subject: admin@acme.example\n  duration: 1h');
    expect(config.lifetimeSeconds).toBe(3600);
    expect(config.accessTokenSubject).toBe('admin@acme.example');
  });
});

describe('delegationClaims', () => {
  it('grants the subject the scopes for the lifetime, addressed to Google\'s token endpoint by name whatever URL it goes to', () => {
    const config = gcpConfig('\n  service-account: a@acme-prod.iam.gserviceaccount.com\n  access-token-subject: admin@acme.example\n  scopes: [s1, s2]\n  duration: 10m\n  oauth-token-endpoint: http://127.0.0.1:1/token');
    expect(delegationClaims(config, 'a@acme-prod.iam.gserviceaccount.com', 'admin@acme.example', 1_700_000_000_999)).toEqual({
      iss: 'a@acme-prod.iam.gserviceaccount.com',
      sub: 'admin@acme.example',
      scope: 's1 s2',
      aud: 'https://oauth2.googleapis.com/token',
      iat: 1_700_000_000,
      exp: 1_700_000_600,
    });
  });
});
