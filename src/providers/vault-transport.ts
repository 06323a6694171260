import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { describe, type FieldReader } from '../config/fields.js';
import type { TlsOptions } from '../http/client.js';
import { HEADER_NAME, HEADER_VALUE } from '../http/headers.js';
import { isObject } from '../http/json.js';

// How a Vault entry reaches its Vault: a private CA, a client certificate (mutual TLS), and headers a
// gateway in front of Vault requires. Certificates and keys are parsed by node:crypto here, before any
// network call, and handed on re-armoured, so step state and the TLS stack see one canonical PEM each.

export interface VaultTransport {
  tls?: TlsOptions;
  /** Sent on the login, every secret read and the revocation. */
  headers: Readonly<Record<string, string>>;
}

/** Step state holds PEM up to this size (src/runner/state.ts); a larger bundle is refused here, not lost at post. */
const MAX_PEM = 60_000;
const MAX_HEADERS = 32;

/** Headers Keyless sets itself, or that would change what Vault does with the request, and why each is refused. */
const RESERVED: Readonly<Record<string, string>> = {
  'x-vault-token': 'Keyless sends the token it logged in with',
  'x-vault-namespace': 'use the namespace key',
  authorization: 'Vault reads a bearer token from it, which would compete with the token Keyless logged in with',
  'x-vault-wrap-ttl': 'Vault would answer with a wrapped response instead of the token and secrets',
  host: 'it is set from url',
  'content-type': 'Keyless sends JSON',
  accept: 'Keyless asks for JSON, the only answer it reads',
  'content-length': 'it is computed',
  'transfer-encoding': 'it is set by the HTTP client',
  connection: 'it is set by the HTTP client',
};

/**
 * The entry's TLS and header keys. `tls-skip-verify` is read only to refuse `true`: the runner's OIDC token
 * and the Vault token cross this connection, so the server is always verified.
 */
export function readTransport(fields: FieldReader, url: URL | undefined): VaultTransport {
  const ca = readCertificates(fields, 'ca-certificate');
  const cert = readCertificates(fields, 'client-certificate');
  const key = readKey(fields, 'client-key');
  if (fields.boolean('tls-skip-verify', false)) {
    fields.report('tls-skip-verify', 'is not supported: Keyless always verifies the Vault\'s certificate, since the runner\'s OIDC token and the Vault token cross that connection; give the CA that signed it in ca-certificate');
  }
  const headers = readHeaders(fields);
  if (fields.has('client-certificate') !== fields.has('client-key')) {
    fields.report(fields.has('client-key') ? 'client-key' : 'client-certificate', 'needs client-certificate and client-key together (mutual TLS)');
  }
  const leaf = cert?.[0];
  if (leaf !== undefined && key !== undefined && !leaf.checkPrivateKey(key)) fields.report('client-key', 'is not the private key of client-certificate');
  const anyTls = ['ca-certificate', 'client-certificate', 'client-key'].some((name) => fields.has(name));
  if (anyTls && url !== undefined && url.protocol !== 'https:') fields.report('url', 'must be https:// for ca-certificate, client-certificate and client-key to apply');
  const tls: TlsOptions = {
    ...(ca ? { ca: armour(ca) } : {}),
    ...(cert && key ? { cert: armour(cert), key: key.export({ type: 'pkcs8', format: 'pem' }).toString() } : {}),
  };
  return { ...(Object.keys(tls).length > 0 ? { tls } : {}), headers };
}

function armour(certificates: readonly X509Certificate[]): string {
  return certificates.map((c) => c.toString()).join('');
}

/** PEM text as written, or vault-action's base64 of it; undefined (reported) when it is neither. */
function pemText(fields: FieldReader, key: string, what: string): string | undefined {
  const value = fields.string(key, { expected: `${what} in PEM (or base64 of the PEM, as vault-action takes it)` });
  if (value === undefined) return undefined;
  if (value.includes('-----BEGIN ')) return value;
  const compact = value.replace(/\s+/g, '');
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(compact) ? Buffer.from(compact, 'base64').toString('utf8') : '';
  if (decoded.includes('-----BEGIN ')) return decoded;
  fields.report(key, `is not ${what} in PEM, nor base64 of one`);
  return undefined;
}

function readCertificates(fields: FieldReader, key: string): X509Certificate[] | undefined {
  const pem = pemText(fields, key, 'a certificate');
  if (pem === undefined) return undefined;
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  const certificates: X509Certificate[] = [];
  for (const [i, block] of blocks.entries()) {
    try {
      certificates.push(new X509Certificate(block));
    } catch {
      fields.report(key, `certificate ${i + 1} of ${blocks.length} is not an X.509 certificate`);
      return undefined;
    }
  }
  if (certificates.length === 0) fields.report(key, 'holds no -----BEGIN CERTIFICATE----- block');
  else if (armour(certificates).length > MAX_PEM) fields.report(key, `is over ${MAX_PEM} characters; give only the certificates this Vault needs`);
  else return certificates;
  return undefined;
}

function readKey(fields: FieldReader, key: string): KeyObject | undefined {
  const pem = pemText(fields, key, 'a private key');
  if (pem === undefined) return undefined;
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    // PKCS#8 `ENCRYPTED PRIVATE KEY`, or OpenSSL's `Proc-Type: 4,ENCRYPTED` header: Node's error for either varies by OpenSSL version.
    const encrypted = /^-----BEGIN ENCRYPTED PRIVATE KEY-----|^Proc-Type: 4,ENCRYPTED/m.test(pem);
    // Never the reason Node gives: it can quote the text it could not read.
    fields.report(key, encrypted ? 'is encrypted; give the key unencrypted (from a repository secret)' : 'is not a PEM private key (PKCS#8, PKCS#1 or SEC1)');
    return undefined;
  }
}

/** A mapping `Name: value`, or vault-action's `Name: value` lines; names are matched case-insensitively. */
function readHeaders(fields: FieldReader): Record<string, string> {
  const raw = fields.value('extra-headers');
  if (raw === undefined) return {};
  let pairs: [string, unknown][];
  if (typeof raw === 'string') {
    pairs = raw.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => {
      const colon = line.indexOf(':');
      return colon < 0 ? [line.trim(), undefined] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
  } else if (isObject(raw)) {
    pairs = Object.entries(raw);
  } else {
    fields.report('extra-headers', `must be a mapping of header names to values, or "Name: value" lines, not ${describe(raw)}`);
    return {};
  }
  const headers: Record<string, string> = {};
  for (const [i, [name, value]] of pairs.entries()) {
    const lower = name.toLowerCase();
    const text = typeof value === 'number' ? String(value) : value;
    // Header names are quoted only once they are known to be a token; values never (they are often secrets).
    if (!HEADER_NAME.test(name)) fields.report('extra-headers', `header ${i + 1} has no name of letters, digits and !#$%&'*+.^_\`|~- (write "Name: value")`);
    else if (Object.hasOwn(RESERVED, lower)) fields.report('extra-headers', `may not set ${name}: ${RESERVED[lower] ?? ''}`);
    else if (typeof text !== 'string' || !HEADER_VALUE.test(text)) fields.report('extra-headers', `${name} must have a value of printable ASCII on one line`);
    // vault-action joins a repeated header's values, as HTTP allows.
    else headers[lower] = headers[lower] === undefined ? text : `${headers[lower]}, ${text}`;
  }
  if (Object.keys(headers).length > MAX_HEADERS) fields.report('extra-headers', `has more than ${MAX_HEADERS} headers`);
  return headers;
}
