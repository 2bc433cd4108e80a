import type { ImportSource } from '../../../shared/imports';

/** Files chosen for an import: what the import reads, and the names to show. `key` changes with every choice. */
export interface ChosenFiles {
  readonly key: number;
  readonly names: readonly string[];
  readonly sources: readonly ImportSource[];
}

let nextKey = 1;

/** Paths chosen in the desktop app's native dialog: read where they are, whatever their size. */
export function chosenPaths(paths: readonly string[], names: readonly string[]): ChosenFiles {
  return { key: nextKey++, names, sources: paths.map((path) => ({ path })) };
}

/** A file's bytes as base64, without a data: URL's prefix. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Files picked in the browser preview, uploaded with the call (at most 64 MB in all). */
export async function chosenUploads(files: readonly File[]): Promise<ChosenFiles> {
  const sources = await Promise.all(files.map(async (file) => ({ fileName: file.name, base64: await base64Of(file) })));
  return { key: nextKey++, names: files.map((file) => file.name), sources };
}

/** "1,234,567" */
export const wholeNumber = (value: number): string => Math.round(value).toLocaleString('en-GB');

/** "about 3 s left", "about 2 min left" */
export function timeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
