import type { JWTPayload } from 'jose';
import { decodeJwt } from 'jose/jwt/decode';
import { KeylessError } from '../errors.js';
import type { IdToken } from '../runner/oidc.js';

/** A compact JWS: three base64url parts. Checked before the value is masked or used anywhere. */
export const JWS_COMPACT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** Larger than any OIDC token or JWT-SVID a real issuer signs (GitHub's are ~1.5 KB); past it, a value is refused unread. */
export const MAX_JWT_BYTES = 64 * 1024;

export interface AcceptOptions {
  /** Where the value came from, for messages: `file /var/run/…`, `variable CI_JOB_JWT`. Never the value. */
  what: string;
  mask(secret: string): void;
  /** The `aud` the token must carry: the entry's audience, which the relying party checks too. */
  audience: string;
  now(): number;
  hint: string;
}

/**
 * A subject token Keyless did not ask an issuer for (a file, a variable, a Workload API answer), made an
 * IdToken: a compact JWS of bounded size, masked before anything else sees it, its claims decoded (not
 * verified: the relying party verifies), unexpired, and meant for this entry's audience. Sending a token
 * to a relying party it was not issued for would let that party replay it where it was meant to go.
 */
export function acceptJwt(value: string, options: AcceptOptions): IdToken {
  // (A token without exp passes here: the relying party decides whether it accepts one.)
  const { what, hint } = options;
  const jwt = value.trim();
  if (jwt === '') throw new KeylessError('OIDC_REQUEST_FAILED', `${what} holds no token (it is empty)`, { hint });
  if (jwt.length > MAX_JWT_BYTES) throw new KeylessError('INPUT_TOO_LARGE', `${what} holds more than ${MAX_JWT_BYTES} bytes, more than any JWT`, { hint });
  if (!JWS_COMPACT.test(jwt)) throw notJwt(what, hint);
  options.mask(jwt);
  let claims: JWTPayload;
  try {
    claims = decodeJwt(jwt);
  } catch (error) {
    throw notJwt(what, hint, error);
  }
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  if (!audiences.includes(options.audience)) {
    const held = audiences.length === 0 ? 'no aud claim' : `aud ${audiences.map((a) => JSON.stringify(a)).join(', ')}`;
    throw new KeylessError('OIDC_REQUEST_FAILED', `the token in ${what} is not meant for audience "${options.audience}" (it has ${held})`, {
      hint: "set the entry's oidc-audience to the audience the token is issued for, or have the issuer add this audience",
    });
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= options.now()) {
    // A date before year −271821 has no ISO form: such a token is expired all the same.
    const when = claims.exp * 1000 >= -8.64e15 ? ` at ${new Date(claims.exp * 1000).toISOString()}` : '';
    throw new KeylessError('OIDC_REQUEST_FAILED', `the token in ${what} expired${when}`, { hint });
  }
  return { jwt, claims };
}

function notJwt(what: string, hint: string, cause?: unknown): KeylessError {
  // Never quoted: whatever it holds may be a secret of another kind.
  return new KeylessError('OIDC_REQUEST_FAILED', `${what} does not hold a JWT (three base64url parts joined by dots)`, { hint, ...(cause === undefined ? {} : { cause }) });
}
