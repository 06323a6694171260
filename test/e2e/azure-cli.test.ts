import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AzCall, startAzureCli } from '../fakes/azure-cli.js';
import { startEntra } from '../fakes/entra.js';
import { json, startFake } from '../fakes/http-fake.js';
import { runStep } from '../fakes/runner-harness.js';
import { actionYml, errorCodes, world } from './setup.js';

// An azure entry signs az (and Az PowerShell) in for later steps, as azure/login does: a fake `az` and
// `pwsh` first on PATH record every call (test/fakes/azure-cli.ts).

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
const SUBSCRIPTION = '11111111-2222-4333-8444-555555555555';
const posix = process.platform !== 'win32';

async function azWorld(options: { pwsh?: boolean; base?: string } = {}) {
  const w = await world();
  const entra = w.adopt(await startEntra({ trustedIssuer: w.runner.issuer, tenantId: TENANT, clientId: CLIENT, subjects: ['repo:acme/widget:ref:refs/heads/main'] }));
  const cli = startAzureCli(options);
  const entry = (extra = '') => `- provider: azure\n  client-id: ${CLIENT}\n  tenant-id: ${TENANT}\n  authority-host: ${entra.url}/${extra}`;
  const env = { PATH: cli.path };
  return { ...w, entra, cli, entry, env };
}

const az = (calls: AzCall[]) => calls.filter((c) => c.tool === 'az').map((c) => c.argv.join(' '));

