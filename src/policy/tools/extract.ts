import { mkdirSync, rmSync } from 'node:fs';
import { KeylessError } from '../../errors.js';
import { removeOptions } from '../../os/fs-retry.js';
import { ArchiveWriter, type ExtractLimits, refused } from './archive-writer.js';
import { untar } from './untar.js';
import { unzip } from './unzip.js';

/**
 * Unpacks a verified archive into `target`, which must not exist yet. Only regular files and folders are
 * ever created, with modes 0644/0755 whatever the archive says: links, devices, FIFOs and setuid/setgid
 * entries are refused, as are absolute paths and `..`. The caps hold while unpacking, not after. On any
 * failure the folder is removed.
 *
 * Keyless reads the archive itself rather than running tar/unzip: one parser decides what is refused
 * and what is written (no listing that another program may read differently), nothing it writes can be
 * a link to write through, and the runner's tar/unzip flavour (GNU, bsd, none on Windows) does not matter.
 */
export async function extractArchive(archive: string, kind: 'tar.gz' | 'zip', target: string, limits: ExtractLimits): Promise<void> {
  mkdirSync(target, { mode: 0o755 });
  try {
    const writer = new ArchiveWriter(target, limits);
    await (kind === 'zip' ? unzip(archive, writer) : untar(archive, writer));
  } catch (error) {
    rmSync(target, removeOptions());
    if (error instanceof KeylessError) throw error;
    throw refused(`could not be unpacked (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, error);
  }
}
