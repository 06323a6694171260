import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeOptions, retryBusy } from '../../../src/os/fs-retry.js';

/** An fs failure as Node raises it. */
function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: operation failed`), { code });
}

/** An operation that fails with `codes` in turn, then runs `then`. */
function failing<T>(codes: string[], then: () => T) {
  const calls = { count: 0 };
  const operation = () => {
    const code = codes[calls.count++];
    if (code !== undefined) throw fsError(code);
    return then();
  };
  return { operation, calls };
}

describe('retryBusy', () => {
  it('on Windows, retries a rename while the file is held, then lets it happen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyless-retry-'));
    writeFileSync(join(dir, 'new'), 'fresh');
    writeFileSync(join(dir, 'old'), 'stale');
    const pauses: number[] = [];
    const { operation, calls } = failing(['EPERM', 'EBUSY', 'EACCES'], () => renameSync(join(dir, 'new'), join(dir, 'old')));
    retryBusy(operation, { platform: 'win32', pause: (ms) => pauses.push(ms) });
    expect(calls.count).toBe(4);
    expect(pauses).toHaveLength(3);
    expect(readFileSync(join(dir, 'old'), 'utf8')).toBe('fresh');
  });

  it('returns what the operation returns, after its own short pause', () => {
    const { operation } = failing(['EBUSY'], () => 42);
    expect(retryBusy(operation, { platform: 'win32' })).toBe(42);
  });

  it('gives up after the last try, with the last error', () => {
    const { operation, calls } = failing(['EBUSY', 'EBUSY', 'EBUSY', 'EPERM', 'EACCES', 'EBUSY'], () => 'never');
    expect(() => retryBusy(operation, { platform: 'win32', pause: () => undefined })).toThrow(/^EACCES/);
    expect(calls.count).toBe(5);
  });

  it('does not retry elsewhere, where these codes mean what they say', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const { operation, calls } = failing(['EPERM'], () => 'never');
      expect(() => retryBusy(operation, { platform, pause: () => undefined })).toThrow(/^EPERM/);
      expect(calls.count).toBe(1);
    }
  });

  it('does not retry an error that waiting cannot fix', () => {
    for (const code of ['ENOENT', 'EEXIST', 'EXDEV']) {
      const { operation, calls } = failing([code], () => 'never');
      expect(() => retryBusy(operation, { platform: 'win32', pause: () => undefined })).toThrow(code);
      expect(calls.count).toBe(1);
    }
    const plain = failing([], () => {
      throw new Error('not an fs error');
    });
    expect(() => retryBusy(plain.operation, { platform: 'win32', pause: () => undefined })).toThrow('not an fs error');
    expect(plain.calls.count).toBe(1);
  });
});

describe('removeOptions', () => {
  it("asks rmSync for its own retries on Windows only, always recursive (Node ignores them otherwise)", () => {
    expect(removeOptions('win32')).toMatchObject({ recursive: true, force: true, maxRetries: 4 });
    expect(removeOptions('linux')).toMatchObject({ recursive: true, force: true, maxRetries: 0 });
  });
});
