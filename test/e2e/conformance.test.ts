import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, root } from './setup.js';

// The official sigstore-conformance bundle-verify cases, from ../shared/corpus (never copied here).
const corpus = join(root, '..', 'shared', 'corpus', 'sigstore-conformance');
const present = existsSync(join(corpus, 'manifest.json'));
if (!present) console.log(`sigstore-conformance corpus not found at ${corpus}: skipping its suite (the self-signed Sigstore suites still verify every invariant)`);

interface Case {
  id: string;
  bundle: string;
  artifact: string;
  digest: string;
  trusted_root: string;
  trusted_root_origin: string;
  identity: string | null;
  issuer: string | null;
  key: string | null;
  expect: 'pass' | 'fail';
  category: string;
}

const cases: Case[] = present ? (JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as Case[]) : [];

function verify(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dist, 'cli.js'), 'verify', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function argsFor(c: Case, mode: 'artifact' | 'digest'): string[] {
  const at = (path: string) => join(corpus, path);
  const args = ['--bundle', at(c.bundle), ...(mode === 'artifact' ? ['--artifact', at(c.artifact)] : ['--digest', c.digest])];
  // Cases on the public-good root run on the root Keyless ships, which must be the same one.
  if (c.trusted_root_origin === 'case') args.push('--trusted-root', at(c.trusted_root));
  if (c.key) args.push('--key', at(c.key));
  if (c.identity) args.push('--identity', c.identity);
  if (c.issuer) args.push('--issuer', c.issuer);
  return args;
}

/**
 * Upstream compares only the exit code, so a case passes for a client that refuses the bundle for any reason,
 * a crash included: skipping Keyless's root-in-chain check once went unnoticed here, because the library then
 * failed on something else (invariant 7). A must-fail case must be refused as a verification, in one of the
 * forms Keyless reports: a library check that failed (its code), or one of Keyless's own checks.
 */
const VERIFICATION_REFUSAL =
  /^\[SIGNATURE_INVALID\] ([A-Z_]+_ERROR: |not a valid Sigstore bundle: |the bundle |the attestation is for |the DSSE payload |the in-toto statement |the signing certificate |--key \S+ is not a usable public key )|^\[TRUST_ROOT_INVALID\] /;

/** Cases whose point is one check of Keyless's own: the reason must be that check. */
const REASON_BY_CASE: Record<string, RegExp> = {
  'bundle-with-root-cert_fail': /^\[SIGNATURE_INVALID\] the bundle carries a root certificate in its chain/,
  'trust-root-tlog-missing-validity-start_fail': /^\[TRUST_ROOT_INVALID\] trusted root entries without validFor\.start: tlogs\[\d+\]/,
  'wrong-material_fail': /^\[SIGNATURE_INVALID\] the bundle signs sha256:[0-9a-f]{64}, not sha256:[0-9a-f]{64}/,
  'bundle-malformed-json_fail': /^\[SIGNATURE_INVALID\] the bundle \S+ is not JSON/,
  'managed-key-wrong-key_fail': /is not a usable public key|SIGNATURE_ERROR/,
};

/** What the corpus's category of a must-fail case says the refusal is about. */
const REASON_BY_CATEGORY: Record<string, RegExp> = {
  'fail/cert-chain': /root certificate in its chain|CERTIFICATE_ERROR/,
  'fail/trust-root-validity': /^\[TRUST_ROOT_INVALID\] /,
  'fail/artifact-binding': /the bundle signs sha256:|the attestation is for /,
  'fail/checkpoint': /TLOG_INCLUSION_PROOF_ERROR: /,
  'fail/inclusion-proof': /TLOG_INCLUSION_PROOF_ERROR: |not a valid Sigstore bundle: /,
  'fail/set': /TLOG_INCLUSION_PROMISE_ERROR: /,
  // A body that differs from the logged one also breaks the signed entry timestamp, which may be checked first.
  'fail/tlog-body-mismatch': /TLOG_BODY_ERROR: |TLOG_INCLUSION_PROMISE_ERROR: /,
  'fail/signature': /TLOG_BODY_ERROR: |SIGNATURE_ERROR: /,
  'fail/tlog-time': /CERTIFICATE_ERROR: |TIMESTAMP_ERROR: /,
  'fail/tsa': /TIMESTAMP_ERROR: |CERTIFICATE_ERROR: /,
};

describe.runIf(present).concurrent('sigstore-conformance bundle-verify, through dist/cli.js verify', () => {
  for (const c of cases) {
    for (const mode of ['artifact', 'digest'] as const) {
      it(`${c.id} (${mode}) must ${c.expect}`, async () => {
        const { code, stderr } = await verify(argsFor(c, mode));
        const reason = stderr.split('\n')[0] ?? '';
        if (c.expect === 'pass') {
          expect({ code, reason: code === 0 ? '' : reason }).toEqual({ code: 0, reason: '' });
          return;
        }
        expect({ code, reason }).toMatchObject({ code: 1 });
        expect(stderr).not.toMatch(/\[INTERNAL\]|\n\s+at /);
        expect(reason).toMatch(VERIFICATION_REFUSAL);
        const expected = REASON_BY_CASE[c.id] ?? REASON_BY_CATEGORY[c.category];
        if (expected) expect(reason).toMatch(expected);
      });
    }
  }
});
