import { createHash, type KeyObject } from 'node:crypto';
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' };
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { type TrustMaterial, toTrustMaterial } from '@sigstore/verify';
import { KeylessError } from '../../errors.js';

/**
 * sha256 of the Sigstore public-good trusted_root.json this action ships (the one embedded in
 * @sigstore/tuf 5.0.1 and published as root-signing's targets/trusted_root.json). A different file in
 * the dependency fails closed instead of being trusted.
 */
export const PUBLIC_GOOD_ROOT_SHA256 = '6494e21ea73fa7ee769f85f57d5a3e6a08725eae1e38c755fc3517c9e6bc0b66';

/** The shipped public-good trusted root: works offline, where a TUF client cannot start from nothing. */
export function publicGoodRoot(): unknown {
  const encoded = (seeds as Record<string, { targets: Record<string, string> }>)['https://tuf-repo-cdn.sigstore.dev']?.targets['trusted_root.json'];
  const bytes = Buffer.from(encoded ?? '', 'base64');
  if (createHash('sha256').update(bytes).digest('hex') !== PUBLIC_GOOD_ROOT_SHA256) {
    throw new KeylessError('TRUST_ROOT_INVALID', 'the shipped Sigstore trusted root does not match its pinned sha256', {
      hint: 'this build of Keyless is damaged; reinstall it from a release',
    });
  }
  return JSON.parse(bytes.toString('utf8')) as unknown;
}

type Validity = { start?: string; end?: string } | undefined;

/**
 * Rejects a trusted root with a transparency-log or CT-log key, CA or TSA whose validity has no start.
 * The library reads a missing start as "valid since the beginning of time", which would let a key
 * vouch for entries older than it (sigstore-conformance trust-root-tlog-missing-validity-start).
 */
export function checkValidityStarts(root: unknown): void {
  const doc = (typeof root === 'object' && root !== null ? root : {}) as Record<string, unknown>;
  const missing: string[] = [];
  for (const kind of ['tlogs', 'ctlogs', 'certificateAuthorities', 'timestampAuthorities'] as const) {
    // Not a list: TrustedRoot.fromJSON says so, as it does for a document that is not an object.
    const entries = Array.isArray(doc[kind]) ? (doc[kind] as ({ publicKey?: { validFor?: Validity }; validFor?: Validity } | null)[]) : [];
    entries.forEach((item, i) => {
      const entry = item ?? {};
      const validity = kind === 'tlogs' || kind === 'ctlogs' ? entry.publicKey?.validFor : entry.validFor;
      if (!validity?.start) missing.push(`${kind}[${i}]`);
    });
  }
  if (missing.length > 0) {
    throw new KeylessError('TRUST_ROOT_INVALID', `trusted root entries without validFor.start: ${missing.join(', ')}`, {
      hint: 'every key in a trusted root must say since when it is valid; fix or replace the trusted root',
    });
  }
}

/** Trust material from a trusted root document, with a managed public key for `--key` verification. */
export function trustMaterial(root: unknown, key?: KeyObject): TrustMaterial {
  checkValidityStarts(root);
  let parsed: TrustedRoot;
  try {
    parsed = TrustedRoot.fromJSON(root);
  } catch (error) {
    throw new KeylessError('TRUST_ROOT_INVALID', `the trusted root is not a Sigstore TrustedRoot: ${(error as Error).message}`, { cause: error });
  }
  if (key === undefined) return toTrustMaterial(parsed);
  // A managed key is trusted for whatever hint the bundle names: the caller chose this key explicitly.
  // Without the CAs, no certificate can stand in for the key.
  return toTrustMaterial({ ...parsed, certificateAuthorities: [] }, () => ({ publicKey: key, validFor: () => true }));
}
