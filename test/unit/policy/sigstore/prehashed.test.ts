import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prehashedContent } from '../../../../src/policy/sigstore/prehashed.js';

// An ECDSA signature checked against a digest alone (digest-pinned tools, `--digest`): Node signs the
// message, and the check is given only the message's digest.

const message = Buffer.from('the released tool, byte for byte\n');

describe('prehashedContent', () => {
  it.each([['P-256', 'prime256v1', 'sha256'], ['P-384', 'secp384r1', 'sha384']] as const)('verifies a %s signature over the digest, and refuses another digest', (_name, namedCurve, hash) => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve });
    const signature = sign(hash, message, privateKey);
    const digest = createHash(hash).update(message).digest();
    expect(prehashedContent(signature, digest).verifySignature(publicKey)).toBe(true);
    const other = createHash(hash).update('another tool').digest();
    expect(prehashedContent(signature, other).verifySignature(publicKey)).toBe(false);
  });

  it('refuses a key of another curve or type, and a signature that is not DER', () => {
    const digest = createHash('sha256').update(message).digest();
    const p521 = generateKeyPairSync('ec', { namedCurve: 'secp521r1' });
    expect(prehashedContent(sign('sha256', message, p521.privateKey), digest).verifySignature(p521.publicKey)).toBe(false);
    const ed = generateKeyPairSync('ed25519');
    expect(prehashedContent(sign(null, message, ed.privateKey), digest).verifySignature(ed.publicKey)).toBe(false);
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(prehashedContent(Buffer.from('not a signature'), digest).verifySignature(p256.publicKey)).toBe(false);
  });

  it('compares the signature and the digest byte for byte', () => {
    const digest = createHash('sha256').update(message).digest();
    const content = prehashedContent(Buffer.from('sig'), digest);
    expect(content.compareSignature(Buffer.from('sig'))).toBe(true);
    expect(content.compareSignature(Buffer.from('sih'))).toBe(false);
    expect(content.compareDigest(Buffer.from(digest))).toBe(true);
    expect(content.compareSignedDigest(Buffer.from(digest))).toBe(true);
    expect(content.compareDigest(Buffer.alloc(32))).toBe(false);
  });
});
