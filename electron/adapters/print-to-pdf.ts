import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session, type Session } from 'electron';
import type { PdfPrinter, PdfPrintOptions } from '../pack/pdf-printer';

const INCHES_PER_MM = 1 / 25.4;

/**
 * The app's PdfPrinter: Electron's own Chromium prints the pack's HTML with
 * webContents.printToPDF, in a hidden, offscreen, sandboxed window with no
 * preload and JavaScript off.
 *
 * The HTML is written to a private temporary file and loaded from there, not
 * from a data: URL: Chromium caps URLs at 2 MB, and a pack with a few dozen
 * charts passes that. The window lives in its own in-memory session whose only
 * allowed request is that one file, so nothing else (least of all the network)
 * can be reached while it prints; the app's own session is untouched.
 */
export function electronPrinter(): PdfPrinter {
  let printSession: Session | null = null;
  const allowed = new Set<string>();

  const sessionForPrinting = (): Session => {
    if (printSession) return printSession;
    const created = session.fromPartition(`boardpack-print-${randomUUID()}`, { cache: false });
    created.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    created.setPermissionCheckHandler(() => false);
    created.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed.has(details.url) }));
    created.on('will-download', (event) => event.preventDefault());
    printSession = created;
    return created;
  };

  return {
    async print(html: string, options: PdfPrintOptions): Promise<Uint8Array> {
      const folder = await mkdtemp(join(tmpdir(), 'boardpack-print-'));
      const file = join(folder, 'pack.html');
      const url = pathToFileURL(file).href;
      const window = new BrowserWindow({
        show: false,
        width: 794,
        height: 1123,
        webPreferences: {
          session: sessionForPrinting(),
          offscreen: true,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
          webviewTag: false,
          spellcheck: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      try {
        await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
        allowed.add(url);
        await window.webContents.loadURL(url);
        const pdf = await window.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: options.headerTemplate,
          footerTemplate: options.footerTemplate,
          margins: {
            top: options.marginsMm.top * INCHES_PER_MM,
            bottom: options.marginsMm.bottom * INCHES_PER_MM,
            left: options.marginsMm.left * INCHES_PER_MM,
            right: options.marginsMm.right * INCHES_PER_MM,
          },
          generateTaggedPDF: options.tagged,
          generateDocumentOutline: options.outline,
          ...(options.pageRanges ? { pageRanges: options.pageRanges } : {}),
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        allowed.delete(url);
        if (!window.isDestroyed()) window.destroy();
        await rm(folder, { recursive: true, force: true });
      }
    },
    close(): Promise<void> {
      if (!printSession) return Promise.resolve();
      for (const window of BrowserWindow.getAllWindows()) {
        if (window.webContents.session === printSession && !window.isDestroyed()) window.destroy();
      }
      printSession = null;
      return Promise.resolve();
    },
  };
}
