import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type ArchiveWriter, refused } from './archive-writer.js';

const BLOCK = 512;
/** A pax or GNU long-name record is a few hundred bytes; a larger one is an attack on memory. */
const MAX_META = 64 * 1024;

/**
 * Reads a gzip-compressed tar (ustar, pax, GNU long names) as a stream and hands its files and folders
 * to the writer. Every other record type (hard and symbolic links, devices, FIFOs, sparse files) is
 * refused. Decompression goes no faster than the writer consumes, so the caps bound the work too.
 */
export async function untar(archive: string, writer: ArchiveWriter): Promise<void> {
  const gunzip = pipeline(createReadStream(archive), createGunzip(), () => undefined);
  const reader = new Reader(gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  try {
    let meta: { path?: string; size?: number } = {};
    for (;;) {
      const header = await reader.exactly(BLOCK);
      if (header.every((byte) => byte === 0)) return;
      checkChecksum(header);
      const type = String.fromCharCode(header[156] ?? 0);
      const size = meta.size ?? octal(header.subarray(124, 136));
      const name = meta.path ?? headerName(header);
      const mode = octal(header.subarray(100, 108));
      meta = {};
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (type === 'x' || type === 'g' || type === 'L') {
        writer.countEntry();
        if (size > MAX_META) throw refused(`has a ${size}-byte metadata record`);
        writer.countBytes(size);
        const body = await reader.exactly(size);
        // A global pax record describes the archive, not the next entry.
        if (type === 'x') meta = pax(body);
        if (type === 'L') meta = { path: body.toString('utf8').replace(/\0.*$/s, '') };
      } else if (type === '5') {
        if (size !== 0) throw refused(`folder entry ${JSON.stringify(name)} carries data`);
        writer.dir(name, mode);
      } else if (type === '0' || type === '\0' || type === '7') {
        await writer.file(name, mode, reader.chunks(size));
      } else {
        throw refused(`entry ${JSON.stringify(name)} is ${KINDS[type] ?? `of tar type ${JSON.stringify(type)}`}, not a file or folder`);
      }
      await reader.exactly(padding);
    }
  } finally {
    gunzip.destroy();
  }
}

const KINDS: Record<string, string> = { '1': 'a hard link', '2': 'a symbolic link', '3': 'a character device', '4': 'a block device', '6': 'a FIFO', K: 'a link', S: 'a sparse file' };

function headerName(header: Buffer): string {
  const name = text(header.subarray(0, 100));
  // POSIX ustar splits long names into prefix/name; GNU tar keeps other fields where the prefix would be.
  const ustar = header.subarray(257, 263).toString('latin1') === 'ustar\0';
  const prefix = ustar ? text(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** Octal digits, or GNU's base-256 form for sizes of 8 GiB and more (far above any cap). */
function octal(field: Buffer): number {
  if ((field[0] ?? 0) & 0x80) throw refused('has an entry of 8 GiB or more');
  const digits = text(field).trim();
  if (!/^[0-7]*$/.test(digits)) throw refused('is not a tar archive (a header field is not octal)');
  return digits === '' ? 0 : parseInt(digits, 8);
}

function checkChecksum(header: Buffer): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  if (sum !== octal(header.subarray(148, 156))) throw refused('is not a tar archive (a header checksum does not match)');
}

/** The `path` and `size` of a pax extended header (`LEN key=value\n` records). */
function pax(body: Buffer): { path?: string; size?: number } {
  const out: { path?: string; size?: number } = {};
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const length = Number(body.subarray(at, space).toString('latin1'));
    if (space < 0 || !Number.isSafeInteger(length) || length <= space - at || at + length > body.length) throw refused('has a malformed pax header');
    const record = body.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq < 0) throw refused('has a malformed pax header');
    const [key, value] = [record.slice(0, eq), record.slice(eq + 1)];
    if (key === 'path') out.path = value;
    if (key === 'size') {
      if (!/^\d{1,15}$/.test(value)) throw refused('has a malformed pax size');
      out.size = Number(value);
    }
    if (key.startsWith('GNU.sparse')) throw refused('holds a sparse file');
    at += length;
  }
  return out;
}

function text(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
}

/** Exact reads over a stream of chunks of any size. */
class Reader {
  #pending: Buffer = Buffer.alloc(0);

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  async exactly(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.chunks(n)) parts.push(part);
    return Buffer.concat(parts);
  }

  async *chunks(n: number): AsyncGenerator<Buffer> {
    for (let left = n; left > 0; ) {
      while (this.#pending.length === 0) {
        const next = await this.source.next();
        if (next.done === true) throw refused('ends in the middle of an entry');
        this.#pending = next.value;
      }
      const part = this.#pending.subarray(0, left);
      this.#pending = this.#pending.subarray(part.length);
      left -= part.length;
      yield part;
    }
  }
}
