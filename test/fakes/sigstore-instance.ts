import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
// The services, not the package entry: its index imports nock, which patches node:http on import.
import { fulcioHandler, initializeCA, initializeCTLog } from '@sigstore/mock/dist/fulcio/index.js';
import { initializeTLog, rekorHandler } from '@sigstore/mock/dist/rekor/index.js';
import type { HandlerFn } from '@sigstore/mock/dist/shared.types.js';
import { initializeTSA, tsaHandler } from '@sigstore/mock/dist/timestamp/index.js';
import { type CertificateAuthority, HashAlgorithm, PublicKeyDetails, type TransparencyLogInstance, TrustedRoot } from '@sigstore/protobuf-specs';
import { type Fake, type Route, startFake } from './http-fake.js';

/** A whole Sigstore instance on loopback: its services, and the trusted root that vouches for exactly them. */
export interface SigstoreInstance extends Fake {
  /** Fulcio (`/api/v2/signingCert`), Rekor v1 (`/api/v1/log/entries`) and a TSA (`/api/v1/timestamp`) all answer here. */
  url: string;
  /** trusted_root.json for this instance, as JSON. */
  trustedRoot: unknown;
  /** DER of the Fulcio root certificate: the trust anchor a bundle must not carry itself. */
  fulcioRoot: Buffer;
}

const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';

/**
 * Starts @sigstore/mock's Fulcio CA (with a CT log that embeds SCTs), Rekor v1 log and RFC 3161 TSA behind one
 * framework-free server on 127.0.0.1:0, each with its own fresh P-256 key, and builds the matching trusted root.
 * Fulcio reads the identity token's claims without checking its signature (`sub` becomes the SAN, `iss` the
 * issuer extension, GitHub claims the GitHub extensions), so a test decides who signed.
 */
export async function startSigstore(): Promise<SigstoreInstance> {
  const keys = { ca: p256(), ctlog: p256(), tlog: p256(), tsa: p256() };
  const ctlog = await initializeCTLog(keys.ctlog);
  const ca = await initializeCA(keys.ca, ctlog);
  // The TSA's clock, set to the whole second before each request: @sigstore/core 4.0.1 reads a GeneralizedTime
  // fraction only as exactly three digits, while DER drops trailing zeros (120 ms is written .12), so one
  // timestamp in ten would not parse.
  const tsaClock = new Date();
  const tsa = await initializeTSA(keys.tsa, tsaClock);
  const late: { rekor?: HandlerFn } = {};
  const fulcio = fulcioHandler(ca);
  const timestamp = tsaHandler(tsa);
  const fake = await startFake({
    [`POST ${fulcio.path}`]: serve(fulcio.fn),
    // The log's checkpoint names the host it serves from, so the log starts once the port is known.
    'POST /api/v1/log/entries': serve((body) => late.rekor!(canonicalDsse(body))),
    [`POST ${timestamp.path}`]: serve((body) => {
      tsaClock.setTime(Math.floor(Date.now() / 1000) * 1000);
      return timestamp.fn(body);
    }),
  });
  const tlog = await initializeTLog(fake.url, keys.tlog);
  late.rekor = rekorHandler(tlog).fn;

  // Every validity starts before anything here was signed, and has no end.
  const start = new Date(Date.now() - 60 * 60 * 1000);
  const authority = (certificates: ArrayBufferView[]): CertificateAuthority => ({
    subject: { organization: 'sigstore.mock', commonName: 'keyless tests' },
    uri: fake.url,
    certChain: { certificates: certificates.map((c) => ({ rawBytes: der(c) })) },
    validFor: { start },
    operator: 'keyless tests',
  });
  const log = (publicKey: Buffer, logId: Buffer): TransparencyLogInstance => ({
    baseUrl: fake.url,
    hashAlgorithm: HashAlgorithm.SHA2_256,
    publicKey: { rawBytes: publicKey, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start } },
    logId: { keyId: logId },
    checkpointKeyId: undefined,
    operator: 'keyless tests',
  });
  const root: TrustedRoot = {
    mediaType: TRUSTED_ROOT_MEDIA_TYPE,
    certificateAuthorities: [authority([ca.rootCertificate])],
    tlogs: [log(tlog.publicKey, createHash('sha256').update(tlog.publicKey).digest())],
    ctlogs: [log(ctlog.publicKey, der(ctlog.logID))],
    timestampAuthorities: [authority([tsa.intCertificate, tsa.rootCertificate])],
  };
  return { ...fake, trustedRoot: TrustedRoot.toJSON(root), fulcioRoot: der(ca.rootCertificate) };
}

function p256(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

function der(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

interface ProposedDsse {
  kind?: string;
  apiVersion?: string;
  spec?: { proposedContent?: { envelope: string; verifiers: string[] } };
}

/**
 * Rekor stores a `dsse` entry as hashes and signatures, not as it was proposed (rekor pkg/types/dsse/v0.0.1,
 * Canonicalize); @sigstore/mock logs any proposal as it came, which no verifier can read as a dsse entry.
 */
function canonicalDsse(body: string): string {
  const proposed = JSON.parse(body) as ProposedDsse;
  const content = proposed.spec?.proposedContent;
  if (proposed.kind !== 'dsse' || content === undefined) return body;
  const envelope = JSON.parse(content.envelope) as { payload: string; signatures: { sig: string }[] };
  const sha256 = (bytes: Buffer | string) => ({ algorithm: 'sha256', value: createHash('sha256').update(bytes).digest('hex') });
  return JSON.stringify({
    apiVersion: proposed.apiVersion,
    kind: 'dsse',
    spec: {
      envelopeHash: sha256(content.envelope),
      payloadHash: sha256(Buffer.from(envelope.payload, 'base64')),
      signatures: envelope.signatures.map((signature, i) => ({ signature: signature.sig, verifier: content.verifiers[i] })),
    },
  });
}

/** A mock service's handler (request body in, status and body out) as a route of the loopback fake. */
function serve(handler: HandlerFn): Route {
  return async (req, res: ServerResponse) => {
    const { statusCode, response, contentType } = await handler(req.body);
    const body = typeof response === 'string' ? Buffer.from(response) : der(response);
    res.writeHead(statusCode, { 'content-type': contentType ?? 'text/plain', 'content-length': body.length });
    res.end(body);
  };
}
