import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../../src/errors.js';
import { extractArchive } from '../../../../src/policy/tools/extract.js';

// Real archives, made by the system tar and zip from real files, links and modes on disk. A Windows disk
// keeps no setuid bit or device, and links there are not what a Unix tar records: extract-crafted.test.ts
// covers those refusals on every OS.
const hasZip = spawnSync('zip', ['-v']).status === 0;
/** GNU tar calls its own format `gnu`; bsdtar (macOS, Windows' tar.exe) calls it `gnutar`. */
const gnuFormat = spawnSync('tar', ['--version']).stdout.toString().includes('GNU tar') ? 'gnu' : 'gnutar';
const posixDisk = process.platform !== 'win32';
const limits = { maxBytes: 1024 * 1024, maxEntries: 100 };

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'keyless-extract-'));
}

/** A folder `src` filled by `fill`, archived as tar.gz or zip with the given extra flags. */
function archive(kind: 'tar.gz' | 'zip', fill: (src: string) => void, args = ['.']): { archive: string; dir: string } {
  const dir = scratch();
  const src = join(dir, 'src');
  mkdirSync(src);
  fill(src);
  const name = kind === 'zip' ? 'tool.zip' : 'tool.tar.gz';
  // Relative, so GNU tar on Windows does not read `C:` as a remote host.
  const run = kind === 'zip' ? spawnSync('zip', ['-q', '-r', '-y', join('..', name), ...args], { cwd: src }) : spawnSync('tar', ['-czf', join('..', name), ...args], { cwd: src });
  expect(run.status, run.stderr.toString()).toBe(0);
  return { archive: join(dir, name), dir };
}

async function refusal(path: string, kind: 'tar.gz' | 'zip', target: string, caps = limits): Promise<string> {
  const error = await extractArchive(path, kind, target, caps).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KeylessError);
  expect((error as KeylessError).code).toBe('TOOL_UNVERIFIED');
  // The half-made folder goes with the refusal.
  expect(existsSync(target)).toBe(false);
  return (error as KeylessError).message;
}

const tool = (src: string) => {
  mkdirSync(join(src, 'bin'));
  writeFileSync(join(src, 'bin', 'tool'), '#!/bin/sh\necho tool\n');
  chmodSync(join(src, 'bin', 'tool'), 0o755);
  writeFileSync(join(src, 'README'), 'read me\n');
};

describe.runIf(hasZip)('extractArchive (zip only)', () => {
  it('refuses an entry that inflates past the size it declares', async () => {
    const { archive: path, dir } = archive('zip', (src) => {
      writeFileSync(join(src, 'big'), Buffer.alloc(64 * 1024));
    });
    const bytes = readFileSync(path);
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(1000, central + 24);
    writeFileSync(path, bytes);
    expect(await refusal(path, 'zip', join(dir, 'out'))).toContain('unpacks to more than the 1000 bytes it declares');
  });
});

const kinds: ('tar.gz' | 'zip')[] = hasZip ? ['tar.gz', 'zip'] : ['tar.gz'];

