import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseHandle, readCleanupItems } from '../../../src/runner/state.js';

const DIGEST = 'ab'.repeat(32);

// What post accepts from step state when the entry is signed with main's key: signing proves origin, not
// sense, so each item's content is checked too. The entries here are signed as main signs them (HMAC-SHA256
// of `name\njson` under the saved key), whatever they hold.

const KEY = 'ab'.repeat(32);

function signed(entries: Record<string, unknown>, key = KEY): Record<string, string> {
  const state: Record<string, string> = { STATE_keyless_key: key };
  for (const [name, item] of Object.entries(entries)) {
    const json = typeof item === 'string' ? item : JSON.stringify(item);
    state[`STATE_${name}`] = `${createHmac('sha256', Buffer.from(KEY, 'hex')).update(`${name}\n${json}`).digest('hex')}.${json}`;
  }
  return state;
}

const one = (item: unknown) => readCleanupItems(signed({ keyless_000: item }));
const handle = { endpoint: 'https://sts.example.com/revoke', token: 'token-0123456789' };

describe('cleanup items main signed', () => {
  it('come back in the order of their names, not of the environment', () => {
    const state = signed({ keyless_002: { kind: 'path', path: '/tmp/c' }, keyless_000: { kind: 'path', path: '/tmp/a' }, keyless_001: { kind: 'audit', path: '/tmp/b', sha256: DIGEST } });
    expect(readCleanupItems(state).items).toEqual([{ kind: 'path', path: '/tmp/a' }, { kind: 'audit', path: '/tmp/b', sha256: DIGEST }, { kind: 'path', path: '/tmp/c' }]);
  });

  it('are ignored, and counted, when the key is not 64 hex digits', () => {
    for (const key of ['AB'.repeat(32), 'ab'.repeat(31), `${'ab'.repeat(32)}0`, `x${'ab'.repeat(32)}`]) {
      expect(readCleanupItems(signed({ keyless_000: { kind: 'path', path: '/tmp/a' } }, key)), key).toEqual({ items: [], ignored: 1 });
    }
  });

  it('ignore entries whose names only look like Keyless\'s', () => {
    const state = { ...signed({ keyless_000: { kind: 'path', path: '/tmp/a' } }), STATE_other: 'x', KEYLESS_000: 'y' };
    expect(readCleanupItems(state)).toEqual({ items: [{ kind: 'path', path: '/tmp/a' }], ignored: 0 });
  });

  it('are refused when the MAC is not the one before the first dot', () => {
    const state = signed({ keyless_000: { kind: 'path', path: '/tmp/a' } });
    const value = state.STATE_keyless_000 ?? '';
    for (const broken of [`0${value}`, value.slice(1), `${value.slice(0, 64)}${value.slice(65)}`, value.replace('.', ':'), `.${value}`]) {
      expect(readCleanupItems({ ...state, STATE_keyless_000: broken })).toEqual({ items: [], ignored: 1 });
    }
  });

  it.each([
    ['settings', { kind: 'settings', strictCleanup: false }],
    ['a path', { kind: 'path', path: '/runner/_temp/keyless-x' }],
    ['an audit file', { kind: 'audit', path: '/runner/_temp/keyless-audit-1.json', sha256: DIGEST }],
    ['a handle with its expiry', { kind: 'revoke', provider: 'rfc8693', id: 'sts.1', handle, expiresAt: '2026-01-01T00:15:00.000Z' }],
    ['a credential without revocation, and why', { kind: 'revoke-none', provider: 'aws', id: 'prod_1', expiresAt: '2026-01-01T00:15:00Z', reason: 'STS credentials cannot be revoked' }],
    ['a credential without revocation, no reason given', { kind: 'revoke-none', provider: 'aws', id: 'prod' }],
  ])('keep %s', (_name, item) => {
    expect(one(item)).toEqual({ items: [item], ignored: 0 });
  });

  it('keep only the fields an item has', () => {
    expect(one({ kind: 'path', path: '/tmp/a', extra: 'x' }).items).toEqual([{ kind: 'path', path: '/tmp/a' }]);
    expect(one({ kind: 'settings', strictCleanup: true, path: '/x' }).items).toEqual([{ kind: 'settings', strictCleanup: true }]);
  });

  it.each([
    ['not JSON', '{"kind":'],
    ['not an object', '["path","/tmp/a"]'],
    ['an unknown kind', { kind: 'delete', path: '/tmp/a' }],
    ['settings without a boolean', { kind: 'settings', strictCleanup: 'true' }],
    ['a relative path', { kind: 'path', path: 'keyless-x' }],
    ['a path with NUL', { kind: 'audit', path: '/tmp/a\0b', sha256: DIGEST }],
    ['an audit file without the digest of its bytes', { kind: 'audit', path: '/tmp/a' }],
    ['an audit digest that is not SHA-256 hex', { kind: 'audit', path: '/tmp/a', sha256: 'A'.repeat(64) }],
    ['a path that is no string', { kind: 'path', path: ['/tmp'] }],
    ['a provider name with a space', { kind: 'revoke-none', provider: 'a b', id: 'x' }],
    ['a provider name of 65 characters', { kind: 'revoke-none', provider: 'a'.repeat(65), id: 'x' }],
    ['an empty id', { kind: 'revoke-none', provider: 'aws', id: '' }],
    ['an id that is no string', { kind: 'revoke-none', provider: 'aws', id: 1 }],
    ['a provider that is no string', { kind: 'revoke-none', provider: 1, id: 'x' }],
    ['an expiry that is not ISO 8601 UTC', { kind: 'revoke-none', provider: 'aws', id: 'x', expiresAt: '2026-01-01 00:15' }],
    ['an expiry with more after it', { kind: 'revoke-none', provider: 'aws', id: 'x', expiresAt: '2026-01-01T00:15:00Z\nx' }],
    ['an expiry that is no string', { kind: 'revoke-none', provider: 'aws', id: 'x', expiresAt: 1 }],
    ['a reason with a line break', { kind: 'revoke-none', provider: 'aws', id: 'x', reason: 'a\nb' }],
    ['an empty reason', { kind: 'revoke-none', provider: 'aws', id: 'x', reason: '' }],
    ['a reason of 301 characters', { kind: 'revoke-none', provider: 'aws', id: 'x', reason: 'r'.repeat(301) }],
    ['a handle that is missing', { kind: 'revoke', provider: 'aws', id: 'x' }],
    ['a handle with a bad expiry', { kind: 'revoke', provider: 'aws', id: 'x', handle, expiresAt: 'soon' }],
  ])('are refused when they hold %s', (_name, item) => {
    expect(one(item)).toEqual({ items: [], ignored: 1 });
  });

  it('take a reason of 300 characters and a name of 64', () => {
    expect(one({ kind: 'revoke-none', provider: 'a'.repeat(64), id: 'x', reason: 'r'.repeat(300) }).ignored).toBe(0);
  });
});