describe('az session (az-login)', () => {
  it('signs az in with the runner token on stdin, selects the subscription, in a private folder later steps get; post signs out and deletes it', async () => {
    const w = await azWorld();
    const credentials = w.entry(`\n  subscription-id: ${SUBSCRIPTION}`);
    const main = await w.main({ credentials }, w.env);

    expect(main.code).toBe(0);
    const dir = main.env.AZURE_CONFIG_DIR ?? '';
    expect(dir.startsWith(join(w.job.temp, 'keyless-azure-'))).toBe(true);
    if (posix) expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(az(w.cli.calls())).toEqual([
      `login --service-principal --username ${CLIENT} --tenant ${TENANT} --federated-token @- --output none`,
      `account set --subscription ${SUBSCRIPTION} --output none`,
    ]);
    const [login] = w.cli.calls();
    // The token az signs in with is the runner token Keyless exchanged, and it never was on a command line.
    expect(login?.stdin).toBe(w.runner.issued[0]);
    expect(w.cli.calls().every((c) => c.configDir === dir && !c.argv.join(' ').includes(w.runner.issued[0] ?? '!'))).toBe(true);
    if (posix) expect(login?.configMode).toBe(0o700);
    const profile = JSON.parse(readFileSync(join(dir, 'azureProfile.json'), 'utf8')) as { subscriptions: { id: string; isDefault: boolean }[] };
    expect(profile.subscriptions.find((s) => s.isDefault)?.id).toBe(SUBSCRIPTION);
    // A later step's `az` finds the session; `keyless refresh` finds what to sign in again.
    expect(main.env.KEYLESS_REFRESH).toBe(join(dirname(dir), 'azure-session.json'));
    expect(main.env.KEYLESS_CLI).toBeDefined();
    expect(main.stdout).toContain(`Signed az in as ${CLIENT} (AzureCloud, subscription ${SUBSCRIPTION})`);
    expect(main.stdout).toContain('env AZURE_CONFIG_DIR (az session)');

    const post = await w.post({ credentials }, main, w.env);
    expect(az(w.cli.calls()).at(-1)).toBe('logout --output none');
    expect(w.cli.calls().at(-1)?.configDir).toBe(dir);
    expect(existsSync(dirname(dir))).toBe(false);
    expect(post.stdout).toContain('not revocable az "azure": signed out (az logout) and its folder deleted');
    w.expectNoLeaks([main, post]);
  });

  it('allow-no-subscriptions: signs in to the tenant alone, as azure/login passes it', async () => {
    const w = await azWorld();
    w.cli.control({ noSubscriptions: true });
    const credentials = w.entry('\n  allow-no-subscriptions: true');
    const { main, post } = await w.job2({ credentials }, w.env);
    expect(main.code).toBe(0);
    expect(az(w.cli.calls())).toEqual([`login --service-principal --username ${CLIENT} --tenant ${TENANT} --federated-token @- --allow-no-subscriptions --output none`, 'logout --output none']);
    w.expectNoLeaks([main, post]);
  });

  it('says what to do when the app has no subscription and allow-no-subscriptions is not set; nothing is handed out', async () => {
    const w = await azWorld();
    w.cli.control({ noSubscriptions: true });
    const credentials = w.entry();
    const { main, post } = await w.job2({ credentials }, w.env);
    expect(errorCodes(main)).toEqual(['EXCHANGE_FAILED']);
    expect(main.stdout).toContain(`az login failed (exit 1): ERROR: No subscriptions found for ${CLIENT}.`);
    expect(main.stdout).toContain('set allow-no-subscriptions: true to sign in to the tenant alone');
    expect(main.env.AZURE_CONFIG_DIR).toBeUndefined();
    expect(main.env.AZURE_ACCESS_TOKEN).toBeUndefined();
    expect(az(w.cli.calls()).at(-1)).toBe('logout --output none');
    w.expectNoLeaks([main, post]);
  });

  it('names az\'s own refusal and what to do (AADSTS700213 from az login), its message masked', async () => {
    const w = await azWorld();
    w.cli.control({ loginError: "ERROR: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:acme/widget:ref:refs/heads/main'. Assertion: {token}" });
    const { main, post } = await w.job2({ credentials: w.entry() }, w.env);
    expect(errorCodes(main)).toEqual(['EXCHANGE_FAILED']);
    expect(main.stdout).toContain('az login failed (exit 1): ERROR: AADSTS700213: No matching federated identity record');
    expect(main.stdout).toContain('add a federated identity credential to the app registration');
    // az echoed the token it was given: the message Keyless repeats shows the mask instead.
    expect(main.stdout).toContain('Assertion: ***');
    w.expectNoLeaks([main, post]);
  });

  it('a wrong subscription-id fails at az account set, with the subscription to check', async () => {
    const w = await azWorld();
    const other = '99999999-2222-4333-8444-555555555555';
    const { main, post } = await w.job2({ credentials: w.entry(`\n  subscription-id: ${other}`) }, w.env);
    expect(errorCodes(main)).toEqual(['EXCHANGE_FAILED']);
    expect(main.stdout).toContain(`az account set failed (exit 1): ERROR: The subscription of '${other}' doesn't exist in cloud 'AzureCloud'.`);
    expect(main.stdout).toContain('check subscription-id, and that the app has a role on that subscription');
    w.expectNoLeaks([main, post]);
  });

  it('keyless refresh signs az in again with a fresh runner token, in the same folder, and keeps the subscription', async () => {
    const w = await azWorld();
    const credentials = w.entry(`\n  subscription-id: ${SUBSCRIPTION}\n  environment: AzureUSGovernment`);
    const main = await w.main({ credentials }, w.env);
    expect(main.code).toBe(0);
    const dir = main.env.AZURE_CONFIG_DIR ?? '';
    const before = w.cli.calls().length;

    const refreshed = await runStep(main.env.KEYLESS_CLI ?? '', { ...w.options({}, { ...main.env, ...w.env }), args: ['refresh'], actionYml });
    expect(refreshed.stderr).toBe('');
    expect(refreshed.code).toBe(0);
    const again = w.cli.calls().slice(before);
    // The cloud is kept in the folder: only the sign-in and the subscription run again.
    expect(az(again)).toEqual([
      `login --service-principal --username ${CLIENT} --tenant ${TENANT} --federated-token @- --output none`,
      `account set --subscription ${SUBSCRIPTION} --output none`,
    ]);
    expect(again[0]?.stdin).toBe(w.runner.issued[1]);
    expect(again.every((c) => c.configDir === dir)).toBe(true);
    expect(refreshed.stdout).toContain(`Signed in again: az session in ${dir} (audience api://AzureADTokenExchange)`);
    const entries = JSON.parse(readFileSync(join(dir, 'service_principal_entries.json'), 'utf8')) as { client_assertion: string }[];
    expect(entries[0]?.client_assertion).toBe(w.runner.issued[1]);

    const post = await w.post({ credentials }, main, w.env);
    expect(existsSync(dir)).toBe(false);
    w.expectNoLeaks([main, refreshed, post]);
  });

  it('refresh refuses a session file whose az folder an earlier step pointed elsewhere', async () => {
    const w = await azWorld();
    const main = await w.main({ credentials: w.entry() }, w.env);
    const file = main.env.KEYLESS_REFRESH ?? '';
    const record = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...record, configDir: mkdtempSync(join(tmpdir(), 'elsewhere-')) }));
    const before = w.cli.calls().length;
    const refreshed = await runStep(main.env.KEYLESS_CLI ?? '', { ...w.options({}, { ...main.env, ...w.env }), args: ['refresh'], actionYml });
    expect(refreshed.code).toBe(1);
    expect(refreshed.stderr).toContain('is not a session file Keyless wrote: its az folder is not inside a keyless-* folder under RUNNER_TEMP');
    expect(w.cli.calls()).toHaveLength(before);
    const post = await w.post({ credentials: w.entry() }, main, w.env);
    w.expectNoLeaks([main, refreshed, post]);
  });

  it('az-login: auto signs nothing in where az is not installed; az-login: true says to install it', async () => {
    const w = await azWorld();
    const empty = mkdtempSync(join(tmpdir(), 'empty-bin-'));
    const auto = await w.main({ credentials: w.entry() }, { PATH: empty });
    expect(auto.code).toBe(0);
    expect(auto.env.AZURE_CONFIG_DIR).toBeUndefined();
    expect(auto.env.AZURE_ACCESS_TOKEN).toBe(w.entra.issued[0]);

    const { main, post } = await w.job2({ credentials: w.entry('\n  az-login: true') }, { PATH: empty });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('az-login: true, but az (the Azure CLI) is not on PATH');
    expect(main.stdout).toContain('install the Azure CLI in an earlier step');
    expect(main.env.AZURE_ACCESS_TOKEN).toBeUndefined();
    w.expectNoLeaks([auto, main, post]);
  });

  it('az-login: false, or an entry that exports nothing, leaves az alone', async () => {
    const w = await azWorld();
    const off = await w.main({ credentials: w.entry('\n  az-login: false') }, w.env);
    const none = await w.main({ credentials: w.entry('\n  export: outputs') }, w.env);
    expect([off.code, none.code]).toEqual([0, 0]);
    expect(w.cli.calls()).toEqual([]);
    expect(off.env.AZURE_CONFIG_DIR).toBeUndefined();
    w.expectNoLeaks([off, none], { env: true, outputs: true });
  });

  it('refuses two entries that would both sign az in, before any request', async () => {
    const w = await azWorld();
    const main = await w.main({ credentials: `${w.entry()}\n  id: one\n${w.entry()}\n  id: two` }, w.env);
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('signs az and Az PowerShell in for later steps, as credentials[0] does');
    expect(w.runner.requests).toEqual([]);
    w.expectNoLeaks([main]);
  });
});

