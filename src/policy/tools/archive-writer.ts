import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KeylessError } from '../../errors.js';

export interface ExtractLimits {
  /** Total bytes of the files an archive may unpack to (`max-extracted-bytes`). */
  maxBytes: number;
  /** Entries an archive may hold, folders and metadata records included (`max-entries`). */
  maxEntries: number;
}

export function refused(message: string, cause?: unknown): KeylessError {
  return new KeylessError('TOOL_UNVERIFIED', `the archive ${message}`, {
    hint: 'a tool archive holds only files and folders inside it, within max-extracted-bytes and max-entries; do not run this release',
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Where entries land, and the running totals the caps apply to. */
export class ArchiveWriter {
  #entries = 0;
  #bytes = 0;

  constructor(
    private readonly root: string,
    private readonly limits: ExtractLimits,
  ) {}

  /** Every record counts, including metadata records that create nothing. */
  countEntry(): void {
    if (++this.#entries > this.limits.maxEntries) throw refused(`holds more than ${this.limits.maxEntries} entries (max-entries)`);
  }

  countBytes(n: number): void {
    this.#bytes += n;
    if (this.#bytes > this.limits.maxBytes) throw refused(`unpacks to more than ${this.limits.maxBytes} bytes (max-extracted-bytes)`);
  }

  /** For a format that declares its sizes up front (zip): refuse before writing anything. */
  checkTotal(declared: number): void {
    if (declared > this.limits.maxBytes) throw refused(`declares more than ${this.limits.maxBytes} bytes (max-extracted-bytes)`);
  }

  dir(name: string, mode: number): void {
    this.countEntry();
    const parts = checkEntry(name, mode);
    if (parts.length > 0) mkdirSync(join(this.root, ...parts), { recursive: true, mode: 0o755 });
  }

  async file(name: string, mode: number, data: AsyncIterable<Buffer>): Promise<void> {
    this.countEntry();
    const parts = checkEntry(name, mode);
    if (parts.length === 0) throw refused(`has a file entry without a name`);
    const path = join(this.root, ...parts);
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
    // 'wx': a name that appears twice is refused rather than silently replaced.
    const fd = openSync(path, 'wx', mode & 0o111 ? 0o755 : 0o644);
    try {
      for await (const chunk of data) {
        this.countBytes(chunk.length);
        writeSync(fd, chunk);
      }
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * A part of a name that Windows reads as something else than a file of that name: a device (`CON`,
 * `NUL`, `COM1`… with any extension), a drive or an alternate data stream (`:`), a character it refuses,
 * or a trailing dot or space, which it strips (`.. ` would become `..`).
 */
const WINDOWS_UNSAFE = /[:<>"|?*\p{Cc}]|[. ]$|^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/iu;

/**
 * The entry's path below the root: never absolute, never climbing out, never a Windows path (`\` in a
 * name, `C:`, `\\server\share`), on every OS; never setuid or setgid. Where the archive is unpacked
 * on Windows, a part Windows would not take as a plain file name is refused too.
 */
export function checkEntry(name: string, mode: number, windows = process.platform === 'win32'): string[] {
  if (mode & 0o6000) throw refused(`entry ${JSON.stringify(name)} is setuid or setgid`);
  if (name.includes('\0') || name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) {
    throw refused(`entry ${JSON.stringify(name)} is an absolute or Windows path`);
  }
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw refused(`entry ${JSON.stringify(name)} points outside its folder`);
  if (windows && parts.some((part) => WINDOWS_UNSAFE.test(part))) throw refused(`entry ${JSON.stringify(name)} is not a plain file name on Windows`);
  return parts;
}
