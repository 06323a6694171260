import { readFileSync, statSync } from 'node:fs';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { clientLibraryToken } from '../fakes/adc-client.js';
import { startGoogle } from '../fakes/google.js';
import { expectMode } from '../fakes/host.js';
import { runStep } from '../fakes/runner-harness.js';
import { actionYml, errorCodes, world } from './setup.js';

// What google-github-actions/auth's users build on: the credentials file and the variables Google's
// follow-on actions read (deploy-cloudrun, get-gke-credentials, upload-cloud-storage, setup-gcloud), the
// project, auth_token, request_reason and access_token_subject (domain-wide delegation).

const PROVIDER = 'projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
const SA = 'deployer@acme-prod.iam.gserviceaccount.com';
const COMPUTE_SA = '123456-compute@developer.gserviceaccount.com';
const ADMIN = 'admin@acme.example';
const DIRECTORY = 'https://www.googleapis.com/auth/admin.directory.user.readonly';
const PROJECT_VARIABLES = ['CLOUDSDK_CORE_PROJECT', 'CLOUDSDK_PROJECT', 'GCLOUD_PROJECT', 'GCP_PROJECT', 'GOOGLE_CLOUD_PROJECT'];
const FILE_VARIABLES = ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH'];

async function googleWorld(options: { tokenCreators?: string[]; delegated?: string[] } = {}) {
  const w = await world();
  const google = w.adopt(
    await startGoogle({
      trustedIssuer: w.runner.issuer,
      provider: PROVIDER,
      serviceAccounts: [SA, COMPUTE_SA],
      tokenCreators: options.tokenCreators ?? [SA],
      workspace: { users: [ADMIN], delegated: { [SA]: options.delegated ?? [DIRECTORY] } },
    }),
  );
  const entry = (extra = '') =>
    [
      '- provider: gcp',
      `  workload-identity-provider: ${PROVIDER}`,
      `  sts-endpoint: ${google.url}/v1/token`,
      `  iamcredentials-endpoint: ${google.url}/`,
      `  oauth-token-endpoint: ${google.url}/token`,
      `  revoke-endpoint: ${google.url}/revoke${extra}`,
    ].join('\n');
  const calls = (suffix: string) => google.requests.filter((r) => r.path.endsWith(suffix));
  return { ...w, google, entry, calls };
}

