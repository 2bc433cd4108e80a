import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Draws the app icons from resources/icons/icon.svg: PNGs at the sizes Linux
 * desktops look for (NxN.png, electron-builder's naming), icon.png (512, for
 * macOS and the window) and icon.ico (Windows: PNG entries, read since Vista).
 * Needs `rsvg-convert` (Debian: librsvg2-bin). The results are committed, so
 * neither the build nor the tests run this.
 */

const ICONS = fileURLToPath(new URL('../../resources/icons/', import.meta.url));
const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
const ICO_SIZES = [16, 32, 48, 256] as const;

/** An .ico file holding PNG images, each given with its square size. */
export function icoFromPngs(images: readonly { readonly size: number; readonly png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

function renderPng(size: number): Buffer {
  return execFileSync('rsvg-convert', ['--width', String(size), '--height', String(size), join(ICONS, 'icon.svg')]);
}

export function makeIcons(): string[] {
  const written: string[] = [];
  const pngs = new Map<number, Buffer>();
  for (const size of PNG_SIZES) {
    const png = renderPng(size);
    pngs.set(size, png);
    const path = join(ICONS, `${size}x${size}.png`);
    writeFileSync(path, png);
    written.push(path);
  }
  writeFileSync(join(ICONS, 'icon.png'), readFileSync(join(ICONS, '512x512.png')));
  writeFileSync(
    join(ICONS, 'icon.ico'),
    icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) ?? renderPng(size) }))),
  );
  written.push(join(ICONS, 'icon.png'), join(ICONS, 'icon.ico'));
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of makeIcons()) process.stdout.write(`wrote ${path}\n`);
}
