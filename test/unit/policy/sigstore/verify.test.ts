import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFromJSON } from '@sigstore/bundle';
import { KeylessError } from '../../../../src/errors.js';
import { checkExtensions } from '../../../../src/policy/sigstore/extensions.js';
import { checkInTotoSubject } from '../../../../src/policy/sigstore/intoto.js';
import { checkValidityStarts, PUBLIC_GOOD_ROOT_SHA256, publicGoodRoot, trustMaterial } from '../../../../src/policy/sigstore/trust.js';
import { type SignerPolicy, type VerifyRequest, verifyBundle } from '../../../../src/policy/sigstore/verify.js';
import { GITHUB_ISSUER, LOOKALIKE_IDENTITY, type SignedFixtures, signedFixtures, TOOL_IDENTITY, TOOL_REPOSITORY } from '../../../fakes/sigstore-fixtures.js';
import { SLSA_V1 } from '../../../fakes/sigstore-signer.js';

// verifyBundle and the checks it adds to @sigstore/verify, called directly on bundles signed at test time
// by a loopback Sigstore instance (the end-to-end suites run the same through dist/).
let f: SignedFixtures;
let root: unknown;
beforeAll(async () => {
  f = await signedFixtures();
  root = JSON.parse(readFileSync(f.trustedRoot, 'utf8'));
});
afterAll(() => f.sigstore.close());

type Bundle = keyof SignedFixtures['bundles'];
const bundle = (name: Bundle): Record<string, unknown> => JSON.parse(readFileSync(f.bundles[name], 'utf8')) as Record<string, unknown>;
const bytes = (which: 'tool' | 'other' | 'tampered' = 'tool') => readFileSync(f[which].path);
const sha256 = (which: 'tool' | 'other' | 'tampered' = 'tool') => Buffer.from(f[which].sha256, 'hex');
const KEYLESS: SignerPolicy = { identity: TOOL_IDENTITY, issuer: GITHUB_ISSUER };
const keyPolicy = (path = f.key): SignerPolicy => ({ key: createPublicKey(readFileSync(path)) });

function verify(name: Bundle | Record<string, unknown>, policy: SignerPolicy = KEYLESS, artifact: VerifyRequest['artifact'] = { bytes: bytes() }) {
  return verifyBundle({ bundle: typeof name === 'string' ? bundle(name) : name, artifact, trustedRoot: root, policy });
}

function refusal(run: () => unknown): KeylessError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    return error as KeylessError;
  }
  throw new Error('it was accepted');
}

describe('verifyBundle accepts', () => {
  it.each([['bytes'], ['sha256']] as const)('a keyless message signature, by the artifact\'s %s, and reports who signed, where and when', (mode) => {
    const result = verify('keylessMessage', KEYLESS, mode === 'bytes' ? { bytes: bytes() } : { sha256: sha256() });
    expect(result).toEqual({
      digest: `sha256:${f.tool.sha256}`,
      identity: TOOL_IDENTITY,
      issuer: GITHUB_ISSUER,
      tlogIndex: expect.stringMatching(/^\d+$/) as unknown,
      integratedTime: expect.stringMatching(/^20\d\d-\d\d-\d\dT/) as unknown,
    });
    expect(Date.parse(result.integratedTime ?? '')).toBeLessThanOrEqual(Date.now());
  });

  it('a keyless DSSE provenance attestation, with its predicate', () => {
    const result = verify('keylessDsse', { ...KEYLESS, extensions: { 'source-repository': TOOL_REPOSITORY, 'source-ref': 'refs/tags/v1.0.0' } }, { sha256: sha256() });
    expect(result).toMatchObject({ digest: `sha256:${f.tool.sha256}`, identity: TOOL_IDENTITY, issuer: GITHUB_ISSUER, predicateType: SLSA_V1 });
    expect(result.predicate).toMatchObject({ runDetails: { builder: { id: TOOL_IDENTITY } } });
  });

  it('an identity-regexp that matches the whole SAN, with no issuer asked', () => {
    expect(verify('keylessMessage', { identityRegexp: 'https://github\\.com/acme/tool/.*' }).identity).toBe(TOOL_IDENTITY);
  });

  it.each([['keyMessage'], ['keyDsse']] as const)('%s under the key that signed it, naming no identity', (name) => {
    for (const artifact of [{ bytes: bytes() }, { sha256: sha256() }]) {
      const result = verify(name, keyPolicy(), artifact);
      expect(result.digest).toBe(`sha256:${f.tool.sha256}`);
      expect(result.identity).toBeUndefined();
      expect(result.issuer).toBeUndefined();
      expect(result.tlogIndex).toMatch(/^\d+$/);
    }
  });

  it('reports no integratedTime for a log entry without an inclusion promise (the bundle\'s author wrote it)', () => {
    const b = bundle('keylessMessage') as { verificationMaterial: { tlogEntries: Record<string, unknown>[] } };
    const entry = b.verificationMaterial.tlogEntries[0] ?? {};
    delete entry.inclusionPromise;
    const result = verify(b);
    expect(result.identity).toBe(TOOL_IDENTITY);
    expect(result.integratedTime).toBeUndefined();
  });
});

