import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPosixPath } from '../../../../src/os/paths.js';
import { startGitHubApi } from '../../../fakes/github-api.js';
import { type Fake, json, startFake } from '../../../fakes/http-fake.js';
import { GITHUB_ISSUER, type SignedFixtures, signedFixtures, TOOL_IDENTITY, TOOL_REPOSITORY } from '../../../fakes/sigstore-fixtures.js';
import { runGate } from './gate-run.js';

// gateTools called directly, on bundles signed at test time by a loopback Sigstore instance: what it
// returns and prints for a verified tool, and the reason it gives for each refusal.

let f: SignedFixtures;
let server: Fake;
let toolBytes: Buffer;
beforeAll(async () => {
  f = await signedFixtures();
  toolBytes = readFileSync(f.tool.path);
  server = await startFake({
    'GET /bundle.json': (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(f.bundles.keylessMessage)); },
    'GET /missing.json': (_req, res) => { json(res, 404, { message: 'Not Found' }); },
    'GET /html.json': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }).end('<html>'); },
    'GET /releases/scanner': (_req, res) => { res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(toolBytes); },
  });
});
afterAll(async () => {
  await server.close();
  await f.sigstore.close();
});

const KEYLESS = () => `identity: ${TOOL_IDENTITY}\n  issuer: ${GITHUB_ISSUER}`;

const gate = (tools: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) => runGate(f, tools, inputs, env);

const entry = (lines: string) => `- name: scanner\n  path: ${f.tool.path}\n  sha256: ${f.tool.sha256}\n  ${lines}`;

describe('gateTools, a verified tool', () => {
  it('returns what the audit records and prints who signed it and where it is logged', async () => {
    const run = await gate(entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`));
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual([{
      name: 'scanner',
      digest: `sha256:${f.tool.sha256}`,
      evidence: `bundle ${f.bundles.keylessMessage}`,
      path: toPosixPath(f.tool.path),
      identity: TOOL_IDENTITY,
      issuer: GITHUB_ISSUER,
      tlogIndex: expect.stringMatching(/^\d+$/) as unknown,
    }]);
    expect(run.lines).toContainEqual(`✓ tool scanner: sha256:${f.tool.sha256} signed by ${TOOL_IDENTITY}, log index ${run.result?.[0]?.tlogIndex ?? ''}\n`);
    expect(run.paths).toEqual([]);
    expect(run.recorded).toEqual([]);
  });

  it('names the pinned key when a key signed it, reports a sha512 pin as the digest, and adds a local tool\'s folder to PATH', async () => {
    const sha512 = (await import('node:crypto')).createHash('sha512').update(toolBytes).digest('hex');
    const run = await gate(`- name: scanner\n  path: ${f.tool.path}\n  sha512: ${sha512}\n  add-to-path: true\n  bundle: ${f.bundles.keyDsse}\n  key: ${f.key}`);
    expect(run.error).toBeUndefined();
    expect(run.result?.[0]).toMatchObject({ digest: `sha512:${sha512}`, evidence: `bundle ${f.bundles.keyDsse}` });
    expect(run.result?.[0]?.identity).toBeUndefined();
    expect(run.result?.[0]?.issuer).toBeUndefined();
    expect(run.lines.join('')).toContain(`✓ tool scanner: sha512:${sha512} signed by the pinned key, log index `);
    expect(run.paths).toEqual([dirname(f.tool.path)]);
  });

  it('checks the certificate\'s GitHub extensions as the entry states them', async () => {
    expect((await gate(entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}\n  source-repository: ${TOOL_REPOSITORY}`))).error).toBeUndefined();
    const run = await gate(entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}\n  source-ref: refs/heads/main`));
    expect(run.error?.message).toContain('scanner: [SIGNATURE_INVALID] the signing certificate does not meet the policy: source-ref is "refs/tags/v1.0.0", policy wants "refs/heads/main"');
  });

  it('loads a bundle from an https (here loopback) URL', async () => {
    const run = await gate(entry(`bundle: ${server.url}/bundle.json\n  ${KEYLESS()}`));
    expect(run.error).toBeUndefined();
    expect(run.result?.[0]?.evidence).toBe(`bundle ${server.url}/bundle.json`);
  });

  it('downloads a tool into its own recorded folder, makes it executable and adds that folder to PATH', async () => {
    const run = await gate(`- name: scanner\n  url: ${server.url}/releases/scanner\n  sha256: ${f.tool.sha256}\n  bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`);
    expect(run.error).toBeUndefined();
    const folder = run.recorded[0] ?? '';
    expect(run.recorded).toEqual([expect.stringMatching(/keyless-tools-/) as unknown]);
    const file = join(folder, 'scanner', 'scanner');
    expect(run.result?.[0]?.path).toBe(toPosixPath(file));
    expect(readFileSync(file).equals(toolBytes)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o755);
    expect(run.paths).toEqual([join(folder, 'scanner')]);
  });

  it('verifies through the GitHub attestations of the repository, checking the SLSA builder', async () => {
    const api = await startGitHubApi({ attestations: { 'acme/tool': { [f.tool.sha256]: [JSON.parse(readFileSync(f.bundles.keylessDsse, 'utf8')) as unknown] } } });
    try {
      const env = { GITHUB_API_URL: api.url };
      const ok = await gate(entry(`attestations: acme/tool\n  ${KEYLESS()}\n  builder: ${TOOL_IDENTITY}`), {}, env);
      expect(ok.error).toBeUndefined();
      expect(ok.result?.[0]).toMatchObject({ evidence: 'attestation in acme/tool', identity: TOOL_IDENTITY });
      const wrong = await gate(entry(`attestations: acme/tool\n  ${KEYLESS()}\n  builder: https://example.com/other-builder`), {}, env);
      expect(wrong.error?.message).toContain(`scanner: [TOOL_UNVERIFIED] none of the 1 attestation(s) in acme/tool for sha256:${f.tool.sha256} verifies: the SLSA provenance does not meet the policy: builder is "${TOOL_IDENTITY}", policy wants "https://example.com/other-builder"`);
    } finally {
      await api.close();
    }
  });

  it('downloads no attestation bundle past the first that verifies', async () => {
    const bundle = JSON.parse(readFileSync(f.bundles.keylessDsse, 'utf8')) as unknown;
    const api = await startGitHubApi({ attestations: { 'acme/tool': { [f.tool.sha256]: [bundle, bundle, bundle] } }, viaBundleUrl: true });
    try {
      const run = await gate(entry(`attestations: acme/tool\n  ${KEYLESS()}`), {}, { GITHUB_API_URL: api.url });
      expect(run.error).toBeUndefined();
      expect(api.requests.filter((r) => r.path.startsWith('/blob/')).map((r) => r.path)).toEqual(['/blob/0']);
    } finally {
      await api.close();
    }
  });
});

