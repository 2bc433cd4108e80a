import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { BoardpackError } from '../../../shared/errors';

/**
 * A chart's SVG as a PNG for the Word file, drawn by resvg in Node at twice the
 * chart's size so it prints crisply. resvg draws text only in fonts it is given:
 * Liberation Sans (metric-compatible with Arial, the charts' first font) from
 * Debian's fonts-liberation, and no system font lookup, so every machine draws
 * the same picture.
 */

const FONT_FOLDERS = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation'];
const FONT_FACES = ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((face) => `LiberationSans-${face}.ttf`);

export const CHART_SCALE = 2;

let fontFiles: readonly string[] | undefined;

/** Liberation Sans's four faces, from the first folder that has them all. */
export function chartFontFiles(folders: readonly string[] = FONT_FOLDERS): readonly string[] {
  const usual = folders === FONT_FOLDERS;
  if (usual && fontFiles) return fontFiles;
  for (const folder of folders) {
    const files = FONT_FACES.map((face) => join(folder, face));
    if (files.every((file) => existsSync(file))) {
      if (usual) fontFiles = files;
      return files;
    }
  }
  throw new BoardpackError(
    'io',
    `Charts in the Word file need the Liberation Sans fonts (Debian's fonts-liberation), not found in ${folders.join(' or ')}`,
  );
}

/** The SVG drawn at CHART_SCALE times its own width, as PNG bytes (drawn off the main thread, by libuv's pool). */
export async function chartPng(svg: string, width: number): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.round(width * CHART_SCALE) },
    background: '#ffffff',
    font: { fontFiles: [...chartFontFiles()], loadSystemFonts: false, defaultFontFamily: 'Liberation Sans' },
  });
  return image.asPng();
}