describe('verifyBundle refuses, for the right reason', () => {
  it.each([['bytes'], ['sha256']] as const)('a tampered artifact, by its %s', (mode) => {
    const artifact = mode === 'bytes' ? { bytes: bytes('tampered') } : { sha256: sha256('tampered') };
    const message = refusal(() => verify('keylessMessage', KEYLESS, artifact));
    expect(message.code).toBe('SIGNATURE_INVALID');
    expect(message.message).toBe(`the bundle signs sha256:${f.tool.sha256}, not sha256:${f.tampered.sha256}`);
    expect(message.hint).toBe('the bundle belongs to another artifact (or another version of it)');
    const dsse = refusal(() => verify('keylessDsse', KEYLESS, artifact));
    expect(dsse.message).toBe(`the attestation is for tool@sha256:${f.tool.sha256}, not sha256:${f.tampered.sha256}`);
    expect(dsse.hint).toBe('the bundle belongs to another artifact (or another version of it)');
  });

  it('another identity, with the hint to check identity and issuer', () => {
    const error = refusal(() => verify('keylessMessage', { identity: `${TOOL_IDENTITY}x`, issuer: GITHUB_ISSUER }));
    expect(error.message).toMatch(/^UNTRUSTED_SIGNER_ERROR: certificate identity error - expected \/\^https:\\\/\\\/github\\.com/);
    expect(error.hint).toBe('the signer is not who the policy names; check identity/issuer');
  });

  it('an identity that matches only if it were read as a regular expression', () => {
    expect(refusal(() => verify('lookalikeIdentity')).message).toContain('UNTRUSTED_SIGNER_ERROR: certificate identity error');
    expect(refusal(() => verify('keylessMessage', { identity: TOOL_IDENTITY.replace('release.yml', 'release.y.l'), issuer: GITHUB_ISSUER })).message).toContain('certificate identity error');
    expect(refusal(() => verify('keylessMessage', { identity: 'acme/tool', issuer: GITHUB_ISSUER })).message).toContain('certificate identity error');
  });

  it('an identity-regexp that matches only part of the SAN', () => {
    expect(refusal(() => verify('keylessMessage', { identityRegexp: 'acme/tool', issuer: GITHUB_ISSUER })).message).toContain('certificate identity error');
    expect(refusal(() => verify('keylessMessage', { identityRegexp: 'https://nowhere|acme/tool/.*', issuer: GITHUB_ISSUER })).message).toContain('certificate identity error');
  });

  it('another issuer', () => {
    expect(refusal(() => verify('keylessMessage', { identity: TOOL_IDENTITY, issuer: 'https://accounts.google.com' })).message).toContain(`expected issuer=https://accounts.google.com, got issuer=${GITHUB_ISSUER}`);
    expect(refusal(() => verify('lookalikeIssuer')).message).toContain('invalid certificate extension');
  });

  it('a signature by another key, with the hint not to run it', () => {
    const error = refusal(() => verify('keyMessage', keyPolicy(f.otherKey)));
    expect(error.message).toBe('SIGNATURE_ERROR: signature verification failed');
    expect(error.hint).toBe('do not run this artifact');
  });

  it.each([['keylessMessage', 'x509CertificateChain'], ['keylessDsse', 'certificate']] as const)('under a key policy, a bundle signed with a certificate (%s)', (name, material) => {
    const error = refusal(() => verify(name, keyPolicy()));
    expect(error.message).toBe(`the bundle is signed with a certificate (${material}), not with the given key`);
    expect(error.hint).toContain('a key policy accepts only a bundle whose verification material is that public key');
  });

  it('a chain that carries its root, though the root is the trusted one', () => {
    const error = refusal(() => verify('rootInChain'));
    expect(error.message).toBe('the bundle carries a root certificate in its chain; roots come only from the trusted root');
    expect(error.hint).toContain('cosign and sigstore-go refuse it too');
  });

  it('a chain of the leaf twice: a certificate after the leaf that is not self-signed is no root', () => {
    const b = bundle('keylessMessage') as { verificationMaterial: { x509CertificateChain: { certificates: unknown[] } } };
    const [leaf] = b.verificationMaterial.x509CertificateChain.certificates;
    b.verificationMaterial.x509CertificateChain.certificates = [leaf, leaf];
    expect(verify(b as unknown as Record<string, unknown>).identity).toBe(TOOL_IDENTITY);
  });

  it('what is not a bundle, as a bad bundle and not a crash', () => {
    const error = refusal(() => verify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }));
    expect(error.code).toBe('SIGNATURE_INVALID');
    expect(error.message).toMatch(/^not a valid Sigstore bundle: /);
    expect(error.hint).toBe('pass the .sigstore.json bundle (media type application/vnd.dev.sigstore.bundle…)');
  });

  it('a DSSE envelope that is not an in-toto statement, or not JSON, or names no subject', () => {
    const dsse = (payloadType: string, payload: string) => {
      const b = bundle('keyDsse') as { dsseEnvelope: { payloadType: string; payload: string } };
      b.dsseEnvelope.payloadType = payloadType;
      b.dsseEnvelope.payload = Buffer.from(payload).toString('base64');
      return b as unknown as Record<string, unknown>;
    };
    expect(refusal(() => verify(dsse('text/plain', '{}'), keyPolicy())).message).toBe('the DSSE payload is text/plain, not an in-toto statement, so nothing binds it to the artifact');
    expect(refusal(() => verify(dsse('application/vnd.in-toto+json', 'not json'), keyPolicy())).message).toBe('the in-toto statement in the DSSE envelope is not JSON');
    expect(refusal(() => verify(dsse('application/vnd.in-toto+json', '{"subject":"x"}'), keyPolicy())).message).toBe(`the attestation is for no subject, not sha256:${f.tool.sha256}`);
    expect(refusal(() => verify(dsse('application/vnd.in-toto+json', '{"subject":[{},{"name":"a"}]}'), keyPolicy())).message).toBe(`the attestation is for ?@sha256:?, a@sha256:?, not sha256:${f.tool.sha256}`);
  });
});

