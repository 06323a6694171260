import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { createHttpClient } from '../../../src/http/client.js';
import { MAX_JWT_BYTES } from '../../../src/oidc/jwt-value.js';
import { fetchSubjectToken, type SubjectTokenSource, sourceKey } from '../../../src/oidc/subject-token.js';
import { createRunner } from '../../../src/runner/runner.js';

const { privateKey } = await generateKeyPair('ES256');
const jwt = (claims: Record<string, unknown> = {}, aud: string | string[] = 'sts.example.com', exp = '5m') =>
  new SignJWT({ sub: 'system:serviceaccount:ci:deploy', ...claims }).setProtectedHeader({ alg: 'ES256' }).setAudience(aud).setIssuer('https://k8s.example.com').setExpirationTime(exp).sign(privateKey);

function setUp(env: Record<string, string> = {}) {
  const written: string[] = [];
  const runner = createRunner(env, (text) => written.push(text));
  const fetch = (source: SubjectTokenSource, audience = 'sts.example.com') => fetchSubjectToken(source, audience, { runner, http: createHttpClient(), now: Date.now });
  return { written, fetch, runner };
}

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KeylessError);
  return error as KeylessError;
};

describe('file source', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-token-'));

  it('reads the file again on every fetch, so a rotated token is the one used, and masks each before returning', async () => {
    const { fetch, written } = setUp();
    const path = join(dir, 'token');
    const first = await jwt({ n: 1 });
    writeFileSync(path, `${first}\n`);
    expect((await fetch({ kind: 'file', path })).jwt).toBe(first);
    const second = await jwt({ n: 2 });
    // As the kubelet rotates: a new file renamed over the old.
    writeFileSync(`${path}.new`, second);
    renameSync(`${path}.new`, path);
    const token = await fetch({ kind: 'file', path });
    expect(token.jwt).toBe(second);
    expect(token.claims.n).toBe(2);
    expect(written).toEqual([`::add-mask::${first}\n`, `::add-mask::${second}\n`]);
  });

  it('follows the link a projected volume makes into its current data folder', async () => {
    const { fetch } = setUp();
    const data = join(dir, '..2026_12_02');
    execFileSync('mkdir', ['-p', data]);
    const token = await jwt();
    writeFileSync(join(data, 'token'), token);
    symlinkSync(join(data, 'token'), join(dir, 'projected'));
    expect((await fetch({ kind: 'file', path: join(dir, 'projected') })).jwt).toBe(token);
  });

  it.each([
    ['a directory', () => dir, 'INPUT_INVALID'],
    ['a missing file', () => join(dir, 'absent'), 'INPUT_INVALID'],
    ['a device that never ends', () => '/dev/zero', 'INPUT_INVALID'],
    ['a file larger than any JWT', () => { const p = join(dir, 'big'); writeFileSync(p, 'a'.repeat(MAX_JWT_BYTES + 1)); return p; }, 'INPUT_TOO_LARGE'],
    ['text that is no JWT', () => { const p = join(dir, 'text'); writeFileSync(p, 'password=hunter2-but-longer'); return p; }, 'OIDC_REQUEST_FAILED'],
    ['an empty file', () => { const p = join(dir, 'empty'); writeFileSync(p, ''); return p; }, 'OIDC_REQUEST_FAILED'],
    ['three parts that do not decode', () => { const p = join(dir, 'bad'); writeFileSync(p, 'abc.def.ghi'); return p; }, 'OIDC_REQUEST_FAILED'],
  ])('refuses %s without echoing its content', async (_name, make, code) => {
    const { fetch, written } = setUp();
    const error = await failure(fetch({ kind: 'file', path: make() }));
    expect(error.code).toBe(code);
    expect(error.message).not.toContain('hunter2');
    // What has a JWT's shape is masked before it is decoded; nothing else is printed at all.
    expect(written.filter((line) => !line.startsWith('::add-mask::abc.def.ghi'))).toEqual([]);
  });

  it('refuses a FIFO without blocking on it', async () => {
    const { fetch } = setUp();
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect((await failure(fetch({ kind: 'file', path: fifo }))).code).toBe('INPUT_INVALID');
  });

  it('refuses a token for another audience, or expired, after masking it', async () => {
    const { fetch, written } = setUp();
    const path = join(dir, 'other');
    const other = await jwt({}, ['https://vault.example.com', 'x']);
    writeFileSync(path, other);
    const error = await failure(fetch({ kind: 'file', path }));
    expect(error.message).toContain('is not meant for audience "sts.example.com" (it has aud "https://vault.example.com", "x")');
    expect(error.hint).toContain('oidc-audience');
    const expired = await jwt({}, 'sts.example.com', '-1m');
    writeFileSync(path, expired);
    expect((await failure(fetch({ kind: 'file', path }))).message).toMatch(/expired at \d{4}-/);
    expect(written).toEqual([`::add-mask::${other}\n`, `::add-mask::${expired}\n`]);
  });
});