describe('provider: gcp for the follow-on Google actions', () => {
  it('writes the credentials file by default, in every variable the peer sets, and derives the project from the service account', async () => {
    const w = await googleWorld();
    const credentials = w.entry(`\n  service-account: ${SA}`);
    const main = await w.main({ credentials });

    expect(main.code, main.stdout).toBe(0);
    const path = main.env.GOOGLE_APPLICATION_CREDENTIALS ?? '';
    expect(path.startsWith(w.job.temp)).toBe(true);
    expectMode(path, 0o600);
    for (const name of FILE_VARIABLES) expect(main.env[name], name).toBe(path);
    expect(main.outputs['gcp-credentials-file-path']).toBe(path);
    for (const name of PROJECT_VARIABLES) expect(main.env[name], name).toBe('acme-prod');
    expect(main.outputs['gcp-project-id']).toBe('acme-prod');
    expect(readFileSync(path, 'utf8')).not.toContain(w.runner.requestToken);
    expect(main.env.KEYLESS_REFRESH).toBe((JSON.parse(readFileSync(path, 'utf8')) as { credential_source: { file: string } }).credential_source.file);
    // The step log names every variable the entry set, values never.
    for (const name of FILE_VARIABLES) expect(main.stdout).toContain(`env ${name} (file)`);

    // A client library reading ADC gets the service account's token from Google with it, as later steps would.
    const library = await clientLibraryToken(path);
    expect(library.statuses).toEqual([200, 200]);
    expect(w.google.issued).toContain(library.token);
    expect(library.token.startsWith('ya29.')).toBe(true);

    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(() => statSync(path)).toThrow();
    w.expectNoLeaks([main, post]);
  });

  it('keeps the credentials file working for the library after the runner token it holds is renewed by keyless refresh', async () => {
    const w = await googleWorld();
    const credentials = w.entry();
    const main = await w.main({ credentials });
    expect(main.code, main.stdout).toBe(0);
    const path = main.env.GOOGLE_GHA_CREDS_PATH ?? '';
    const adc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    // Direct federation: the library uses the federated token itself, no impersonation.
    expect(adc.service_account_impersonation_url).toBeUndefined();
    expect((await clientLibraryToken(path)).statuses).toEqual([200]);

    const refreshed = await runStep(main.env.KEYLESS_CLI ?? '', { ...w.options({}, main.env), args: ['refresh'], actionYml });
    expect(refreshed.code).toBe(0);
    const library = await clientLibraryToken(path);
    expect(library.statuses).toEqual([200]);
    const sts = w.calls('/v1/token');
    expect(new URLSearchParams(sts.at(-1)?.body).get('subject_token')).toBe(w.runner.issued[1]);
    const post = await w.post({ credentials }, main);
    w.expectNoLeaks([main, refreshed, post]);
  });

  it('writes no file and sets none of its variables with credentials-file: false', async () => {
    const w = await googleWorld();
    const { main, post } = await w.job2({ credentials: w.entry(`\n  service-account: ${SA}\n  credentials-file: false`) });
    expect(main.code, main.stdout).toBe(0);
    for (const name of [...FILE_VARIABLES, 'KEYLESS_REFRESH']) expect(main.env[name], name).toBeUndefined();
    expect(main.outputs['gcp-credentials-file-path']).toBeUndefined();
    expect(main.env.CLOUDSDK_AUTH_ACCESS_TOKEN).toBe(w.google.issued[1]);
    w.expectNoLeaks([main, post]);
  });

  it('takes project-id over the derived project, and derives none from an account outside NAME@PROJECT.iam.gserviceaccount.com', async () => {
    const w = await googleWorld();
    const given = await w.job2({ credentials: w.entry(`\n  service-account: ${SA}\n  project-id: acme-shared`) });
    expect(given.main.code, given.main.stdout).toBe(0);
    for (const name of PROJECT_VARIABLES) expect(given.main.env[name], name).toBe('acme-shared');
    expect(given.main.outputs['gcp-project-id']).toBe('acme-shared');

    const compute = await w.job2({ credentials: w.entry(`\n  service-account: ${COMPUTE_SA}`) });
    expect(compute.main.code, compute.main.stdout).toBe(0);
    for (const name of PROJECT_VARIABLES) expect(compute.main.env[name], name).toBeUndefined();
    expect(compute.main.outputs['gcp-project-id']).toBeUndefined();
    expect(compute.main.stdout).toContain(`::warning::gcp "gcp": no project-id: ${COMPUTE_SA} is not NAME@PROJECT.iam.gserviceaccount.com`);
    w.expectNoLeaks([given.main, given.post, compute.main, compute.post]);
  });

  it('sets auth-token, the federated token, with export: outputs; never with an access boundary', async () => {
    const w = await googleWorld();
    const { main, post } = await w.job2({ credentials: w.entry(`\n  service-account: ${SA}\n  export: [env, outputs]`) });
    expect(main.code, main.stdout).toBe(0);
    const [federated, access] = w.google.issued;
    expect(main.outputs['gcp-auth-token']).toBe(federated);
    expect(main.outputs['gcp-access-token']).toBe(access);
    expect(w.calls(':generateAccessToken')[0]?.headers.authorization).toBe(`Bearer ${federated}`);
    w.expectNoLeaks([main, post], { env: true, outputs: true });

    const boundary = 'access-boundary: [{resource: //storage.googleapis.com/projects/_/buckets/releases, permissions: [inRole:roles/storage.objectViewer]}]';
    const bounded = await w.job2({ credentials: w.entry(`\n  service-account: ${SA}\n  ${boundary}\n  export: [env, outputs]`) });
    expect(bounded.main.code, bounded.main.stdout).toBe(0);
    expect(bounded.main.outputs['gcp-auth-token']).toBeUndefined();
    // Nor a credentials file, which would hand libraries the undownscoped service account.
    expect(bounded.main.env.GOOGLE_APPLICATION_CREDENTIALS).toBeUndefined();
    w.expectNoLeaks([bounded.main, bounded.post], { env: true, outputs: true });
  });

  it('sends request-reason as X-Goog-Request-Reason on every call to Google, the revocation included', async () => {
    const w = await googleWorld();
    const reason = 'CHG-1234: release v2.3.1';
    const credentials = w.entry(`\n  service-account: ${SA}\n  id-token-audience: https://run.example.com\n  request-reason: "${reason}"`);
    const { main, post } = await w.job2({ credentials });
    expect(main.code, main.stdout).toBe(0);
    const paths = w.google.requests.map((r) => r.path.replace(/.*:/, ''));
    expect(paths).toEqual(['/v1/token', 'generateAccessToken', 'generateIdToken', '/revoke']);
    for (const request of w.google.requests) expect(request.headers['x-goog-request-reason'], request.path).toBe(reason);

    const delegated = await googleWorld();
    const dwd = await delegated.job2({ credentials: delegated.entry(`\n  service-account: ${SA}\n  access-token-subject: ${ADMIN}\n  scopes: ${DIRECTORY}\n  request-reason: "${reason}"`) });
    expect(dwd.main.code, dwd.main.stdout).toBe(0);
    expect(delegated.google.requests.map((r) => r.path.replace(/.*:/, ''))).toEqual(['/v1/token', 'signJwt', '/token', '/revoke']);
    for (const request of delegated.google.requests) expect(request.headers['x-goog-request-reason'], request.path).toBe(reason);
    w.expectNoLeaks([main, post]);
    delegated.expectNoLeaks([dwd.main, dwd.post]);
  });

  it('acts as a Workspace user with access-token-subject: signJwt for the grant, then the jwt-bearer flow at the token endpoint', async () => {
    const w = await googleWorld();
    const credentials = w.entry(`\n  service-account: ${SA}\n  access-token-subject: ${ADMIN}\n  scopes: ${DIRECTORY}\n  duration: 30m`);
    const { main, post } = await w.job2({ credentials });

    expect(main.code, main.stdout).toBe(0);
    const [federated, signedJwt] = w.google.issued;
    const sign = w.calls(':signJwt')[0];
    expect(sign?.path).toBe('/v1/projects/-/serviceAccounts/deployer%40acme-prod.iam.gserviceaccount.com:signJwt');
    expect(sign?.headers.authorization).toBe(`Bearer ${federated}`);
    const claims = JSON.parse((JSON.parse(sign?.body ?? '') as { payload: string }).payload) as Record<string, unknown>;
    expect(claims).toEqual({ iss: SA, sub: ADMIN, scope: DIRECTORY, aud: 'https://oauth2.googleapis.com/token', iat: expect.any(Number) as unknown, exp: (claims.iat as number) + 1800 });
    expect(Math.abs((claims.iat as number) - Date.now() / 1000)).toBeLessThan(60);
    const grant = new URLSearchParams(w.calls('/token').find((r) => r.path === '/token')?.body);
    expect(Object.fromEntries(grant)).toEqual({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: signedJwt });
    expect(decodeJwt(signedJwt ?? '').sub).toBe(ADMIN);

    const [delegation] = w.google.delegations;
    expect(main.env.CLOUDSDK_AUTH_ACCESS_TOKEN).toBe(delegation?.token);
    expect(main.outputs['gcp-principal']).toBe(`${ADMIN} (domain-wide delegation by ${SA})`);
    expect(Date.parse(main.outputs['gcp-expires-at'] ?? '')).toBeGreaterThan(Date.now() + 50 * 60_000);
    // The credentials file stays the service account's, as the peer's does.
    expect(main.env.GOOGLE_APPLICATION_CREDENTIALS).toBeDefined();
    expect(w.google.revoked).toEqual(new Set([delegation?.token]));
    w.expectNoLeaks([main, post]);
  });

  it('says which role to grant when IAM refuses signJwt', async () => {
    const w = await googleWorld({ tokenCreators: [] });
    const main = await w.main({ credentials: w.entry(`\n  service-account: ${SA}\n  access-token-subject: ${ADMIN}\n  scopes: ${DIRECTORY}`) });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain(`IAM Credentials signJwt for ${SA} answered HTTP 403 PERMISSION_DENIED: Permission 'iam.serviceAccounts.signJwt' denied`);
    expect(main.stdout).toContain(`grant roles/iam.serviceAccountTokenCreator on ${SA} to principalSet://iam.googleapis.com/<pool>/attribute.repository/acme/widget`);
    expect(w.calls('/token').filter((r) => r.path === '/token')).toEqual([]);
    expect(main.files.env).toBe('');
    w.expectNoLeaks([main]);
  });

  it.each([
    [
      'scopes the Admin console did not delegate',
      { delegated: ['https://www.googleapis.com/auth/gmail.readonly'] },
      ADMIN,
      'answered HTTP 401: unauthorized_client "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested."',
      `add ${SA}'s client ID (its unique ID) with exactly these scopes: ${DIRECTORY}`,
    ],
    ['a subject who is no user of the domain', {}, 'nobody@acme.example', 'answered HTTP 400: invalid_grant "Invalid email or User ID"', 'check access-token-subject: nobody@acme.example must be an active user'],
  ])('explains a jwt-bearer refusal for %s with Google\'s own error', async (_name, options, subject, said, hint) => {
    const w = await googleWorld(options);
    const main = await w.main({ credentials: w.entry(`\n  service-account: ${SA}\n  access-token-subject: ${subject}\n  scopes: ${DIRECTORY}`) });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain(`Google OAuth token endpoint ${w.google.url}/token ${said}`);
    expect(main.stdout).toContain(hint);
    expect(main.files.env).toBe('');
    w.expectNoLeaks([main]);
  });

  it.each([
    ['access-token-subject without a service account', `access-token-subject: ${ADMIN}`, /access-token-subject \(line \d+\): applies only with service-account/],
    ['a delegation longer than Google allows', `service-account: ${SA}\n  access-token-subject: ${ADMIN}\n  duration: 2h`, /duration \(line \d+\): is at most 1h with access-token-subject/],
    ['a request reason on two lines', `request-reason: "CHG-1\\nX-Injected: yes"`, /request-reason \(line \d+\): is not printable ASCII text/],
    ['a credentials file with an access boundary', 'credentials-file: true\n  access-boundary: [{resource: //storage.googleapis.com/projects/_/buckets/b, permissions: [inRole:roles/storage.objectViewer]}]', /credentials-file \(line \d+\): cannot be true with access-boundary/],
    ['the old project key', 'project: acme-prod', /project \(line \d+\): unknown key; known keys: .*project-id/],
    ['the peer\'s request_reason', 'request_reason: x', /request_reason \(line \d+\): is google-github-actions\/auth's input; Keyless calls it "request-reason"/],
  ])('rejects %s before any request', async (_name, line, message) => {
    const w = await googleWorld();
    const main = await w.main({ credentials: `${w.entry()}\n  ${line}` });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toMatch(message);
    expect(main.stdout).not.toContain('X-Injected');
    expect(w.runner.requests).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it('refuses two entries that would both hand Google credentials to later steps, and takes one exported as outputs', async () => {
    const w = await googleWorld();
    const refused = await w.main({ credentials: `${w.entry()}\n  id: a\n${w.entry(`\n  service-account: ${SA}`)}\n  id: b` });
    expect(errorCodes(refused)).toEqual(['INPUT_INVALID']);
    expect(refused.stdout).toMatch(/credentials\[1\] \(line \d+\): hands Google credentials to later steps through the environment/);
    expect(refused.stdout).toContain('where credentials[0] already puts Google');
    expect(w.runner.requests).toEqual([]);

    const { main, post } = await w.job2({ credentials: `${w.entry()}\n  id: a\n${w.entry(`\n  service-account: ${SA}`)}\n  id: b\n  export: outputs` });
    expect(main.code, main.stdout).toBe(0);
    expect(main.outputs['b-access-token']).toBeDefined();
    expect(main.outputs['b-credentials-file-path']).toBeUndefined();
    expect(main.outputs['a-credentials-file-path']).toBe(main.env.GOOGLE_APPLICATION_CREDENTIALS);
    w.expectNoLeaks([refused, main, post], { env: true, outputs: true });
  });
});
