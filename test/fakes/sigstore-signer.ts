import { createHash, generateKeyPairSync, sign as signBytes } from 'node:crypto';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { DSSEBundleBuilder, MessageSignatureBundleBuilder, RekorWitness, type Signer, TSAWitness } from '@sigstore/sign';
import { generateKeyPair, SignJWT } from 'jose';
import { attest, sign } from 'sigstore';
import type { SigstoreInstance } from './sigstore-instance.js';

export const IN_TOTO = 'application/vnd.in-toto+json';
export const SLSA_V1 = 'https://slsa.dev/provenance/v1';

/** Message signature over the artifact's bytes, or a DSSE envelope over an in-toto statement. */
export type Form = 'message' | 'dsse';

/** Who a keyless signature says signed: Fulcio's mock copies `sub` into the SAN and `iss` into the issuer extension. */
export interface Identity {
  san: string;
  issuer: string;
  /** GitHub Actions claims (`repository`, `ref`, `job_workflow_ref`, …) that become Fulcio's GitHub extensions. */
  claims?: Record<string, string>;
}

/** A managed signing key, as `cosign generate-key-pair` would give: its public half in PEM, and a signer. */
export interface ManagedKey {
  publicKeyPem: string;
  signer: Signer;
}

// Fulcio's mock decodes the token without verifying it; a real signature keeps it an honest JWT all the same.
let tokenKey: ReturnType<typeof generateKeyPair> | undefined;

/** The OIDC identity token a CI job would hand Fulcio. */
async function identityToken(identity: Identity): Promise<string> {
  const { privateKey } = await (tokenKey ??= generateKeyPair('ES256'));
  return new SignJWT({ ...identity.claims })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setIssuer(identity.issuer)
    .setSubject(identity.san)
    .setAudience('sigstore')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
}

/**
 * Signs as a CI job does with `sigstore`: a Fulcio certificate for the identity, the signature logged in
 * Rekor (with its signed entry timestamp and inclusion proof) and timestamped by the TSA. A message
 * signature comes as a v0.2 bundle with an `x509CertificateChain` of the leaf alone; a DSSE attestation
 * as a v0.3 bundle with a single `certificate`.
 */
export async function signKeyless(instance: SigstoreInstance, payload: Buffer, identity: Identity, form: Form): Promise<SerializedBundle> {
  const options = {
    fulcioURL: instance.url,
    rekorURL: instance.url,
    tsaServerURL: instance.url,
    identityToken: await identityToken(identity),
    retry: 0,
  };
  return form === 'message' ? sign(payload, options) : attest(payload, IN_TOTO, options);
}

/** A fresh P-256 key pair; bundles it signs name it by a hint (the sha256 of its SPKI), as cosign's do. */
export function managedKey(): ManagedKey {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const hint = createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('base64');
  return {
    publicKeyPem,
    signer: {
      sign: (data) => Promise.resolve({ signature: signBytes('sha256', data, privateKey), key: { $case: 'publicKey', publicKey: publicKeyPem, hint } }),
    },
  };
}

/** Signs with a managed key through @sigstore/sign's bundle builders, logged in Rekor and timestamped by the TSA. */
export async function signWithKey(instance: SigstoreInstance, key: ManagedKey, payload: Buffer, form: Form): Promise<SerializedBundle> {
  const witnesses = [new RekorWitness({ rekorBaseURL: instance.url, retry: 0 }), new TSAWitness({ tsaBaseURL: instance.url, retry: 0 })];
  const bundle = form === 'message'
    ? await new MessageSignatureBundleBuilder({ signer: key.signer, witnesses }).create({ data: payload })
    : await new DSSEBundleBuilder({ signer: key.signer, witnesses }).create({ data: payload, type: IN_TOTO });
  return bundleToJSON(bundle);
}

/** An in-toto v1 statement of SLSA v1 provenance whose one subject is `name` with the sha256 of `bytes`. */
export function provenanceStatement(name: string, bytes: Buffer, build: { builder: string; repository: string }): Buffer {
  return Buffer.from(JSON.stringify({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name, digest: { sha256: createHash('sha256').update(bytes).digest('hex') } }],
    predicateType: SLSA_V1,
    predicate: {
      buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1', externalParameters: { workflow: { repository: build.repository } } },
      runDetails: { builder: { id: build.builder } },
    },
  }));
}
