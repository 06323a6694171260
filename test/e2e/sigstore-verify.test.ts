import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GITHUB_ISSUER, LOOKALIKE_IDENTITY, LOOKALIKE_ISSUER, type SignedFixtures, signedFixtures, TOOL_IDENTITY } from '../fakes/sigstore-fixtures.js';
import { SLSA_V1 } from '../fakes/sigstore-signer.js';
import { dist } from './setup.js';

// `keyless verify` against bundles signed at test time by a loopback Sigstore instance: no outside corpus,
// so these run in every clone and in CI.
let f: SignedFixtures;
beforeAll(async () => {
  f = await signedFixtures();
});
afterAll(() => f.sigstore.close());

/** `keyless verify` with this instance's trusted root, unless the arguments name one. */
function verify(...args: string[]) {
  const root = args.includes('--trusted-root') ? [] : ['--trusted-root', f.trustedRoot];
  const run = spawnSync(process.execPath, [join(dist, 'cli.js'), 'verify', ...root, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** What a refusal printed on stderr (`[CODE] what — hint`), once it is known to be a refusal and not a crash. */
function refusal(run: ReturnType<typeof verify>): string {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\[INTERNAL\]|\n\s+at /);
  return run.stderr;
}

const signer = ['--identity', TOOL_IDENTITY, '--issuer', GITHUB_ISSUER];
const by = (mode: 'artifact' | 'digest', artifact: { path: string; sha256: string }) => (mode === 'artifact' ? ['--artifact', artifact.path] : ['--digest', `sha256:${artifact.sha256}`]);
const modes = ['artifact', 'digest'] as const;

describe('keyless verify, keyless signatures (Fulcio certificate)', () => {
  it.each(modes)('verifies a message signature by --%s and reports who signed, when, and where it is logged', (mode) => {
    const run = verify('--bundle', f.bundles.keylessMessage, ...by(mode, f.tool), ...signer, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      verified: true,
      digest: `sha256:${f.tool.sha256}`,
      identity: TOOL_IDENTITY,
      issuer: GITHUB_ISSUER,
      tlogIndex: expect.stringMatching(/^\d+$/) as unknown,
      integratedTime: expect.stringMatching(/^20\d\d-/) as unknown,
    });
  });

  it.each(modes)('verifies a DSSE provenance attestation whose subject is the artifact, by --%s', (mode) => {
    const run = verify('--bundle', f.bundles.keylessDsse, ...by(mode, f.tool), ...signer, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verified: true, digest: `sha256:${f.tool.sha256}`, identity: TOOL_IDENTITY, predicateType: SLSA_V1 });
  });

  it.each(modes)('refuses a tampered artifact, by --%s, naming both digests', (mode) => {
    expect(refusal(verify('--bundle', f.bundles.keylessMessage, ...by(mode, f.tampered), ...signer))).toContain(`[SIGNATURE_INVALID] the bundle signs sha256:${f.tool.sha256}, not sha256:${f.tampered.sha256}`);
    expect(refusal(verify('--bundle', f.bundles.keylessDsse, ...by(mode, f.tampered), ...signer))).toContain(`[SIGNATURE_INVALID] the attestation is for tool@sha256:${f.tool.sha256}, not sha256:${f.tampered.sha256}`);
  });

  it('refuses the bundle of another artifact, message or attestation', () => {
    expect(refusal(verify('--bundle', f.bundles.otherMessage, ...by('artifact', f.tool), ...signer))).toContain(`the bundle signs sha256:${f.other.sha256}, not sha256:${f.tool.sha256}`);
    expect(refusal(verify('--bundle', f.bundles.otherDsse, ...by('digest', f.tool), ...signer))).toContain(`the attestation is for tool@sha256:${f.other.sha256}, not sha256:${f.tool.sha256}`);
  });

  it('refuses an attestation whose statement was rewritten to name another artifact: the envelope no longer matches its log entry', () => {
    const bundle = JSON.parse(readFileSync(f.bundles.keylessDsse, 'utf8')) as { dsseEnvelope: { payload: string } };
    const statement = Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8');
    bundle.dsseEnvelope.payload = Buffer.from(statement.replace(f.tool.sha256, f.tampered.sha256)).toString('base64');
    const edited = join(f.dir, 'rewritten-statement.sigstore.json');
    writeFileSync(edited, JSON.stringify(bundle));
    expect(refusal(verify('--bundle', edited, ...by('artifact', f.tampered), ...signer))).toContain('[SIGNATURE_INVALID] TLOG_BODY_ERROR: DSSE payload hash mismatch');
  });

  it('refuses another signer identity', () => {
    const other = 'https://github.com/acme/other/.github/workflows/release.yml@refs/tags/v1.0.0';
    expect(refusal(verify('--bundle', f.bundles.keylessMessage, ...by('artifact', f.tool), '--identity', other, '--issuer', GITHUB_ISSUER))).toContain(`[SIGNATURE_INVALID] UNTRUSTED_SIGNER_ERROR: certificate identity error - expected /^https:\\/\\/github\\.com\\/acme\\/other\\/`);
  });

  // Invariant 4: an exact identity is a literal. Read as a regular expression, its `.` would match the `X`.
  it('matches --identity literally: a SAN that differs only where the identity has a "." is refused', () => {
    const reason = refusal(verify('--bundle', f.bundles.lookalikeIdentity, ...by('artifact', f.tool), ...signer));
    expect(reason).toContain('UNTRUSTED_SIGNER_ERROR: certificate identity error');
    expect(reason).toContain(`got ${LOOKALIKE_IDENTITY}`);
    // The same identity does accept the bundle its own SAN signed.
    expect(verify('--bundle', f.bundles.lookalikeIdentity, ...by('artifact', f.tool), '--identity', LOOKALIKE_IDENTITY, '--issuer', GITHUB_ISSUER).code).toBe(0);
  });

  it.each([
    ['another issuer', 'keylessMessage', 'https://accounts.google.com', `expected issuer=https://accounts.google.com, got issuer=${GITHUB_ISSUER}`],
    ['an issuer that only starts like the policy\'s', 'lookalikeIssuer', GITHUB_ISSUER, `expected issuer=${GITHUB_ISSUER}, got issuer=${LOOKALIKE_ISSUER}`],
  ] as const)('refuses a certificate from %s', (_name, bundle, issuer, reason) => {
    const text = refusal(verify('--bundle', f.bundles[bundle], ...by('artifact', f.tool), '--identity', TOOL_IDENTITY, '--issuer', issuer));
    expect(text).toContain('[SIGNATURE_INVALID] UNTRUSTED_SIGNER_ERROR: invalid certificate extension');
    expect(text).toContain(reason);
  });

  it('anchors --identity-regexp at both ends and around its alternatives', () => {
    const regexp = (pattern: string) => verify('--bundle', f.bundles.keylessMessage, ...by('artifact', f.tool), '--identity-regexp', pattern, '--issuer', GITHUB_ISSUER);
    expect(regexp('https://github\\.com/acme/tool/\\.github/workflows/release\\.yml@refs/tags/v.*').code).toBe(0);
    for (const pattern of ['acme/tool', 'github\\.com/acme/tool/.*', 'https://github\\.com/acme/tool/\\.github/workflows/release\\.yml', 'https://nowhere\\.example|acme/tool/.*']) {
      expect(refusal(regexp(pattern)), pattern).toContain('UNTRUSTED_SIGNER_ERROR: certificate identity error');
    }
  });

  it('refuses, under --key, a bundle signed by a certificate, message or attestation', () => {
    expect(refusal(verify('--bundle', f.bundles.keylessMessage, ...by('artifact', f.tool), '--key', f.key))).toContain('[SIGNATURE_INVALID] the bundle is signed with a certificate (x509CertificateChain), not with the given key');
    expect(refusal(verify('--bundle', f.bundles.keylessDsse, ...by('digest', f.tool), '--key', f.key))).toContain('[SIGNATURE_INVALID] the bundle is signed with a certificate (certificate), not with the given key');
  });

  it('refuses a bundle from an instance the trusted root does not hold, and a certificate from a CA it does not hold', () => {
    const publicGood = spawnSync(process.execPath, [join(dist, 'cli.js'), 'verify', '--bundle', f.bundles.keylessDsse, '--artifact', f.tool.path, ...signer], { encoding: 'utf8' });
    expect(refusal({ code: publicGood.status, stdout: publicGood.stdout, stderr: publicGood.stderr })).toContain('[SIGNATURE_INVALID] TIMESTAMP_ERROR: timestamp could not be verified');
    // This instance's logs and TSA, but the TSA's own root where Fulcio's root belongs.
    const root = JSON.parse(readFileSync(f.trustedRoot, 'utf8')) as { certificateAuthorities: unknown[]; timestampAuthorities: unknown[] };
    root.certificateAuthorities = root.timestampAuthorities;
    const otherCa = join(f.dir, 'other-ca-root.json');
    writeFileSync(otherCa, JSON.stringify(root));
    expect(refusal(verify('--bundle', f.bundles.keylessDsse, ...by('artifact', f.tool), ...signer, '--trusted-root', otherCa))).toContain('[SIGNATURE_INVALID] CERTIFICATE_ERROR: Failed to verify certificate chain');
  });
});