describe('environment (sovereign clouds)', () => {
  it.each([
    ['AzureUSGovernment', 'https://management.usgovcloudapi.net/.default'],
    ['azurechinacloud', 'https://management.chinacloudapi.cn/.default'],
  ])('%s: Resource Manager scope of that cloud, and az set to it', async (environment, scope) => {
    const w = await azWorld();
    const { main, post } = await w.job2({ credentials: w.entry(`\n  environment: ${environment}`) }, w.env);
    expect(main.code).toBe(0);
    expect(new URLSearchParams(w.entra.requests[0]?.body).get('scope')).toBe(scope);
    const name = environment === 'azurechinacloud' ? 'AzureChinaCloud' : environment;
    expect(az(w.cli.calls()).slice(0, 2)).toEqual([`cloud set --name ${name}`, `login --service-principal --username ${CLIENT} --tenant ${TENANT} --federated-token @- --output none`]);
    w.expectNoLeaks([main, post]);
  });

  it('AzureStack: authority and audience from the stamp\'s metadata endpoint; az registers the stamp and uses it', async () => {
    const w = await azWorld();
    const audience = 'https://management.azurestack.example/4de154de-f8a8-4017-af41-df619da68155';
    const metadata = w.adopt(Object.assign(await startFake({
      'GET /metadata/endpoints': (_req, res) => json(res, 200, {
        galleryEndpoint: 'https://portal.azurestack.example:30015/',
        graphEndpoint: 'https://graph.windows.net/',
        portalEndpoint: 'https://portal.azurestack.example/',
        authentication: { loginEndpoint: `${w.entra.url}/`, audiences: [audience] },
      }),
    }), { issued: [] as string[] }));
    const credentials = `- provider: azure\n  client-id: ${CLIENT}\n  tenant-id: ${TENANT}\n  environment: AzureStack\n  resource-manager-endpoint: ${metadata.url}/\n  authority-host: ${w.entra.url}/\n  mode: sdk`;
    const { main, post } = await w.job2({ credentials }, w.env);

    expect(main.code).toBe(0);
    // Keyless asks the stamp itself, and az asks it again when it registers the cloud.
    expect(metadata.requests.map((r) => `${r.path}?${r.query.toString()}`)).toEqual(['/metadata/endpoints?api-version=2015-01-01', '/metadata/endpoints?api-version=2015-01-01']);
    expect(w.entra.requests[0]?.path).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(new URLSearchParams(w.entra.requests[0]?.body).get('scope')).toBe(`${audience}/.default`);
    expect(main.env.AZURE_AUTHORITY_HOST).toBe(`${w.entra.url}/`);
    const calls = az(w.cli.calls());
    expect(calls[0]).toBe(`cloud register --name AzureStack --endpoint-resource-manager ${metadata.url}/ --suffix-keyvault-dns .vault.0.0.1 --suffix-storage-endpoint 0.0.1 --profile 2019-03-01-hybrid`);
    expect(calls[1]).toBe('cloud set --name AzureStack');
    w.expectNoLeaks([main, post]);
  });

  it('AzureStack with AD FS is refused with the reason; resource-manager-endpoint is required', async () => {
    const w = await azWorld();
    const metadata = await startFake({ 'GET /metadata/endpoints': (_req, res) => json(res, 200, { authentication: { loginEndpoint: 'https://adfs.local.azurestack.external/adfs', audiences: ['https://management.adfs.azurestack.local/abc'] } }) });
    try {
      const adfs = await w.main({ credentials: `- provider: azure\n  client-id: ${CLIENT}\n  tenant-id: ${TENANT}\n  environment: AzureStack\n  resource-manager-endpoint: ${metadata.url}` }, w.env);
      expect(errorCodes(adfs)).toEqual(['EXCHANGE_FAILED']);
      expect(adfs.stdout).toContain('says this stamp signs in with AD FS');
      expect(adfs.stdout).toContain('only an Azure Stack Hub that uses Microsoft Entra ID');
      const missing = await w.main({ credentials: `${w.entry()}\n  environment: AzureStack` }, w.env);
      expect(errorCodes(missing)).toEqual(['INPUT_INVALID']);
      expect(missing.stdout).toContain('resource-manager-endpoint');
      expect(missing.stdout).toContain('is required with environment: AzureStack');
      const german = await w.main({ credentials: `${w.entry()}\n  environment: AzureGermanCloud` }, w.env);
      expect(german.stdout).toContain('AzureGermanCloud (Microsoft Cloud Deutschland) closed in October 2021');
      w.expectNoLeaks([adfs, missing, german]);
    } finally {
      await metadata.close();
    }
  });
});

