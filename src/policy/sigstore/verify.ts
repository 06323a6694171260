import { createHash, type KeyObject } from 'node:crypto';
import { type Bundle, bundleFromJSON, isBundleWithDsseEnvelope, isBundleWithMessageSignature } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { type SignedEntity, toSignedEntity, type VerificationPolicy, Verifier } from '@sigstore/verify';
import { KeylessError } from '../../errors.js';
import type { ToolExtension } from '../tools/types.js';
import { checkExtensions } from './extensions.js';
import { checkInTotoSubject } from './intoto.js';
import { prehashedContent } from './prehashed.js';
import { trustMaterial } from './trust.js';

export interface SignerPolicy {
  /** Exact certificate SAN. */
  identity?: string;
  /** A pattern the whole SAN must match: compiled as `^(?:…)$`. */
  identityRegexp?: string;
  /** Exact OIDC issuer (Fulcio's issuer extension). */
  issuer?: string;
  /** A managed public key instead of a certificate identity. */
  key?: KeyObject;
  /** GitHub certificate extensions the signing certificate must carry, compared as text. */
  extensions?: Partial<Record<ToolExtension, string>>;
}

export interface VerifyRequest {
  bundle: unknown;
  /** The artifact's bytes, or only its sha256 (digest-pinned tools, `--digest`). */
  artifact: { bytes: Buffer } | { sha256: Buffer };
  trustedRoot: unknown;
  policy: SignerPolicy;
}

export interface VerifiedSignature {
  digest: string;
  identity?: string;
  issuer?: string;
  tlogIndex?: string;
  integratedTime?: string;
  predicateType?: string;
  /** The in-toto predicate of a DSSE attestation, for provenance checks. */
  predicate?: unknown;
}

