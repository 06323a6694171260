import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { KeylessError } from '../errors.js';

export interface RegularFileLimits {
  maxBytes: number;
  /** What to do about a file that is not a regular file, or is too large. */
  hint: string;
  /** What to do about a file that cannot be opened (missing, dangling link, no permission). */
  unreadableHint: string;
}

/**
 * The bytes of a file from a place others can write to, refusing what is not a regular file of at most
 * `maxBytes`: a FIFO (opened non-blocking, so it cannot hang the step), a device such as /dev/zero, a
 * directory. The checks apply to what was opened, not to what the path named a moment before. Links are
 * followed: Kubernetes projects its token files as a link into a folder it swaps atomically on rotation.
 */
export function readRegularFile(path: string, limits: RegularFileLimits): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw unreadable(path, error, limits.unreadableHint);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new KeylessError('INPUT_INVALID', `${path} is not a regular file`, { hint: limits.hint });
    if (stat.size > limits.maxBytes) throw tooLarge(path, limits);
    const bytes = readFileSync(fd);
    // The file may have grown between fstat and read.
    if (bytes.length > limits.maxBytes) throw tooLarge(path, limits);
    return bytes;
  } catch (error) {
    throw error instanceof KeylessError ? error : unreadable(path, error, limits.unreadableHint);
  } finally {
    closeSync(fd);
  }
}

function unreadable(path: string, error: unknown, hint: string): KeylessError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return new KeylessError('INPUT_INVALID', `cannot read ${path} (${reason})`, { hint, cause: error });
}

function tooLarge(path: string, limits: RegularFileLimits): KeylessError {
  return new KeylessError('INPUT_TOO_LARGE', `${path} is larger than ${limits.maxBytes} bytes`, { hint: limits.hint });
}
