import { startGoogle } from '../fakes/google.js';
import type { FileShape, HostileSetup } from './hostile-worlds.js';

// The gcp worlds of test/e2e/hostile-worlds.ts: impersonation with the credentials file, and domain-wide
// delegation, whose signJwt and token endpoint answers are poisoned too.

const GCP_PROVIDER = 'projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
const SA = 'deployer@acme-prod.iam.gserviceaccount.com';

/** A gcp entry with a service account and its credentials file, the default. */
const GCP_PROJECT_ENV = ['CLOUDSDK_CORE_PROJECT', 'CLOUDSDK_PROJECT', 'GCLOUD_PROJECT', 'GCP_PROJECT', 'GOOGLE_CLOUD_PROJECT'];
const GCP_ENV = ['CLOUDSDK_AUTH_ACCESS_TOKEN', 'GOOGLE_OAUTH_ACCESS_TOKEN', ...GCP_PROJECT_ENV, 'GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH', 'KEYLESS_REFRESH', 'KEYLESS_CLI'];
const GCP_FILES: Record<string, FileShape> = {
  'gcp-adc.json': {
    format: 'json',
    keys: ['type', 'audience', 'subject_token_type', 'token_url', 'credential_source', 'service_account_impersonation_url', 'universe_domain'],
    sections: { credential_source: ['file', 'format'] },
  },
  'gcp-gcp-oidc-token': { format: 'line' },
};

/** `outputs` is hostile-worlds.ts's: the outputs a successful step sets, by entry id and names. */
export function gcpWorlds(outputs: (id: string, names: string[]) => string[]): HostileSetup[] {
  return [
    async (w) => {
      const google = w.adopt(await startGoogle({ trustedIssuer: w.runner.issuer, provider: GCP_PROVIDER, serviceAccounts: [SA] }));
      const credentials = [
        `- provider: gcp\n  workload-identity-provider: ${GCP_PROVIDER}\n  sts-endpoint: ${google.url}/v1/token\n  iamcredentials-endpoint: ${google.url}/`,
        `  revoke-endpoint: ${google.url}/revoke\n  project-id: acme-prod\n  service-account: ${SA}`,
      ].join('\n');
      return {
        credentials,
        target: google,
        exchange: /^POST \/v1\//,
        revoke: /^POST \/revoke$/,
        secretKeys: ['access_token', 'accessToken'],
        structuredKeys: ['expireTime'],
        errors: [
          { route: /^POST \/v1\/token$/, body: { error: 'invalid_grant', error_description: 'The audience in ID Token does not match the expected audience.' } },
          { route: /:generateAccessToken$/, body: { error: { code: 403, message: "Permission 'iam.serviceAccounts.getAccessToken' denied", status: 'PERMISSION_DENIED' } } },
        ],
        env: GCP_ENV,
        outputs: outputs('gcp', ['expires-at', 'project-id', 'credentials-file-path']),
        files: GCP_FILES,
      };
    },
    // Domain-wide delegation (signJwt, then the token endpoint's JWT grant), the project derived, a request reason.
    async (w) => {
      const directory = 'https://www.googleapis.com/auth/admin.directory.user.readonly';
      const workspace = { users: ['admin@acme.example'], delegated: { [SA]: [directory] } };
      const google = w.adopt(await startGoogle({ trustedIssuer: w.runner.issuer, provider: GCP_PROVIDER, serviceAccounts: [SA], tokenCreators: [SA], workspace }));
      return {
        credentials: [
          `- provider: gcp\n  workload-identity-provider: ${GCP_PROVIDER}\n  sts-endpoint: ${google.url}/v1/token\n  iamcredentials-endpoint: ${google.url}/`,
          `  oauth-token-endpoint: ${google.url}/token\n  revoke-endpoint: ${google.url}/revoke\n  service-account: ${SA}\n  access-token-subject: admin@acme.example`,
          `  scopes: ${directory}\n  request-reason: release`,
        ].join('\n'),
        target: google,
        exchange: /^POST \/(v1\/|token$)/,
        revoke: /^POST \/revoke$/,
        secretKeys: ['access_token', 'signedJwt'],
        structuredKeys: ['expires_in'],
        errors: [
          { route: /:signJwt$/, body: { error: { code: 403, message: "Permission 'iam.serviceAccounts.signJwt' denied on resource (or it may not exist).", status: 'PERMISSION_DENIED' } } },
          { route: /^POST \/token$/, body: { error: 'unauthorized_client', error_description: 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.' } },
        ],
        env: GCP_ENV,
        outputs: outputs('gcp', ['expires-at', 'project-id', 'credentials-file-path']),
        files: GCP_FILES,
      };
    },
  ];
}