describe('checkInTotoSubject', () => {
  const envelope = (statement: unknown) => ({ content: { dsseEnvelope: { payloadType: 'application/vnd.in-toto+json', payload: Buffer.from(JSON.stringify(statement)) } } }) as unknown as Parameters<typeof checkInTotoSubject>[0];
  const hex = createHash('sha256').update('x').digest('hex');

  it('matches a subject whose digest is written in upper case, among others', () => {
    expect(checkInTotoSubject(envelope({ subject: [{ name: 'a', digest: { sha256: '00' } }, { name: 'b', digest: { sha256: hex.toUpperCase() } }], predicateType: 'p', predicate: { a: 1 } }), hex)).toEqual({ predicateType: 'p', predicate: { a: 1 } });
  });

  it('returns no predicate when the statement names no predicate type', () => {
    expect(checkInTotoSubject(envelope({ subject: [{ digest: { sha256: hex } }], predicate: { a: 1 } }), hex)).toEqual({});
  });
});

describe('checkExtensions', () => {
  it('accepts every GitHub extension the certificate carries as the policy states it', () => {
    expect(() => { checkExtensions(bundle('keylessDsse') as never, {}); }).not.toThrow();
    const result = verify('keylessMessage', { ...KEYLESS, extensions: { 'source-repository': TOOL_REPOSITORY, 'source-ref': 'refs/tags/v1.0.0', 'runner-environment': 'github-hosted' } });
    expect(result.identity).toBe(TOOL_IDENTITY);
  });

  it('names each extension that differs, with what it is and what the policy wants', () => {
    const error = refusal(() => verify('keylessDsse', { ...KEYLESS, extensions: { 'source-repository': `${TOOL_REPOSITORY}-fork`, 'source-ref': 'refs/heads/main', 'runner-environment': 'github-hosted' } }));
    expect(error.message).toBe(`the signing certificate does not meet the policy: source-repository is "${TOOL_REPOSITORY}", policy wants "${TOOL_REPOSITORY}-fork"; source-ref is "refs/tags/v1.0.0", policy wants "refs/heads/main"`);
    expect(error.hint).toBe('the artifact was built somewhere else than the policy says; do not run it');
  });

  it('checks the build signer, the workflow that signed', () => {
    expect(verify('keylessMessage', { ...KEYLESS, extensions: { 'build-signer-uri': TOOL_IDENTITY } }).identity).toBe(TOOL_IDENTITY);
    const error = refusal(() => verify('keylessMessage', { ...KEYLESS, extensions: { 'build-signer-uri': LOOKALIKE_IDENTITY } }));
    expect(error.message).toBe(`the signing certificate does not meet the policy: build-signer-uri is "${TOOL_IDENTITY}", policy wants "${LOOKALIKE_IDENTITY}"`);
  });

  it('checks the source digest, the commit that was built', () => {
    const commit = '3f786850e387550fdab836ed7e6dc881de23001b';
    expect(verify('keylessMessage', { ...KEYLESS, extensions: { 'source-digest': commit } }).identity).toBe(TOOL_IDENTITY);
    const error = refusal(() => verify('keylessMessage', { ...KEYLESS, extensions: { 'source-digest': 'f'.repeat(40) } }));
    expect(error.message).toBe(`the signing certificate does not meet the policy: source-digest is "${commit}", policy wants "${'f'.repeat(40)}"`);
  });

  it('names an extension the certificate lacks as absent', () => {
    const error = refusal(() => verify('noExtensions', { ...KEYLESS, extensions: { 'source-ref': 'refs/tags/v1.0.0', 'runner-environment': 'github-hosted' } }));
    expect(error.message).toBe('the signing certificate does not meet the policy: source-ref is absent, policy wants "refs/tags/v1.0.0"; runner-environment is absent, policy wants "github-hosted"');
    expect(verify('noExtensions').identity).toBe(TOOL_IDENTITY);
  });

  it('refuses a key-signed bundle, which has no extensions', () => {
    expect(refusal(() => { checkExtensions(verifyParsed('keyMessage'), { 'source-ref': 'refs/tags/v1.0.0', 'source-digest': 'x' }); }).message).toBe('the bundle is signed with a key, not a certificate, so it has no source-ref, source-digest');
  });
});

