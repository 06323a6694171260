import { KeylessError } from '../errors.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../http/client.js';
import { isObject, jsonBody, parseLoose } from '../http/json.js';
import type { IdToken } from '../runner/oidc.js';
import { claimsForHumans } from './oauth-error.js';

export interface JsonCall {
  http: HttpClient;
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  what: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** False when the request carries a single-use assertion: never sent twice once it reached the server. */
  idempotent?: boolean;
  /** The server's own words from an error body, e.g. crates.io's `errors[].detail`. */
  describe: (body: unknown, text: string) => string | undefined;
  /** Statuses that mean "this workload may not", printed with the token's claims. */
  denied?: readonly number[];
  deniedHint: string;
  idToken?: IdToken;
  /** A private CA or a client certificate for this service. */
  tls?: HttpRequest['tls'];
  /** Another "try again" status of this service (Vault's 412 from a replica that is behind). */
  retryOn?: HttpRequest['retryOn'];
  /** A revocation of what this run minted (HttpRequest.undo). */
  undo?: boolean;
}

/** A JSON request to a token service: the JSON answer on 2xx, else one clear error quoting the service. */
export async function callJson(call: JsonCall): Promise<{ body: Record<string, unknown>; response: HttpResponse }> {
  return jsonAnswer(call, await sendJson(call));
}

/** Sends the request of a JSON call, for a caller that looks at the status first (Vault's 404 for a missing secret). */
export function sendJson(call: JsonCall): Promise<HttpResponse> {
  return call.http.request({
    method: call.method,
    url: call.url,
    what: call.what,
    headers: { accept: 'application/json', ...(call.body === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    ...(call.idempotent === false ? { idempotent: false } : {}),
    ...(call.tls ? { tls: call.tls } : {}),
    ...(call.retryOn ? { retryOn: call.retryOn } : {}),
    ...(call.undo ? { undo: true } : {}),
  });
}

/** The JSON answer of a 2xx response, else one clear error quoting the service. */
export function jsonAnswer(call: JsonCall, response: HttpResponse): { body: Record<string, unknown>; response: HttpResponse } {
  const where = `${call.what} ${call.url.origin}${call.url.pathname}`;
  if (response.status < 200 || response.status >= 300) {
    const said = call.describe(parseLoose(response.body), response.body);
    const text = `${where} answered HTTP ${response.status}${said ? `: ${call.idToken ? said.split(call.idToken.jwt).join('***') : said}` : ''}`;
    if ((call.denied ?? [401, 403]).includes(response.status)) {
      const claims = call.idToken ? ` The token carried ${claimsForHumans(call.idToken)}.` : '';
      throw new KeylessError('EXCHANGE_DENIED', `${text}.${claims}`, { hint: call.deniedHint });
    }
    throw new KeylessError('EXCHANGE_FAILED', text, { hint: response.status >= 500 ? 're-run later; the service is failing' : 'check the entry keys' });
  }
  if (response.status === 204 || response.body === '') return { body: {}, response };
  const body = jsonBody(response, where);
  if (!isObject(body)) throw new KeylessError('HTTP_BAD_RESPONSE', `${where} answered with JSON that is not an object`);
  return { body, response };
}