describe.each(kinds)('extractArchive (%s)', (kind) => {
  it('unpacks files and folders with plain modes, the executable bit kept', async () => {
    const { archive: path, dir } = archive(kind, tool);
    const target = join(dir, 'out');
    await extractArchive(path, kind, target, limits);
    expect(readFileSync(join(target, 'bin', 'tool'), 'utf8')).toBe('#!/bin/sh\necho tool\n');
    // Windows keeps no executable bit to check.
    if (posixDisk) {
      expect(statSync(join(target, 'bin', 'tool')).mode & 0o7111).toBe(0o111);
      expect(statSync(join(target, 'README')).mode & 0o7111).toBe(0);
    }
  });

  it.runIf(posixDisk)('refuses a symbolic link pointing outside, before writing through it', async () => {
    const outside = scratch();
    const { archive: path, dir } = archive(kind, (src) => {
      tool(src);
      symlinkSync(outside, join(src, 'escape'));
    });
    expect(await refusal(path, kind, join(dir, 'out'))).toMatch(/entry "(\.\/)?escape" is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it.runIf(posixDisk)('refuses a setuid file', async () => {
    const { archive: path, dir } = archive(kind, (src) => {
      tool(src);
      chmodSync(join(src, 'bin', 'tool'), 0o4755);
    });
    expect(await refusal(path, kind, join(dir, 'out'))).toContain('is setuid or setgid');
  });

  it.runIf(posixDisk)('refuses a setgid folder', async () => {
    const { archive: path, dir } = archive(kind, (src) => {
      tool(src);
      chmodSync(join(src, 'bin'), 0o2755);
    });
    expect(await refusal(path, kind, join(dir, 'out'))).toContain('is setuid or setgid');
  });

  it('refuses an entry whose path climbs out with ../', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'src', 'aa'), { recursive: true });
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'src', 'aa', 'evil'), 'evil\n');
    const path = join(dir, `tool.${kind}`);
    if (kind === 'zip') {
      spawnSync('zip', ['-q', path, 'aa/evil'], { cwd: join(dir, 'src') });
      // The same archive with the entry renamed in place (same length), as an attacker would write it.
      writeFileSync(path, Buffer.from(readFileSync(path).toString('latin1').replaceAll('aa/evil', '../evil'), 'latin1'));
    } else {
      spawnSync('tar', ['-czPf', join('..', '..', `tool.${kind}`), '../aa/evil'], { cwd: join(dir, 'src', 'aa') });
    }
    expect(await refusal(path, kind, join(dir, 'x', 'out'))).toContain('points outside its folder');
    expect(existsSync(join(dir, 'x', 'evil'))).toBe(false);
    expect(existsSync(join(dir, 'x', 'aa'))).toBe(false);
  });

  it('refuses an archive over the byte cap before writing past it', async () => {
    const { archive: path, dir } = archive(kind, (src) => {
      writeFileSync(join(src, 'big'), Buffer.alloc(4 * 1024 * 1024));
    });
    expect(await refusal(path, kind, join(dir, 'out'))).toContain(`more than ${limits.maxBytes} bytes (max-extracted-bytes)`);
  });

  it('refuses an archive over the entry cap', async () => {
    const { archive: path, dir } = archive(kind, (src) => {
      for (let i = 0; i < 20; i++) writeFileSync(join(src, `f${i}`), `${i}\n`);
    });
    expect(await refusal(path, kind, join(dir, 'out'), { ...limits, maxEntries: 10 })).toContain('more than 10 entries (max-entries)');
  });
});

describe('extractArchive (tar.gz only)', () => {
  it.each([gnuFormat, 'posix', 'ustar'])('reads long names in the %s format', async (format) => {
    const long = `${'d'.repeat(60)}/${'e'.repeat(60)}/tool`;
    const { archive: path, dir } = archive('tar.gz', (src) => {
      mkdirSync(join(src, dirname(long)), { recursive: true });
      writeFileSync(join(src, long), 'long\n');
    }, [`--format=${format}`, '.']);
    await extractArchive(path, 'tar.gz', join(dir, 'out'), limits);
    expect(readFileSync(join(dir, 'out', long), 'utf8')).toBe('long\n');
  });

  it.runIf(posixDisk)('refuses a hard link', async () => {
    const { archive: path, dir } = archive('tar.gz', (src) => {
      tool(src);
      linkSync(join(src, 'README'), join(src, 'LINK'));
    });
    expect(await refusal(path, 'tar.gz', join(dir, 'out'))).toContain('is a hard link');
  });

  it.runIf(posixDisk)('refuses a device', async () => {
    const { archive: path, dir } = archive('tar.gz', () => undefined, ['-C', '/dev', 'null']);
    expect(await refusal(path, 'tar.gz', join(dir, 'out'))).toContain('"null" is a character device');
  });

  it('refuses what is not a gzip-compressed tar, with a coded error', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'junk.tar.gz'), 'not an archive');
    expect(await refusal(join(dir, 'junk.tar.gz'), 'tar.gz', join(dir, 'out'))).toContain('could not be unpacked');
    expect(lstatSync(dir).isDirectory()).toBe(true);
  });
});
