import type { PdfPrinter } from './pdf-printer';

/** What an export needs besides the document: Chromium for PDFs, and the attachments' bytes. */
export interface PackExportServices {
  readonly printer: PdfPrinter | undefined;
  readonly attachment: (attachmentId: number) => Promise<Uint8Array>;
}
