import { statSync } from 'node:fs';
import { BoardpackError } from '../../../shared/errors';

/** The size of a file to import, or an error naming it when it is missing or not a file. */
export function fileSize(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new BoardpackError('not-found', `no such file: ${path}`, { file: path });
  }
  if (!stat.isFile()) throw new BoardpackError('invalid-input', `${path} is not a file`, { file: path });
  return stat.size;
}
