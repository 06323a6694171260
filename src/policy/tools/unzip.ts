import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { type ArchiveWriter, checkEntry, refused } from './archive-writer.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

interface Entry {
  name: string;
  /** Unix mode when the archive was made on Unix, else 0. */
  mode: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * Reads a zip from its central directory (the index every unzip trusts) and hands its files and folders
 * to the writer. Entries are checked and the declared sizes summed against the caps before anything is
 * written; each entry then inflates to no more than its declared size and must match its CRC-32.
 * Encrypted, multi-disk and zip64 archives are refused: tool releases do not need them.
 */
export async function unzip(archive: string, writer: ArchiveWriter): Promise<void> {
  const file = await open(archive, 'r');
  let entries: Entry[];
  try {
    entries = await centralDirectory(file, writer);
    for (const entry of entries) entry.offset = await dataOffset(file, entry);
  } finally {
    await file.close();
  }
  for (const entry of entries) {
    const type = entry.mode & S_IFMT;
    if (type === S_IFDIR || (type === 0 && entry.name.endsWith('/'))) writer.dir(entry.name, entry.mode);
    else await writer.file(entry.name, entry.mode, inflated(archive, entry));
  }
}

async function centralDirectory(file: FileHandle, writer: ArchiveWriter): Promise<Entry[]> {
  const { size } = await file.stat();
  const tail = await read(file, Math.max(0, size - 65_557), Math.min(size, 65_557));
  let at = tail.length - 22;
  while (at >= 0 && tail.readUInt32LE(at) !== EOCD) at--;
  if (at < 0) throw refused('is not a zip archive (no end of central directory)');
  const count = tail.readUInt16LE(at + 10);
  const length = tail.readUInt32LE(at + 12);
  const offset = tail.readUInt32LE(at + 16);
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw refused('spans several disks');
  if (count === 0xffff || length === 0xffffffff || offset === 0xffffffff) throw refused('is a zip64 archive, which Keyless does not unpack');
  if (offset + length > size) throw refused('has a central directory outside the file');
  const directory = await read(file, offset, length);
  const entries: Entry[] = [];
  let declared = 0;
  for (let p = 0; entries.length < count; ) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw refused('has a damaged central directory');
    writer.countEntry();
    const entry = centralEntry(directory, p);
    // Declared sizes are checked up front; inflating past its declared size fails the entry later.
    declared += entry.size;
    entries.push(entry);
    p += 46 + directory.readUInt16LE(p + 28) + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
  }
  writer.checkTotal(declared);
  return entries;
}

/** One central directory record, refused unless it is a plain file or folder this reader can inflate. */
function centralEntry(directory: Buffer, p: number): Entry {
  const flags = directory.readUInt16LE(p + 8);
  const nameLength = directory.readUInt16LE(p + 28);
  const name = directory.subarray(p + 46, p + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
  const unix = directory.readUInt8(p + 5) === 3;
  const entry: Entry = {
    name,
    mode: unix ? directory.readUInt32LE(p + 38) >>> 16 : 0,
    method: directory.readUInt16LE(p + 10),
    crc: directory.readUInt32LE(p + 16),
    compressedSize: directory.readUInt32LE(p + 20),
    size: directory.readUInt32LE(p + 24),
    offset: directory.readUInt32LE(p + 42),
  };
  checkEntry(name, entry.mode);
  const type = entry.mode & S_IFMT;
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) throw refused(`entry ${JSON.stringify(name)} is ${type === 0o120000 ? 'a symbolic link' : 'not a file or folder'}`);
  if (flags & 0x1) throw refused(`entry ${JSON.stringify(name)} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw refused(`entry ${JSON.stringify(name)} uses compression method ${entry.method}, not stored or deflate`);
  if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) throw refused('is a zip64 archive, which Keyless does not unpack');
  return entry;
}

/** Where an entry's data starts: after its local header, whose name and extra field may differ in length. */
async function dataOffset(file: FileHandle, entry: Entry): Promise<number> {
  const header = await read(file, entry.offset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw refused(`entry ${JSON.stringify(entry.name)} has no local header`);
  return entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

async function* inflated(archive: string, entry: Entry): AsyncGenerator<Buffer> {
  if (entry.compressedSize === 0 && entry.size === 0) return;
  const raw = createReadStream(archive, { start: entry.offset, end: entry.offset + entry.compressedSize - 1 });
  const source = entry.method === 8 ? pipeline(raw, createInflateRaw(), () => undefined) : raw;
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > entry.size) throw refused(`entry ${JSON.stringify(entry.name)} unpacks to more than the ${entry.size} bytes it declares`);
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } finally {
    source.destroy();
  }
  if (size !== entry.size || crc !== entry.crc) throw refused(`entry ${JSON.stringify(entry.name)} is damaged (size or CRC-32 does not match)`);
}

async function read(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
