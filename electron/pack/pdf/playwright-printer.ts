import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BoardpackError } from '../../../shared/errors';
import type { PdfPrinter, PdfPrintOptions } from '../pdf-printer';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './debian-chromium';

const mm = (value: number): string => `${value}mm`;

/**
 * Prints with playwright-core driving Debian's Chromium: the preview server,
 * the command line and the tests. One browser, launched on the first print and
 * reused until close(). Pages print in a context with scripts off and every
 * request refused, so the pack's HTML prints exactly as it stands. A page that
 * printed is kept for the next print (opening a context costs a few hundred
 * milliseconds, and a pack's PDF prints twice); prints at the same time each
 * get their own, and a page whose print failed is closed, not kept.
 */
export function playwrightPrinter(executablePath: string = CHROMIUM_PATH): PdfPrinter {
  let launched: Promise<Browser> | null = null;
  let spare: Page | null = null;

  const browser = (): Promise<Browser> => {
    if (!existsSync(executablePath)) {
      return Promise.reject(
        new BoardpackError(
          'io',
          `PDF export needs Chromium, and there is none at ${executablePath}: install Debian's chromium package ` +
            '(sudo apt-get install -y chromium fonts-liberation), or set BOARDPACK_CHROMIUM to a Chromium binary',
        ),
      );
    }
    if (!launched) {
      const starting = chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
      launched = starting;
      starting.then(
        (running) => running.on('disconnected', () => (launched = launched === starting ? null : launched)),
        () => (launched = launched === starting ? null : launched),
      );
    }
    return launched;
  };

  const openPage = async (): Promise<Page> => {
    const context = await (await browser()).newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort());
      return await context.newPage();
    } catch (error) {
      await context.close();
      throw error;
    }
  };

  /** Closes the page's context; a browser already gone has closed it. */
  const discard = (page: Page): Promise<void> =>
    page
      .context()
      .close()
      .catch(() => undefined);

  const takePage = (): Promise<Page> => {
    const kept = spare;
    spare = null;
    return kept && !kept.isClosed() ? Promise.resolve(kept) : openPage();
  };

  return {
    async print(html: string, options: PdfPrintOptions): Promise<Uint8Array> {
      const page = await takePage();
      let printed = false;
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: options.headerTemplate,
          footerTemplate: options.footerTemplate,
          margin: {
            top: mm(options.marginsMm.top),
            bottom: mm(options.marginsMm.bottom),
            left: mm(options.marginsMm.left),
            right: mm(options.marginsMm.right),
          },
          tagged: options.tagged,
          outline: options.outline,
          ...(options.pageRanges ? { pageRanges: options.pageRanges } : {}),
        });
        printed = true;
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        if (printed && spare === null && launched !== null) spare = page;
        else await discard(page);
      }
    },
    async close(): Promise<void> {
      const running = launched;
      launched = null;
      spare = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
