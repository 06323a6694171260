import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SerializedBundle } from '@sigstore/bundle';
import { craftTarGz } from './archives.js';
import { startSigstore, type SigstoreInstance } from './sigstore-instance.js';
import { type Identity, managedKey, provenanceStatement, signKeyless, signWithKey } from './sigstore-signer.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** The release workflow that signs the tool: a SAN full of `.` and `/`, which a regular expression reads otherwise. */
export const TOOL_IDENTITY = 'https://github.com/acme/tool/.github/workflows/release.yml@refs/tags/v1.0.0';
/**
 * TOOL_IDENTITY with the `.` of `release.yml` turned into `X`: TOOL_IDENTITY read as a regular expression
 * matches it. (A change at a `/`, as in `workflowsXrelease.yml`, would not tell: `/` is no metacharacter.)
 */
export const LOOKALIKE_IDENTITY = 'https://github.com/acme/tool/.github/workflows/releaseXyml@refs/tags/v1.0.0';
/** The GitHub issuer with more after it: equal to GITHUB_ISSUER only as a prefix. */
export const LOOKALIKE_ISSUER = `${GITHUB_ISSUER}.attacker.example`;
export const TOOL_REPOSITORY = 'https://github.com/acme/tool';

const GITHUB_CLAIMS = {
  repository: 'acme/tool',
  ref: 'refs/tags/v1.0.0',
  sha: '3f786850e387550fdab836ed7e6dc881de23001b',
  job_workflow_ref: 'acme/tool/.github/workflows/release.yml@refs/tags/v1.0.0',
  runner_environment: 'github-hosted',
};
const RELEASE: Identity = { san: TOOL_IDENTITY, issuer: GITHUB_ISSUER, claims: GITHUB_CLAIMS };

export interface Artifact {
  path: string;
  sha256: string;
}

/** Every bundle the Sigstore suites need, each a path to a `.sigstore.json`, and what they are about. */
export interface SignedFixtures {
  sigstore: SigstoreInstance;
  dir: string;
  trustedRoot: string;
  /** The tool, another tool, and the tool with its last byte changed. */
  tool: Artifact;
  /** A tar.gz release holding the tool as `bin/scanner`. */
  archive: Artifact;
  other: Artifact;
  tampered: Artifact;
  /** PEM public keys: the one that signed the key bundles, and one that signed nothing. */
  key: string;
  otherKey: string;
  bundles: {
    /** The tool, signed keyless by TOOL_IDENTITY: a message signature and a DSSE provenance attestation. */
    keylessMessage: string;
    keylessDsse: string;
    /** The tool, signed with `key`. */
    keyMessage: string;
    keyDsse: string;
    /** `other`, signed keyless by TOOL_IDENTITY. */
    otherMessage: string;
    otherDsse: string;
    /** The tool, signed by LOOKALIKE_IDENTITY (same issuer), and by TOOL_IDENTITY under LOOKALIKE_ISSUER. */
    lookalikeIdentity: string;
    lookalikeIssuer: string;
    /** `archive`, signed keyless by TOOL_IDENTITY. */
    archiveMessage: string;
    /** keylessMessage with the Fulcio root appended to its certificate chain: the trust anchor carried by the bundle. */
    rootInChain: string;
    /** The tool, signed keyless by TOOL_IDENTITY from a token without GitHub claims: a certificate with no GitHub extensions. */
    noExtensions: string;
  };
}

/**
 * Starts a loopback Sigstore instance and signs the whole set into a fresh folder, concurrently (about a
 * second). Call it once per test file, in beforeAll, and close `sigstore` in afterAll.
 */
export async function signedFixtures(): Promise<SignedFixtures> {
  // Mutation testing reruns a suite once per mutant: there (KEYLESS_SIGSTORE_FIXTURES names a cache file, see
  // stryker.config.mjs) the set is signed once and read back, with nothing left to serve or close.
  const cache = process.env.KEYLESS_SIGSTORE_FIXTURES;
  if (cache !== undefined && existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, 'utf8')) as Omit<SignedFixtures, 'sigstore'>;
    if (existsSync(cached.dir)) return { ...cached, sigstore: { close: () => Promise.resolve() } as SigstoreInstance };
  }
  const fixtures = await signFixtures();
  if (cache !== undefined) writeFileSync(cache, JSON.stringify({ ...fixtures, sigstore: undefined }));
  return fixtures;
}

