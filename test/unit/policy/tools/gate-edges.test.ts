import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPosixPath } from '../../../../src/os/paths.js';
import { startGitHubApi } from '../../../fakes/github-api.js';
import { type Fake, json, startFake } from '../../../fakes/http-fake.js';
import { GITHUB_ISSUER, type SignedFixtures, signedFixtures, TOOL_IDENTITY } from '../../../fakes/sigstore-fixtures.js';
import { runGate } from './gate-run.js';

// The tool gate at its edges: which trusted root it verifies against and what it records for post,
// archives and their folders, where a bundle comes from, and how refusals read.

let f: SignedFixtures;
let server: Fake;
beforeAll(async () => {
  f = await signedFixtures();
  const archive = readFileSync(f.archive.path);
  const tool = readFileSync(f.tool.path);
  server = await startFake({
    // A bundle is asked for as JSON: anything else is refused, as a strict content-negotiating server would.
    'GET /bundle.json': (req, res) => {
      if (req.headers.accept !== 'application/json') return json(res, 406, { message: 'Not Acceptable' });
      res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(f.bundles.keylessMessage));
    },
    'GET /releases/scanner.tar.gz': (_req, res) => { res.writeHead(200).end(archive); },
    'GET /releases/extracted': (_req, res) => { res.writeHead(200).end(archive); },
    'GET /releases/scanner': (_req, res) => { res.writeHead(200).end(tool); },
  });
});
afterAll(async () => {
  await server.close();
  await f.sigstore.close();
});

const gate = (tools: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) => runGate(f, tools, inputs, env);
const KEYLESS = () => `identity: ${TOOL_IDENTITY}\n  issuer: ${GITHUB_ISSUER}`;
const entry = (lines: string) => `- name: scanner\n  path: ${f.tool.path}\n  sha256: ${f.tool.sha256}\n  ${lines}`;
const archiveEntry = (url: string) => `- name: scanner\n  url: ${url}\n  sha256: ${f.archive.sha256}\n  extract: tar.gz\n  bundle: ${f.bundles.archiveMessage}\n  ${KEYLESS()}`;

describe('gateTools, the trusted root', () => {
  it('verifies against the root shipped with Keyless when none is given, and records nothing', async () => {
    const run = await gate(entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`), { 'trusted-root': '' });
    expect(run.error?.message).toContain('scanner: [SIGNATURE_INVALID]');
    expect(run.recorded).toEqual([]);
  });

  it('records the TUF cache for post before refreshing, and falls back to the shipped root with a warning', async () => {
    const run = await gate(entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`), { 'trusted-root': '', 'tuf-refresh': 'true', 'tuf-mirror': 'http://127.0.0.1:9' });
    expect(run.recorded.map((path) => [dirname(path), basename(path).replace(/[0-9a-f]{16}$/, 'RANDOM')])).toEqual([[run.temp, 'keyless-tuf-RANDOM']]);
    expect(run.lines.join('')).toContain('::warning title=Keyless trust root::TUF refresh from http://127.0.0.1:9 failed');
    expect(run.error?.message).toContain('scanner: [SIGNATURE_INVALID]');
  });

  it('neither refreshes nor records a TUF cache when the trusted root is given', async () => {
    const run = await gate(entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`), { 'tuf-refresh': 'true', 'tuf-mirror': 'http://127.0.0.1:9' });
    expect(run.error).toBeUndefined();
    expect(run.recorded).toEqual([]);
    expect(run.lines.join('')).not.toContain('TUF');
  });

  it('names a trusted root that does not exist', async () => {
    const run = await gate(entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`), { 'trusted-root': 'nowhere.json' });
    expect(run.error?.message).toBe(`trusted-root ${toPosixPath(join(f.dir, 'nowhere.json'))} does not exist`);
  });
});