/** The bundle as @sigstore/bundle parses it, for the checks that take a parsed bundle. */
function verifyParsed(name: Bundle): Parameters<typeof checkExtensions>[0] {
  return bundleFromJSON(bundle(name));
}

describe('trusted roots', () => {
  it('ships the public-good root it pins', () => {
    const shipped = publicGoodRoot() as { mediaType?: string; tlogs?: unknown[] };
    expect(shipped.mediaType).toMatch(/^application\/vnd\.dev\.sigstore\.trustedroot/);
    expect(shipped.tlogs?.length).toBeGreaterThan(0);
    expect(PUBLIC_GOOD_ROOT_SHA256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses every entry whose validity has no start, naming each', () => {
    const doc = structuredClone(root) as Record<string, { publicKey?: { validFor?: { start?: string } }; validFor?: { start?: string } }[]>;
    delete doc.tlogs?.[0]?.publicKey?.validFor?.start;
    delete doc.certificateAuthorities?.[0]?.validFor?.start;
    const error = refusal(() => { checkValidityStarts(doc); });
    expect(error.code).toBe('TRUST_ROOT_INVALID');
    expect(error.message).toBe('trusted root entries without validFor.start: tlogs[0], certificateAuthorities[0]');
    expect(error.hint).toContain('every key in a trusted root must say since when it is valid');
    const ct = structuredClone(root) as typeof doc;
    delete ct.ctlogs?.[0]?.publicKey?.validFor;
    delete ct.timestampAuthorities?.[0]?.validFor;
    expect(refusal(() => { checkValidityStarts(ct); }).message).toBe('trusted root entries without validFor.start: ctlogs[0], timestampAuthorities[0]');
    expect(() => { checkValidityStarts({}); }).not.toThrow();
    expect(() => { checkValidityStarts(root); }).not.toThrow();
  });

  it('refuses a document that is not a TrustedRoot as such, not with a crash', () => {
    for (const doc of [null, { tlogs: [null] }]) expect(refusal(() => trustMaterial(doc)).code).toBe('TRUST_ROOT_INVALID');
    expect(refusal(() => trustMaterial(null)).message).toMatch(/^the trusted root is not a Sigstore TrustedRoot: /);
    expect(refusal(() => trustMaterial(null)).cause).toBeInstanceOf(Error);
    expect(refusal(() => trustMaterial({ tlogs: [null] })).message).toBe('trusted root entries without validFor.start: tlogs[0]');
    // A list that is not a list is the parser's to judge (it reads it as none), never a TypeError here.
    expect(trustMaterial({ tlogs: 'nope', ctlogs: 7 }).tlogs).toEqual([]);
  });

  it('drops the CAs under a key, so no certificate stands in for it', () => {
    expect(trustMaterial(root).certificateAuthorities.length).toBeGreaterThan(0);
    const material = trustMaterial(root, createPublicKey(readFileSync(f.key)));
    expect(material.certificateAuthorities).toEqual([]);
    expect(material.publicKey('any hint').validFor(new Date(0))).toBe(true);
  });
});
