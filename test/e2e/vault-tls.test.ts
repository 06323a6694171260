import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestCa, type Issued, type TestCa } from '../fakes/test-ca.js';
import { kv2, startVault } from '../fakes/vault.js';
import { errorCodes, world } from './setup.js';

// A Vault behind a private CA that requires a client certificate, made at test time: the login, the
// secret reads and the post step's revocation all go through the entry's CA and client certificate; a
// handshake that fails says which of the two to give, and is not retried.

const SUB = 'repo:acme/widget:ref:refs/heads/main';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const yamlText = (text: string) => JSON.stringify(text);

let ca: TestCa;
let server: Issued;
let client: Issued;
beforeAll(async () => {
  ca = await makeTestCa();
  [server, client] = await Promise.all([ca.server(), ca.client('github-actions')]);
});

async function mtlsWorld() {
  const w = await world();
  const vault = w.adopt(
    await startVault({
      trustedIssuer: w.runner.issuer,
      audience: 'vault.example',
      role: 'ci',
      subjects: [SUB],
      secrets: { 'secret/data/ci': kv2({ npmToken: 'npm_0123456789abcdefghij' }) },
      tls: { key: server.key, cert: server.cert, ca: [ca.cert], requestCert: true, rejectUnauthorized: true },
    }),
  );
  const entry = (extra: string) => `- provider: vault\n  url: ${vault.url}\n  role: ci\n  oidc-audience: vault.example\n  secrets: secret/data/ci npmToken | NPM_TOKEN${extra}`;
  return { ...w, vault, entry };
}

describe('vault over mutual TLS', () => {
  it('logs in, reads and revokes through the CA and client certificate given, the key masked and never shown', async () => {
    const w = await mtlsWorld();
    expect(w.vault.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // vault-action's form for the CA and the key (base64 of the PEM), PEM for the certificate.
    const credentials = w.entry(`\n  ca-certificate: ${b64(ca.cert)}\n  client-certificate: ${yamlText(client.cert)}\n  client-key: ${b64(client.key)}`);
    const { main, post } = await w.job2({ credentials });
    expect(main.code, main.stdout).toBe(0);
    expect(main.env).toEqual({ NPM_TOKEN: 'npm_0123456789abcdefghij' });
    expect(w.vault.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/auth/jwt/login', 'GET /v1/secret/data/ci', 'POST /v1/auth/token/revoke-self']);
    expect(post.code, post.stdout).toBe(0);
    expect(w.vault.revoked).toEqual(new Set(w.vault.tokens));
    expect(w.vault.tlsErrors).toEqual([]);
    // The key's lines are announced to the mask by both steps (post reads the key from step state), and appear nowhere else.
    const keyLines = client.key.split('\n').filter((line) => line.length >= 8 && !line.startsWith('-----'));
    expect(keyLines.length).toBeGreaterThan(0);
    for (const line of keyLines) for (const run of [main, post]) expect(run.lines).toContain(`::add-mask::${line}`);
    w.vault.issued.push(...keyLines, b64(client.key));
    w.expectNoLeaks([main, post]);
  });

  it("refuses a Vault whose certificate no CA of the entry signed, names ca-certificate, and does not retry", async () => {
    const w = await mtlsWorld();
    const other = await makeTestCa('Another CA');
    const runs = [];
    for (const extra of ['', `\n  ca-certificate: ${yamlText(other.cert)}`]) {
      const before = w.vault.tlsErrors.length;
      const main = await w.main({ credentials: w.entry(`${extra}\n  client-certificate: ${yamlText(client.cert)}\n  client-key: ${yamlText(client.key)}`) });
      runs.push(main);
      expect(errorCodes(main)).toEqual(['HTTP_NETWORK']);
      expect(main.stdout).toMatch(/Vault https:\/\/127\.0\.0\.1:\d+\/v1\/auth\/jwt\/login refused the TLS connection \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/);
      expect(main.stdout).toContain('give that CA to the entry (Vault: ca-certificate)');
      expect(main.stdout).not.toContain('attempts');
      expect(w.vault.tlsErrors.length - before).toBe(1);
    }
    expect(w.vault.requests).toEqual([]);
    w.expectNoLeaks(runs);
  });

  it('names the client certificate when Vault wants one the entry lacks, or does not trust the one it has', async () => {
    const w = await mtlsWorld();
    const stranger = await (await makeTestCa('Stranger CA')).client('github-actions');
    const runs = [];
    for (const extra of ['', `\n  client-certificate: ${yamlText(stranger.cert)}\n  client-key: ${yamlText(stranger.key)}`]) {
      const before = w.vault.tlsErrors.length;
      const main = await w.main({ credentials: w.entry(`\n  ca-certificate: ${yamlText(ca.cert)}${extra}`) });
      runs.push(main);
      expect(errorCodes(main), main.stdout).toEqual(['HTTP_NETWORK']);
      // Under TLS 1.3 the server's refusal reaches the client as its alert, or (a race) as a bare reset;
      // either way the message names the client certificate, and an alert is not retried.
      const alert = /refused the TLS connection \(ERR_SSL_\w+\)/.test(main.stdout);
      expect(alert || /closed the connection \(ECONNRESET\)/.test(main.stdout), main.stdout).toBe(true);
      expect(main.stdout).toMatch(/client certificate[^\n]*\(Vault: client-certificate and client-key\)/);
      if (alert) expect(w.vault.tlsErrors.length - before).toBe(1);
    }
    expect(w.vault.requests).toEqual([]);
    w.expectNoLeaks(runs);
  });
});
