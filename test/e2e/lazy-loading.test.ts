import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain, runPost, runStep } from '../fakes/runner-harness.js';
import { actionYml, dist, world } from './setup.js';

describe('start path', () => {
  it('a credentials-only run never loads the Sigstore, proxy or SPIFFE Workload API code: it works with those chunks deleted', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'keyless-dist-'));
    cpSync(dist, copy, { recursive: true });
    // Not even the proxy variables' reader is in the start chunk: it loads only when one of them is set.
    expect(readFileSync(join(copy, 'main', 'index.js'), 'utf8')).not.toMatch(/function checkBypass|@sigstore/);
    const removed = { sigstore: 0, proxy: 0, spiffe: 0 };
    for (const chunk of readdirSync(join(copy, 'main')).filter((f) => /^\d+\.index\.js$/.test(f))) {
      const text = readFileSync(join(copy, 'main', chunk), 'utf8');
      const kind = /undici|checkBypass/.test(text) ? 'proxy' : /SpiffeWorkloadAPI/.test(text) ? 'spiffe' : /@sigstore|toTrustMaterial/.test(text) ? 'sigstore' : undefined;
      if (kind !== undefined) {
        rmSync(join(copy, 'main', chunk));
        removed[kind]++;
      }
    }
    // Each kind really was split out and deleted: a bundle that inlined one would run without its chunk.
    expect(removed.sigstore).toBeGreaterThanOrEqual(1);
    expect(removed.proxy).toBeGreaterThanOrEqual(2);
    expect(removed.spiffe).toBe(1);
    // Nor does the start path hold the gRPC client itself.
    expect(readFileSync(join(copy, 'main', 'index.js'), 'utf8')).not.toContain('SpiffeWorkloadAPI');

    const w = await world();
    const credentials = `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;
    const main = await runStep(join(copy, 'main.js'), { ...w.options({ credentials }), actionYml });
    expect(main.stderr).toBe('');
    expect(main.code).toBe(0);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
  });
});

describe('post step start path', () => {
  it("a credentials-only job's post step loads only its provider's revocation: it works with every other post chunk deleted", async () => {
    const root = mkdtempSync(join(tmpdir(), 'keyless-action-'));
    cpSync(dist, join(root, 'dist'), { recursive: true });
    cpSync(actionYml, join(root, 'action.yml'));
    // No provider's keys or exchange is in the post step's start chunk, nor any revocation.
    const start = readFileSync(join(root, 'dist', 'post', 'index.js'), 'utf8');
    expect(start).not.toMatch(/urn:ietf:params:oauth:grant-type:token-exchange|AssumeRoleWithWebIdentity|function revokeOAuthToken/);
    const chunks = readdirSync(join(root, 'dist', 'post')).filter((f) => /^\d+\.index\.js$/.test(f));
    const kept = chunks.filter((f) => readFileSync(join(root, 'dist', 'post', f), 'utf8').includes('function revokeOAuthToken'));
    expect(kept).toHaveLength(1);
    for (const chunk of chunks.filter((f) => !kept.includes(f))) rmSync(join(root, 'dist', 'post', chunk));
    expect(chunks.length).toBeGreaterThanOrEqual(4);

    const w = await world();
    const credentials = `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  revocation-endpoint: ${w.server.url}/revoke\n  oidc-audience: ${w.server.issuer}`;
    const options = { ...w.options({ credentials }), actionYml: join(root, 'action.yml') };
    const main = await runMain(options);
    expect(main.code).toBe(0);
    const post = await runPost(options, main);
    expect(post.stderr).toBe('');
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('✓ revoked rfc8693');
    expect(w.server.revoked.has(w.server.issued[0] ?? '')).toBe(true);
    w.expectNoLeaks([main, post]);
  });
});

describe('command line start path', () => {
  /** A copy of dist/ without the CLI chunks whose text matches `drop`, and the chunks dropped. */
  function distWithout(drop: RegExp): { cli: string; removed: string[] } {
    const copy = mkdtempSync(join(tmpdir(), 'keyless-dist-'));
    cpSync(dist, copy, { recursive: true });
    const removed = readdirSync(join(copy, 'cli')).filter((f) => /^\d+\.index\.js$/.test(f) && drop.test(readFileSync(join(copy, 'cli', f), 'utf8')));
    for (const chunk of removed) rmSync(join(copy, 'cli', chunk));
    return { cli: join(copy, 'cli.js'), removed };
  }
  const run = (cli: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

  it('help and --version load no command: they work with every command chunk deleted', () => {
    const { cli, removed } = distWithout(/./);
    expect(removed.length).toBeGreaterThanOrEqual(4);
    for (const args of [['--help'], ['--version'], ['verify', '--help'], ['pins', '-h'], ['secrets', '--help'], ['refresh', '--help'], ['demo', '--help'], ['exec', '--help']]) {
      expect(run(cli, ...args).status, args.join(' ')).toBe(0);
    }
  });

  it('keyless pins loads neither the Sigstore verifier nor the demo', () => {
    const { cli, removed } = distWithout(/toTrustMaterial|verifyCommand|asJobLog/);
    expect(removed.length).toBeGreaterThanOrEqual(2);
    const repo = mkdtempSync(join(tmpdir(), 'keyless-lazy-'));
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(repo, '.github', 'workflows', 'ci.yml'), 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/deploy@v1\n');
    const pins = run(cli, 'pins', '--format', 'sarif', repo);
    expect(pins.stderr).toBe('');
    expect(pins.status).toBe(1);
    expect(pins.stdout).toContain('acme/deploy@v1');
  });

  it('keyless secrets loads neither the Sigstore verifier nor the demo, and keyless pins not the secrets inventory', () => {
    const repo = mkdtempSync(join(tmpdir(), 'keyless-lazy-'));
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(repo, '.github', 'workflows', 'ci.yml'), 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/deploy@v1\n        with:\n          token: ${{ secrets.DEPLOY }}\n');
    const withoutVerify = distWithout(/toTrustMaterial|verifyCommand|asJobLog/);
    const secrets = run(withoutVerify.cli, 'secrets', '--format', 'json', repo);
    expect(secrets.stderr).toBe('');
    expect(secrets.stdout).toContain('"secret":"DEPLOY"');
    const withoutSecrets = distWithout(/keyless-secrets/);
    expect(withoutSecrets.removed.length).toBeGreaterThanOrEqual(1);
    expect(run(withoutSecrets.cli, 'pins', '--format', 'json', repo).stdout).toContain('acme/deploy@v1');
  });
});

describe('action start path without keyless exec', () => {
  it('a credentials-only step never loads the code that hands entries to keyless exec: it works with that chunk deleted', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'keyless-dist-'));
    cpSync(dist, copy, { recursive: true });
    const chunks = readdirSync(join(copy, 'main')).filter((f) => /^\d+\.index\.js$/.test(f) && readFileSync(join(copy, 'main', f), 'utf8').includes('KEYLESS_EXEC_CONFIG'));
    expect(chunks.length).toBeGreaterThanOrEqual(1);
    for (const chunk of chunks) rmSync(join(copy, 'main', chunk));
    expect(readFileSync(join(copy, 'main', 'index.js'), 'utf8')).not.toContain('KEYLESS_EXEC_CONFIG');

    const w = await world();
    const credentials = `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;
    const main = await runStep(join(copy, 'main.js'), { ...w.options({ credentials }), actionYml });
    expect(main.stderr).toBe('');
    expect(main.code).toBe(0);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
  });

  it('keyless pins never loads keyless exec', () => {
    const copy = mkdtempSync(join(tmpdir(), 'keyless-dist-'));
    cpSync(dist, copy, { recursive: true });
    const chunks = readdirSync(join(copy, 'cli')).filter((f) => /^\d+\.index\.js$/.test(f) && readFileSync(join(copy, 'cli', f), 'utf8').includes('told to stop'));
    expect(chunks.length).toBeGreaterThanOrEqual(1);
    for (const chunk of chunks) rmSync(join(copy, 'cli', chunk));
    const repo = mkdtempSync(join(tmpdir(), 'keyless-lazy-'));
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(repo, '.github', 'workflows', 'ci.yml'), 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: acme/deploy@v1\n');
    const pins = spawnSync(process.execPath, [join(copy, 'cli.js'), 'pins', '--format', 'json', repo], { encoding: 'utf8' });
    expect(pins.stderr).toBe('');
    expect(pins.stdout).toContain('acme/deploy@v1');
  });
});

describe('action start path without the secrets inventory', () => {
  it('the action bundles hold none of the secrets inventory: only the CLI imports it', () => {
    for (const entry of ['main', 'post']) {
      const texts = [readFileSync(join(dist, `${entry}.js`), 'utf8'), ...readdirSync(join(dist, entry)).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dist, entry, f), 'utf8'))];
      expect(texts.some((text) => text.includes('keyless-secrets')), entry).toBe(false);
    }
  });
});
