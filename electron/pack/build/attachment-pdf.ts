import { PDFDocument } from 'pdf-lib';
import { BoardpackError } from '../../../shared/errors';

/** A partner's file checked to be a PDF that opens: its bytes and page count, or a refusal naming the file. */
export async function readAttachmentPdf(
  base64: string,
  fileName: string,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  const refuse = (why: string) =>
    new BoardpackError('invalid-input', `"${fileName}" cannot be attached: ${why}`, {
      file: fileName,
      field: 'base64',
    });
  if (bytes.byteLength === 0) throw refuse('it is empty');
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw refuse('it is not a PDF file');
  let pages: number;
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    pages = document.getPageCount();
  } catch (error) {
    throw refuse(`it does not open as a PDF (${(error as Error).message})`);
  }
  if (pages === 0) throw refuse('it has no pages');
  return { bytes, pages };
}
