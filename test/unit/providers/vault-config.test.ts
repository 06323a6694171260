import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import type { VaultConfig } from '../../../src/providers/vault.js';
import { makeTestCa, type TestCa } from '../../fakes/test-ca.js';
import { configProblems } from '../config/problems.js';

// A Vault entry's keys as the step reads them, before any network call: vault-action's `secrets` lines
// and the request mappings, the TLS material (parsed by node:crypto, never quoted back), extra headers,
// and every way each can be wrong, reported together.

const base = '- provider: vault\n  url: https://vault.example.com:8200\n  role: ci';

function vaultConfig(extra: string, head = base): VaultConfig {
  return loadConfig({ credentials: `${head}${extra}` }, process.cwd()).credentials[0]?.config as VaultConfig;
}

const problems = (extra: string, head = base) => configProblems(`${head}${extra}`);

const yamlText = (text: string) => JSON.stringify(text);

describe('vault secrets: vault-action lines', () => {
  it('reads the peer block as it is: ; and line breaks, | NAME, default names, quoted keys, leading /, * and **', () => {
    const config = vaultConfig(`
  secrets: |
    secret/data/ci/aws accessKey | AWS_ACCESS_KEY_ID ;
    secret/data/ci/aws secretKey|AWS_SECRET_ACCESS_KEY
    secret/data/ci npm-token.v2 ; /cubbyhole/foo "a.b" | AB
    secret/data/ci/app * | APP_ ;
    secret/data/ci/app **`);
    expect(config.secrets).toEqual([
      { path: 'secret/data/ci/aws', pick: { kind: 'field', steps: ['accessKey'] }, name: 'AWS_ACCESS_KEY_ID' },
      { path: 'secret/data/ci/aws', pick: { kind: 'field', steps: ['secretKey'] }, name: 'AWS_SECRET_ACCESS_KEY' },
      { path: 'secret/data/ci', pick: { kind: 'field', steps: ['npm-token', 'v2'] }, name: 'NPMTOKEN__V2' },
      { path: 'cubbyhole/foo', pick: { kind: 'field', steps: ['a.b'] }, name: 'AB' },
      { path: 'secret/data/ci/app', pick: { kind: 'all', upper: true }, name: 'APP_' },
      { path: 'secret/data/ci/app', pick: { kind: 'all', upper: false }, name: '' },
    ]);
    // vault-action's default: the secrets are handed out, the token is not.
    expect(config.exportToken).toBe(false);
  });

  it('takes mappings and lines mixed in a list, with select, encoding and the defaults of each', () => {
    const config = vaultConfig(`
  secret-encoding-type: base64
  export-token: true
  secrets:
    - path: secret/data/ci
      key: npm.token
    - path: database/creds/ci
      select: data.password
      encoding: utf8
    - path: pki/cert/ca
      select: data.ca_chain.0
      name: CA_PEM
    - secret/data/ci aws | AWS
    - path: secret/ci
      key: "*"
      name: V1_`);
    expect(config.secrets).toEqual([
      { path: 'secret/data/ci', pick: { kind: 'field', steps: ['npm.token'] }, name: 'NPM__TOKEN' },
      { path: 'database/creds/ci', pick: { kind: 'select', steps: ['data', 'password'] }, name: 'PASSWORD', encoding: 'utf8' },
      { path: 'pki/cert/ca', pick: { kind: 'select', steps: ['data', 'ca_chain', '0'] }, name: 'CA_PEM' },
      { path: 'secret/data/ci', pick: { kind: 'field', steps: ['aws'] }, name: 'AWS' },
      { path: 'secret/ci', pick: { kind: 'all', upper: true }, name: 'V1_' },
    ]);
    expect(config).toMatchObject({ exportToken: true, encoding: 'base64', ignoreNotFound: false });
  });

  it('reports every bad request at once, with what to write instead, and quotes no line', () => {
    const message = problems(`
  secrets: |
    secret/data/ci $join([a,b]) | JOINED ;
    secret/data/ci key |
    secret/data/ci one two | X ;
    secret/../sys/raw key | K ;
    secret/data/ci k1 | GITHUB_TOKEN ;
    secret/data/ci k2 | LD_PRELOAD ;
    secret/data/ci k3 | token ;
    secret/data/ci k4 | NPM ;
    secret/data/ci k5 | npm ;
    secret/data/ci k6 | 9LIVES ;
    secret/data/ci * | 1_ ;
    secret/data/ci k7 | MY-NAME`);
    for (const expected of [
      'request 1 has a selector that is neither a key nor a dotted path of keys: Keyless does not evaluate JSONata expressions',
      'request 2 has "|" with no name after it',
      'request 3 is not PATH KEY [| NAME] (it has 3 word(s) before the name)',
      'request 4 has a path that is not segments',
      'request 5 may not be named GITHUB_TOKEN: it belongs to the runner',
      'request 6 may not be named LD_PRELOAD: the dynamic loader preloads',
      'request 7 may not be named token: the entry sets the output <id>-token itself',
      'request 9 is named npm, as an earlier request is (in another case)',
      'request 10 may not be named 9LIVES: it is not a variable name',
      'request 11 has a name prefix that is not letters, digits and _',
      'request 12 may not be named so: it is not a variable name',
    ]) expect(message).toContain(expected);
    expect(message).not.toContain('$join');
    expect(message).not.toContain('request 8 ');
  });

  it('reports mapping items by index and line, with unknown keys and the key/select rule', () => {
    const message = problems(`
  secrets:
    - path: secret/data/ci
      key: a
      select: data.data.a
    - path: secret/data/ci
    - path: secret/data/ci
      key: b
      nmae: B
      encoding: rot13
    - 42
    - path: secret/data/./ci
      key: c`);
    expect(message).toContain('credentials[0].secrets[0].select (line 7): cannot be given with key');
    expect(message).toContain('credentials[0].secrets[1] (line 8): needs key (a field of the secret) or select');
    expect(message).toContain('credentials[0].secrets[2].nmae (line 11): unknown key (did you mean "name"?)');
    expect(message).toContain('credentials[0].secrets[2].encoding (line 12): is not one of base64, hex, utf8');
    expect(message).toContain('credentials[0].secrets[3] (line 13): must be a mapping {path, key, name} or a line PATH KEY [| NAME], not a number');
    expect(message).toContain('credentials[0].secrets[4].path (line 14): is not segments');
  });

  it('refuses an entry that would hand out nothing, and secret options without secrets', () => {
    const message = problems('\n  export-token: false\n  ignore-not-found: true\n  secret-encoding-type: base32');
    expect(message).toContain('export-token (line 4): is false and the entry reads no secrets');
    expect(message).toContain('ignore-not-found (line 5): applies to secrets, and this entry reads none');
    expect(message).toContain('secret-encoding-type (line 6): is not one of base64, hex, utf8');
    expect(problems('\n  secrets: 42')).toContain("secrets (line 4): must be a non-empty list, or vault-action's PATH KEY [| NAME] lines, not a number");
    expect(problems('\n  secrets: " ; "')).toContain('secrets (line 4): is empty');
  });

  it('names vault-action inputs by their Keyless key, or says why they are gone', () => {
    const message = problems('\n  caCertificate: x\n  exportToken: true\n  tlsSkipVerify: true\n  roleId: x\n  pki: x');
    expect(message).toContain(`caCertificate (line 4): is hashicorp/vault-action's input; Keyless calls it "ca-certificate"`);
    expect(message).toContain(`exportToken (line 5): is hashicorp/vault-action's input; Keyless calls it "export-token"`);
    expect(message).toContain("tlsSkipVerify (line 6): (hashicorp/vault-action's input) is not supported");
    expect(message).toContain("roleId (line 7): (hashicorp/vault-action's input) is a stored secret");
    expect(message).toContain('pki (line 8): (hashicorp/vault-action\'s input) is not supported: issuing a certificate is a write');
  });
});

