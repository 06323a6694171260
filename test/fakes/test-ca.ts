// @peculiar/x509 (through tsyringe) needs the metadata polyfill loaded first, as @sigstore/mock loads it.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// A certificate authority made at test time (nothing checked in, nothing that expires in the repository):
// a CA, a server certificate for 127.0.0.1 and client certificates, each with its PEM private key.
// @peculiar/x509 comes with @sigstore/mock, which the Sigstore tests already use.

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface Issued {
  cert: string;
  key: string;
}

export interface TestCa extends Issued {
  /** A certificate for the loopback server (127.0.0.1, localhost and `names`), signed by this CA. */
  server(names?: string[]): Promise<Issued>;
  /** A client certificate (TLS client auth), signed by this CA. */
  client(name: string): Promise<Issued>;
}

async function keyPair(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
}

async function pemKey(key: webcrypto.CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

const validity = () => ({ notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 86_400_000) });

export async function makeTestCa(name = 'Keyless Test CA'): Promise<TestCa> {
  const keys = await keyPair();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${name}`,
    keys,
    signingAlgorithm: ALG,
    ...validity(),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const issue = async (subject: string, usage: x509.ExtendedKeyUsage, names: x509.JsonGeneralName[]): Promise<Issued> => {
    const leafKeys = await keyPair();
    const cert = await x509.X509CertificateGenerator.create({
      subject: `CN=${subject}`,
      issuer: ca.subject,
      publicKey: leafKeys.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: ALG,
      ...validity(),
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([usage]),
        ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
        await x509.AuthorityKeyIdentifierExtension.create(ca),
      ],
    });
    return { cert: cert.toString('pem'), key: await pemKey(leafKeys.privateKey) };
  };
  return {
    cert: ca.toString('pem'),
    key: await pemKey(keys.privateKey),
    server: (names = []) =>
      issue('127.0.0.1', x509.ExtendedKeyUsage.serverAuth, [{ type: 'ip', value: '127.0.0.1' }, ...['localhost', ...names].map((value) => ({ type: 'dns' as const, value }))]),
    client: (subject) => issue(subject, x509.ExtendedKeyUsage.clientAuth, []),
  };
}