/** An identity policy as the verifier needs it: never a raw string, which it would match unanchored. */
export function sanPattern(policy: SignerPolicy): RegExp | undefined {
  if (policy.identity !== undefined) return new RegExp(`^${policy.identity.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
  if (policy.identityRegexp !== undefined) return new RegExp(`^(?:${policy.identityRegexp})$`);
  return undefined;
}

/**
 * Verifies a Sigstore bundle against an artifact (or its sha256), a trusted root and a signer policy,
 * with @sigstore/verify, plus the bindings it leaves to the caller. Throws SIGNATURE_INVALID with the reason.
 */
export function verifyBundle(request: VerifyRequest): VerifiedSignature {
  const sha256 = 'bytes' in request.artifact ? createHash('sha256').update(request.artifact.bytes).digest() : request.artifact.sha256;
  const bundle = parseBundle(request.bundle);
  if (request.policy.key) requireKeySigned(bundle);
  const material = trustMaterial(request.trustedRoot, request.policy.key);
  const { entity, predicateType, predicate } = readable(() => signedEntity(bundle, request.artifact, sha256));
  const san = sanPattern(request.policy);
  const policy: VerificationPolicy = {
    ...(san ? { subjectAlternativeName: san } : {}),
    ...(request.policy.issuer ? { extensions: { issuer: request.policy.issuer } } : {}),
  };
  let signer;
  try {
    signer = new Verifier(material).verify(entity, policy);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new KeylessError('SIGNATURE_INVALID', `${code ? `${code}: ` : ''}${(error as Error).message}`, {
      hint: code === 'UNTRUSTED_SIGNER_ERROR' ? 'the signer is not who the policy names; check identity/issuer' : 'do not run this artifact',
      cause: error,
    });
  }
  if (request.policy.extensions) checkExtensions(bundle, request.policy.extensions);
  const entry = bundle.verificationMaterial.tlogEntries[0];
  return {
    digest: `sha256:${sha256.toString('hex')}`,
    ...(signer.identity?.subjectAlternativeName ? { identity: signer.identity.subjectAlternativeName } : {}),
    ...(signer.identity?.extensions?.issuer ? { issuer: signer.identity.extensions.issuer } : {}),
    ...(entry ? { tlogIndex: entry.logIndex } : {}),
    // Only an inclusion promise (a signed entry timestamp, checked by the verifier) signs integratedTime; without one the
    // bundle's author wrote it, and it is neither reported nor parsed (a huge value would make toISOString throw).
    ...(entry?.inclusionPromise && entry.integratedTime !== '0' ? { integratedTime: new Date(Number(entry.integratedTime) * 1000).toISOString() } : {}),
    ...(predicateType ? { predicateType, predicate } : {}),
  };
}

/** The entity the verifier checks, bound to the artifact: its digest must be what was signed or attested. */
function signedEntity(bundle: Bundle, artifact: VerifyRequest['artifact'], sha256: Buffer): { entity: SignedEntity; predicateType?: string; predicate?: unknown } {
  if (isBundleWithDsseEnvelope(bundle)) {
    const { predicateType, predicate } = checkInTotoSubject(bundle, sha256.toString('hex'));
    return { entity: toSignedEntity(bundle), ...(predicateType ? { predicateType, predicate } : {}) };
  }
  if (!isBundleWithMessageSignature(bundle)) {
    throw new KeylessError('SIGNATURE_INVALID', 'the bundle holds neither a message signature nor a DSSE envelope');
  }
  const { messageDigest, signature } = bundle.content.messageSignature;
  // The signature and the log entry cover this digest; it must be the artifact's.
  if (messageDigest.algorithm === HashAlgorithm.SHA2_256 && !messageDigest.digest.equals(sha256)) {
    throw new KeylessError('SIGNATURE_INVALID', `the bundle signs sha256:${messageDigest.digest.toString('hex')}, not sha256:${sha256.toString('hex')}`, {
      hint: 'the bundle belongs to another artifact (or another version of it)',
    });
  }
  const entity = 'bytes' in artifact ? toSignedEntity(bundle, artifact.bytes) : { ...toSignedEntity(bundle), signature: prehashedContent(signature, sha256) };
  return { entity };
}

/**
 * A key policy is met only by a bundle signed with that key. The verifier would otherwise accept a
 * certificate bundle from any Fulcio identity: a key-only policy names no SAN or issuer to check.
 */
function requireKeySigned(bundle: Bundle): void {
  const material = bundle.verificationMaterial.content.$case;
  if (material !== 'publicKey') {
    throw new KeylessError('SIGNATURE_INVALID', `the bundle is signed with a certificate (${material}), not with the given key`, {
      hint: 'a key policy accepts only a bundle whose verification material is that public key; for a certificate, give identity and issuer instead',
    });
  }
}

function parseBundle(json: unknown): Bundle {
  return readable(() => {
    const bundle = bundleFromJSON(json);
    rejectEmbeddedRoot(bundle);
    return bundle;
  });
}

/**
 * A step that reads the bundle's own bytes (its JSON, its certificates) before the verifier has vouched
 * for them: whatever the parsers throw is a bad bundle, never a Keyless bug.
 */
function readable<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof KeylessError) throw error;
    throw new KeylessError('SIGNATURE_INVALID', `not a valid Sigstore bundle: ${error instanceof Error ? error.message : String(error)}`, {
      hint: 'pass the .sigstore.json bundle (media type application/vnd.dev.sigstore.bundle…)',
      cause: error,
    });
  }
}

/**
 * Roots of trust come from the trusted root only. A chain in the bundle that carries a self-signed
 * certificate is refused on purpose (the library ignores chain certificates after the leaf).
 */
function rejectEmbeddedRoot(bundle: Bundle): void {
  const material = bundle.verificationMaterial.content;
  if (material.$case !== 'x509CertificateChain') return;
  for (const { rawBytes } of material.x509CertificateChain.certificates.slice(1)) {
    const certificate = X509Certificate.parse(Buffer.from(rawBytes));
    if (certificate.issuer.equals(certificate.subject)) {
      throw new KeylessError('SIGNATURE_INVALID', 'the bundle carries a root certificate in its chain; roots come only from the trusted root', {
        hint: 'use a bundle without the root (cosign and sigstore-go refuse it too)',
      });
    }
  }
}
