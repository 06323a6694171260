import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectMode } from '../fakes/host.js';
import { repeat } from '../fakes/http-fake.js';
import { startCrates, startOctoSts } from '../fakes/platforms.js';
import { startVault } from '../fakes/vault.js';
import { errorCodes, oidcAudiences, world } from './setup.js';

// Vault, crates.io and the GitHub STS, to the depth the cloud providers are tested at: each documented
// error body, retries where a retry is safe (and none where it is not), hostile answers, every export
// mode, and revocation that fails at post.
const SUB = 'repo:acme/widget:ref:refs/heads/main';

async function vaultWorld(options: { subjects?: string[]; path?: string } = {}) {
  const w = await world();
  const vault = w.adopt(await startVault({ trustedIssuer: w.runner.issuer, audience: 'vault.example', role: 'ci', subjects: options.subjects ?? [SUB], ...(options.path ? { path: options.path } : {}) }));
  const entry = (extra = '') => `- provider: vault\n  url: ${vault.url}\n  role: ci\n  oidc-audience: vault.example${extra}`;
  return { ...w, vault, entry };
}

describe('provider: vault, in depth', () => {
  it('logs in on another auth mount, and asks for the URL origin as audience when none is given', async () => {
    const w = await vaultWorld({ path: 'github-ci' });
    const main = await w.main({ credentials: `${w.entry()}\n  path: github-ci` });
    expect(main.code).toBe(0);
    expect(w.vault.requests[0]?.path).toBe('/v1/auth/github-ci/login');
    const defaulted = await w.main({ credentials: `- provider: vault\n  url: ${w.vault.url}\n  role: ci\n  path: github-ci` });
    expect(errorCodes(defaulted)).toEqual(['EXCHANGE_DENIED']);
    expect(oidcAudiences(w.runner).at(-1)).toBe(new URL(w.vault.url).origin);
    expect(defaulted.stdout).toContain('invalid audience (aud) claim');
    w.expectNoLeaks([main, defaulted]);
  });

  it('quotes Vault\'s errors array for an unknown role, with the hint about bound claims', async () => {
    const w = await vaultWorld();
    const main = await w.main({ credentials: `- provider: vault\n  url: ${w.vault.url}\n  role: deploy\n  oidc-audience: vault.example` });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('HTTP 400: role "deploy" could not be found');
    expect(main.stdout).toContain('bound_audiences');
    expect(w.vault.requests).toHaveLength(1);
  });

  it('retries a sealed or standby Vault (503) and then logs in', async () => {
    const w = await vaultWorld();
    w.vault.faults.push({ kind: 'status', status: 503, body: { errors: ['Vault is sealed'] } });
    const main = await w.main({ credentials: w.entry() });
    expect(main.code).toBe(0);
    expect(w.vault.requests.filter((r) => r.path === '/v1/auth/jwt/login')).toHaveLength(2);
    expect(main.env.VAULT_TOKEN).toBe(w.vault.issued[0]);
    w.expectNoLeaks([main]);
  });

  it('says what is wrong with an answer without a client token, or with one that is no token', async () => {
    const w = await vaultWorld();
    w.vault.faults.push({ kind: 'status', status: 200, body: { auth: { policies: ['default'] } } });
    const missing = await w.main({ credentials: w.entry() });
    expect(errorCodes(missing)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(missing.stdout).toContain('auth.client_token');
    w.vault.faults.push({ kind: 'status', status: 200, body: { auth: { client_token: 'hvs.abcdefghijkl\nVAULT_ADDR=https://evil.example', lease_duration: 60 } } });
    const injected = await w.main({ credentials: w.entry() });
    expect(errorCodes(injected)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(injected.files.env).toBe('');
    expect(injected.stdout).not.toContain('evil.example');
  });

  it('hands out the token as a 0600 file and as a masked output, with the lease as expires-at', async () => {
    const w = await vaultWorld();
    const credentials = `${w.entry()}\n  export: [file, outputs]`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    const path = main.env.VAULT_TOKEN_FILE ?? '';
    expectMode(path, 0o600);
    expect(main.env.VAULT_TOKEN).toBeUndefined();
    expect(main.outputs['vault-token']).toBe(w.vault.issued[0]);
    expect(main.lines).toContain(`::add-mask::${w.vault.issued[0]}`);
    expect(Date.parse(main.outputs['vault-expires-at'] ?? '') - Date.now()).toBeGreaterThan(14 * 60_000);
    const post = await w.post({ credentials }, main);
    expect(() => statSync(path)).toThrow();
    expect(w.vault.revoked.size).toBe(1);
    w.expectNoLeaks([main, post], { env: true, outputs: true });
  });

  it('warns when the token is already gone at post, and fails there under strict-cleanup', async () => {
    for (const strict of ['false', 'true']) {
      const w = await vaultWorld();
      const main = await w.main({ credentials: w.entry(), 'strict-cleanup': strict });
      for (const token of w.vault.issued) w.vault.revoked.add(token);
      const post = await w.post({ credentials: w.entry(), 'strict-cleanup': strict }, main);
      expect(post.stdout).toMatch(/::warning::vault "vault": \[EXCHANGE_DENIED\] Vault revoke-self \S+ answered HTTP 403: permission denied/);
      expect(post.code).toBe(strict === 'true' ? 1 : 0);
      expect(errorCodes(post)).toEqual(strict === 'true' ? ['REVOKE_FAILED'] : []);
      w.expectNoLeaks([main, post]);
    }
  });
});

describe('provider: crates, in depth', () => {
  it('names the trusted-publisher mismatch and prints the claims to compare', async () => {
    const w = await world();
    const crates = w.adopt(await startCrates({ trustedIssuer: w.runner.issuer, audience: 'self', repositories: ['acme/other'] }));
    const main = await w.main({ credentials: `- provider: crates\n  registry: ${crates.url}` });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('HTTP 400: No matching Trusted Publishing config found');
    expect(main.stdout).toContain(`sub="${SUB}"`);
    expect(main.stdout).toContain("trusted publisher (repository owner, repository, workflow file, environment)");
  });

  it('does not resend the single-use JWT after a cut-off answer either', async () => {
    const w = await world();
    const crates = w.adopt(await startCrates({ trustedIssuer: w.runner.issuer, audience: 'self', repositories: ['acme/widget'] }));
    crates.faults.push({ kind: 'truncate' });
    const main = await w.main({ credentials: `- provider: crates\n  registry: ${crates.url}` });
    expect(main.code).toBe(1);
    expect(crates.requests).toHaveLength(1);
    expect(crates.issued).toEqual([]);
  });

  it('refuses an answer without a token, or with a token that is no token, and exports nothing', async () => {
    const w = await world();
    const crates = w.adopt(await startCrates({ trustedIssuer: w.runner.issuer, audience: 'self', repositories: ['acme/widget'] }));
    for (const body of [{ ok: true }, { token: 'cio0123456789abcdef\r\n[registries]' }, { token: 42 }]) {
      crates.faults.push({ kind: 'status', status: 200, body });
      const main = await w.main({ credentials: `- provider: crates\n  registry: ${crates.url}` });
      expect(errorCodes(main), JSON.stringify(body)).toEqual(['HTTP_BAD_RESPONSE']);
      expect(main.files.env).toBe('');
    }
  });

  it('warns when crates.io no longer knows the token at post, and deletes the token file', async () => {
    const w = await world();
    const crates = w.adopt(await startCrates({ trustedIssuer: w.runner.issuer, audience: 'self', repositories: ['acme/widget'] }));
    const credentials = `- provider: crates\n  registry: ${crates.url}\n  export: file`;
    const main = await w.main({ credentials });
    const path = main.env.CARGO_REGISTRY_TOKEN_FILE ?? '';
    expectMode(path, 0o600);
    crates.issued.splice(0);
    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::crates "crates": .*HTTP 401: Invalid authentication token/);
    expect(() => statSync(path)).toThrow();
  });
});

describe('provider: github, in depth', () => {
  async function githubWorld(subjects = [SUB]) {
    const w = await world();
    const sts = w.adopt(await startOctoSts({ trustedIssuer: w.runner.issuer, audience: 'self', policy: 'release', subjects }));
    const entry = (extra = '') => `- provider: github\n  sts-url: ${sts.url}\n  scope: acme/widget\n  identity: release${extra}`;
    return { ...w, sts, entry };
  }

  it('exports under the name asked for, and refuses a name the runner owns', async () => {
    const w = await githubWorld();
    const main = await w.main({ credentials: w.entry('\n  export-env: RELEASE_TOKEN') }, { GITHUB_API_URL: `${w.sts.url}/` });
    expect(main.code).toBe(0);
    expect(main.env).toEqual({ RELEASE_TOKEN: w.sts.issued[0] });
    const refused = await w.main({ credentials: w.entry('\n  export-env: GITHUB_TOKEN') });
    expect(errorCodes(refused)).toEqual(['INPUT_INVALID']);
    expect(refused.stdout).toContain('export-env');
    expect(w.sts.requests).toHaveLength(1);
    w.expectNoLeaks([main, refused]);
  });

  it('says which trust policy file is missing when the STS has none for the identity', async () => {
    const w = await githubWorld();
    const main = await w.main({ credentials: `- provider: github\n  sts-url: ${w.sts.url}\n  scope: acme/widget\n  identity: deploy` });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('HTTP 404: unable to find trust policy for');
    expect(main.stdout).toContain('.github/chainguard/deploy.sts.yaml');
  });

  it('retries an unavailable STS, then hands out the token', async () => {
    const w = await githubWorld();
    w.sts.faults.push(...repeat(2, { kind: 'status', status: 503, body: { code: 14, message: 'unavailable', details: [] } }));
    const main = await w.main({ credentials: w.entry() }, { GITHUB_API_URL: `${w.sts.url}/` });
    expect(main.code).toBe(0);
    expect(w.sts.requests.filter((r) => r.path === '/sts/exchange')).toHaveLength(3);
    w.expectNoLeaks([main]);
  });

  it('refuses a token with a line break, and an HTML error page, naming the service', async () => {
    const w = await githubWorld();
    w.sts.faults.push({ kind: 'status', status: 200, body: { token: 'ghs_abcdefghijklmnop\nGITHUB_PATH=/tmp' } });
    const injected = await w.main({ credentials: w.entry() });
    expect(errorCodes(injected)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(injected.files.env).toBe('');
    w.sts.faults.push({ kind: 'html' });
    const html = await w.main({ credentials: w.entry() });
    expect(errorCodes(html)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(html.stdout).toContain('text/html');
  });

  it('warns at post when the installation token was already revoked', async () => {
    const w = await githubWorld();
    const env = { GITHUB_API_URL: `${w.sts.url}/` };
    const main = await w.main({ credentials: w.entry() }, env);
    w.sts.issued.splice(0);
    const post = await w.post({ credentials: w.entry() }, main, env);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::github "github": .*HTTP 401: Bad credentials/);
  });
});
