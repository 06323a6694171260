import { type ChildProcess, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, startFake } from '../fakes/http-fake.js';
import { startOctoSts, startPublishing } from '../fakes/platforms.js';
import { runStep } from '../fakes/runner-harness.js';
import { actionYml, dist, errorCodes, oidcAudiences, root, world } from './setup.js';

// Attacks on what got through issue 10's fixes: each case is a server or a file that lies in a way the
// earlier suites did not try.
const corpus = join(root, '..', 'shared', 'corpus', 'sigstore-conformance', 'bundle-verify');
const present = existsSync(corpus);
const A_TXT = join(corpus, 'a.txt');
const SHA256 = 'a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf';
const IDENTITY = 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const HAPPY = join(corpus, 'happy-path-v0.3', 'bundle.sigstore.json');
const attested = `- name: scanner\n  path: ${A_TXT}\n  sha256: ${SHA256}\n  attestations: acme/tool\n  identity: ${IDENTITY}\n  issuer: ${ISSUER}`;
const LISTING = `GET /repos/acme/tool/attestations/sha256:${SHA256}`;
const TOKEN = 'ghs_attestation_reader_for_tests';

describe.runIf(present)('the attestations API, hostile', () => {
  it('sends the github-token to no other origin than the API, whatever Link says', async () => {
    const w = await world();
    const elsewhere = w.adopt(Object.assign(await startFake({ 'GET /*': (_req, res) => { json(res, 200, { attestations: [] }); } }), { issued: [] as string[] }));
    const api = w.adopt(Object.assign(await startFake({
      [LISTING]: (_req, res) => { json(res, 200, { attestations: [] }, { link: `<${elsewhere.url}/steal?page=2>; rel="next"` }); },
    }), { issued: [] as string[] }));
    const main = await w.main({ tools: attested, 'github-token': TOKEN }, { GITHUB_API_URL: api.url });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(elsewhere.requests).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it.each([
    ['not snappy at all', Buffer.from('<html>not snappy</html>')],
    ['a snappy header that declares a 4 GiB body', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00])],
  ])('turns a bundle_url holding %s into a coded refusal, not a Keyless bug', async (_name, blob) => {
    const w = await world();
    let base = '';
    const api = w.adopt(Object.assign(await startFake({
      [LISTING]: (_req, res) => { json(res, 200, { attestations: [{ bundle: null, bundle_url: `${base}/blob` }] }); },
      'GET /blob': (_req, res) => { res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(blob); },
    }), { issued: [] as string[] }));
    base = api.url;
    const main = await w.main({ tools: attested }, { GITHUB_API_URL: api.url });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).not.toContain('[INTERNAL]');
    expect(main.stdout).toContain('attestation bundle_url');
    w.expectNoLeaks([main]);
  });
});

describe.runIf(present)('GITHUB_PATH, hostile', () => {
  it('adds no folder whose name holds a line break: the runner would read a second PATH entry', async () => {
    const w = await world();
    const planted = join(w.job.root, 'planted');
    const folder = join(w.job.workspace, 'bin\n', planted);
    mkdirSync(folder, { recursive: true });
    copyFileSync(A_TXT, join(folder, 'scanner'));
    const tools = `- name: scanner\n  path: "bin\\n${planted}/scanner"\n  add-to-path: true\n  sha256: ${SHA256}\n  bundle: ${HAPPY}\n  identity: ${IDENTITY}\n  issuer: ${ISSUER}`;
    const main = await w.main({ tools });
    expect(main.files.path.split('\n')).not.toContain(planted);
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    w.expectNoLeaks([main]);
  });
});

describe('the docker config merge, hostile', () => {
  // FIFOs and /dev/zero are POSIX things: Windows has neither to plant.
  it.skipIf(process.platform === 'win32')('does not hang on a FIFO planted where the earlier docker config would be', async () => {
    const w = await world();
    const sts = w.adopt(await startOctoSts({ trustedIssuer: w.runner.issuer, audience: 'self', policy: 'push', subjects: ['repo:acme/widget:ref:refs/heads/main'] }));
    mkdirSync(join(w.job.root, '.docker'));
    expect(spawnSync('mkfifo', [join(w.job.root, '.docker', 'config.json')]).status).toBe(0);
    const credentials = `- provider: github\n  sts-url: ${sts.url}\n  scope: acme/widget\n  identity: push\n  export: none\n- provider: registry\n  kind: ghcr\n  from: github`;
    // podman's file points at an endless device: read whole, it would exhaust the runner's memory.
    const main = await w.main({ credentials }, { GITHUB_API_URL: sts.url, REGISTRY_AUTH_FILE: '/dev/zero' }, (child) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.on('exit', () => { clearTimeout(timer); });
    });
    expect(main.signal).toBeNull();
    expect(main.code).toBe(0);
    const config = JSON.parse(readFileSync(join(main.env.DOCKER_CONFIG ?? '', 'config.json'), 'utf8')) as { auths: Record<string, unknown> };
    expect(Object.keys(config.auths)).toEqual(['ghcr.io']);
    const post = await w.post({ credentials }, main, { GITHUB_API_URL: sts.url });
    w.expectNoLeaks([main, post]);
  });
});

