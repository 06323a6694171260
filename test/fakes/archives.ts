import { crc32, gzipSync } from 'node:zlib';

// Archives written byte by byte, as an attacker would: any name, type and mode, whatever the host's file
// system can hold (a `..\evil` entry, a device, a setuid file on Windows), without a system tar or zip.

export interface CraftedEntry {
  name: string;
  /** Unix mode bits; 0o644 (files) or 0o755 (folders) when absent. A zip takes type bits too (0o120777). */
  mode?: number;
  /** Tar type flag ('0' file, '5' folder, '2' symbolic link, '3' device…); a zip entry is a folder when it ends in `/`. */
  type?: string;
  data?: string | Buffer;
  linkname?: string;
}

/** A gzip-compressed ustar archive. Names must fit the 100-byte name field. */
export function craftTarGz(entries: readonly CraftedEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const type = entry.type ?? '0';
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '');
    const header = Buffer.alloc(512);
    const put = (text: string, at: number, length: number) => header.write(text, at, length, 'utf8');
    const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0');
    put(entry.name, 0, 100);
    put(octal(entry.mode ?? (type === '5' ? 0o755 : 0o644), 8), 100, 8);
    put(octal(0, 8), 108, 8);
    put(octal(0, 8), 116, 8);
    put(octal(type === '0' ? data.length : 0, 12), 124, 12);
    put(octal(0, 12), 136, 12);
    put(type, 156, 1);
    put(entry.linkname ?? '', 157, 100);
    put('ustar\u000000', 257, 8);
    header.fill(0x20, 148, 156);
    const sum = header.reduce((total, byte) => total + byte, 0);
    put(`${octal(sum, 7)}\u0000 `, 148, 8);
    blocks.push(header);
    if (type === '0' && data.length > 0) blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** A zip of stored (uncompressed) entries, made on Unix (version made by 3) so each carries its mode. */
export function craftZip(entries: readonly CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '');
    const folder = entry.name.endsWith('/');
    // A mode with its own type bits (0o120777, a link) is written as given.
    const bits = entry.mode ?? (folder ? 0o755 : 0o644);
    const mode = bits & 0o170000 ? bits : (folder ? 0o040000 : 0o100000) | bits;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(mode * 0x10000, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
