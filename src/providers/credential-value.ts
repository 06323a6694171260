import { KeylessError } from '../errors.js';

/** The characters and length one kind of credential may have; `expected` says it in words for the error. */
export interface ValueShape {
  pattern: RegExp;
  expected: string;
}

/**
 * Any token: printable ASCII, no space or control character, bounded. Every token format Keyless hands
 * out (JWTs, base64 and base64url, `ghs_`, `hvs.`, `ya29.`, `npm_`, `pypi-`) fits, and nothing that could
 * end a line, a record or a quoted string in a file or a variable does.
 */
export const TOKEN: ValueShape = { pattern: /^[\x21-\x7e]{1,16384}$/, expected: 'printable ASCII without spaces, at most 16384 characters' };

/** A compact JWS (header.payload.signature), as the runner's OIDC token and ACR refresh tokens are. */
export const JWT: ValueShape = { pattern: /^[\w-]{1,8192}\.[\w-]{1,16384}\.[\w-]{0,8192}$/, expected: 'a compact JWT (three base64url parts)' };

/** Standard base64 (`+`, `/`, `=` padding), for secrets AWS documents as base64-encoded. */
export const BASE64: ValueShape = { pattern: /^[A-Za-z0-9+/]{1,16384}={0,2}$/, expected: 'base64, at most 16384 characters' };

/**
 * Checks a credential the moment it arrives, before it is masked, used or written anywhere: a value a
 * server could shape into a second line of a file or a variable is refused, not handed on. The error
 * names the service and the field, never the value.
 *
 * @example credentialValue(body.token, 'token', `crates.io at ${url.origin}`)
 */
export function credentialValue(value: unknown, field: string, what: string, shape: ValueShape = TOKEN): string {
  if (typeof value === 'string' && shape.pattern.test(value)) return value;
  const missing = value === undefined || value === null || value === '';
  throw new KeylessError(
    'HTTP_BAD_RESPONSE',
    missing ? `${what} answered without ${field}` : `${what} answered ${field} in a form that is not ${shape.expected}; it was not used`,
    { hint: 'the service is misbehaving, or the URL points at something that is not this service; report it to its operator' },
  );
}

/**
 * The ISO date `seconds` after `now`; for a lifetime past any date JavaScript can hold, a text the exchange
 * refuses as unreadable (src/exchange.ts) once the credential's revocation is recorded, where throwing
 * here, before that, would leave a revocable token unrevoked.
 */
export function expiresAfter(now: number, seconds: number): string {
  const at = new Date(now + seconds * 1000);
  return Number.isNaN(at.getTime()) ? `in ${String(seconds)} s` : at.toISOString();
}
