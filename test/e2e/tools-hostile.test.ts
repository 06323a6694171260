import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { craftTarGz } from '../fakes/archives.js';
import { startGitHubApi } from '../fakes/github-api.js';
import { startFake } from '../fakes/http-fake.js';
import { errorCodes, oidcAudiences, root, world } from './setup.js';
import { stateItems } from '../fakes/runner-harness.js';

// Hostile downloads and policies against the tool gate (issue 10): a server, an archive or a bundle that lies.
const corpus = join(root, '..', 'shared', 'corpus', 'sigstore-conformance', 'bundle-verify');
const present = existsSync(corpus);
if (!present) console.log(`sigstore-conformance corpus not found at ${corpus}: skipping the hostile tool suite`);

const A_TXT = join(corpus, 'a.txt');
const SHA256 = 'a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf';
const IDENTITY = 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const HAPPY = join(corpus, 'happy-path-v0.3', 'bundle.sigstore.json');
const MANAGED_KEY = join(corpus, 'managed-key-happy-path', 'key.pub');
const signer = `  bundle: ${HAPPY}\n  identity: ${IDENTITY}\n  issuer: ${ISSUER}`;

/** Every file and folder under `dir`, relative to it. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** A tar.gz of one file of zeros: a few kilobytes that unpack to `size` bytes. */
function zeroBomb(size: number): Buffer {
  return craftTarGz([{ name: 'zeros', data: Buffer.alloc(size) }]);
}

describe.runIf(present)('the tool gate against hostile downloads', () => {
  it('checks the digest of a downloaded archive before unpacking anything', async () => {
    const w = await world();
    const bomb = zeroBomb(64 * 1024 * 1024);
    const api = w.adopt(await startGitHubApi({ releases: { 'v1/scanner.tar.gz': bomb } }));
    const tools = `- name: scanner\n  url: ${api.url}/download/v1/scanner.tar.gz\n  extract: tar.gz\n  sha256: ${'b'.repeat(64)}\n${signer}`;
    const main = await w.main({ tools });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).toContain(`sha256 is ${createHash('sha256').update(bomb).digest('hex')}, the pin is ${'b'.repeat(64)}`);
    // The refused download is gone at once, and nothing was unpacked: only the empty tools folder is left for post.
    expect(tree(w.job.temp)).toEqual([expect.stringMatching(/^keyless-tools-\w{6}$/)]);
    w.expectNoLeaks([main]);
  });

  it('records the tools folder for post, which deletes it', async () => {
    const w = await world();
    const api = w.adopt(await startGitHubApi({ releases: { 'v1/scanner': readFileSync(A_TXT) } }));
    const { main, post } = await w.job2({ tools: `- name: scanner\n  url: ${api.url}/download/v1/scanner\n  sha256: ${SHA256}\n${signer}` });
    expect(main.code).toBe(0);
    const folder = stateItems(main).find((item) => item.kind === 'path')?.path ?? '';
    expect(relative(w.job.temp, folder).split(sep)).toEqual([expect.stringMatching(/^keyless-tools-\w{6}$/)]);
    expect(main.files.path.trim()).toBe(join(folder, 'scanner'));
    expect(post.code).toBe(0);
    expect(existsSync(folder)).toBe(false);
    w.expectNoLeaks([main, post]);
  });

  it('ends a download that trickles within the tool timeout, with a coded error', async () => {
    const w = await world();
    const slow = w.adopt(Object.assign(await startFake({
      'GET /scanner': (_req, res) => {
        res.writeHead(200, { 'content-length': '100000' });
        const drip = setInterval(() => res.write('x'), 100);
        res.on('close', () => { clearInterval(drip); });
      },
    }), { issued: [] as string[] }));
    const main = await w.main({ tools: `- name: scanner\n  url: ${slow.url}/scanner\n  timeout: 2s\n  sha256: ${SHA256}\n${signer}` });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).toMatch(/scanner: \[HTTP_TIMEOUT\] the download of http:\/\/127\.0\.0\.1:\d+\/scanner did not finish within 2 s/);
    expect(main.elapsedMs).toBeLessThan(10_000);
    expect(tree(w.job.temp)).toEqual([expect.stringMatching(/^keyless-tools-\w{6}$/)]);
    w.expectNoLeaks([main]);
  }, 30_000);

  it('refuses a redirect to plain http with a coded error, not a crash', async () => {
    const w = await world();
    const bouncer = w.adopt(Object.assign(await startFake({
      'GET /scanner': (_req, res) => {
        res.writeHead(302, { location: 'http://downloads.example.com/scanner' }).end();
      },
    }), { issued: [] as string[] }));
    const main = await w.main({ tools: `- name: scanner\n  url: ${bouncer.url}/scanner\n  sha256: ${SHA256}\n${signer}` });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).toContain('scanner: [HTTP_INSECURE_URL] tool download redirect http://downloads.example.com is not https');
    expect(main.stderr).not.toMatch(/^\s+at /m);
    expect(oidcAudiences(w.runner)).toEqual([]);
    w.expectNoLeaks([main]);
  });
});