// Invariant 7: a chain that carries its own root is refused for that reason. The library reads only the leaf
// of a chain, so without Keyless's own check this bundle verifies: its root is the trusted one.
describe('keyless verify, a certificate chain that carries the root', () => {
  it('verifies the bundle with the leaf alone, and refuses the same bundle once the root is appended', () => {
    expect(verify('--bundle', f.bundles.keylessMessage, ...by('artifact', f.tool), ...signer).code).toBe(0);
    for (const mode of modes) {
      const run = verify('--bundle', f.bundles.rootInChain, ...by(mode, f.tool), ...signer, '--json');
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)).toEqual({
        verified: false,
        code: 'SIGNATURE_INVALID',
        error: expect.stringMatching(/^\[SIGNATURE_INVALID\] the bundle carries a root certificate in its chain; roots come only from the trusted root/) as unknown,
      });
    }
  });
});

describe('keyless verify, managed-key signatures', () => {
  it.each(modes)('verifies a message signature and a DSSE attestation with --key, by --%s', (mode) => {
    for (const bundle of [f.bundles.keyMessage, f.bundles.keyDsse]) {
      const run = verify('--bundle', bundle, ...by(mode, f.tool), '--key', f.key, '--json');
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(result).toMatchObject({ verified: true, digest: `sha256:${f.tool.sha256}` });
      expect(result.identity).toBeUndefined();
    }
  });

  it('refuses a tampered artifact', () => {
    expect(refusal(verify('--bundle', f.bundles.keyMessage, ...by('artifact', f.tampered), '--key', f.key))).toContain(`the bundle signs sha256:${f.tool.sha256}, not sha256:${f.tampered.sha256}`);
    expect(refusal(verify('--bundle', f.bundles.keyDsse, ...by('digest', f.tampered), '--key', f.key))).toContain(`the attestation is for tool@sha256:${f.tool.sha256}, not sha256:${f.tampered.sha256}`);
  });

  it('refuses a signature by another key', () => {
    for (const bundle of [f.bundles.keyMessage, f.bundles.keyDsse]) {
      expect(refusal(verify('--bundle', bundle, ...by('artifact', f.tool), '--key', f.otherKey))).toContain('[SIGNATURE_INVALID] SIGNATURE_ERROR: signature verification failed');
    }
  });
});
