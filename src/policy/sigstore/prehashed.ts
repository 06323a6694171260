import type { KeyObject } from 'node:crypto';
import { p256, p384 } from '@noble/curves/nist.js';
import { crypto } from '@sigstore/core';
import type { SignatureContent } from '@sigstore/verify/dist/shared.types.js';

/**
 * The signature of a message-signature bundle, checked against a digest instead of the artifact:
 * ECDSA over the pre-hashed digest, which Node's crypto cannot do. The transparency-log entry is then
 * compared with this same digest, so the whole chain is bound to the pinned digest.
 */
export function prehashedContent(signature: Buffer, digest: Buffer): SignatureContent {
  return {
    signature,
    compareSignature: (other) => crypto.bufferEqual(other, signature),
    compareDigest: (other) => crypto.bufferEqual(other, digest),
    compareSignedDigest: (other) => crypto.bufferEqual(other, digest),
    verifySignature: (key) => verifyPrehashed(key, digest, signature),
  };
}

function verifyPrehashed(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  if (key.asymmetricKeyType !== 'ec') return false;
  const jwk = key.export({ format: 'jwk' });
  const curve = jwk.crv === 'P-256' ? p256 : jwk.crv === 'P-384' ? p384 : undefined;
  if (curve === undefined || jwk.x === undefined || jwk.y === undefined) return false;
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
  try {
    // Sigstore signers (Go's crypto/ecdsa) do not normalise S, so high-S signatures are valid here.
    return curve.verify(signature, digest, point, { prehash: false, lowS: false, format: 'der' });
  } catch {
    return false;
  }
}
