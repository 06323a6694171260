import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/record.js';
import { startGitHubApi } from '../fakes/github-api.js';
import { repeat } from '../fakes/http-fake.js';
import { errorCodes, oidcAudiences, root, tokenRequests, world } from './setup.js';

const corpus = join(root, '..', 'shared', 'corpus', 'sigstore-conformance', 'bundle-verify');
const present = existsSync(corpus);
if (!present) console.log(`sigstore-conformance corpus not found at ${corpus}: skipping the tool-gate suite`);

const A_TXT = join(corpus, 'a.txt');
const SHA256 = 'a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf';
const IDENTITY = 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const HAPPY = join(corpus, 'happy-path-v0.3', 'bundle.sigstore.json');
const DSSE = join(corpus, 'rekor2-dsse-happy-path', 'bundle.sigstore.json');
const DSSE_ROOT = join(corpus, 'rekor2-dsse-happy-path', 'trusted_root.json');
const OTHER = join(corpus, 'intoto-with-custom-trust-root', 'bundle.sigstore.json');

type World = Awaited<ReturnType<typeof world>>;
const credentials = (w: World) => `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;
const ISSUER = 'https://token.actions.githubusercontent.com';
const tool = (extra: string) => `- name: scanner\n  path: ${A_TXT}\n  sha256: ${SHA256}\n  bundle: ${HAPPY}\n  identity: ${IDENTITY}\n  issuer: ${ISSUER}${extra}`;

describe.runIf(present)('the tool gate', () => {
  it('verifies the tool, then mints credentials, and records the chain', async () => {
    const w = await world();
    const { main, post } = await w.job2({ credentials: credentials(w), tools: tool('') });

    expect(main.code).toBe(0);
    expect(main.stdout).toContain(`✓ tool scanner: sha256:${SHA256} signed by ${IDENTITY}`);
    expect(main.stdout.indexOf('✓ tool scanner')).toBeLessThan(main.stdout.indexOf('Runner OIDC token'));
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    const audit = JSON.parse(readFileSync(main.outputs['audit-file'] ?? '', 'utf8')) as AuditRecord;
    expect(audit.tools[0]).toMatchObject({ name: 'scanner', digest: `sha256:${SHA256}`, identity: IDENTITY, issuer: 'https://token.actions.githubusercontent.com', tlogIndex: expect.any(String) as unknown });
    expect(main.summary).toContain(`| scanner | sha256:a0cfc71271d6 | ${IDENTITY.replace(/:(?=\/\/)/, '\\:')} | https\\://token.actions.githubusercontent.com |`);
    w.expectNoLeaks([main, post]);
  });

  it.each([
    ['a wrong digest pin', tool('').replace(SHA256, 'b'.repeat(64)), `sha256 is ${SHA256}, the pin is ${'b'.repeat(64)}`],
    ['another signer identity', tool('').replace(IDENTITY, 'https://github.com/acme/tool/.github/workflows/release.yml@refs/tags/v1.0.0'), 'UNTRUSTED_SIGNER_ERROR'],
    ['an unanchored identity pattern', tool('').replace(`identity: ${IDENTITY}`, 'identity-regexp: sigstore-conformance'), 'UNTRUSTED_SIGNER_ERROR'],
    ['another issuer', tool('').replace(`issuer: ${ISSUER}`, 'issuer: https://accounts.google.com'), 'expected issuer=https://accounts.google.com'],
    ['a bundle for another artifact', tool('').replace(HAPPY, OTHER), 'the attestation is for'],
    ['a certificate extension that differs', tool('\n  source-repository: https://github.com/acme/tool'), 'source-repository is "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon", policy wants "https://github.com/acme/tool"'],
  ])('refuses %s: no OIDC request at all, no credential', async (_name, tools, reason) => {
    const w = await world();
    const main = await w.main({ credentials: credentials(w), tools });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).toContain(reason);
    expect(oidcAudiences(w.runner)).toEqual([]);
    expect(tokenRequests(w.server)).toEqual([]);
    expect(main.files.env).toBe('');
  });

  it('falls back to the shipped trusted root, with a warning, when the TUF mirror fails', async () => {
    const w = await world();
    const mirror = w.adopt(await startGitHubApi({}));
    const main = await w.main({ tools: tool(''), 'tuf-refresh': 'true', 'tuf-mirror': mirror.url });
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^::warning title=Keyless trust root::TUF refresh from http:\/\/127\.0\.0\.1:\d+ failed .*; verifying against the trusted root shipped with Keyless/m);
    expect(main.stdout).toContain('✓ tool scanner');
  });

  it('under tool-policy: warn, annotates and goes on', async () => {
    const w = await world();
    const main = await w.main({ credentials: credentials(w), tools: tool('').replace(SHA256, 'c'.repeat(64)), 'tool-policy': 'warn' });
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^::warning title=Keyless tool policy::tool scanner is not verified: \[TOOL_UNVERIFIED\]/m);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
  });

  it('downloads a tool over the redirect a release takes, pins it, and puts it on PATH', async () => {
    const w = await world();
    const api = w.adopt(await startGitHubApi({ releases: { 'v1/scanner': readFileSync(A_TXT) } }));
    const tools = `- name: scanner\n  url: ${api.url}/download/v1/scanner\n  sha256: ${SHA256}\n  bundle: ${HAPPY}\n  identity: ${IDENTITY}\n  issuer: ${ISSUER}`;
    const main = await w.main({ tools });
    expect(main.code).toBe(0);
    expect(api.requests.map((r) => r.path)).toEqual(['/download/v1/scanner', '/objects/v1/scanner']);
    expect(relative(w.job.temp, main.files.path.trim()).split(sep)).toEqual([expect.stringMatching(/^keyless-tools-\w{6}$/), 'scanner']);
    expect(readFileSync(join(main.files.path.trim(), 'scanner'), 'utf8')).toBe(readFileSync(A_TXT, 'utf8'));
    w.expectNoLeaks([main]);
  });

  it('unpacks beside a download named like its unpack folder, and refuses what is no archive with a code', async () => {
    const w = await world();
    const api = w.adopt(await startGitHubApi({ releases: { 'v1/extracted': readFileSync(A_TXT) } }));
    const tools = `- name: scanner\n  url: ${api.url}/download/v1/extracted\n  extract: tar.gz\n  sha256: ${SHA256}\n  bundle: ${HAPPY}\n  identity: ${IDENTITY}\n  issuer: ${ISSUER}`;
    const main = await w.main({ tools });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).not.toContain('[INTERNAL]');
    w.expectNoLeaks([main]);
  });

  it('refuses a download larger than its cap', async () => {
    const w = await world();
    const api = w.adopt(await startGitHubApi({ releases: { 'v1/scanner': readFileSync(A_TXT) } }));
    const tools = `- name: scanner\n  url: ${api.url}/download/v1/scanner\n  max-bytes: 10\n  sha256: ${SHA256}\n  bundle: ${HAPPY}\n  identity: ${IDENTITY}\n  issuer: ${ISSUER}`;
    const main = await w.main({ tools });
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).toContain('[HTTP_TOO_LARGE] tool download');
    expect(main.stdout).toContain('larger than 10 bytes');
  });

  it('refuses a tool url on plain http before anything runs', async () => {
    const w = await world();
    const main = await w.main({ tools: `- name: scanner\n  url: http://downloads.example.com/scanner\n  sha256: ${SHA256}\n  bundle: ${HAPPY}\n  identity: ${IDENTITY}\n  issuer: ${ISSUER}` });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('tools[0].url (line 2): is not https');
  });

  it('requires a digest pin, evidence and a signer policy', async () => {
    const w = await world();
    const main = await w.main({ tools: `- name: scanner\n  path: ${A_TXT}` });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    for (const part of ['a digest pin is required', 'signature evidence is required', 'a signer policy is required']) expect(main.stdout).toContain(part);
  });
});

