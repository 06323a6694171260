import type { BundleWithDsseEnvelope } from '@sigstore/bundle';
import { KeylessError } from '../../errors.js';

const IN_TOTO = 'application/vnd.in-toto+json';

/**
 * A DSSE bundle signs a statement, not the artifact: it is bound to the artifact only if one of the
 * statement's subjects carries the artifact's digest. @sigstore/verify does not check this.
 */
export function checkInTotoSubject(bundle: BundleWithDsseEnvelope, sha256: string): { predicateType?: string; predicate?: unknown } {
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO) {
    throw new KeylessError('SIGNATURE_INVALID', `the DSSE payload is ${envelope.payloadType}, not an in-toto statement, so nothing binds it to the artifact`);
  }
  let statement: { subject?: { name?: string; digest?: Record<string, string> }[]; predicateType?: string; predicate?: unknown };
  try {
    statement = JSON.parse(envelope.payload.toString('utf8')) as typeof statement;
  } catch {
    throw new KeylessError('SIGNATURE_INVALID', 'the in-toto statement in the DSSE envelope is not JSON');
  }
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  if (!subjects.some((subject) => subject.digest?.sha256?.toLowerCase() === sha256)) {
    const named = subjects.map((s) => `${s.name ?? '?'}@sha256:${s.digest?.sha256 ?? '?'}`).join(', ');
    throw new KeylessError('SIGNATURE_INVALID', `the attestation is for ${named || 'no subject'}, not sha256:${sha256}`, {
      hint: 'the bundle belongs to another artifact (or another version of it)',
    });
  }
  return typeof statement.predicateType === 'string' ? { predicateType: statement.predicateType, predicate: statement.predicate } : {};
}
