import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BoardpackError } from '../../../shared/errors';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() && /\.csv$/i.test(entry.name) ? [path] : [];
  });
}

/**
 * The files to import from a path: the file itself, or from a folder (and its
 * subfolders, as police.uk's download unpacks: 2024-04/2024-04-force-street.csv)
 * every "-street.csv" file, or when there are none every ".csv" file; in path order.
 */
export function policeFiles(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new BoardpackError('not-found', `no such file or folder: ${path}`, { file: path });
  }
  if (!isDirectory) return [path];
  const all = walk(path).sort();
  const street = all.filter((file) => /-street\.csv$/i.test(file));
  const files = street.length > 0 ? street : all;
  if (files.length === 0)
    throw new BoardpackError('invalid-input', `no CSV files in the folder ${path}`, { file: path });
  return files;
}
