import { credentialValue, JWT } from './credential-value.js';
import type { GcpConfig } from './gcp-config.js';
import { JWT_TYPE } from './google-api.js';
import type { CredentialFile } from './types.js';

/**
 * Where the credentials file's path goes besides GOOGLE_APPLICATION_CREDENTIALS (Application Default
 * Credentials in every client library): gcloud's override of its own credentials, and the variable
 * Google's follow-on actions (deploy-cloudrun, get-gke-credentials, setup-gcloud, …) look for first.
 */
export const ADC_ALIASES = ['CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH'] as const;

/** The IAM Credentials URL of a method of the service account. */
export function methodUrl(config: GcpConfig, serviceAccount: string, method: string): URL {
  return new URL(`v1/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:${method}`, config.iamEndpoint);
}

/**
 * Application Default Credentials for client libraries: an `external_account` file whose subject token is
 * a file holding this job's one-audience OIDC token. Never the runner's token-request bearer (the peer
 * writes that into the workspace, letting any reader mint tokens for any audience).
 */
export function adcFiles(config: GcpConfig, jwt: string): CredentialFile[] {
  const impersonation = config.serviceAccount ? methodUrl(config, config.serviceAccount, 'generateAccessToken').href : undefined;
  return [
    // google-auth reads the whole file as the token (`format: text`): a JWT, nothing else, on one line.
    { name: 'gcp-oidc-token', content: credentialValue(jwt, 'an OIDC token', 'the runner', JWT), oidcToken: true },
    {
      env: 'GOOGLE_APPLICATION_CREDENTIALS',
      aliases: ADC_ALIASES,
      output: 'credentials-file-path',
      name: 'gcp-adc.json',
      content: (pathOf) =>
        JSON.stringify({
          type: 'external_account',
          audience: `//iam.${config.universe}/${config.provider}`,
          subject_token_type: JWT_TYPE,
          token_url: config.stsEndpoint.href,
          credential_source: { file: pathOf('gcp-oidc-token'), format: { type: 'text' } },
          ...(impersonation ? { service_account_impersonation_url: impersonation } : {}),
          universe_domain: config.universe,
        }),
    },
  ];
}