describe('the npm user config carried over, hostile', () => {
  it.skipIf(process.platform === 'win32')('does not hang on a FIFO at ~/.npmrc, nor read an endless NPM_CONFIG_USERCONFIG whole', async () => {
    const w = await world();
    const registry = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: ['acme/widget'] }));
    expect(spawnSync('mkfifo', [join(w.job.root, '.npmrc')]).status).toBe(0);
    const credentials = `- provider: npm\n  package: widget\n  registry: ${registry.url}`;
    const kill = (child: ChildProcess) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.on('exit', () => { clearTimeout(timer); });
    };
    const fifo = await w.main({ credentials }, {}, kill);
    const endless = await w.main({ credentials }, { NPM_CONFIG_USERCONFIG: '/dev/zero' }, kill);
    for (const main of [fifo, endless]) {
      expect(main.signal).toBeNull();
      expect(main.code).toBe(0);
      expect(readFileSync(main.env.NPM_CONFIG_USERCONFIG ?? '', 'utf8')).toMatch(/^\/\/[^\n]+:_authToken=npm_[^\n]+\n$/);
    }
    const posts = [await w.post({ credentials }, fifo), await w.post({ credentials }, endless)];
    w.expectNoLeaks([fifo, endless, ...posts]);
  });
});

describe('keyless refresh, hostile', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const planted = `${b64({ alg: 'RS256' })}.${b64({ aud: 'api://AzureADTokenExchange' })}.c2ln`;

  it.each(['KEYLESS_REFRESH', 'AZURE_FEDERATED_TOKEN_FILE'])('rewrites only files Keyless wrote, whatever %s names', async (variable) => {
    const w = await world();
    // An earlier step exported the variable through GITHUB_ENV, naming a file it planted in the workspace
    // (which an artifact upload would publish): refresh would put a live runner token there.
    const bait = join(w.job.workspace, 'notes.txt');
    writeFileSync(bait, planted);
    const run = await runStep(join(dist, 'cli.js'), { ...w.options({}, { [variable]: bait }), args: ['refresh'], actionYml });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[INPUT_INVALID]');
    expect(readFileSync(bait, 'utf8')).toBe(planted);
    expect(oidcAudiences(w.runner)).toEqual([]);
    w.expectNoLeaks([run]);
  });

  it('prints a bad argument inert: it may come from a variable an earlier step set', async () => {
    const w = await world();
    const run = await runStep(join(dist, 'cli.js'), { ...w.options({}), args: ['refresh', '--x\n::warning::injected\r##[error]legacy'], actionYml });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--x");
    expect(run.stderr).not.toMatch(/^\s*::warning::/m);
    expect(run.stderr).not.toMatch(/\r|##\[/);
    w.expectNoLeaks([run]);
  });
});

describe.runIf(present)('keyless verify, hostile bundle', () => {
  const DSSE = join(corpus, 'rekor2-dsse-happy-path', 'bundle.sigstore.json');
  const DSSE_ROOT = join(corpus, 'rekor2-dsse-happy-path', 'trusted_root.json');

  // A log entry without an inclusion promise signs no integratedTime: the verifier ignores it, so its
  // value is whatever the bundle's author wrote.
  it.each(['99999999999999999', '1000000000'])('reports no integratedTime the log did not sign (%s)', async (forged) => {
    const w = await world();
    const bundle = JSON.parse(readFileSync(DSSE, 'utf8')) as { verificationMaterial: { tlogEntries: Record<string, unknown>[] } };
    Object.assign(bundle.verificationMaterial.tlogEntries[0] ?? {}, { integratedTime: forged });
    const path = join(w.job.root, 'forged.sigstore.json');
    writeFileSync(path, JSON.stringify(bundle));
    const args = ['verify', '--bundle', path, '--artifact', A_TXT, '--trusted-root', DSSE_ROOT, '--identity', IDENTITY, '--issuer', ISSUER, '--json'];
    const run = await runStep(join(dist, 'cli.js'), { ...w.options({}), args, actionYml });
    expect(run.stdout).not.toContain('[INTERNAL]');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verified: true });
    expect(JSON.parse(run.stdout)).not.toHaveProperty('integratedTime');
    w.expectNoLeaks([run]);
  });

  it('calls a bundle whose certificate does not parse invalid, not a Keyless bug', async () => {
    const w = await world();
    const bundle = JSON.parse(readFileSync(HAPPY, 'utf8')) as { verificationMaterial: Record<string, unknown> };
    bundle.verificationMaterial.certificate = { rawBytes: Buffer.from('garbage').toString('base64') };
    const path = join(w.job.root, 'garbled.sigstore.json');
    writeFileSync(path, JSON.stringify(bundle));
    const args = ['verify', '--bundle', path, '--artifact', A_TXT, '--identity', IDENTITY, '--issuer', ISSUER];
    const run = await runStep(join(dist, 'cli.js'), { ...w.options({}), args, actionYml });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^\[SIGNATURE_INVALID\] not a valid Sigstore bundle/);
    w.expectNoLeaks([run]);
  });
});

describe('error bodies, hostile', () => {
  it('quotes a PyPI error whose fields are objects without turning them into a Keyless bug', async () => {
    const w = await world();
    // String({ toString: 1 }) throws: the error text must be read as data, never converted blindly.
    const errors = [{ code: { toString: 1 }, description: { valueOf: 'x', toString: 'y' } }, { code: 'invalid-publisher', description: 'd'.repeat(100_000) }];
    const index = w.adopt(Object.assign(await startFake({ 'POST /_/oidc/mint-token': (_req, res) => { json(res, 422, { errors }); } }), { issued: [] as string[] }));
    const main = await w.main({ credentials: `- provider: pypi\n  index: ${index.url}\n  oidc-audience: warehouse.example` });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('invalid-publisher');
    expect(main.stdout).not.toContain('d'.repeat(1000));
    w.expectNoLeaks([main]);
  });
});
