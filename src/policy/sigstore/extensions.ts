import type { Bundle } from '@sigstore/bundle';
import { ASN1Obj, X509Certificate } from '@sigstore/core';
import { KeylessError } from '../../errors.js';
import type { ToolExtension } from '../tools/types.js';

/** Fulcio's GitHub Actions certificate extensions (v2: DER UTF8String values). */
export const GITHUB_EXTENSIONS: Readonly<Record<ToolExtension, string>> = {
  'build-signer-uri': '1.3.6.1.4.1.57264.1.9',
  'runner-environment': '1.3.6.1.4.1.57264.1.11',
  'source-repository': '1.3.6.1.4.1.57264.1.12',
  'source-digest': '1.3.6.1.4.1.57264.1.13',
  'source-ref': '1.3.6.1.4.1.57264.1.14',
};

/**
 * Compares the signing certificate's GitHub extensions with the policy as text. (@sigstore/verify
 * compares OID values as DER bytes, so a plain string from a policy never matches.)
 */
export function checkExtensions(bundle: Bundle, expected: Partial<Record<ToolExtension, string>>): void {
  const names = Object.keys(expected) as ToolExtension[];
  if (names.length === 0) return;
  const material = bundle.verificationMaterial.content;
  const raw = material.$case === 'certificate' ? material.certificate.rawBytes : material.$case === 'x509CertificateChain' ? material.x509CertificateChain.certificates[0]?.rawBytes : undefined;
  if (raw === undefined) throw new KeylessError('SIGNATURE_INVALID', `the bundle is signed with a key, not a certificate, so it has no ${names.join(', ')}`);
  const certificate = X509Certificate.parse(Buffer.from(raw));
  const wrong: string[] = [];
  for (const name of names) {
    const extension = certificate.extension(GITHUB_EXTENSIONS[name]);
    const actual = extension === undefined ? undefined : ASN1Obj.parseBuffer(Buffer.from(extension.value)).value.toString('utf8');
    if (actual !== expected[name]) wrong.push(`${name} is ${actual === undefined ? 'absent' : JSON.stringify(actual)}, policy wants ${JSON.stringify(expected[name])}`);
  }
  if (wrong.length > 0) {
    throw new KeylessError('SIGNATURE_INVALID', `the signing certificate does not meet the policy: ${wrong.join('; ')}`, {
      hint: 'the artifact was built somewhere else than the policy says; do not run it',
    });
  }
}