describe.runIf(present)('the tool gate against loose policies', () => {
  it('checks every digest given: a wrong sha256 fails even beside the right sha512', async () => {
    const w = await world();
    const sha512 = createHash('sha512').update(readFileSync(A_TXT)).digest('hex');
    const main = await w.main({ tools: `- name: scanner\n  path: ${A_TXT}\n  sha256: ${SHA256.replace(/.$/, '0')}\n  sha512: ${sha512}\n${signer}` });
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).toContain(`sha256 is ${SHA256}, the pin is ${SHA256.replace(/.$/, '0')}`);
    w.expectNoLeaks([main]);
  });

  it('refuses a certificate bundle under a key policy', async () => {
    const w = await world();
    const main = await w.main({ tools: `- name: scanner\n  path: ${A_TXT}\n  sha256: ${SHA256}\n  bundle: ${HAPPY}\n  key: ${MANAGED_KEY}` });
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).toContain('[SIGNATURE_INVALID] the bundle is signed with a certificate');
    w.expectNoLeaks([main]);
  });

  it.each([
    ['two tools of one name', `- name: scanner\n  path: ${A_TXT}\n  sha256: ${SHA256}\n${signer}\n- name: scanner\n  path: ${A_TXT}\n  sha256: ${SHA256}\n${signer}`, 'tools[1].name (line 7): "scanner" is already the name of another tool'],
    ['an identity without an issuer', `- name: scanner\n  path: ${A_TXT}\n  sha256: ${SHA256}\n  bundle: ${HAPPY}\n  identity: ${IDENTITY}`, 'tools[0].issuer'],
    ['an identity pattern without an issuer', `- name: scanner\n  path: ${A_TXT}\n  sha256: ${SHA256}\n  bundle: ${HAPPY}\n  identity-regexp: .*`, 'tools[0].issuer'],
    ['a key with an issuer', `- name: scanner\n  path: ${A_TXT}\n  sha256: ${SHA256}\n  bundle: ${HAPPY}\n  key: ${MANAGED_KEY}\n  issuer: ${ISSUER}`, 'tools[0].issuer'],
  ])('refuses %s before anything runs', async (_name, tools, where) => {
    const w = await world();
    const main = await w.main({ tools });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain(where);
    w.expectNoLeaks([main]);
  });
});

// A pull request commits whatever it likes where the tool entry names its evidence: a FIFO, which a blocking
// read would wait on until the job's timeout, or a link to /dev/zero, which a whole-file read would read
// until the runner runs out of memory. FIFOs and /dev/zero are POSIX things: Windows has neither to plant.
describe.runIf(present && process.platform !== 'win32')('the tool gate against evidence files that are not files', () => {
  const workspaceTool = `- name: a\n  path: a.txt\n  sha256: ${SHA256}`;
  it.each([
    ['bundle', 'a.sigstore.json', (name: string) => ({ tools: `${workspaceTool}\n  bundle: ${name}\n  identity: ${IDENTITY}\n  issuer: ${ISSUER}` })],
    ['key', 'key.pub', (name: string) => ({ tools: `${workspaceTool}\n  bundle: ${join(corpus, 'managed-key-happy-path', 'bundle.sigstore.json')}\n  key: ${name}` })],
    ['trusted-root', 'trusted_root.json', (name: string) => ({ tools: `${workspaceTool}\n${signer}`, 'trusted-root': name })],
  ] as const)('refuses a %s that is a FIFO or a link to /dev/zero at once, with a coded error', async (_input, name, inputs) => {
    for (const kind of ['fifo', 'dev-zero'] as const) {
      const w = await world();
      copyFileSync(A_TXT, join(w.job.workspace, 'a.txt'));
      const planted = join(w.job.workspace, name);
      if (kind === 'fifo') execFileSync('mkfifo', [planted]);
      else symlinkSync('/dev/zero', planted);
      let killed = false;
      const main = await w.main(inputs(name), {}, (child) => {
        const timer = setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, 8_000);
        child.on('close', () => { clearTimeout(timer); });
      });
      expect(killed, `the main step hung on a ${kind}`).toBe(false);
      expect(main.code).toBe(1);
      expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
      expect(main.stdout).toContain(`${planted} is not a regular file`);
      expect(oidcAudiences(w.runner)).toEqual([]);
      w.expectNoLeaks([main]);
    }
  }, 60_000);
});