async function signFixtures(): Promise<SignedFixtures> {
  const sigstore = await startSigstore();
  const dir = mkdtempSync(join(tmpdir(), 'keyless-sigstore-'));
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const artifact = (name: string, bytes: Buffer): Artifact => ({ path: write(name, bytes), sha256: createHash('sha256').update(bytes).digest('hex') });
  const toolBytes = Buffer.from('#!/bin/sh\necho "acme tool v1.0.0"\n');
  const otherBytes = Buffer.from('#!/bin/sh\necho "acme tool v0.9.0"\n');
  const archiveBytes = craftTarGz([{ name: 'bin/', type: '5' }, { name: 'bin/scanner', mode: 0o755, data: toolBytes }]);
  const tamperedBytes = Buffer.from(toolBytes);
  tamperedBytes[tamperedBytes.length - 1] = 0x20;
  const build = { builder: TOOL_IDENTITY, repository: TOOL_REPOSITORY };
  const toolStatement = provenanceStatement('tool', toolBytes, build);
  const key = managedKey();

  const signed = await Promise.all([
    signKeyless(sigstore, toolBytes, RELEASE, 'message'),
    signKeyless(sigstore, toolStatement, RELEASE, 'dsse'),
    signWithKey(sigstore, key, toolBytes, 'message'),
    signWithKey(sigstore, key, toolStatement, 'dsse'),
    signKeyless(sigstore, otherBytes, RELEASE, 'message'),
    signKeyless(sigstore, provenanceStatement('tool', otherBytes, build), RELEASE, 'dsse'),
    signKeyless(sigstore, toolBytes, { ...RELEASE, san: LOOKALIKE_IDENTITY }, 'message'),
    signKeyless(sigstore, toolBytes, { ...RELEASE, issuer: LOOKALIKE_ISSUER }, 'message'),
    signKeyless(sigstore, toolBytes, { san: TOOL_IDENTITY, issuer: GITHUB_ISSUER }, 'message'),
    signKeyless(sigstore, archiveBytes, RELEASE, 'message'),
  ]);
  if (sigstore.unexpected.length > 0) throw new Error(`the Sigstore fake got requests it does not serve: ${sigstore.unexpected.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  const [keylessMessage, keylessDsse, keyMessage, keyDsse, otherMessage, otherDsse, lookalikeIdentity, lookalikeIssuer, noExtensions, archiveMessage] = signed.map((bundle, i) => write(`bundle-${i}.sigstore.json`, JSON.stringify(bundle))) as [string, string, string, string, string, string, string, string, string, string];
  return {
    sigstore,
    dir,
    trustedRoot: write('trusted_root.json', JSON.stringify(sigstore.trustedRoot)),
    tool: artifact('tool', toolBytes),
    archive: artifact('tool.tar.gz', archiveBytes),
    other: artifact('other-tool', otherBytes),
    tampered: artifact('tampered-tool', tamperedBytes),
    key: write('key.pub', key.publicKeyPem),
    otherKey: write('other-key.pub', managedKey().publicKeyPem),
    bundles: {
      keylessMessage, keylessDsse, keyMessage, keyDsse, otherMessage, otherDsse, lookalikeIdentity, lookalikeIssuer, noExtensions, archiveMessage,
      rootInChain: write('root-in-chain.sigstore.json', JSON.stringify(withRootInChain(signed[0], sigstore.fulcioRoot))),
    },
  };
}

/**
 * The bundle as an older cosign wrote it: the whole chain, leaf then root, in `x509CertificateChain`. The
 * signature, log entry and timestamp are untouched, and the root is the very one the trusted root holds.
 */
function withRootInChain(bundle: SerializedBundle, root: Buffer): SerializedBundle {
  const chain = bundle.verificationMaterial.x509CertificateChain;
  if (chain === undefined) throw new Error('expected a message-signature bundle with an x509CertificateChain');
  return {
    ...bundle,
    verificationMaterial: { ...bundle.verificationMaterial, x509CertificateChain: { certificates: [...chain.certificates, { rawBytes: root.toString('base64') }] } },
  };
}
