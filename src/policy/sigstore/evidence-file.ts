import { readRegularFile } from '../../os/regular-file.js';

/**
 * Caps on the files that carry signature evidence, which a pull request can commit as anything: a FIFO, a
 * link to /dev/zero, gigabytes. A bundle is kilobytes (tens with a long chain and its log proofs), a trusted
 * root a few, a PEM public key under 1 KiB even for RSA-4096.
 */
const LIMITS = {
  bundle: { bytes: 10 * 1024 * 1024, shown: '10 MiB' },
  'trusted root': { bytes: 10 * 1024 * 1024, shown: '10 MiB' },
  key: { bytes: 64 * 1024, shown: '64 KiB' },
} as const;

export type Evidence = keyof typeof LIMITS;

/**
 * The bytes of a bundle, trusted root or key file, refused with INPUT_INVALID or INPUT_TOO_LARGE unless it
 * is a regular file within its cap (see readRegularFile: opened non-blocking, so a FIFO cannot hang the
 * step). `where` says what the file should be and where it is named; `shown` is how messages name it.
 */
export function readEvidence(path: string, kind: Evidence, where: string, shown = path): Buffer {
  const limit = LIMITS[kind];
  return readRegularFile(path, { maxBytes: limit.bytes, hint: `a ${kind} is a regular file of at most ${limit.shown}; ${where}`, unreadableHint: where, shown });
}