describe('gateTools refuses, and says why', () => {
  it('fails the set under enforce, naming the tool, its reason and what to do', async () => {
    const run = await gate(`${entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`)}\n${entry(`bundle: ${f.bundles.otherMessage}\n  ${KEYLESS()}`).replace('name: scanner', 'name: other')}`);
    expect(run.error?.code).toBe('TOOL_UNVERIFIED');
    expect(run.error?.message).toBe(`1 tool(s) failed verification, so no credential was requested: other: [SIGNATURE_INVALID] the bundle signs sha256:${f.other.sha256}, not sha256:${f.tool.sha256} — the bundle belongs to another artifact (or another version of it)`);
    expect(run.error?.hint).toBe('fix the pin or the signer policy, or use tool-policy: warn while adopting');
    expect(run.lines.join('')).toContain('✓ tool scanner');
  });

  it('under warn, annotates each failure and returns the tools that passed', async () => {
    const run = await gate(`${entry(`bundle: ${f.bundles.otherMessage}\n  ${KEYLESS()}`)}\n${entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`).replace('name: scanner', 'name: good')}`, { 'tool-policy': 'warn' });
    expect(run.error).toBeUndefined();
    expect(run.result?.map((tool) => tool.name)).toEqual(['good']);
    expect(run.lines.join('')).toContain('::warning title=Keyless tool policy::tool scanner is not verified: [SIGNATURE_INVALID] the bundle signs sha256:');
  });

  it.each([
    ['a tool file that does not exist', () => `- name: scanner\n  path: ${join(f.dir, 'nowhere')}\n  sha256: ${f.tool.sha256}\n  bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`, () => `${toPosixPath(join(f.dir, 'nowhere'))} does not exist — check the path (relative to the workspace), or download the tool first`],
    ['a bundle file that does not exist', () => entry(`bundle: nowhere.json\n  ${KEYLESS()}`), () => `bundle ${toPosixPath(join(f.dir, 'nowhere.json'))} does not exist`],
    ['a bundle file that is not JSON', () => entry(`bundle: ${f.tool.path}\n  ${KEYLESS()}`), () => `bundle ${toPosixPath(f.tool.path)} is not JSON`],
    ['a bundle URL that answers 404', () => entry(`bundle: ${server.url}/missing.json\n  ${KEYLESS()}`), () => `bundle ${server.url}/missing.json answered HTTP 404`],
    ['a bundle URL that answers a web page', () => entry(`bundle: ${server.url}/html.json\n  ${KEYLESS()}`), () => `bundle ${server.url}/html.json is not JSON`],
    ['a key file that is no public key', () => entry(`bundle: ${f.bundles.keyMessage}\n  key: ${f.tool.path}`), () => `key ${toPosixPath(f.tool.path)} is not a readable public key (`],
  ])('%s', async (_name, tools, reason) => {
    const run = await gate(tools());
    expect(run.error?.message).toContain(`scanner: [TOOL_UNVERIFIED] ${reason()}`);
  });

  it('applies every part of the signer policy: identity, identity-regexp, issuer', async () => {
    const lookalike = await gate(entry(`bundle: ${f.bundles.lookalikeIdentity}\n  ${KEYLESS()}`));
    const regexp = await gate(entry(`bundle: ${f.bundles.keylessMessage}\n  identity-regexp: ^https://github\\.com/acme/other/.*$\n  issuer: ${GITHUB_ISSUER}`));
    const issuer = await gate(entry(`bundle: ${f.bundles.lookalikeIssuer}\n  ${KEYLESS()}`));
    for (const run of [lookalike, regexp, issuer]) {
      expect(run.error?.code).toBe('TOOL_UNVERIFIED');
      expect(run.result).toBeUndefined();
    }
    expect(lookalike.error?.message).toContain('releaseXyml');
    expect(issuer.error?.message).toContain('attacker.example');
  });

  it('names every digest that differs, each with its pin, and warns of nothing under enforce', async () => {
    const run = await gate(`- name: scanner\n  path: ${f.tool.path}\n  sha256: ${f.other.sha256}\n  sha512: ${'e'.repeat(128)}\n  bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`);
    expect(run.error?.message).toMatch(new RegExp(`scanner: \\[TOOL_UNVERIFIED\\] sha256 is ${f.tool.sha256}, the pin is ${f.other.sha256}; sha512 is [0-9a-f]{128}, the pin is e{128} — the file is not the version you pinned: a tag or download moved`));
    expect(run.lines.join('')).not.toContain('::warning');
  });

  it('lists each failing tool, separated, and records no TUF cache when the trusted root is given', async () => {
    const bad = (name: string) => entry(`bundle: ${f.bundles.otherMessage}\n  ${KEYLESS()}`).replace('name: scanner', `name: ${name}`);
    const run = await gate(`${bad('one')}\n${bad('two')}`);
    expect(run.error?.message).toMatch(/^2 tool\(s\) failed verification, so no credential was requested: one: \[SIGNATURE_INVALID\] .*; two: \[SIGNATURE_INVALID\] /);
    expect(run.recorded).toEqual([]);
  });

  it('adds a downloaded tool to PATH only when it may', async () => {
    const run = await gate(`- name: scanner\n  url: ${server.url}/releases/scanner\n  sha256: ${f.tool.sha256}\n  add-to-path: false\n  bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`);
    expect(run.error).toBeUndefined();
    expect(run.paths).toEqual([]);
  });

  it('deletes the download folder of a tool that fails, at once', async () => {
    const run = await gate(`- name: scanner\n  url: ${server.url}/releases/scanner\n  sha256: ${f.other.sha256}\n  bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`);
    expect(run.error?.message).toContain(`scanner: [TOOL_UNVERIFIED] sha256 is ${f.tool.sha256}, the pin is ${f.other.sha256}`);
    const folder = run.recorded[0] ?? '';
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
    expect(run.paths).toEqual([]);
  });
});
