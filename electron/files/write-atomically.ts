import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BoardpackError } from '../../shared/errors';

/**
 * Writes a file through a temporary file beside it and a rename, so an export
 * interrupted at any moment leaves either the old file or the whole new one at
 * `path`, never half of one. `what` names the file in the error ("the pack").
 */
export async function writeAtomically(path: string, content: string | Uint8Array, what: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new BoardpackError('io', `cannot write ${what}: ${(error as Error).message}`, { file: path });
  }
}
