import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BoardpackError } from '../../shared/errors';

/**
 * Writes a file through a temporary file beside it and a rename, so an export
 * interrupted at any moment leaves either the old file or the whole new one at
 * `path`, never half of one. `what` names the file in the error ("the pack").
 * A full disk (ENOSPC), or a file larger than the disk or the system allows
 * (EFBIG), says so: nothing was written.
 */
export async function writeAtomically(path: string, content: string | Uint8Array, what: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOSPC' || code === 'EFBIG'
        ? 'the disk is full (or the file is larger than it allows): nothing was written'
        : (error as Error).message;
    throw new BoardpackError('io', `cannot write ${what}: ${reason}`, { file: path });
  }
}
