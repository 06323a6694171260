import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCrates, startOctoSts, startPublishing } from '../fakes/platforms.js';
import { startVault } from '../fakes/vault.js';
import { errorCodes, oidcAudiences, world } from './setup.js';
import { expectMode } from '../fakes/host.js';

const SUB = 'repo:acme/widget:ref:refs/heads/main';

/** Every file (not folder) under a directory: what a run left in RUNNER_TEMP. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
}

describe('provider: vault', () => {
  it('logs in with the role, exports VAULT_TOKEN and VAULT_ADDR, and revokes the token at post', async () => {
    const w = await world();
    const vault = w.adopt(await startVault({ trustedIssuer: w.runner.issuer, audience: 'vault.example', role: 'ci', subjects: [SUB] }));
    const credentials = `- provider: vault\n  url: ${vault.url}\n  role: ci\n  namespace: admin/ci\n  oidc-audience: vault.example`;
    const { main, post } = await w.job2({ credentials });
    expect(main.code).toBe(0);
    const [login] = vault.requests;
    expect(login?.path).toBe('/v1/auth/jwt/login');
    expect(JSON.parse(login?.body ?? '')).toEqual({ jwt: w.runner.issued[0], role: 'ci' });
    expect(login?.headers['x-vault-namespace']).toBe('admin/ci');
    expect(main.env).toEqual({ VAULT_TOKEN: vault.issued[0], VAULT_ADDR: vault.url, VAULT_NAMESPACE: 'admin/ci' });
    expect(main.summary).toContain('| vault | vault | role ci (policies default, deploy) | default, deploy |');
    expect(post.code).toBe(0);
    expect(vault.revoked).toEqual(new Set(vault.issued));
    expect(vault.requests.at(-1)?.headers['x-vault-token']).toBe(vault.issued[0]);
    w.expectNoLeaks([main, post]);
  });

  it('prints the claims when the role binds another subject', async () => {
    const w = await world();
    const vault = w.adopt(await startVault({ trustedIssuer: w.runner.issuer, audience: 'vault.example', role: 'ci', subjects: ['repo:acme/widget:environment:prod'] }));
    const main = await w.main({ credentials: `- provider: vault\n  url: ${vault.url}\n  role: ci\n  oidc-audience: vault.example` });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('HTTP 400: error validating claims: claim "sub" does not match any associated bound claim values');
    expect(main.stdout).toContain(`sub="${SUB}"`);
  });
});

describe('provider: crates', () => {
  it('exchanges the single-use JWT once, exports CARGO_REGISTRY_TOKEN and deletes the token at post', async () => {
    const w = await world();
    const crates = w.adopt(await startCrates({ trustedIssuer: w.runner.issuer, audience: 'self', repositories: ['acme/widget'] }));
    const { main, post } = await w.job2({ credentials: `- provider: crates\n  registry: ${crates.url}` });
    expect(main.code).toBe(0);
    expect(oidcAudiences(w.runner)).toEqual([new URL(crates.url).host]);
    expect(main.env.CARGO_REGISTRY_TOKEN).toBe(crates.issued[0]);
    expect(crates.revoked).toEqual(new Set(crates.issued));
    expect(post.stdout).toContain('✓ revoked crates "crates"');
    w.expectNoLeaks([main, post]);
  });

  it('never resends the JWT after a server error (it would be "already used"), and says what crates.io said', async () => {
    const w = await world();
    const crates = w.adopt(await startCrates({ trustedIssuer: w.runner.issuer, audience: 'self', repositories: ['acme/other'] }));
    crates.faults.push({ kind: 'status', status: 503, body: { errors: [{ detail: 'Service Unavailable' }] } });
    const first = await w.main({ credentials: `- provider: crates\n  registry: ${crates.url}` });
    expect(errorCodes(first)).toEqual(['EXCHANGE_FAILED']);
    expect(crates.requests).toHaveLength(1);
    const refused = await w.main({ credentials: `- provider: crates\n  registry: ${crates.url}` });
    expect(refused.stdout).toContain('HTTP 400: No matching Trusted Publishing config found');
  });
});

describe('provider: github', () => {
  it('gets a scoped installation token from the STS and revokes it on this job’s GitHub API', async () => {
    const w = await world();
    const sts = w.adopt(await startOctoSts({ trustedIssuer: w.runner.issuer, audience: 'self', policy: 'release', subjects: [SUB] }));
    const credentials = `- provider: github\n  sts-url: ${sts.url}\n  scope: acme/widget\n  identity: release`;
    const { main, post } = await w.job2({ credentials }, { GITHUB_API_URL: `${sts.url}/` });
    expect(main.code).toBe(0);
    const [exchange] = sts.requests;
    expect(exchange?.query.get('scope')).toBe('acme/widget');
    expect(exchange?.query.get('identity')).toBe('release');
    expect(exchange?.headers.authorization).toBe(`Bearer ${w.runner.issued[0]}`);
    expect(main.env.GH_TOKEN).toBe(sts.issued[0]);
    expect(post.code).toBe(0);
    expect(sts.revoked).toEqual(new Set(sts.issued));
    w.expectNoLeaks([main, post]);
  });

  it('shows the trust-policy refusal with the subject sent, without retrying it', async () => {
    const w = await world();
    const sts = w.adopt(await startOctoSts({ trustedIssuer: w.runner.issuer, audience: 'self', policy: 'release', subjects: ['repo:acme/other:ref:refs/heads/main'] }));
    const main = await w.main({ credentials: `- provider: github\n  sts-url: ${sts.url}\n  scope: acme/widget\n  identity: release` });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain(`HTTP 403: trust policy: subject \\"${SUB}\\"`.replace(/\\/g, ''));
    expect(main.stdout).toContain('.github/chainguard/release.sts.yaml');
    expect(sts.requests).toHaveLength(1);
  });
});

describe('trusted publishing: npm, PyPI, RubyGems', () => {
  it('mints all three concurrently and hands each out the way its tools read it', async () => {
    const w = await world();
    const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: ['acme/widget'] }));
    const credentials = `
- provider: npm
  package: "@acme/widget"
  registry: ${registry.url}/
- provider: pypi
  index: ${registry.url}
  oidc-audience: warehouse.example
- provider: rubygems
  gem-server: ${registry.url}`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    expect(oidcAudiences(w.runner).sort()).toEqual([`npm:${new URL(registry.url).host}`, 'rubygems.org', 'warehouse.example']);
    expect(registry.requests.map((r) => r.path)).toContain('/-/npm/v1/oidc/token/exchange/package/@acme%2fwidget');
    const [npmToken, pypiToken, gemToken] = ['npm_', 'pypi-', 'rubygems_'].map((prefix) => registry.issued.find((t) => t.startsWith(prefix)));
    const npmrc = main.env.NPM_CONFIG_USERCONFIG ?? '';
    expect(readFileSync(npmrc, 'utf8')).toBe(`//${new URL(registry.url).host}/:_authToken=${npmToken ?? ''}\n`);
    expectMode(npmrc, 0o600);
    expect(main.env).toMatchObject({ TWINE_USERNAME: '__token__', TWINE_PASSWORD: pypiToken, UV_PUBLISH_TOKEN: pypiToken, GEM_HOST_API_KEY: gemToken, RUBYGEMS_API_KEY: gemToken, BUNDLE_GEM__PUSH_KEY: gemToken });
    expect(Object.keys(main.env).some((name) => name.includes('HOME') || name === 'GEM_HOME')).toBe(false);
    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(() => statSync(npmrc)).toThrow();
    w.expectNoLeaks([main, post]);
  });

  // NPM_CONFIG_USERCONFIG hides ~/.npmrc from npm: the job lost ignore-scripts and its private scope's registry.
  it('carries the job\'s own .npmrc into the one it writes, without the old token for the registry', async () => {
    const w = await world();
    const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: ['acme/widget'] }));
    const host = new URL(registry.url).host;
    writeFileSync(join(w.job.root, '.npmrc'), `ignore-scripts=true\n@acme:registry=https://npm.pkg.example/\n//${host}/:_authToken=\${NODE_AUTH_TOKEN}\n`);
    const credentials = `- provider: npm\n  package: widget\n  registry: ${registry.url}`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    const npmrc = main.env.NPM_CONFIG_USERCONFIG ?? '';
    expect(readFileSync(npmrc, 'utf8')).toBe(`//${host}/:_authToken=${registry.issued[0] ?? ''}\nignore-scripts=true\n@acme:registry=https://npm.pkg.example/\n`);
    expectMode(npmrc, 0o600);
    const post = await w.post({ credentials }, main);
    expect(() => statSync(npmrc)).toThrow();
    expect(readFileSync(join(w.job.root, '.npmrc'), 'utf8')).toContain('ignore-scripts=true');
    w.expectNoLeaks([main, post]);
  });

  it('prints the claims PyPI matches when no publisher fits (invalid-publisher)', async () => {
    const w = await world();
    const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: ['acme/other'] }));
    const main = await w.main({ credentials: `- provider: pypi\n  index: ${registry.url}\n  oidc-audience: warehouse.example` });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('HTTP 422: invalid-publisher: valid token, but no corresponding publisher');
    expect(main.stdout).toContain('PyPI matches repository=acme/widget, repository_owner_id=654321, job_workflow_ref=acme/widget/.github/workflows/release.yml@refs/heads/main');
  });

  it('requires oidc-audience for a private index, and never lets the index choose the audience', async () => {
    const w = await world();
    const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: ['acme/widget'] }));
    const main = await w.main({ credentials: `- provider: pypi\n  index: ${registry.url}` });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('credentials[0].oidc-audience');
    expect(main.stdout).toContain('is required for an index other than pypi.org and test.pypi.org');
    // Refused before any network call: no runner token, nothing asked of the index.
    expect(w.runner.requests).toHaveLength(0);
    expect(registry.requests).toHaveLength(0);
    const explicit = await w.main({ credentials: `- provider: pypi\n  index: ${registry.url}\n  oidc-audience: warehouse.example` });
    expect(explicit.code).toBe(0);
    expect(oidcAudiences(w.runner)).toEqual(['warehouse.example']);
    expect(registry.requests.map((r) => r.path)).toEqual(['/_/oidc/mint-token']);
    w.expectNoLeaks([main, explicit]);
  });

  it('refuses an npm token that would add a line to .npmrc, and writes no file', async () => {
    const w = await world();
    const hostile = '\nscript-shell=/tmp/evil.sh';
    const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: ['acme/widget'], hostile }));
    const main = await w.main({ credentials: `- provider: npm\n  package: widget\n  registry: ${registry.url}` });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(main.stdout).toContain('npm "npm": the npm registry at');
    expect(main.stdout).toContain('answered a token in a form that is not printable ASCII without spaces');
    expect(main.stdout).not.toContain('script-shell');
    expect(main.env).toEqual({});
    expect(main.files.env).toBe('');
    expect(filesUnder(w.job.temp).filter((name) => !name.startsWith('keyless-audit-'))).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it('assumes a RubyGems API key role when one is named', async () => {
    const w = await world();
    const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: ['acme/widget'] }));
    const credentials = `- provider: rubygems\n  gem-server: ${registry.url}\n  role: rg_oidc_akr_release`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    expect(registry.requests[0]?.path).toBe('/api/v1/oidc/api_key_roles/rg_oidc_akr_release/assume_role');
    expect(main.env.GEM_HOST_API_KEY).toBe(registry.issued[0]);
    expect(main.summary).toContain('| rubygems | rubygems | API key role rg_oidc_akr_release |');
    expect(main.stdout).toContain('RubyGems API key (push_rubygem, yank_rubygem)');
    const unknown = await w.main({ credentials: credentials.replace('release', 'nightly') });
    expect(errorCodes(unknown)).toEqual(['EXCHANGE_DENIED']);
    w.expectNoLeaks([main, unknown]);
  });

  it('surfaces what RubyGems and npm say instead of a bare ENEEDAUTH', async () => {
    const w = await world();
    const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: [] }));
    const gem = await w.main({ credentials: `- provider: rubygems\n  gem-server: ${registry.url}` });
    expect(gem.stdout).toContain('HTTP 404: No trusted publisher configured for this workflow');
    const npmRun = await w.main({ credentials: `- provider: npm\n  package: widget\n  registry: ${registry.url}` });
    expect(npmRun.stdout).toContain('HTTP 404: OIDC token exchange error - package not found');
    expect(npmRun.stdout).toContain('add this repository and workflow as a trusted publisher of widget');
  });
});

describe('a step that fails half way', () => {
  it('exports nothing, and post still revokes the Vault, crates.io and GitHub tokens minted before the failure', async () => {
    const w = await world();
    const vault = w.adopt(await startVault({ trustedIssuer: w.runner.issuer, audience: 'vault.example', role: 'ci', subjects: [SUB] }));
    const crates = w.adopt(await startCrates({ trustedIssuer: w.runner.issuer, audience: 'self', repositories: ['acme/widget'] }));
    const sts = w.adopt(await startOctoSts({ trustedIssuer: w.runner.issuer, audience: 'self', policy: 'release', subjects: [SUB] }));
    const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: ['acme/other'] }));
    const credentials = [
      `- provider: vault\n  url: ${vault.url}\n  role: ci\n  oidc-audience: vault.example`,
      `- provider: crates\n  registry: ${crates.url}`,
      `- provider: github\n  sts-url: ${sts.url}\n  scope: acme/widget\n  identity: release`,
      `- provider: npm\n  package: widget\n  registry: ${registry.url}`,
    ].join('\n');
    const main = await w.main({ credentials }, { GITHUB_API_URL: sts.url });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.env).toEqual({});
    expect(main.stdout).toContain('3 credential(s) were minted but not handed out; the post step revokes them.');
    const post = await w.post({ credentials }, main, { GITHUB_API_URL: sts.url });
    expect(post.code).toBe(0);
    expect(vault.revoked).toEqual(new Set(vault.issued));
    expect(crates.revoked).toEqual(new Set(crates.issued));
    expect(sts.revoked).toEqual(new Set(sts.issued));
    expect([vault.issued, crates.issued, sts.issued].map((issued) => issued.length)).toEqual([1, 1, 1]);
    w.expectNoLeaks([main, post]);
  });
});
