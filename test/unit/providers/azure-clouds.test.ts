import { describe, expect, it } from 'vitest';
import { cloudByName, publicCloud } from '../../../src/providers/azure-clouds.js';

// The sovereign clouds' endpoints, as Microsoft documents them (`az cloud show --name …`): the e2e tests
// cannot reach them, so the table is checked here.

describe('Azure clouds', () => {
  it.each([
    ['AzureCloud', 'https://login.microsoftonline.com/', 'https://management.azure.com/.default'],
    ['AzureUSGovernment', 'https://login.microsoftonline.us/', 'https://management.usgovcloudapi.net/.default'],
    ['AzureChinaCloud', 'https://login.chinacloudapi.cn/', 'https://management.chinacloudapi.cn/.default'],
  ] as const)('%s: authority and Resource Manager scope', (name, authority, scope) => {
    const cloud = publicCloud(name);
    expect(cloud.authorityHost.href).toBe(authority);
    expect(cloud.armScope).toBe(scope);
  });

  it('takes azure/login\'s lower-case names, and no retired or unknown cloud', () => {
    expect(cloudByName('azureusgovernment')).toBe('AzureUSGovernment');
    expect(cloudByName('AZURESTACK')).toBe('AzureStack');
    expect(cloudByName('azuregermancloud')).toBeUndefined();
    expect(cloudByName('moon')).toBeUndefined();
  });
});
