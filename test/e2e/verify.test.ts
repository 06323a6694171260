import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, root } from './setup.js';

const corpus = join(root, '..', 'shared', 'corpus', 'sigstore-conformance');
const present = existsSync(join(corpus, 'manifest.json'));
if (!present) console.log(`sigstore-conformance corpus not found at ${corpus}: skipping keyless verify cases`);

const at = (path: string) => join(corpus, 'bundle-verify', path);
const IDENTITY = 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const HAPPY = at('happy-path-v0.3/bundle.sigstore.json');
const A_TXT = at('a.txt');
const scratch = mkdtempSync(join(tmpdir(), 'keyless-verify-'));

function verify(...args: string[]) {
  // A command that hangs is killed, and shows as a null code: no test waits for the suite's timeout.
  const run = spawnSync(process.execPath, [join(dist, 'cli.js'), 'verify', ...args], { encoding: 'utf8', timeout: 15_000, killSignal: 'SIGKILL' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe.runIf(present)('keyless verify: policy and binding', () => {
  it('verifies and reports the signer as JSON', () => {
    const run = verify('--bundle', HAPPY, '--artifact', A_TXT, '--identity', IDENTITY, '--issuer', ISSUER, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verified: true, identity: IDENTITY, issuer: ISSUER, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as unknown });
  });

  it.each([
    ['a prefix of the SAN', IDENTITY.slice(0, -1)],
    ['a suffix of the SAN', IDENTITY.replace('https://', '')],
    ['a SAN with regexp characters that would match loosely', IDENTITY.replace('.github', '?github')],
  ])('refuses an --identity that is only %s', (_name, identity) => {
    const run = verify('--bundle', HAPPY, '--artifact', A_TXT, '--identity', identity, '--issuer', ISSUER);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('UNTRUSTED_SIGNER_ERROR');
  });

  it('anchors --identity-regexp: a substring pattern does not pass, a whole-SAN pattern does', () => {
    expect(verify('--bundle', HAPPY, '--artifact', A_TXT, '--identity-regexp', 'sigstore-conformance', '--issuer', ISSUER).code).toBe(1);
    expect(verify('--bundle', HAPPY, '--artifact', A_TXT, '--identity-regexp', 'https://github\\.com/sigstore-conformance/.*@refs/heads/main', '--issuer', ISSUER).code).toBe(0);
  });

  it('refuses, under --key, a bundle signed by any certificate (here a Fulcio one the trusted root chains)', () => {
    const key = at('managed-key-happy-path/key.pub');
    const run = verify('--bundle', HAPPY, '--artifact', A_TXT, '--key', key);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[SIGNATURE_INVALID] the bundle is signed with a certificate');
    expect(verify('--bundle', HAPPY, '--digest', 'sha256:a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf', '--key', key).code).toBe(1);
    expect(verify('--bundle', at('managed-key-happy-path/bundle.sigstore.json'), '--artifact', A_TXT, '--key', key).code).toBe(0);
  });

  it('refuses another issuer', () => {
    const run = verify('--bundle', HAPPY, '--artifact', A_TXT, '--identity', IDENTITY, '--issuer', 'https://accounts.google.com');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('expected issuer=https://accounts.google.com');
  });

  it('refuses a bundle for another artifact, by bytes and by digest', () => {
    const other = file('other.txt', 'not the signed artifact\n');
    expect(verify('--bundle', HAPPY, '--artifact', other, '--identity', IDENTITY, '--issuer', ISSUER).stderr).toContain('the bundle signs sha256:');
    const run = verify('--bundle', HAPPY, '--digest', `sha256:${'0'.repeat(64)}`, '--identity', IDENTITY, '--issuer', ISSUER);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`not sha256:${'0'.repeat(64)}`);
  });

  it('refuses an in-toto attestation whose subject is another digest', () => {
    const bundle = at('intoto-with-custom-trust-root/bundle.sigstore.json');
    const run = verify('--bundle', bundle, '--digest', `sha256:${'1'.repeat(64)}`, '--trusted-root', at('intoto-with-custom-trust-root/trusted_root.json'), '--identity-regexp', '.*', '--issuer', ISSUER);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the attestation is for');
  });

  it('refuses a signature under a trusted root that does not include its CA', () => {
    const run = verify('--bundle', HAPPY, '--artifact', A_TXT, '--trusted-root', at('intoto-with-custom-trust-root/trusted_root.json'), '--identity', IDENTITY, '--issuer', ISSUER);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CERTIFICATE_ERROR: Failed to verify certificate chain');
  });

  it('refuses a trusted root whose CAs had expired when the artifact was signed', () => {
    const production = JSON.parse(readFileSync(join(corpus, 'trust', 'production_trusted_root.json'), 'utf8')) as { certificateAuthorities: { validFor: { start: string; end?: string } }[] };
    for (const ca of production.certificateAuthorities) ca.validFor = { start: '2019-01-01T00:00:00Z', end: '2020-01-01T00:00:00Z' };
    const expired = file('expired-root.json', JSON.stringify(production));
    const run = verify('--bundle', HAPPY, '--artifact', A_TXT, '--trusted-root', expired, '--identity', IDENTITY, '--issuer', ISSUER);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CERTIFICATE_ERROR: Failed to verify certificate chain');
  });

  it('refuses truncated and malformed bundles with the reason', () => {
    const text = readFileSync(HAPPY, 'utf8');
    const truncated = verify('--bundle', file('truncated.json', text.slice(0, text.length / 2)), '--artifact', A_TXT, '--identity', IDENTITY, '--issuer', ISSUER);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('is not JSON');
    const malformed = verify('--bundle', file('malformed.json', '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}'), '--artifact', A_TXT, '--identity', IDENTITY, '--issuer', ISSUER);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('not a valid Sigstore bundle');
  });

  it.each([
    ['no bundle', ['--artifact', 'x', '--identity', 'y', '--issuer', 'z']],
    ['both --artifact and --digest', ['--bundle', 'b', '--artifact', 'x', '--digest', `sha256:${'0'.repeat(64)}`, '--identity', 'y', '--issuer', 'z']],
    ['no signer policy', ['--bundle', 'b', '--artifact', 'x']],
    ['a digest that is not sha256:HEX', ['--bundle', 'b', '--digest', 'md5:abc', '--identity', 'y', '--issuer', 'z']],
    ['an invalid --identity-regexp', ['--bundle', 'b', '--artifact', 'x', '--identity-regexp', '(', '--issuer', 'z']],
    ['an unknown flag', ['--bundle', 'b', '--artifact', 'x', '--identity', 'y', '--issuer', 'z', '--certificate', 'z']],
    ['--identity without --issuer', ['--bundle', HAPPY, '--artifact', A_TXT, '--identity', IDENTITY]],
    ['--identity-regexp without --issuer', ['--bundle', HAPPY, '--artifact', A_TXT, '--identity-regexp', '.*']],
    ['--issuer alone', ['--bundle', HAPPY, '--artifact', A_TXT, '--issuer', ISSUER]],
    ['--key with --identity', ['--bundle', HAPPY, '--artifact', A_TXT, '--key', at('managed-key-happy-path/key.pub'), '--identity', IDENTITY, '--issuer', ISSUER]],
  ])('exits 2 on %s', (_name, args) => {
    const run = verify(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: keyless verify');
  });
});

describe('keyless verify --json: every outcome is JSON on stdout', () => {
  const digest = `sha256:${'0'.repeat(64)}`;

  it.each([
    ['no bundle', ['--digest', digest, '--key', 'k.pem']],
    ['an unknown flag', ['--bundle', 'b', '--digest', digest, '--key', 'k.pem', '--certificate', 'c']],
    ['a missing flag value', ['--bundle', 'b', '--digest', digest, '--key']],
    ['a digest that is not sha256:HEX', ['--bundle', 'b', '--digest', 'sha256:00', '--key', 'k.pem']],
    ['a key file that does not exist', ['--bundle', 'b', '--digest', digest, '--key', join(scratch, 'nowhere.pem')]],
  ])('a usage error (%s): {"verified":false,"code":"USAGE"}, exit 2', (_name, args) => {
    const run = verify(...args, '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ verified: false, code: 'USAGE', error: expect.stringMatching(/^\[USAGE\] /) as unknown });
    expect(run.stderr).toContain('usage: keyless verify');
  });

  it('an input that cannot be used: its code, exit 1', () => {
    const key = verify('--bundle', file('b.json', '{}'), '--digest', digest, '--key', file('not-a-key.pem', 'not a key'), '--json');
    expect(key.code).toBe(1);
    expect(JSON.parse(key.stdout)).toMatchObject({ verified: false, code: 'SIGNATURE_INVALID' });
    // A folder where a file belongs is not a usage error, nor a Keyless bug.
    const folder = verify('--bundle', scratch, '--digest', digest, '--identity', 'x', '--issuer', 'y', '--json');
    expect(folder.code).toBe(1);
    expect(JSON.parse(folder.stdout)).toMatchObject({ verified: false, code: 'INPUT_INVALID' });
  });
});

// FIFOs and /dev/zero are POSIX things: Windows has neither to plant.
describe.runIf(present && process.platform !== 'win32')('keyless verify: files that are not regular files, or too large', () => {
  const digest = `sha256:${'0'.repeat(64)}`;
  const fifo = join(scratch, 'fifo.json');
  spawnSync('mkfifo', [fifo]);
  const zero = join(scratch, 'zero.json');
  symlinkSync('/dev/zero', zero);
  const sized = (name: string, bytes: number) => {
    const path = file(name, '');
    truncateSync(path, bytes);
    return path;
  };
  const signer = ['--identity', IDENTITY, '--issuer', ISSUER];

  it.each([
    ['--bundle', (path: string) => ['--bundle', path, '--digest', digest, ...signer]],
    ['--trusted-root', (path: string) => ['--bundle', HAPPY, '--digest', digest, '--trusted-root', path, ...signer]],
    ['--key', (path: string) => ['--bundle', HAPPY, '--digest', digest, '--key', path]],
    ['--artifact', (path: string) => ['--bundle', HAPPY, '--artifact', path, ...signer]],
  ] as const)('refuses a FIFO and a link to /dev/zero as %s at once: INPUT_INVALID, exit 1', (_flag, args) => {
    for (const path of [fifo, zero]) {
      const run = verify(...args(path), '--json');
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)).toMatchObject({ verified: false, code: 'INPUT_INVALID', error: expect.stringContaining(`${path} is not a regular file`) as unknown });
    }
  });

  it.each([
    ['--bundle', 10 * 1024 * 1024, (path: string) => ['--bundle', path, '--digest', digest, ...signer]],
    ['--trusted-root', 10 * 1024 * 1024, (path: string) => ['--bundle', HAPPY, '--digest', digest, '--trusted-root', path, ...signer]],
    ['--key', 64 * 1024, (path: string) => ['--bundle', HAPPY, '--digest', digest, '--key', path]],
  ] as const)('refuses a %s file one byte over %i bytes, unread: INPUT_TOO_LARGE, exit 1', (flag, cap, args) => {
    const run = verify(...args(sized(`big${flag}`, cap + 1)), '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ verified: false, code: 'INPUT_TOO_LARGE' });
  });
});
