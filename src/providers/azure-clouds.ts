import { KeylessError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import { isObject, jsonBody, serverText } from '../http/json.js';
import { parseEndpoint } from '../http/url.js';

/**
 * The Azure clouds azure/login's `environment` names, by the name `az cloud` and Connect-AzAccount use:
 * each sets the Entra ID authority and the Resource Manager audience together. Azure Stack Hub has no
 * fixed endpoints: they come from its Resource Manager's metadata endpoint.
 */
export const CLOUDS = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud', 'AzureStack'] as const;
export type CloudName = (typeof CLOUDS)[number];

export interface CloudEndpoints {
  authorityHost: URL;
  /** The default scope: Resource Manager's audience with /.default. */
  armScope: string;
}

const PUBLIC: Readonly<Record<Exclude<CloudName, 'AzureStack'>, { authority: string; arm: string }>> = {
  AzureCloud: { authority: 'https://login.microsoftonline.com/', arm: 'https://management.azure.com/' },
  AzureUSGovernment: { authority: 'https://login.microsoftonline.us/', arm: 'https://management.usgovcloudapi.net/' },
  AzureChinaCloud: { authority: 'https://login.chinacloudapi.cn/', arm: 'https://management.chinacloudapi.cn/' },
};

/** The peer's names, any case; AzureGermanCloud closed in 2021 and is refused with that reason. */
export function cloudByName(text: string): CloudName | undefined {
  return CLOUDS.find((name) => name.toLowerCase() === text.toLowerCase());
}

export function publicCloud(name: Exclude<CloudName, 'AzureStack'>): CloudEndpoints {
  const { authority, arm } = PUBLIC[name];
  return { authorityHost: new URL(authority), armScope: `${arm}.default` };
}

/** The api-version Azure Stack Hub's metadata endpoint answers, as `az cloud register` asks for it. */
export const METADATA_API_VERSION = '2015-01-01';

/**
 * Azure Stack Hub's endpoints from `GET {arm}/metadata/endpoints`: `authentication.loginEndpoint` is the
 * authority, `authentication.audiences[0]` Resource Manager's audience. A stamp that signs in with AD FS
 * cannot accept a federated token from GitHub: refused here with that reason.
 */
export async function azureStackEndpoints(arm: URL, http: HttpClient, authorityHost?: URL): Promise<CloudEndpoints> {
  const url = new URL('metadata/endpoints', arm.href.endsWith('/') ? arm : new URL(`${arm.href}/`));
  url.searchParams.set('api-version', METADATA_API_VERSION);
  const what = `Azure Stack Hub metadata ${url.origin}${url.pathname}`;
  const response = await http.request({ method: 'GET', url, what: 'Azure Stack Hub metadata', headers: { accept: 'application/json' } });
  if (response.status !== 200) {
    throw new KeylessError('DISCOVERY_FAILED', `${what} answered HTTP ${response.status}`, { hint: 'check resource-manager-endpoint: it is the stamp\'s Resource Manager URL, such as https://management.local.azurestack.external/' });
  }
  const body = jsonBody(response, what);
  const auth = isObject(body) && isObject(body.authentication) ? body.authentication : undefined;
  const login = typeof auth?.loginEndpoint === 'string' ? auth.loginEndpoint : undefined;
  const audience = Array.isArray(auth?.audiences) && typeof auth.audiences[0] === 'string' ? auth.audiences[0] : undefined;
  if (login === undefined || audience === undefined || !/^https:\/\/\S+$/.test(audience)) {
    throw new KeylessError('DISCOVERY_FAILED', `${what} answered without authentication.loginEndpoint and authentication.audiences`, {
      hint: 'resource-manager-endpoint must be an Azure Stack Hub Resource Manager',
    });
  }
  let named: URL;
  try {
    named = parseEndpoint(login, 'authentication.loginEndpoint');
  } catch (error) {
    throw new KeylessError('DISCOVERY_FAILED', `${what} named a login endpoint that is not https: ${serverText(login, 200) ?? ''}`, { cause: error });
  }
  if (/\/adfs\/?$/i.test(named.pathname)) {
    throw new KeylessError('EXCHANGE_FAILED', `${what} says this stamp signs in with AD FS (${named.origin}${named.pathname}), which accepts no federated token from GitHub`, {
      hint: 'only an Azure Stack Hub that uses Microsoft Entra ID as its identity provider can federate the runner token',
    });
  }
  checkAuthority(named.origin, authorityHost, what);
  if (!named.pathname.endsWith('/')) named.pathname += '/';
  return { authorityHost: named, armScope: `${audience.replace(/\/?$/, '/')}.default` };
}

/** Microsoft Entra ID's own authorities (login.windows.net is the one Azure Stack Hub stamps often name). */
const ENTRA_ORIGINS = new Set([...Object.values(PUBLIC).map((cloud) => new URL(cloud.authority).origin), 'https://login.windows.net', 'https://login.partner.microsoftonline.cn']);

/**
 * The runner token goes to the login endpoint a stamp's metadata names (az sends it there too), so the
 * metadata alone may not name any host: only Entra ID's own, or the one authority-host names.
 */
function checkAuthority(origin: string, authorityHost: URL | undefined, what: string): void {
  if (ENTRA_ORIGINS.has(origin) || origin === authorityHost?.origin) return;
  throw new KeylessError('DISCOVERY_FAILED', `${what} names the login endpoint ${origin}, which is not Microsoft Entra ID's; the runner token was not sent there`, {
    hint: `if the stamp really signs in there, name it in authority-host: ${origin}/; otherwise check resource-manager-endpoint`,
  });
}
