import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownedPath } from '../../../src/runner/owned-path.js';
import { createRunner } from '../../../src/runner/runner.js';
import { CleanupLog, parseHandle, readCleanupItems } from '../../../src/runner/state.js';
import { parseFileCommands } from '../../fakes/runner-harness.js';

/** A main step's saved state, as post receives it: STATE_<name> for every name main saved. */
function savedBy(record: (log: CleanupLog) => void): Record<string, string> {
  const file = join(mkdtempSync(join(tmpdir(), 'keyless-state-')), 'state');
  writeFileSync(file, '');
  const log = new CleanupLog(createRunner({ GITHUB_STATE: file }, () => undefined));
  record(log);
  return Object.fromEntries(Object.entries(parseFileCommands(readFileSync(file, 'utf8'))).map(([name, value]) => [`STATE_${name}`, value]));
}

const handle = { endpoint: 'https://vault.example.com/', token: 'hvs.abcdefghijklmnop' };

describe('step state', () => {
  it('reads back what main saved, in order', () => {
    const state = savedBy((log) => {
      log.record({ kind: 'settings', strictCleanup: true });
      log.record({ kind: 'revoke', provider: 'vault', id: 'vault', handle });
    });
    expect(readCleanupItems(state)).toEqual({ items: [{ kind: 'settings', strictCleanup: true }, { kind: 'revoke', provider: 'vault', id: 'vault', handle }], ignored: 0 });
  });

  it('ignores entries an earlier step exported through GITHUB_ENV, and entries main signed but someone changed', () => {
    const state = savedBy((log) => {
      log.record({ kind: 'path', path: '/tmp/keyless-abc' });
    });
    const forged = JSON.stringify({ kind: 'path', path: '/home/runner/work' });
    const tampered = (state.STATE_keyless_000 ?? '').replace('keyless-abc', 'keyless-abd');
    expect(readCleanupItems({ ...state, STATE_keyless_999: `${'0'.repeat(64)}.${forged}`, STATE_keyless_998: forged })).toMatchObject({ items: [{ path: '/tmp/keyless-abc' }], ignored: 2 });
    expect(readCleanupItems({ ...state, STATE_keyless_000: tampered })).toEqual({ items: [], ignored: 1 });
  });

  it('reads back the az and Az PowerShell sessions post signs out of, and no session of another shape', () => {
    const sessions = [
      { kind: 'session', tool: 'az', id: 'azure', path: '/tmp/keyless-azure-abc/az' },
      { kind: 'session', tool: 'azps', id: 'azure' },
    ] as const;
    const state = savedBy((log) => {
      for (const item of sessions) log.record(item);
      log.record({ kind: 'session', tool: 'az', id: 'azure' });
      log.record({ kind: 'session', tool: 'gcloud', id: 'azure', path: '/tmp/keyless-x' } as never);
      log.record({ kind: 'session', tool: 'az', id: 'azure', path: 'relative/az' });
    });
    expect(readCleanupItems(state)).toEqual({ items: sessions, ignored: 3 });
  });

  it("ignores an item signed in another run: each main step's key is its own", () => {
    const mine = savedBy((log) => {
      log.record({ kind: 'path', path: '/tmp/keyless-abc' });
    });
    const theirs = savedBy((log) => {
      log.record({ kind: 'path', path: '/tmp/keyless-abc' });
      log.record({ kind: 'path', path: '/home/runner/work' });
    });
    expect(mine.STATE_keyless_key).toMatch(/^[0-9a-f]{64}$/);
    expect(mine.STATE_keyless_key).not.toBe(theirs.STATE_keyless_key);
    expect(readCleanupItems({ ...mine, STATE_keyless_001: theirs.STATE_keyless_001 ?? '' })).toMatchObject({ items: [{ path: '/tmp/keyless-abc' }], ignored: 1 });
  });

  it('trusts nothing when main saved no key', () => {
    const state = savedBy((log) => {
      log.record({ kind: 'path', path: '/tmp/keyless-abc' });
    });
    const withoutKey = Object.fromEntries(Object.entries(state).filter(([name]) => name !== 'STATE_keyless_key'));
    expect(readCleanupItems(withoutKey)).toEqual({ items: [], ignored: 1 });
  });
});

