import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectMode } from '../fakes/host.js';
import { repeat } from '../fakes/http-fake.js';
import type { StepRun } from '../fakes/runner-harness.js';
import { kv1, kv2, startVault, type VaultOptions } from '../fakes/vault.js';
import { errorCodes, world } from './setup.js';

// vault-action's main job, end to end through dist/: a JWT login, then the entry's secrets read with the
// Vault token (KV v2, KV v1, any engine's answer), each masked before its first use and handed out by
// name; every way a read can fail says what to do and hands nothing out.

const SUB = 'repo:acme/widget:ref:refs/heads/main';
const PEM = `-----BEGIN PRIVATE KEY-----\n${'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg'.repeat(1)}\nx2pAnGZ0c2hpcy1pcy1hLXRlc3Qta2V5LW5vdC1hLXJlYWwtb25l\n-----END PRIVATE KEY-----`;

async function vaultWorld(options: Partial<VaultOptions> = {}) {
  const w = await world();
  const vault = w.adopt(await startVault({ trustedIssuer: w.runner.issuer, audience: 'vault.example', role: 'ci', subjects: [SUB], ...options }));
  const entry = (extra: string) => `- provider: vault\n  url: ${vault.url}\n  role: ci\n  oidc-audience: vault.example${extra}`;
  return { ...w, vault, entry };
}

const reads = (vault: { requests: { method: string; path: string }[] }) => vault.requests.filter((r) => r.method === 'GET').map((r) => r.path);
const audit = (run: StepRun) => JSON.parse(readFileSync(run.outputs['audit-file'] ?? '', 'utf8')) as { credentials: { secrets?: unknown; exported: string[] }[] };

/** Each value, and each of its lines, is announced with add-mask, and first shows on stdout in an add-mask line. */
function expectMaskedFirst(run: StepRun, values: string[]): void {
  for (const value of values) {
    for (const line of value.split('\n')) {
      expect(run.lines, line).toContain(`::add-mask::${line}`);
      expect(run.lines.find((l) => l.includes(line)), line).toMatch(/^::add-mask::/);
    }
  }
}

