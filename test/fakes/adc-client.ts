import { readFileSync } from 'node:fs';

// What a Google client library does with an `external_account` credentials file (google-auth-library's
// IdentityPoolClient, gcloud's credential_file_override): read the subject token from the file it names,
// exchange it at token_url (RFC 8693), then, when the file says so, trade the federated token for the
// service account's at service_account_impersonation_url. Not a dependency: the project keeps none for
// this, and the fake checks every field a real library sends.

interface ExternalAccount {
  type: string;
  audience: string;
  subject_token_type: string;
  token_url: string;
  credential_source: { file: string; format?: { type: string } };
  service_account_impersonation_url?: string;
  universe_domain?: string;
}

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

export interface AdcResult {
  /** The token the library would call APIs with. */
  token: string;
  /** HTTP status of each call, in order, for a test that expects a refusal. */
  statuses: number[];
}

/** Reads the file at `path` as a client library does and gets a token with it, or says which call failed. */
export async function clientLibraryToken(path: string): Promise<AdcResult> {
  const adc = JSON.parse(readFileSync(path, 'utf8')) as ExternalAccount;
  if (adc.type !== 'external_account') throw new Error(`not an external_account file: ${adc.type}`);
  if (adc.credential_source.format?.type !== 'text') throw new Error('only text-format token files are read here');
  const subjectToken = readFileSync(adc.credential_source.file, 'utf8');
  const statuses: number[] = [];
  const sts = await fetch(adc.token_url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      audience: adc.audience,
      // With impersonation, the federated token only needs to call IAM Credentials.
      scope: CLOUD_PLATFORM,
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      subject_token: subjectToken,
      subject_token_type: adc.subject_token_type,
    }).toString(),
  });
  statuses.push(sts.status);
  const federated = (await sts.json()) as { access_token?: string };
  if (!sts.ok || federated.access_token === undefined) return { token: '', statuses };
  if (adc.service_account_impersonation_url === undefined) return { token: federated.access_token, statuses };
  const impersonated = await fetch(adc.service_account_impersonation_url, {
    method: 'POST',
    headers: { authorization: `Bearer ${federated.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scope: [CLOUD_PLATFORM], lifetime: '3600s' }),
  });
  statuses.push(impersonated.status);
  const answer = (await impersonated.json()) as { accessToken?: string };
  return { token: impersonated.ok ? (answer.accessToken ?? '') : '', statuses };
}
