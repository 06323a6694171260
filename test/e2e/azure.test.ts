import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEntra } from '../fakes/entra.js';
import { runStep } from '../fakes/runner-harness.js';
import { actionYml, dist, errorCodes, oidcAudiences, world } from './setup.js';
import { expectMode } from '../fakes/host.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
const SUBSCRIPTION = '11111111-2222-4333-8444-555555555555';

async function azureWorld(subjects = ['repo:acme/widget:ref:refs/heads/main']) {
  const w = await world();
  const entra = w.adopt(await startEntra({ trustedIssuer: w.runner.issuer, tenantId: TENANT, clientId: CLIENT, subjects, unknownTenants: ['contoso.example'] }));
  // az-login: false: a runner image with az on PATH would otherwise sign it in (test/e2e/azure-cli.test.ts does).
  const entry = (extra = '') => `- provider: azure\n  client-id: ${CLIENT}\n  tenant-id: ${TENANT}\n  authority-host: ${entra.url}/\n  az-login: false${extra}`;
  return { ...w, entra, entry };
}

describe('provider: azure', () => {
  it('mode token: client credentials with the federated assertion, exactly as Entra documents it', async () => {
    const w = await azureWorld();
    const { main, post } = await w.job2({ credentials: w.entry(`\n  subscription-id: ${SUBSCRIPTION}`) });

    expect(main.code).toBe(0);
    expect(oidcAudiences(w.runner)).toEqual(['api://AzureADTokenExchange']);
    const [request] = w.entra.requests;
    expect(request?.path).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      client_id: CLIENT,
      scope: 'https://management.azure.com/.default',
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: w.runner.issued[0],
    });
    expect(main.env).toEqual({ AZURE_ACCESS_TOKEN: w.entra.issued[0], AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_SUBSCRIPTION_ID: SUBSCRIPTION });
    expect(Date.parse(main.outputs['azure-expires-at'] ?? '')).toBeGreaterThan(Date.now());
    expect(post.stdout).toContain('not revocable azure "azure": Entra ID access tokens cannot be revoked');
    w.expectNoLeaks([main, post]);
  });

  it('mode sdk: a 0600 federated token file and the variables Azure SDKs and az login read', async () => {
    const w = await azureWorld();
    const credentials = w.entry('\n  mode: sdk');
    const main = await w.main({ credentials });

    expect(main.code).toBe(0);
    const file = main.env.AZURE_FEDERATED_TOKEN_FILE ?? '';
    expect(main.env).toEqual({
      KEYLESS_CLI: join(dist, 'cli.js'),
      KEYLESS_REFRESH: file,
      AZURE_FEDERATED_TOKEN_FILE: file,
      AZURE_CLIENT_ID: CLIENT,
      AZURE_TENANT_ID: TENANT,
      AZURE_AUTHORITY_HOST: `${w.entra.url}/`,
    });
    expect(file.startsWith(w.job.temp)).toBe(true);
    expectMode(file, 0o600);
    expect(readFileSync(file, 'utf8')).toBe(w.runner.issued[0]);
    // The federation was proven once here, so a broken setup fails in this step, not deep inside an SDK.
    expect(w.entra.requests).toHaveLength(1);

    // A later step of a long job renews the file without any secret: `node "$KEYLESS_CLI" refresh`.
    const refreshed = await runStep(main.env.KEYLESS_CLI ?? '', { ...w.options({}, main.env), args: ['refresh'], actionYml });
    expect(refreshed.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(w.runner.issued[1]);
    expectMode(file, 0o600);
    expect(oidcAudiences(w.runner)).toEqual(['api://AzureADTokenExchange', 'api://AzureADTokenExchange']);

    const post = await w.post({ credentials }, main);
    expect(() => statSync(file)).toThrow();
    w.expectNoLeaks([main, refreshed, post]);
  });

  it('says which federated credential subject to register when none matches (AADSTS700213)', async () => {
    const w = await azureWorld(['repo:acme/widget:environment:production']);
    const main = await w.main({ credentials: w.entry() });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain("AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:acme/widget:ref:refs/heads/main'");
    expect(main.stdout).toContain("add a federated identity credential to the app registration whose issuer, subject and audience are exactly the token's iss, sub and aud above");
    expect(main.stdout).toContain(`The token carried iss="${w.runner.issuer}" sub=`);
    expect(main.stdout).not.toContain('Trace ID');
    w.expectNoLeaks([main]);
  });

  it('names an unknown tenant (AADSTS90002)', async () => {
    const w = await azureWorld();
    const main = await w.main({ credentials: w.entry().replace(TENANT, 'contoso.example') });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain("AADSTS90002: Tenant 'contoso.example' not found");
    expect(main.stdout).toContain('tenant-id names no tenant');
  });

  it('refuses refresh when there is no file Keyless wrote', async () => {
    const w = await azureWorld();
    const run = await runStep(join(dist, 'cli.js'), { ...w.options({}), args: ['refresh'], actionYml });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[INPUT_INVALID] no token file to refresh');
  });

  it('takes from KEYLESS_REFRESH only files inside its own folders: an earlier step cannot point refresh elsewhere', async () => {
    const w = await azureWorld();
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'not-keyless-')), 'token');
    const planted = 'eyJhbGciOiJub25lIn0.eyJhdWQiOiJzdHMuYW1hem9uYXdzLmNvbSJ9.'; // aud: sts.amazonaws.com
    writeFileSync(elsewhere, planted);
    const run = await runStep(join(dist, 'cli.js'), { ...w.options({}, { KEYLESS_REFRESH: elsewhere }), args: ['refresh'], actionYml });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("[INPUT_INVALID] KEYLESS_REFRESH names 1 file(s) outside Keyless's own folders (keyless-* under RUNNER_TEMP, .keyless-* in the workspace)");
    expect(readFileSync(elsewhere, 'utf8')).toBe(planted);
    expect(w.runner.requests).toEqual([]);
  });

  it.each([
    ['a client id that is not a GUID', 'client-id: my-app', /client-id \(line 2\): is not the application \(client\) id/],
    ['an unknown mode', 'mode: cli', /mode \(line \d\): is not one of token, sdk/],
  ])('rejects %s before any request', async (_name, line, message) => {
    const w = await azureWorld();
    const credentials = line.startsWith('client-id') ? `- provider: azure\n  ${line}\n  tenant-id: ${TENANT}` : `${w.entry()}\n  ${line}`;
    const main = await w.main({ credentials });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toMatch(message);
    expect(w.runner.requests).toEqual([]);
  });
});
