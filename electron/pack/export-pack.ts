import type { PackExportFormat } from '../../shared/api/meetings-contract';
import { BoardpackError } from '../../shared/errors';
import type { PackDocument } from '../../shared/pack/document';
import type { PackNote } from '../../shared/pack/pack-notes';
import { renderPackHtml } from '../../shared/pack/render-html';
import type { ViewFile } from '../../shared/views/view-file';
import { packTableCsv, packTables } from './csv/pack-csv';
import { packDocx } from './docx/pack-docx';
import { refuseUnresolvedFields } from './unresolved-fields';
import { packPdf } from './pdf/pack-pdf';
import type { PackExportServices } from './export-services';

const MIME_TYPES: Readonly<Record<PackExportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  csv: 'text/csv',
};

/** Characters no file system takes (Windows' list, the strictest); control characters go too. */
const UNSAFE_IN_FILE_NAMES = /[<>:"/\\|?*]/g;
const withoutControls = (text: string): string =>
  Array.from(text, (character) => (character < ' ' || character === '\u007f' ? ' ' : character)).join('');

/** "2014-03-12 Safer Stronger Bucks Partnership Board pack v1" (a draft: "… pack (draft)"), safe as a file name. */
export function packFileStem(document: PackDocument): string {
  const { meta } = document;
  const edition = meta.version === null ? '(draft)' : `v${meta.version}`;
  const board = withoutControls(meta.board)
    .replace(UNSAFE_IN_FILE_NAMES, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .replace(/[. ]+$/, '');
  return `${meta.heldOn} ${board === '' ? 'Board' : board} pack ${edition}`;
}

const base64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * One pack document as a file to save: PDF, DOCX, standalone HTML, or the CSV
 * of one of its tables. A document with a field that refers to no figure is
 * refused, naming each such field: a blank where a number should be never
 * reaches the board. Reviewers' notes, when given, go into the PDF, DOCX and
 * HTML beside the elements they are on.
 */
export async function exportPack(
  document: PackDocument,
  request: {
    readonly format: PackExportFormat;
    readonly tableId?: string | undefined;
    readonly notes?: readonly PackNote[] | undefined;
  },
  services: PackExportServices,
): Promise<ViewFile> {
  refuseUnresolvedFields(document);
  const stem = packFileStem(document);
  const mimeType = MIME_TYPES[request.format];
  switch (request.format) {
    case 'html':
      return {
        fileName: `${stem}.html`,
        mimeType,
        encoding: 'utf8',
        content: renderPackHtml(document, { mode: 'print', ...(request.notes ? { notes: request.notes } : {}) }),
      };
    case 'pdf':
      return {
        fileName: `${stem}.pdf`,
        mimeType,
        encoding: 'base64',
        content: base64(await packPdf(document, services, request.notes)),
      };
    case 'docx':
      return {
        fileName: `${stem}.docx`,
        mimeType,
        encoding: 'base64',
        content: base64(await packDocx(document, services, request.notes)),
      };
    case 'csv': {
      const tableId = request.tableId;
      if (tableId === undefined) {
        throw new BoardpackError('invalid-input', 'a CSV export names the table to export', { field: 'tableId' });
      }
      const content = packTableCsv(document, tableId);
      const file = packTables(document).find((table) => table.id === tableId);
      return { fileName: file?.fileName ?? `${stem}.csv`, mimeType, encoding: 'utf8', content };
    }
  }
}
