import { KeylessError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import { isObject, jsonBody } from '../http/json.js';
import { parseEndpoint } from '../http/url.js';

export interface ServerEndpoints {
  tokenEndpoint: URL;
  revocationEndpoint?: URL;
}

/**
 * Where an issuer publishes its metadata: RFC 8414 §3 inserts the well-known segment between host and
 * path; OpenID Connect Discovery appends it to the issuer.
 */
export function metadataUrls(issuer: URL): URL[] {
  const path = issuer.pathname.replace(/\/$/, '');
  return [
    new URL(`/.well-known/oauth-authorization-server${path}`, issuer),
    new URL(`${path}/.well-known/openid-configuration`, issuer),
  ];
}

/**
 * RFC 8414 discovery with the OpenID fallback; the document must name the same issuer (§3.3). The
 * endpoints it names receive the runner's token and the credential, so they must be on the issuer's own
 * origin, or on one the entry lists in `endpoint-origins`: a metadata document alone never sends a token
 * to another host.
 */
export async function discover(http: HttpClient, issuer: URL, otherOrigins: readonly string[] = []): Promise<ServerEndpoints> {
  const tried: string[] = [];
  for (const url of metadataUrls(issuer)) {
    const response = await http.request({ method: 'GET', url, what: 'authorization server metadata', headers: { accept: 'application/json' } });
    if (response.status !== 200) {
      tried.push(`${url.href} → HTTP ${response.status}`);
      continue;
    }
    const doc = jsonBody(response, `metadata ${url.href}`);
    if (!isObject(doc) || typeof doc.token_endpoint !== 'string') {
      throw new KeylessError('DISCOVERY_FAILED', `metadata at ${url.href} has no token_endpoint`, {
        hint: 'set token-endpoint explicitly',
      });
    }
    const named = typeof doc.issuer === 'string' ? doc.issuer.replace(/\/$/, '') : undefined;
    if (named !== issuer.href.replace(/\/$/, '')) {
      throw new KeylessError('DISCOVERY_FAILED', `metadata at ${url.href} names issuer ${JSON.stringify(doc.issuer)}, not ${issuer.href}`, {
        hint: 'set issuer to exactly the value the server publishes (RFC 8414 §3.3 requires them to match)',
      });
    }
    const revocation = typeof doc.revocation_endpoint === 'string' ? doc.revocation_endpoint : undefined;
    const endpoint = (value: string, name: string) => {
      const url = parseEndpoint(value, `discovered ${name}`);
      if (url.origin !== issuer.origin && !otherOrigins.includes(url.origin)) {
        throw new KeylessError('DISCOVERY_FAILED', `metadata for issuer ${issuer.href} names a ${name} on ${url.origin}, not on the issuer's origin`, {
          hint: `if that host is really the issuer's, list it on the entry: endpoint-origins: [${url.origin}]`,
        });
      }
      return url;
    };
    return {
      tokenEndpoint: endpoint(doc.token_endpoint, 'token_endpoint'),
      ...(revocation ? { revocationEndpoint: endpoint(revocation, 'revocation_endpoint') } : {}),
    };
  }
  throw new KeylessError('DISCOVERY_FAILED', `no metadata found for issuer ${issuer.href} (${tried.join('; ')})`, {
    hint: 'check the issuer URL, or set token-endpoint (and revocation-endpoint) explicitly',
  });
}
