import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KeylessError, renderError } from '../errors.js';
import { publicGoodRoot } from '../policy/sigstore/trust.js';
import { type SignerPolicy, type VerifyRequest, verifyBundle } from '../policy/sigstore/verify.js';

export const VERIFY_USAGE = `keyless verify --bundle FILE (--artifact FILE | --digest sha256:HEX) [--trusted-root FILE]
               ((--identity SAN | --identity-regexp RE) --issuer URL | --key PEMFILE) [--json]`;

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `keyless verify`: 0 verified, 1 not verified (reason on stderr), 2 usage error. */
export function verifyCommand(args: readonly string[], io: Output): number {
  let request: VerifyRequest;
  let json: boolean;
  try {
    ({ request, json } = readRequest(args));
  } catch (error) {
    if (error instanceof KeylessError && error.code !== 'USAGE') return fail(io, error, args.includes('--json'));
    io.err(`keyless verify: ${error instanceof Error ? error.message : String(error)}\nusage: ${VERIFY_USAGE}\n`);
    return 2;
  }
  try {
    const result = verifyBundle(request);
    if (json) io.out(`${JSON.stringify({ verified: true, ...result })}\n`);
    else io.out(`verified ${result.digest}${result.identity ? ` signed by ${result.identity}` : ''}${result.issuer ? ` (${result.issuer})` : ''}${result.tlogIndex ? `, log index ${result.tlogIndex}` : ''}\n`);
    return 0;
  } catch (error) {
    return fail(io, error, json);
  }
}

function fail(io: Output, error: unknown, json: boolean): number {
  const reason = renderError(error);
  if (json) io.out(`${JSON.stringify({ verified: false, error: reason })}\n`);
  io.err(`${reason}\n`);
  return 1;
}

function usage(message: string): KeylessError {
  return new KeylessError('USAGE', message);
}

function readRequest(args: readonly string[]): { request: VerifyRequest; json: boolean } {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      bundle: { type: 'string' },
      artifact: { type: 'string' },
      digest: { type: 'string' },
      'trusted-root': { type: 'string' },
      identity: { type: 'string' },
      'identity-regexp': { type: 'string' },
      issuer: { type: 'string' },
      key: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.bundle === undefined) throw usage('--bundle is required');
  if ((values.artifact === undefined) === (values.digest === undefined)) throw usage('give exactly one of --artifact or --digest');
  checkSignerFlags(values);
  const digest = values.digest === undefined ? undefined : /^sha256:([0-9a-f]{64})$/i.exec(values.digest)?.[1];
  if (values.digest !== undefined && digest === undefined) throw usage(`--digest must be sha256:<64 hex>, not ${values.digest}`);
  const policy: SignerPolicy = {
    ...(values.identity !== undefined ? { identity: values.identity } : {}),
    ...(values['identity-regexp'] !== undefined ? { identityRegexp: values['identity-regexp'] } : {}),
    ...(values.issuer !== undefined ? { issuer: values.issuer } : {}),
    ...(values.key !== undefined ? { key: readKey(values.key) } : {}),
  };
  const request: VerifyRequest = {
    bundle: readJson(values.bundle, 'bundle'),
    artifact: values.artifact !== undefined ? { bytes: readFile(values.artifact) } : { sha256: Buffer.from(digest ?? '', 'hex') },
    trustedRoot: values['trusted-root'] !== undefined ? readJson(values['trusted-root'], 'trusted root') : publicGoodRoot(),
    policy,
  };
  return { request, json: values.json };
}

/** Exactly one signer policy: a certificate identity with its issuer (as cosign requires), or a key alone. */
function checkSignerFlags(values: { identity?: string | undefined; 'identity-regexp'?: string | undefined; issuer?: string | undefined; key?: string | undefined }): void {
  if (values.identity !== undefined && values['identity-regexp'] !== undefined) throw usage('give --identity or --identity-regexp, not both');
  const identity = values.identity !== undefined || values['identity-regexp'] !== undefined;
  if (values.key !== undefined && (identity || values.issuer !== undefined)) throw usage('--key verifies a key-signed bundle: give it without --identity, --identity-regexp or --issuer');
  if (values.key === undefined && !identity) throw usage('a signer policy is required: --identity or --identity-regexp with --issuer, or --key');
  if (identity && values.issuer === undefined) throw usage('--issuer is required with --identity and --identity-regexp (e.g. https://token.actions.githubusercontent.com)');
  if (values['identity-regexp'] !== undefined) checkRegExp(values['identity-regexp']);
}

function readFile(path: string): Buffer {
  if (!existsSync(path)) throw usage(`no such file: ${path}`);
  return readFileSync(path);
}

function readJson(path: string, what: string): unknown {
  const text = readFile(path).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new KeylessError('SIGNATURE_INVALID', `the ${what} ${path} is not JSON`);
  }
}

function readKey(path: string): KeyObject {
  try {
    return createPublicKey(readFile(path));
  } catch (error) {
    if (error instanceof KeylessError) throw error;
    throw new KeylessError('SIGNATURE_INVALID', `--key ${path} is not a usable public key (${(error as Error).message})`);
  }
}

function checkRegExp(pattern: string): void {
  try {
    new RegExp(pattern);
  } catch {
    throw usage(`--identity-regexp is not a valid regular expression: ${pattern}`);
  }
}
