/**
 * Prints an HTML document to PDF with Chromium: Electron's printToPDF in the
 * app (electron/adapters/), playwright-core's Chromium in the preview, on the
 * command line and in tests. The pack's PDF export is written against this
 * interface only.
 */
export interface PdfPrintOptions {
  /** Chromium's header and footer templates (its pageNumber / totalPages classes fill in "Page X of Y"). */
  readonly headerTemplate: string;
  readonly footerTemplate: string;
  /** Margins in millimetres, room for the header and footer. */
  readonly marginsMm: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  /** Tagged PDF (structure for screen readers) and an outline from the headings, where the printer can. */
  readonly tagged: boolean;
  readonly outline: boolean;
  /** Only these pages ("1-2"), laid out as in the whole document; every page when absent. */
  readonly pageRanges?: string;
}

export interface PdfPrinter {
  print(html: string, options: PdfPrintOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}