describe('gateTools, downloaded archives', () => {
  it('unpacks a verified archive into `extracted` beside it and puts that folder on PATH', async () => {
    const run = await gate(archiveEntry(`${server.url}/releases/scanner.tar.gz`));
    expect(run.error).toBeUndefined();
    const unpacked = join(run.recorded[0] ?? '', 'scanner', 'extracted');
    expect(run.result?.[0]?.path).toBe(toPosixPath(unpacked));
    expect(readFileSync(join(unpacked, 'bin', 'scanner')).equals(readFileSync(f.tool.path))).toBe(true);
    expect(run.paths).toEqual([unpacked]);
  });

  it('unpacks into `unpacked` when the release itself is named `extracted`, and honours add-to-path: false', async () => {
    const run = await gate(`${archiveEntry(`${server.url}/releases/extracted`)}\n  add-to-path: false`);
    expect(run.error).toBeUndefined();
    const folder = join(run.recorded[0] ?? '', 'scanner');
    expect(run.result?.[0]?.path).toBe(toPosixPath(join(folder, 'unpacked')));
    expect(existsSync(join(folder, 'extracted'))).toBe(true);
    expect(existsSync(join(folder, 'unpacked', 'bin', 'scanner'))).toBe(true);
    expect(run.paths).toEqual([]);
  });

  it('makes the downloads folder when any tool is downloaded, not only when all are', async () => {
    const downloaded = `- name: fetched\n  url: ${server.url}/releases/scanner\n  sha256: ${f.tool.sha256}\n  bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`;
    const run = await gate(`${entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`)}\n${downloaded}`);
    expect(run.error).toBeUndefined();
    expect(run.recorded).toEqual([expect.stringContaining(join(run.temp, 'keyless-tools-')) as unknown]);
    expect(run.result?.[1]?.path).toBe(toPosixPath(join(run.recorded[0] ?? '', 'fetched', 'scanner')));
  });
});

describe('gateTools, where a bundle comes from', () => {
  it('asks a bundle URL for JSON', async () => {
    const run = await gate(entry(`bundle: ${server.url}/bundle.json\n  ${KEYLESS()}`));
    expect(run.error).toBeUndefined();
    expect(server.requests.find((r) => r.path === '/bundle.json')?.headers.accept).toBe('application/json');
  });

  it('names the bundle URL that cannot be fetched', async () => {
    const run = await gate(entry(`bundle: http://127.0.0.1:9/bundle.json\n  ${KEYLESS()}`));
    expect(run.error?.message).toContain('scanner: [');
    expect(run.error?.message).toContain('bundle download');
  });

  it('names the bundle URL it refuses to fetch', async () => {
    const run = await gate(entry(`bundle: http://bundles.example.com/tool.json\n  ${KEYLESS()}`));
    expect(run.error?.message).toContain('scanner: [');
    expect(run.error?.message).toContain('bundle URL');
  });

  it('reads a local path as a file even when it holds `https://`', async () => {
    mkdirSync(join(f.dir, 'mirror', 'https:'), { recursive: true });
    copyFileSync(f.bundles.keylessMessage, join(f.dir, 'mirror', 'https:', 'bundle.json'));
    const run = await gate(entry(`bundle: mirror/https://bundle.json\n  ${KEYLESS()}`));
    expect(run.error).toBeUndefined();
  });
});

describe('gateTools, refusals that say what to do', () => {
  it('names the code of a key file it cannot read, with what key must name', async () => {
    const run = await gate(entry(`bundle: ${f.bundles.keyMessage}\n  key: nowhere.pem`));
    expect(run.error?.message).toContain(`scanner: [TOOL_UNVERIFIED] cannot read key ${toPosixPath(join(f.dir, 'nowhere.pem'))} (ENOENT) — key names a PEM public key file, relative to the workspace`);
  });

  it('lists why each attestation failed, separated, with what to check, and reads them with the github-token', async () => {
    const bundle = JSON.parse(readFileSync(f.bundles.keylessDsse, 'utf8')) as unknown;
    const api = await startGitHubApi({ attestations: { 'acme/tool': { [f.tool.sha256]: [bundle, bundle] } } });
    try {
      const run = await gate(entry(`attestations: acme/tool\n  ${KEYLESS()}\n  builder: https://example.com/other-builder`), { 'github-token': 'ghs_readonly' }, { GITHUB_API_URL: api.url });
      const reason = 'the SLSA provenance does not meet the policy: builder is';
      expect(run.error?.message).toMatch(new RegExp(`none of the 2 attestation\\(s\\) in acme/tool for sha256:${f.tool.sha256} verifies: ${reason} [^|]+ \\| ${reason} [^|]+ — check identity/issuer against who builds the release`));
      expect(api.requests[0]?.headers.authorization).toMatch(/ghs_readonly$/);
    } finally {
      await api.close();
    }
  });
});