describe('env source', () => {
  it('takes the JWT a CI system put in a variable, masked', async () => {
    const token = await jwt();
    const { fetch, written } = setUp({ CIRCLE_OIDC_TOKEN: token });
    expect((await fetch({ kind: 'env', name: 'CIRCLE_OIDC_TOKEN' })).claims.sub).toBe('system:serviceaccount:ci:deploy');
    expect(written).toEqual([`::add-mask::${token}\n`]);
  });

  it('says which variable is unset or holds no JWT', async () => {
    const { fetch } = setUp({ EMPTY: '', TEXT: 'not-a-token-at-all' });
    expect((await failure(fetch({ kind: 'env', name: 'MISSING' }))).message).toContain('variable MISSING is not set');
    expect((await failure(fetch({ kind: 'env', name: 'EMPTY' }))).message).toContain('variable EMPTY holds no token');
    expect((await failure(fetch({ kind: 'env', name: 'TEXT' }))).message).toContain('variable TEXT does not hold a JWT');
  });
});

describe('runner source', () => {
  it('outside GitHub Actions names the other sources', async () => {
    const { fetch } = setUp();
    const error = await failure(fetch({ kind: 'runner' }));
    expect(error.code).toBe('OIDC_PERMISSION_MISSING');
    expect(error.message).toContain('not a GitHub Actions job');
    expect(error.hint).toMatch(/subject-token-source: file .*env .*spiffe/);
  });

  it('inside GitHub Actions keeps asking for the permission', async () => {
    const { fetch } = setUp({ GITHUB_ACTIONS: 'true' });
    expect((await failure(fetch({ kind: 'runner' }))).hint).toContain('id-token: write');
  });
});

describe('sourceKey', () => {
  it('shares a token only between entries with the same source and audience', () => {
    const keys = [
      sourceKey({ kind: 'runner' }, 'a'),
      sourceKey({ kind: 'runner' }, 'b'),
      sourceKey({ kind: 'file', path: '/t' }, 'a'),
      sourceKey({ kind: 'file', path: '/u' }, 'a'),
      sourceKey({ kind: 'env', name: 'T' }, 'a'),
      sourceKey({ kind: 'spiffe' }, 'a'),
      sourceKey({ kind: 'spiffe', spiffeId: 'spiffe://x/y' }, 'a'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(sourceKey({ kind: 'file', path: '/t' }, 'a')).toBe(keys[2]);
  });
});

describe('acceptJwt', () => {
  it('refuses a token that expired before any date has an ISO form as a KeylessError, not a RangeError', async () => {
    const { acceptJwt } = await import('../../../src/oidc/jwt-value.js');
    const payload = Buffer.from(JSON.stringify({ aud: 'a', exp: -1e20 })).toString('base64url');
    const accept = () => acceptJwt(`eyJhbGciOiJFUzI1NiJ9.${payload}.c2ln`, { what: 'x', mask: () => {}, audience: 'a', now: Date.now, hint: 'h' });
    expect(accept).toThrow(KeylessError);
    expect(accept).toThrow(/expired$/);
  });
});