describe.runIf(present)('GitHub artifact attestations', () => {
  const attested = (extra = '') => `- name: scanner\n  path: ${A_TXT}\n  sha256: ${SHA256}\n  attestations: acme/tool\n  identity: ${IDENTITY}\n  issuer: ${ISSUER}${extra}`;

  for (const viaBundleUrl of [false, true]) {
    it(`verifies the attestation that matches${viaBundleUrl ? ', fetched from a snappy-compressed bundle_url' : ''}, across pages`, async () => {
      const w = await world();
      const bundles = [JSON.parse(readFileSync(OTHER, 'utf8')), JSON.parse(readFileSync(DSSE, 'utf8'))] as unknown[];
      const api = w.adopt(await startGitHubApi({ attestations: { 'acme/tool': { [SHA256]: bundles } }, perPage: 1, viaBundleUrl }));
      const main = await w.main({ tools: attested(), 'trusted-root': DSSE_ROOT, 'github-token': 'ghs_readonly_token_for_tests' }, { GITHUB_API_URL: api.url });
      expect(main.stdout).not.toContain('::error::');
      expect(main.code).toBe(0);
      const listing = api.requests.filter((r) => r.path.startsWith('/repos/'));
      expect(listing).toHaveLength(2);
      expect(listing[0]?.headers.authorization).toBe('Bearer ghs_readonly_token_for_tests');
      expect(listing[0]?.headers['x-github-api-version']).toBe('2022-11-28');
      // The pre-signed blob URL gets no token; with bundles inline there is no blob to fetch.
      const blobs = api.requests.filter((r) => r.path.startsWith('/blob/'));
      expect(blobs).toHaveLength(viaBundleUrl ? bundles.length : 0);
      expect(blobs.map((r) => r.headers.authorization)).toEqual(blobs.map(() => undefined));
      expect(main.stdout).toContain('::add-mask::ghs_readonly_token_for_tests');
    });
  }

  it('checks the SLSA provenance builder against the policy', async () => {
    const w = await world();
    const bundles = [JSON.parse(readFileSync(DSSE, 'utf8'))] as unknown[];
    const api = w.adopt(await startGitHubApi({ attestations: { 'acme/tool': { [SHA256]: bundles } } }));
    const env = { GITHUB_API_URL: api.url };
    const ok = await w.main({ tools: attested('\n  builder: https://github.com/sigstore-conformance/rekor2-dsse-hashedrekord-regen'), 'trusted-root': DSSE_ROOT }, env);
    expect(ok.code).toBe(0);
    const refused = await w.main({ tools: attested('\n  builder: https://github.com/acme/builder'), 'trusted-root': DSSE_ROOT }, env);
    expect(errorCodes(refused)).toEqual(['TOOL_UNVERIFIED']);
    expect(refused.stdout).toContain('builder is "https://github.com/sigstore-conformance/rekor2-dsse-hashedrekord-regen", policy wants "https://github.com/acme/builder"');
  });

  it.each([
    ['none (404)', [] as const, 'acme/tool has no attestation for sha256:'],
    ['a failing API (500, retried)', repeat(4, { kind: 'status', status: 500, body: { message: 'Server Error' } }), 'GitHub attestations API for acme/tool answered HTTP 500'],
  ])('fails the gate when the API has %s', async (_name, faults, reason) => {
    const w = await world();
    const api = w.adopt(await startGitHubApi({ attestations: faults.length > 0 ? { 'acme/tool': { [SHA256]: [] } } : {} }));
    api.faults.push(...faults);
    const main = await w.main({ credentials: credentials(w), tools: attested(), 'github-token': 't0ken-for-tests' }, { GITHUB_API_URL: api.url });
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).toContain(reason);
    expect(oidcAudiences(w.runner)).toEqual([]);
  });
});
