import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { KeylessError } from '../errors.js';

export interface RegularFileLimits {
  maxBytes: number;
  /** What to do about a file that is not a regular file, or is too large. */
  hint: string;
  /** What to do about a file that cannot be opened (missing, dangling link, no permission). */
  unreadableHint: string;
  /** Refuse a link rather than follow it (O_NOFOLLOW; Windows has no such flag). */
  noFollow?: boolean;
  /** How messages name the file, when not by `path` as given (a `/`-separated path, the input naming it). */
  shown?: string;
}

/**
 * The bytes of a file from a place others can write to, refusing what is not a regular file of at most
 * `maxBytes`: a FIFO (opened non-blocking, so it cannot hang the step), a device such as /dev/zero, a
 * directory. The checks apply to what was opened, not to what the path named a moment before. Links are
 * followed: Kubernetes projects its token files as a link into a folder it swaps atomically on rotation.
 */
export function readRegularFile(path: string, limits: RegularFileLimits): Buffer {
  const shown = limits.shown ?? path;
  let fd: number;
  try {
    // Windows has no O_NOFOLLOW: undefined, which `|` takes as 0.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (limits.noFollow === true ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    throw unreadable(shown, error, limits.unreadableHint);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new KeylessError('INPUT_INVALID', `${shown} is not a regular file`, { hint: limits.hint });
    if (stat.size > limits.maxBytes) throw tooLarge(shown, limits);
    return readAtMost(fd, stat.size, shown, limits);
  } catch (error) {
    throw error instanceof KeylessError ? error : unreadable(shown, error, limits.unreadableHint);
  } finally {
    closeSync(fd);
  }
}

/**
 * Never more than maxBytes + 1 bytes: a file may have grown since fstat, and a regular file of size 0 may
 * have no end a read would reach (/proc/self/pagemap spans the address space), which readFileSync would
 * read whole while the event loop, and every signal handler, waits. The first read asks for the size fstat
 * gave, plus one byte that shows whether the file grew.
 */
function readAtMost(fd: number, size: number, shown: string, limits: RegularFileLimits): Buffer {
  const chunks: Buffer[] = [];
  let length = 0;
  let want = size + 1;
  while (length <= limits.maxBytes) {
    const chunk = Buffer.allocUnsafe(Math.min(want, limits.maxBytes + 1 - length));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    length += n;
    want = 64 * 1024;
  }
  if (length > limits.maxBytes) throw tooLarge(shown, limits);
  return Buffer.concat(chunks, length);
}

function unreadable(shown: string, error: unknown, hint: string): KeylessError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return new KeylessError('INPUT_INVALID', `cannot read ${shown} (${reason})`, { hint, cause: error });
}

function tooLarge(shown: string, limits: RegularFileLimits): KeylessError {
  return new KeylessError('INPUT_TOO_LARGE', `${shown} is larger than ${limits.maxBytes} bytes`, { hint: limits.hint });
}