describe('vault secrets', () => {
  it('reads KV v2, KV v1 and another engine concurrently, one GET per path, and exports each secret masked before its first use', async () => {
    const w = await vaultWorld({
      readDelayMs: 300,
      secrets: {
        'secret/data/ci': kv2({ npmToken: 'npm_0123456789abcdefghij', tls: { pem: PEM }, settings: { retries: 3, region: 'eu-west-1' } }),
        'secret/data/ci/aws': kv2({ accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }),
        'secret/legacy': kv1({ password: 'legacy-password-123' }),
        'database/creds/ci': { lease_id: 'database/creds/ci/abc', lease_duration: 3600, renewable: true, data: { username: 'v-ci-role-abcdefgh', password: 'A1a-dynamicPassw0rd' } },
      },
    });
    const credentials = w.entry(`
  namespace: admin/ci
  secrets:
    - |
      secret/data/ci/aws accessKey | AWS_ACCESS_KEY_ID ;
    - secret/data/ci/aws secretKey | AWS_SECRET_ACCESS_KEY
    - secret/data/ci npmToken | NPM_TOKEN
    - secret/data/ci tls.pem
    - path: secret/data/ci
      key: settings
    - path: /secret/legacy
      key: password
      name: LEGACY_PASSWORD
    - path: database/creds/ci
      select: data.password
      name: DB_PASSWORD`);
    const { main, post } = await w.job2({ credentials });
    expect(main.code, main.stdout).toBe(0);
    expect(main.env).toEqual({
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      NPM_TOKEN: 'npm_0123456789abcdefghij',
      TLS__PEM: PEM,
      SETTINGS: '{"retries":3,"region":"eu-west-1"}',
      LEGACY_PASSWORD: 'legacy-password-123',
      DB_PASSWORD: 'A1a-dynamicPassw0rd',
    });
    // The token reads the secrets; vault-action's default hands out only the secrets.
    expect(main.env.VAULT_TOKEN).toBeUndefined();
    expect(reads(w.vault).sort()).toEqual(['/v1/database/creds/ci', '/v1/secret/data/ci', '/v1/secret/data/ci/aws', '/v1/secret/legacy']);
    const gets = w.vault.requests.filter((r) => r.method === 'GET');
    for (const get of gets) expect([get.headers['x-vault-token'], get.headers['x-vault-namespace']]).toEqual([w.vault.tokens[0], 'admin/ci']);
    expect(Math.max(...gets.map((r) => r.startedAt))).toBeLessThan(Math.min(...gets.map((r) => r.endedAt ?? Infinity)));
    expectMaskedFirst(main, Object.values(main.env));
    expect(main.stdout).toContain('Vault token and 7 secret(s)');
    expect(audit(main).credentials[0]?.secrets).toEqual([
      { path: 'secret/data/ci/aws', key: 'accessKey', name: 'AWS_ACCESS_KEY_ID' },
      { path: 'secret/data/ci/aws', key: 'secretKey', name: 'AWS_SECRET_ACCESS_KEY' },
      { path: 'secret/data/ci', key: 'npmToken', name: 'NPM_TOKEN' },
      { path: 'secret/data/ci', key: 'tls.pem', name: 'TLS__PEM' },
      { path: 'secret/data/ci', key: 'settings', name: 'SETTINGS' },
      { path: 'secret/legacy', key: 'password', name: 'LEGACY_PASSWORD' },
      { path: 'database/creds/ci', key: 'select data.password', name: 'DB_PASSWORD' },
    ]);
    expect(post.code).toBe(0);
    expect(w.vault.revoked).toEqual(new Set(w.vault.tokens));
    w.vault.issued.push('{"retries":3,"region":"eu-west-1"}');
    w.expectNoLeaks([main, post]);
  });

  it('hands the secrets out as <id>-NAME outputs and 0600 files, and the token only with export-token', async () => {
    const w = await vaultWorld({ secrets: { 'secret/data/ci': kv2({ npmToken: 'npm_0123456789abcdefghij' }) } });
    const credentials = w.entry('\n  id: ci-secrets\n  export: [file, outputs]\n  secrets: secret/data/ci npmToken | NPM_TOKEN');
    const main = await w.main({ credentials });
    expect(main.code, main.stdout).toBe(0);
    expect(main.outputs['ci-secrets-NPM_TOKEN']).toBe('npm_0123456789abcdefghij');
    expect(main.outputs['ci-secrets-token']).toBeUndefined();
    const path = main.env.NPM_TOKEN_FILE ?? '';
    expectMode(path, 0o600);
    expect(readFileSync(path, 'utf8')).toBe('npm_0123456789abcdefghij');
    expect(Object.keys(main.env)).toEqual(['NPM_TOKEN_FILE']);
    const post = await w.post({ credentials }, main);
    expect(() => statSync(path)).toThrow();
    const withToken = await w.main({ credentials: w.entry('\n  export: [env, outputs]\n  export-token: true\n  secrets: secret/data/ci npmToken | NPM_TOKEN') });
    expect(withToken.env).toEqual({ NPM_TOKEN: 'npm_0123456789abcdefghij', VAULT_TOKEN: w.vault.tokens[1], VAULT_ADDR: w.vault.url });
    expect(withToken.outputs).toMatchObject({ 'vault-NPM_TOKEN': 'npm_0123456789abcdefghij', 'vault-token': w.vault.tokens[1] });
    w.expectNoLeaks([main, post, withToken], { env: true, outputs: true, files: [path] });
  });

  it('decodes base64 and hex values, and refuses one that does not decode, naming it but never its value', async () => {
    const plain = 'line one of the secret\nline two of the secret';
    const w = await vaultWorld({
      secrets: {
        'secret/data/enc': kv2({
          b64: Buffer.from(plain).toString('base64').replace(/(.{20})/, '$1\n'),
          hex: Buffer.from('hex-encoded-value').toString('hex'),
          bad: 'not base64 at all!',
          latin: Buffer.from([0xff, 0xfe, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47]).toString('base64'),
        }),
      },
    });
    const main = await w.main({ credentials: w.entry('\n  secret-encoding-type: base64\n  secrets:\n    - secret/data/enc b64 | PLAIN\n    - path: secret/data/enc\n      key: hex\n      encoding: hex') });
    expect(main.code, main.stdout).toBe(0);
    expect(main.env).toEqual({ PLAIN: plain, HEX: 'hex-encoded-value' });
    expectMaskedFirst(main, [plain, 'hex-encoded-value']);
    const runs = [main];
    for (const key of ['bad', 'latin']) {
      const refused = await w.main({ credentials: w.entry(`\n  secret-encoding-type: base64\n  secrets: secret/data/enc ${key} | VALUE`) });
      expect(errorCodes(refused)).toEqual(['EXCHANGE_FAILED']);
      expect(refused.stdout).toContain('the value of VALUE from secret/data/enc is not base64 text that decodes to UTF-8; it was not used');
      expect(refused.stdout).toContain('check secret-encoding-type');
      expect(refused.files.env).toBe('');
      runs.push(refused);
    }
    w.vault.issued.push(plain, 'hex-encoded-value');
    w.expectNoLeaks(runs);
  });

  it('skips a missing path with a warning under ignore-not-found; without it, names the path, hands out nothing and revokes the token at once', async () => {
    const w = await vaultWorld({ secrets: { 'secret/data/ci': kv2({ npmToken: 'npm_0123456789abcdefghij' }) } });
    const secrets = '\n  secrets: |\n    secret/data/ci npmToken | NPM_TOKEN ;\n    secret/data/gone key | GONE';
    const skipped = await w.main({ credentials: w.entry(`${secrets}\n  ignore-not-found: true`) });
    expect(skipped.code, skipped.stdout).toBe(0);
    expect(skipped.env).toEqual({ NPM_TOKEN: 'npm_0123456789abcdefghij' });
    expect(skipped.lines).toContain('::warning::vault "vault": no secret at secret/data/gone (HTTP 404): GONE was not exported (ignore-not-found)');
    const failed = await w.main({ credentials: w.entry(secrets) });
    expect(errorCodes(failed)).toEqual(['EXCHANGE_FAILED']);
    expect(failed.stdout).toContain('Vault has no secret at secret/data/gone (HTTP 404 from');
    expect(failed.stdout).toContain('a KV v2 secret is read at MOUNT/data/PATH');
    expect(failed.stdout).toContain('set ignore-not-found: true to skip it');
    expect(failed.files.env).toBe('');
    expect(failed.files.outputs).not.toContain('npm_');
    expect(w.vault.revoked.has(w.vault.tokens[1] ?? '')).toBe(true);
    w.expectNoLeaks([skipped, failed]);
  });

  it("names the path and the role's policies when Vault refuses a read, and revokes the token at once", async () => {
    const w = await vaultWorld({ readable: ['secret/data/ci'], secrets: { 'secret/data/ci': kv2({ a: 'value-of-a-123' }), 'secret/data/prod': kv2({ b: 'value-of-b-123' }) } });
    const main = await w.main({ credentials: w.entry('\n  secrets: |\n    secret/data/ci a | A ;\n    secret/data/prod b | B') });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toMatch(/Vault secret read http:\/\/127\.0\.0\.1:\d+\/v1\/secret\/data\/prod answered HTTP 403: 1 error occurred: \* permission denied/);
    expect(main.stdout).toContain(`the role's token policies (default, deploy) must grant read on secret/data/prod: path "secret/data/prod" { capabilities = ["read"] }`);
    expect(main.files.env).toBe('');
    expect(w.vault.revoked).toEqual(new Set(w.vault.tokens));
    // The token was revoked in the main step: the post step finds nothing left to revoke and says so.
    const post = await w.post({ credentials: w.entry('\n  secrets: secret/data/ci a | A') }, main);
    expect(post.stdout).not.toContain('✓ revoked vault');
    w.expectNoLeaks([main, post]);
  });

  it('retries a read that a performance standby (412) or a sealed Vault (503) answers', async () => {
    const w = await vaultWorld({ secrets: { 'secret/data/ci': kv2({ npmToken: 'npm_0123456789abcdefghij' }) } });
    w.vault.readFaults.push({ kind: 'status', status: 412, body: { errors: ['required index state not present'] } }, ...repeat(1, { kind: 'status', status: 503, body: { errors: ['Vault is sealed'] } }));
    const main = await w.main({ credentials: w.entry('\n  secrets: secret/data/ci npmToken | NPM_TOKEN') });
    expect(main.code, main.stdout).toBe(0);
    expect(reads(w.vault)).toEqual(['/v1/secret/data/ci', '/v1/secret/data/ci', '/v1/secret/data/ci']);
    expect(main.env.NPM_TOKEN).toBe('npm_0123456789abcdefghij');
    w.expectNoLeaks([main]);
  });

  it("takes every key with * (upper-cased, prefixed) or ** (as written), and refuses a key that would make a variable later steps depend on", async () => {
    const w = await vaultWorld({
      secrets: {
        'secret/data/app': kv2({ dbPassword: 'db-password-123', 'api.key': 'api-key-value-123' }),
        'secret/data/hostile': kv2({ LD_PRELOAD: '/tmp/evil-library.so' }),
      },
    });
    const main = await w.main({ credentials: w.entry('\n  secrets: |\n    secret/data/app * | APP_ ;\n    secret/data/app **') });
    expect(main.code, main.stdout).toBe(0);
    expect(main.env).toEqual({ APP_DBPASSWORD: 'db-password-123', APP_API__KEY: 'api-key-value-123', dbPassword: 'db-password-123', api__key: 'api-key-value-123' });
    const hostile = await w.main({ credentials: w.entry('\n  secrets: secret/data/hostile *') });
    expect(errorCodes(hostile)).toEqual(['EXCHANGE_FAILED']);
    expect(hostile.stdout).toContain('a key of the secret at secret/data/hostile makes the variable LD_PRELOAD, which cannot be exported: the dynamic loader preloads');
    expect(hostile.files.env).toBe('');
    w.expectNoLeaks([main, hostile]);
  });

  // Whoever can write the secret a * reads chooses the names: one another tool takes its endpoint or
  // credentials from would send what other entries hand out (the aws entry's session token, the registry
  // login, the pypi token) to a server of that writer's choosing.
  it("refuses a key that would make a variable other tools read their endpoint or credentials from, unless under the user's prefix", async () => {
    const w = await vaultWorld({
      secrets: {
        'secret/data/a': kv2({ AWS_ENDPOINT_URL_STS: 'https://sts.attacker.example' }),
        'secret/data/b': kv2({ docker_host: 'tcp://docker.attacker.example:2375' }),
        'secret/data/c': kv2({ TWINE_REPOSITORY_URL: 'https://pypi.attacker.example/legacy/' }),
        'secret/data/d': kv2({ sonar_host_url: 'https://sonar.attacker.example' }),
        'secret/data/e': kv2({ API_KEY: 'sk-test-0123456789abcdef', BASE_URL: 'https://openai.attacker.example' }),
      },
    });
    const runs: StepRun[] = [];
    const shaped = await w.main({ credentials: w.entry('\n  secrets: secret/data/d *') });
    runs.push(shaped);
    expect(errorCodes(shaped)).toEqual(['EXCHANGE_FAILED']);
    expect(shaped.stdout).toContain("makes the variable SONAR_HOST_URL, which cannot be exported: a server's key may not choose a name shaped like a tool's endpoint");
    expect(shaped.files.env).toBe('');
    for (const [path, name] of [['a', 'AWS_ENDPOINT_URL_STS'], ['b', 'DOCKER_HOST'], ['c', 'TWINE_REPOSITORY_URL']] as const) {
      const main = await w.main({ credentials: w.entry(`\n  secrets: secret/data/${path} *`) });
      runs.push(main);
      expect(errorCodes(main)).toEqual(['EXCHANGE_FAILED']);
      expect(main.stdout).toContain(`makes the variable ${name}, which cannot be exported: a server's key may not choose a name other tools read their endpoints or credentials from`);
      expect(main.stdout).toContain('give the request a name prefix of your own (name: APP_)');
      expect(main.files.env).toBe('');
    }
    const prefixed = await w.main({ credentials: w.entry('\n  secrets: secret/data/b * | APP_') });
    expect(prefixed.code, prefixed.stdout).toBe(0);
    expect(prefixed.env).toEqual({ APP_DOCKER_HOST: 'tcp://docker.attacker.example:2375' });
    const prefixedShape = await w.main({ credentials: w.entry('\n  secrets: secret/data/e * | OPENAI_') });
    expect(errorCodes(prefixedShape)).toEqual(['EXCHANGE_FAILED']);
    expect(prefixedShape.stdout).toContain('makes the variable OPENAI_BASE_URL, which cannot be exported');
    expect(prefixedShape.files.env).toBe('');
    w.expectNoLeaks([...runs, prefixed, prefixedShape]);
  });

  it('refuses a value too short to mask, or with a line that short, and says what to store instead', async () => {
    const w = await vaultWorld({ secrets: { 'secret/data/ci': kv2({ pin: '1234', pem: 'a-long-first-line-of-text\nZg==', port: 5432 }) } });
    const runs: StepRun[] = [];
    for (const key of ['pin', 'pem', 'port']) {
      const main = await w.main({ credentials: w.entry(`\n  secrets: secret/data/ci ${key} | VALUE`) });
      runs.push(main);
      expect(errorCodes(main)).toEqual(['EXCHANGE_FAILED']);
      expect(main.stdout).toContain('the value of VALUE from secret/data/ci is shorter than 8 characters, or has a line that short, so it cannot be masked in the log; it was not used');
      expect(main.stdout).toContain('store it base64-encoded on one line');
      expect(main.files.env).toBe('');
    }
    expect(w.vault.revoked.size).toBe(3);
    w.expectNoLeaks(runs);
  });

  it('refuses an answer without a data object, a value holding NUL, and a * that would make over 100 variables, each saying what to do', async () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`key${i}`, `value-number-${i}`]));
    const w = await vaultWorld({ secrets: { 'secret/list': { data: null, warnings: ['list'] }, 'secret/data/nul': kv2({ v: 'before\u0000after-text' }), 'secret/data/many': kv2(many) } });
    const cases: [string, string, string][] = [
      ['secret/list key | V', 'HTTP_BAD_RESPONSE', 'Vault answered the read of secret/list without a data object — the path is not a secret that can be read'],
      ['secret/data/nul v | V', 'EXCHANGE_FAILED', 'the value of V from secret/data/nul holds a NUL character, which no variable or output can; it was not used — store it encoded (base64)'],
      ['secret/data/many *', 'EXCHANGE_FAILED', 'the secrets of this entry make more than 100 variables — list the keys you need instead of * or **'],
    ];
    const runs: StepRun[] = [];
    for (const [line, code, message] of cases) {
      const main = await w.main({ credentials: w.entry(`\n  secrets: ${line}`) });
      runs.push(main);
      expect(errorCodes(main), line).toEqual([code]);
      expect(main.stdout).toContain(message);
      expect(main.files.env).toBe('');
    }
    expect(w.vault.revoked).toEqual(new Set(w.vault.tokens));
    w.expectNoLeaks(runs);
  });

  it('says which key is missing and lists the keys the secret has; a select path that leads nowhere too', async () => {
    const w = await vaultWorld({ secrets: { 'secret/data/ci': kv2({ npmToken: 'npm_0123456789abcdefghij', other: 'other-value-123' }) } });
    const key = await w.main({ credentials: w.entry('\n  secrets: secret/data/ci npm_token | NPM_TOKEN') });
    expect(errorCodes(key)).toEqual(['EXCHANGE_FAILED']);
    expect(key.stdout).toContain('the secret at secret/data/ci has no key npm_token (it has: npmToken, other)');
    const select = await w.main({ credentials: w.entry('\n  secrets:\n    - path: secret/data/ci\n      select: data.npmToken') });
    expect(select.stdout).toContain('has no value at select data.npmToken (it has: data, metadata)');
    expect(select.stdout).toContain('select is a path from the top of the answer, e.g. data.data.password for KV v2');
    w.expectNoLeaks([key, select]);
  });

  it('sends extra headers on the login, every read and the revocation, and says so when the gateway refuses', async () => {
    const w = await vaultWorld({ gateway: { 'X-Gateway-Token': 'gateway-secret-123' }, secrets: { 'secret/data/ci': kv2({ npmToken: 'npm_0123456789abcdefghij' }) } });
    const credentials = w.entry('\n  extra-headers: |\n    X-Gateway-Token: gateway-secret-123\n  secrets: secret/data/ci npmToken | NPM_TOKEN');
    const { main, post } = await w.job2({ credentials });
    expect(main.code, main.stdout).toBe(0);
    expect(post.code).toBe(0);
    expect(w.vault.requests.map((r) => [r.method, r.headers['x-gateway-token']])).toEqual([['POST', 'gateway-secret-123'], ['GET', 'gateway-secret-123'], ['POST', 'gateway-secret-123']]);
    expect(w.vault.revoked).toEqual(new Set(w.vault.tokens));
    const refused = await w.main({ credentials: w.entry('\n  secrets: secret/data/ci npmToken | NPM_TOKEN') });
    expect(errorCodes(refused)).toEqual(['EXCHANGE_FAILED']);
    expect(refused.stdout).toMatch(/Vault http:\S+\/v1\/auth\/jwt\/login answered HTTP 401: gateway: missing or wrong credentials/);
    w.expectNoLeaks([main, post, refused]);
  });
});