describe('revocation handles', () => {
  it('accepts https, and http on loopback only', () => {
    expect(parseHandle(handle)).toEqual(handle);
    expect(parseHandle({ ...handle, endpoint: 'http://127.0.0.1:8200' })).not.toBe(undefined);
    expect(parseHandle({ ...handle, endpoint: 'http://vault.example.com' })).toBe(undefined);
    expect(parseHandle({ ...handle, endpoint: 'https://user:pw@vault.example.com' })).toBe(undefined);
    expect(parseHandle({ ...handle, endpoint: 'file:///etc/passwd' })).toBe(undefined);
  });

  it('refuses secrets and fields of the wrong shape', () => {
    expect(parseHandle({ ...handle, token: 'short' })).toBe(undefined);
    expect(parseHandle({ ...handle, token: 'token with\nnewline' })).toBe(undefined);
    expect(parseHandle({ ...handle, namespace: '../x' })).toBe(undefined);
    expect(parseHandle({ ...handle, refresh: 42 })).toBe(undefined);
    expect(parseHandle({ endpoint: handle.endpoint })).toBe(undefined);
  });

  it("keeps a Vault's PEM material and gateway headers, and refuses them in any other shape", () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';
    const transport = { tls: { ca: pem, cert: pem, key: pem.replaceAll('CERTIFICATE', 'PRIVATE KEY') }, headers: { 'x-gateway-id': 'ci', 'x-empty': '' } };
    expect(parseHandle({ ...handle, ...transport })).toEqual({ ...handle, ...transport });
    for (const bad of [
      { tls: { ca: 'not pem' } },
      { tls: { passphrase: pem } },
      { tls: { ca: `${pem}\0` } },
      { tls: [pem] },
      { headers: { 'x-split': 'a\r\nInjected: b' } },
      { headers: { 'bad name': 'x' } },
      { headers: { 'x-count': 3 } },
      { headers: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`x-h${i}`, 'v'])) },
    ]) expect(parseHandle({ ...handle, ...bad }), JSON.stringify(bad).slice(0, 60)).toBe(undefined);
  });
});

describe('what post may delete', () => {
  // Real, as ownedPath answers: macOS's temporary folder is reached through a link (/var → /private/var).
  const temp = realpathSync(mkdtempSync(join(tmpdir(), 'runner-temp-')));
  mkdirSync(join(temp, 'keyless-abc'));
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  symlinkSync(outside, join(temp, 'keyless-link'));

  it('only what lies in a keyless-* entry directly under RUNNER_TEMP', () => {
    expect(ownedPath(join(temp, 'keyless-abc'), temp)).toBe(join(temp, 'keyless-abc'));
    expect(ownedPath(join(temp, 'keyless-abc', 'aws-credentials'), temp)).not.toBe(undefined);
    expect(ownedPath(join(temp, 'other'), temp)).toBe(undefined);
    expect(ownedPath(join(temp, 'keyless-abc', '..', '..', 'x'), temp)).toBe(undefined);
    expect(ownedPath(temp, temp)).toBe(undefined);
    expect(ownedPath(outside, temp)).toBe(undefined);
  });

  it('removes a link itself but never reaches through one', () => {
    expect(ownedPath(join(temp, 'keyless-link'), temp)).toBe(join(temp, 'keyless-link'));
    expect(ownedPath(join(temp, 'keyless-link', 'file'), temp)).toBe(undefined);
  });

  it('in the workspace, only what lies in a .keyless-* folder at its top (files: workspace)', () => {
    const workspace = realpathSync(mkdtempSync(join(tmpdir(), 'workspace-')));
    mkdirSync(join(workspace, '.keyless-abc'));
    mkdirSync(join(workspace, 'src', '.keyless-deep'), { recursive: true });
    const roots = { temp, workspace };
    expect(ownedPath(join(workspace, '.keyless-abc', 'config.json'), roots)).toBe(join(workspace, '.keyless-abc', 'config.json'));
    expect(ownedPath(join(workspace, 'keyless-abc'), roots)).toBe(undefined);
    expect(ownedPath(join(workspace, 'src', '.keyless-deep'), roots)).toBe(undefined);
    expect(ownedPath(join(workspace, 'src'), roots)).toBe(undefined);
    expect(ownedPath(join(temp, '.keyless-abc'), roots)).toBe(undefined);
    // Without a workspace root, nothing there is Keyless's.
    expect(ownedPath(join(workspace, '.keyless-abc', 'config.json'), temp)).toBe(undefined);
  });
});
