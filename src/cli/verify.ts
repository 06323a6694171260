import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { KeylessError, renderError } from '../errors.js';
import { readRegularFile } from '../os/regular-file.js';
import { type Evidence, readEvidence } from '../policy/sigstore/evidence-file.js';
import { publicGoodRoot } from '../policy/sigstore/trust.js';
import { type SignerPolicy, type VerifyRequest, verifyBundle } from '../policy/sigstore/verify.js';
import { exitCode, type Output, parseFlags, usage } from './args.js';
import { usageText } from './usage.js';

/**
 * `keyless verify`: 0 verified, 1 not verified (reason on stderr), 2 usage error. Under `--json` every
 * outcome is one JSON object on stdout, so a script never has to parse stderr.
 */
export function verifyCommand(args: readonly string[], io: Output): number {
  // Read before parsing, so that an error in the other flags is reported in the form asked for.
  const json = args.includes('--json');
  try {
    const result = verifyBundle(readRequest(args));
    if (json) io.out(`${JSON.stringify({ verified: true, ...result })}\n`);
    else io.out(`verified ${result.digest}${result.identity ? ` signed by ${result.identity}` : ''}${result.issuer ? ` (${result.issuer})` : ''}${result.tlogIndex ? `, log index ${result.tlogIndex}` : ''}\n`);
    return 0;
  } catch (error) {
    const code = error instanceof KeylessError ? error.code : 'INTERNAL';
    if (json) io.out(`${JSON.stringify({ verified: false, code, error: renderError(error) })}\n`);
    io.err(code === 'USAGE' ? usageText('verify', error as KeylessError) : `${renderError(error)}\n`);
    return exitCode(error);
  }
}

function readRequest(args: readonly string[]): VerifyRequest {
  const { values } = parseFlags(args, {
    bundle: { type: 'string' },
    artifact: { type: 'string' },
    digest: { type: 'string' },
    'trusted-root': { type: 'string' },
    identity: { type: 'string' },
    'identity-regexp': { type: 'string' },
    issuer: { type: 'string' },
    key: { type: 'string' },
    json: { type: 'boolean' },
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
  return {
    bundle: readJson(values.bundle, 'bundle'),
    artifact: values.artifact !== undefined ? { bytes: readArtifact(values.artifact) } : { sha256: Buffer.from(digest ?? '', 'hex') },
    trustedRoot: values['trusted-root'] !== undefined ? readJson(values['trusted-root'], 'trusted root') : publicGoodRoot(),
    policy,
  };
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

/** Each file named on the command line is refused unless it is a regular file within its cap (a FIFO would hang the command, /dev/zero never end). */
function readFile(path: string, kind: Evidence): Buffer {
  if (!existsSync(path)) throw usage(`no such file: ${path}`);
  return readEvidence(path, kind, `check --${kind === 'trusted root' ? 'trusted-root' : kind}`);
}

/** Far above any release binary, and held in memory whole: a larger artifact is verified by --digest. */
const MAX_ARTIFACT_BYTES = 512 * 1024 * 1024;

function readArtifact(path: string): Buffer {
  if (!existsSync(path)) throw usage(`no such file: ${path}`);
  return readRegularFile(path, { maxBytes: MAX_ARTIFACT_BYTES, hint: 'an artifact is a regular file of at most 512 MiB; for a larger one, give --digest sha256:<its sha256>', unreadableHint: 'check --artifact' });
}

function readJson(path: string, what: 'bundle' | 'trusted root'): unknown {
  const text = readFile(path, what).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new KeylessError('SIGNATURE_INVALID', `the ${what} ${path} is not JSON`);
  }
}

function readKey(path: string): KeyObject {
  try {
    return createPublicKey(readFile(path, 'key'));
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
