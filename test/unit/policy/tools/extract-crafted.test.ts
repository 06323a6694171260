import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../../src/errors.js';
import { checkEntry } from '../../../../src/policy/tools/archive-writer.js';
import { extractArchive } from '../../../../src/policy/tools/extract.js';
import { type CraftedEntry, craftTarGz, craftZip } from '../../../fakes/archives.js';

// Archives crafted byte by byte, so every case runs on every OS: names no file system here could hold,
// types and modes Windows cannot make on disk.

const limits = { maxBytes: 1024 * 1024, maxEntries: 100 };
const kinds = ['tar.gz', 'zip'] as const;

/** The archive written into a fresh folder, and the folder it must unpack into (`out`, beside it). */
function crafted(kind: (typeof kinds)[number], entries: readonly CraftedEntry[]) {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-crafted-'));
  const archive = join(dir, `tool.${kind}`);
  writeFileSync(archive, kind === 'zip' ? craftZip(entries) : craftTarGz(entries));
  return { dir, archive, target: join(dir, 'out') };
}

async function refusal(kind: (typeof kinds)[number], entries: readonly CraftedEntry[]): Promise<string> {
  const { dir, archive, target } = crafted(kind, entries);
  const error = await extractArchive(archive, kind, target, limits).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KeylessError);
  expect((error as KeylessError).code).toBe('TOOL_UNVERIFIED');
  // Nothing is left behind, inside the target or beside it.
  expect(readdirSync(dir)).toEqual([`tool.${kind}`]);
  return (error as KeylessError).message;
}

describe.each(kinds)('extractArchive of a crafted %s', (kind) => {
  it('unpacks plain files and folders', async () => {
    const { archive, target } = crafted(kind, [{ name: 'bin/', type: '5' }, { name: 'bin/tool', mode: 0o755, data: 'tool\n' }, { name: 'README', data: 'read me\n' }]);
    await extractArchive(archive, kind, target, limits);
    expect(readFileSync(join(target, 'bin', 'tool'), 'utf8')).toBe('tool\n');
    expect(readFileSync(join(target, 'README'), 'utf8')).toBe('read me\n');
  });

  it.each([
    ['..\\evil', 'an absolute or Windows path'],
    ['bin\\..\\..\\evil', 'an absolute or Windows path'],
    ['C:\\evil', 'an absolute or Windows path'],
    ['C:evil', 'an absolute or Windows path'],
    ['c:/evil', 'an absolute or Windows path'],
    ['\\\\server\\share\\evil', 'an absolute or Windows path'],
    ['//server/share/evil', 'an absolute or Windows path'],
    ['/etc/evil', 'an absolute or Windows path'],
    ['../evil', 'points outside its folder'],
    ['bin/../../evil', 'points outside its folder'],
  ])('refuses the entry %j on every OS, writing nothing', async (name, reason) => {
    expect(await refusal(kind, [{ name: 'README', data: 'x' }, { name, data: 'evil\n' }])).toContain(reason);
  });

  it('refuses a setuid file, whatever the host can set', async () => {
    expect(await refusal(kind, [{ name: 'tool', mode: 0o4755, data: 'x' }])).toContain('is setuid or setgid');
  });
});

describe('extractArchive of a crafted tar.gz', () => {
  it.each([
    ['2', 'a symbolic link'],
    ['1', 'a hard link'],
    ['3', 'a character device'],
    ['6', 'a FIFO'],
  ])('refuses an entry of type %s (%s)', async (type, what) => {
    expect(await refusal('tar.gz', [{ name: 'escape', type, linkname: '../../outside' }])).toContain(`is ${what}`);
  });
});

describe('extractArchive of a crafted zip', () => {
  it('refuses a symbolic link', async () => {
    expect(await refusal('zip', [{ name: 'escape', mode: 0o120777, data: '../../outside' }])).toContain('is a symbolic link');
  });
});

describe('checkEntry where the archive is unpacked on Windows', () => {
  const names = ['CON', 'nul.txt', 'bin/Aux.exe', 'COM1', 'lpt9.log', 'CONIN$', 'tool.exe:stream', 'bin/a:b', 'evil.', '.. ', 'bin/... /x', 'a|b', 'tab\there'];

  it.each(names)('refuses %j, which Windows would not take as a plain file name', (name) => {
    expect(() => checkEntry(name, 0o644, true)).toThrow(/not a plain file name on Windows/);
  });

  it('takes the same names elsewhere, where they are plain names', () => {
    for (const name of names) expect(checkEntry(name, 0o644, false), name).toEqual(name.split('/'));
  });

  it('takes the names tool archives hold', () => {
    for (const name of ['bin/tool.exe', 'console.txt', 'LICENSE', 'a.b.c', 'com10', '.config/x', 'nul-test']) {
      expect(checkEntry(name, 0o644, true), name).toEqual(name.split('/'));
    }
  });
});
