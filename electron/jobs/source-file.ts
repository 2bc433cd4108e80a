import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ImportSource } from '../../shared/imports';

export interface SourceFile {
  readonly path: string;
  /** Removes the temp copy of an upload; nothing for a file of the user's. */
  dispose(): void;
}

/** A file on this computer for an import source: the user's own path, or an upload written to a temp folder. */
export function sourceFile(source: ImportSource): SourceFile {
  if ('path' in source) return { path: source.path, dispose: () => {} };
  const folder = mkdtempSync(join(tmpdir(), 'boardpack-upload-'));
  const path = join(folder, basename(source.fileName).replace(/[^\w.\- ]/g, '_') || 'upload');
  writeFileSync(path, Buffer.from(source.base64, 'base64'));
  return { path, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}