describe('vault TLS and headers', () => {
  let ca: TestCa;
  let client: { cert: string; key: string };
  beforeAll(async () => {
    ca = await makeTestCa();
    client = await ca.client('ci');
  });

  it('takes PEM, or base64 of the PEM as vault-action does, and hands on canonical PEM', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const config = vaultConfig(`\n  ca-certificate: ${yamlText(`${ca.cert}\n${ca.cert}`)}\n  client-certificate: ${b64(client.cert)}\n  client-key: ${b64(client.key)}`);
    const tls = config.transport.tls ?? {};
    expect(new X509Certificate(tls.ca ?? '').subject).toBe('CN=Keyless Test CA');
    expect(tls.ca?.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(new X509Certificate(tls.cert ?? '').subject).toBe('CN=ci');
    expect(tls.key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('refuses tls-skip-verify, certificates that are not, a key without its certificate or of another, and TLS on http', async () => {
    const other = await ca.client('other');
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const wrongKey = problems(`\n  tls-skip-verify: true\n  ca-certificate: not-a-certificate\n  client-certificate: ${yamlText(client.cert)}\n  client-key: ${yamlText(other.key)}`);
    expect(wrongKey).toContain("tls-skip-verify (line 4): is not supported: Keyless always verifies the Vault's certificate");
    expect(wrongKey).toContain('ca-certificate (line 5): is not a certificate in PEM, nor base64 of one');
    expect(wrongKey).toContain('client-key (line 7): is not the private key of client-certificate');
    const broken = problems(`\n  ca-certificate: ${yamlText('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')}\n  client-key: ${yamlText(encrypted.privateKey)}`);
    expect(broken).toContain('ca-certificate (line 4): certificate 1 of 1 is not an X.509 certificate');
    expect(broken).toContain('client-key (line 5): is encrypted; give the key unencrypted');
    expect(broken).toContain('client-key (line 5): needs client-certificate and client-key together');
    const plain = problems(`\n  ca-certificate: ${yamlText(ca.cert)}`, '- provider: vault\n  url: http://127.0.0.1:8200\n  role: ci');
    expect(plain).toContain('url (line 2): must be https:// for ca-certificate');
    expect(problems(`\n  client-key: ${yamlText('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')}\n  client-certificate: ${yamlText(ca.cert)}`)).toContain('client-key (line 4): is not a PEM private key');
    // Never a byte of the key material in the message.
    for (const message of [wrongKey, broken]) for (const line of [...other.key.split('\n'), ...encrypted.privateKey.split('\n')].filter((l) => l.length > 20)) expect(message).not.toContain(line);
  });

  it('reads extra headers as a mapping or as vault-action lines, joins repeats, and refuses what Keyless sets', () => {
    expect(vaultConfig('\n  extra-headers:\n    X-Gateway-Id: ci\n    X-Count: 3').transport.headers).toEqual({ 'x-gateway-id': 'ci', 'x-count': '3' });
    expect(vaultConfig('\n  extra-headers: |\n    X-Secure-Id: one\n    x-secure-id: two\n    X-Empty:').transport.headers).toEqual({ 'x-secure-id': 'one, two', 'x-empty': '' });
    const message = problems('\n  extra-headers: |\n    X-Vault-Token: s3cr3t-value\n    Authorization: Bearer s3cr3t-value\n    Bad Name: s3cr3t-value\n    X-Vault-Namespace: admin');
    expect(message).toContain('may not set X-Vault-Token: Keyless sends the token it logged in with');
    expect(message).toContain('may not set Authorization: Vault reads a bearer token from it');
    expect(message).toContain('header 3 has no name of letters, digits');
    expect(message).toContain('may not set X-Vault-Namespace: use the namespace key');
    expect(message).not.toContain('s3cr3t');
    expect(problems('\n  extra-headers:\n    X-Split: "a\\r\\nInjected: b"')).toContain('X-Split must have a value of printable ASCII on one line');
    expect(problems('\n  extra-headers: [a]')).toContain('extra-headers (line 4): must be a mapping of header names to values');
  });
});
