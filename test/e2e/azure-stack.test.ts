import { describe, expect, it } from 'vitest';
import { startEntra } from '../fakes/entra.js';
import { json, startFake } from '../fakes/http-fake.js';
import { errorCodes, world } from './setup.js';

// Azure Stack Hub: the authority comes from the stamp's Resource Manager metadata, and the runner token
// goes there (az sends it there too). A metadata answer alone must not choose where the token goes.

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
const AUDIENCE = 'https://management.azurestack.example/4de154de-f8a8-4017-af41-df619da68155';

async function stackWorld() {
  const w = await world();
  // Another token service that would accept the runner token: what a hostile stamp's metadata points at.
  const elsewhere = w.adopt(await startEntra({ trustedIssuer: w.runner.issuer, tenantId: TENANT, clientId: CLIENT, subjects: ['repo:acme/widget:ref:refs/heads/main'] }));
  const metadata = w.adopt(Object.assign(await startFake({
    'GET /metadata/endpoints': (_req, res) => json(res, 200, { authentication: { loginEndpoint: `${elsewhere.url}/`, audiences: [AUDIENCE] } }),
  }), { issued: [] as string[] }));
  const entry = (extra = '') => `- provider: azure\n  client-id: ${CLIENT}\n  tenant-id: ${TENANT}\n  environment: AzureStack\n  resource-manager-endpoint: ${metadata.url}/\n  az-login: false${extra}`;
  return { ...w, elsewhere, metadata, entry };
}

describe('provider: azure, environment AzureStack', () => {
  it('refuses a login endpoint the metadata names on a host that is not Entra ID\'s, and sends it no token', async () => {
    const w = await stackWorld();
    const main = await w.main({ credentials: w.entry() });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['DISCOVERY_FAILED']);
    expect(main.stdout).toContain(`Azure Stack Hub metadata ${w.metadata.url}/metadata/endpoints names the login endpoint ${w.elsewhere.url}, which is not Microsoft Entra ID's; the runner token was not sent there`);
    expect(main.stdout).toContain(`if the stamp really signs in there, name it in authority-host: ${w.elsewhere.url}/`);
    expect(w.elsewhere.requests).toEqual([]);
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('takes that login endpoint when authority-host names it', async () => {
    const w = await stackWorld();
    const main = await w.main({ credentials: w.entry(`\n  authority-host: ${w.elsewhere.url}/`) });
    expect(main.code, main.stdout).toBe(0);
    expect(new URLSearchParams(w.elsewhere.requests[0]?.body).get('scope')).toBe(`${AUDIENCE}/.default`);
    w.expectNoLeaks([main]);
  });
});