describe.skipIf(!posix)('Az PowerShell session (enable-AzPSSession)', () => {
  it('Connect-AzAccount with the token in pwsh\'s environment, not its command line; post clears the context', async () => {
    const w = await azWorld();
    const credentials = w.entry(`\n  subscription-id: ${SUBSCRIPTION}\n  enable-AzPSSession: true\n  az-login: false`);
    const main = await w.main({ credentials }, w.env);
    expect(main.code).toBe(0);
    const [call] = w.cli.calls();
    expect(call?.tool).toBe('pwsh');
    expect(call?.argv.slice(0, 4)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-Command']);
    expect(call?.argv.join(' ')).toContain('Connect-AzAccount @connect');
    expect(call?.argv.join(' ')).not.toContain(w.runner.issued[0]);
    expect(call?.env).toMatchObject({
      KEYLESS_AZ_FEDERATED_TOKEN: w.runner.issued[0],
      KEYLESS_AZ_CLIENT_ID: CLIENT,
      KEYLESS_AZ_TENANT_ID: TENANT,
      KEYLESS_AZ_SUBSCRIPTION_ID: SUBSCRIPTION,
      KEYLESS_AZ_ENVIRONMENT: 'AzureCloud',
    });
    expect(call?.env?.PSModulePath?.split(':')[0]).toBe('/usr/share');
    const context = join(w.job.root, '.Azure', 'AzureRmContext.json');
    expect(existsSync(context)).toBe(true);
    expect(main.env.AZURE_CONFIG_DIR).toBeUndefined();

    const post = await w.post({ credentials }, main, w.env);
    expect(w.cli.calls().at(-1)?.argv.join(' ')).toContain('Clear-AzContext -Scope CurrentUser -Force');
    expect(existsSync(context)).toBe(false);
    expect(post.stdout).toContain('not revocable Az PowerShell "azure": signed out (Clear-AzContext)');
    w.expectNoLeaks([main, post]);
  });

  it('says to install Az.Accounts when pwsh has no such module, and to install pwsh when there is none', async () => {
    const w = await azWorld();
    w.cli.control({ pwshNoModule: true });
    const credentials = w.entry('\n  enable-AzPSSession: true\n  az-login: false');
    const { main, post } = await w.job2({ credentials }, w.env);
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('enable-AzPSSession: the Az.Accounts PowerShell module is not installed');
    expect(main.stdout).toContain('Install-Module Az.Accounts -Scope CurrentUser -Force');

    const bare = startAzureCli({ pwsh: false, base: '' });
    const without = await w.main({ credentials }, { PATH: bare.path });
    expect(errorCodes(without)).toEqual(['INPUT_INVALID']);
    expect(without.stdout).toContain('enable-AzPSSession: true, but pwsh (PowerShell 7) is not on PATH');
    w.expectNoLeaks([main, post, without]);
  });

  it('keyless refresh signs Az PowerShell in again too', async () => {
    const w = await azWorld();
    const credentials = w.entry('\n  enable-AzPSSession: true');
    const main = await w.main({ credentials }, w.env);
    expect(main.code).toBe(0);
    const before = w.cli.calls().length;
    const refreshed = await runStep(main.env.KEYLESS_CLI ?? '', { ...w.options({}, { ...main.env, ...w.env }), args: ['refresh'], actionYml });
    expect(refreshed.code).toBe(0);
    const again = w.cli.calls().slice(before);
    expect(again.map((c) => c.tool)).toEqual(['az', 'pwsh']);
    expect(again[0]?.stdin).toBe(w.runner.issued[1]);
    expect(again[1]?.env?.KEYLESS_AZ_FEDERATED_TOKEN).toBe(w.runner.issued[1]);
    expect(refreshed.stdout).toContain('and Az PowerShell session');
    const post = await w.post({ credentials }, main, w.env);
    w.expectNoLeaks([main, refreshed, post]);
  });
});