describe('revocation handles read back', () => {
  it('keep the optional fields each provider needs, as given', () => {
    const full = { ...handle, refresh: 'refresh-0123456789', clientId: 'client id (display)', namespace: 'team/a-b/' };
    expect(parseHandle(full)).toEqual(full);
    expect(parseHandle({ ...handle, namespace: 'admin' })).toEqual({ ...handle, namespace: 'admin' });
  });

  it('normalise the endpoint as a URL', () => {
    expect(parseHandle({ ...handle, endpoint: 'HTTPS://STS.example.com:443/revoke' })).toEqual({ ...handle, endpoint: 'https://sts.example.com/revoke' });
    expect(parseHandle({ ...handle, endpoint: 'http://localhost:8200/x' })?.endpoint).toBe('http://localhost:8200/x');
  });

  it.each([
    ['no object', 'x'],
    ['an endpoint that is no URL', { ...handle, endpoint: 'not a url' }],
    ['an endpoint that is no string', { ...handle, endpoint: 1 }],
    ['a token that is no string', { ...handle, token: 12345678901 }],
    ['a token of 7 characters', { ...handle, token: 'abcdefg' }],
    ['a token with a space', { ...handle, token: 'abcd efgh' }],
    ['a token of 16385 characters', { ...handle, token: 'a'.repeat(16385) }],
    ['a user name but no password', { ...handle, endpoint: 'https://user@sts.example.com/' }],
    ['a password but no user name', { ...handle, endpoint: 'https://:pw@sts.example.com/' }],
    ['plain http to a host that only starts like loopback', { ...handle, endpoint: 'http://127.0.0.1.example.com/' }],
    ['a refresh token that is too short', { ...handle, refresh: 'short' }],
    ['a client id with a line break', { ...handle, clientId: 'a\nb' }],
    ['a namespace with a dot', { ...handle, namespace: 'team.a' }],
    ['a namespace with an empty segment', { ...handle, namespace: 'a//b' }],
    ['a namespace that starts with /', { ...handle, namespace: '/a' }],
    ['TLS material that is no mapping', { ...handle, tls: 'pem' }],
    ['headers that are no mapping', { ...handle, headers: 'x: y' }],
  ])('are refused when they hold %s', (_name, raw) => {
    expect(parseHandle(raw)).toBeUndefined();
  });

  it('take a token of 8 and of 16384 characters, and 32 headers', () => {
    expect(parseHandle({ ...handle, token: 'abcdefgh' })).toBeDefined();
    expect(parseHandle({ ...handle, token: 'a'.repeat(16384) })).toBeDefined();
    const headers = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`x-h${i}`, 'v']));
    expect(parseHandle({ ...handle, headers })).toEqual({ ...handle, headers });
  });
});

describe('signed entries, at the edges of the format', () => {
  const state = signed({ keyless_000: { kind: 'path', path: '/tmp/a' } });
  const value = state.STATE_keyless_000 ?? '';
  const mac = value.slice(0, 64);
  const json = value.slice(65);

  it('refuse a MAC with one more hex digit, though its first 64 are right', () => {
    expect(readCleanupItems({ ...state, STATE_keyless_000: `${mac}a.${json}` })).toEqual({ items: [], ignored: 1 });
  });

  it('refuse a MAC of 64 characters that are not hex, without an exception', () => {
    expect(readCleanupItems({ ...state, STATE_keyless_000: `${'z'.repeat(64)}.${json}` })).toEqual({ items: [], ignored: 1 });
  });

  it('refuse an expiry with text before it', () => {
    expect(one({ kind: 'revoke-none', provider: 'aws', id: 'x', expiresAt: 'by 2026-01-01T00:15:00Z' })).toEqual({ items: [], ignored: 1 });
  });

  it('refuse a handle whose endpoint is loopback but neither https nor http, or a header set with one bad header among good ones', () => {
    for (const endpoint of ['ftp://127.0.0.1/revoke', 'ws://localhost/revoke']) expect(parseHandle({ ...handle, endpoint })).toBeUndefined();
    expect(parseHandle({ ...handle, headers: { 'x-good': 'v', 'bad name': 'x' } })).toBeUndefined();
  });
});
