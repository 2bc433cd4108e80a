import type { PackMeta } from '../../../shared/pack/document';
import { escapeHtml } from '../../../shared/pack/html-escape';
import type { PdfPrintOptions } from '../pdf-printer';

/**
 * The pack's page furniture for Chromium's print: the protective marking at the
 * top and bottom of every page, the board and date on the left of the footer
 * and "Page X of Y" on its right. Chromium fills the pageNumber class; the
 * total is Chromium's own totalPages (the pack prints with blank pages kept
 * for its attachments, so that counts them), or given where the print is only
 * some of the pages (the cover and contents printed again). Templates take
 * inline styles only.
 */

export const PACK_MARGINS_MM = { top: 20, bottom: 20, left: 18, right: 18 } as const;

const FONT = "font-family:'Liberation Sans',Arial,Helvetica,sans-serif;font-size:8pt;color:#1b1f24;";
const BAND = `box-sizing:border-box;width:100%;padding:0 ${PACK_MARGINS_MM.left}mm;${FONT}-webkit-print-color-adjust:exact;`;

const ELLIPSIS = 'white-space:nowrap;overflow:hidden;text-overflow:ellipsis;';

/** "12 Mar 2014, draft" or "12 Mar 2014, v2". */
function edition(meta: PackMeta): string {
  const [year, month, day] = meta.heldOn.split('-').map(Number);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const date = `${day ?? ''} ${months[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
  return `${date}, ${meta.version === null ? 'draft' : `v${meta.version}`}`;
}

export function packPrintOptions(meta: PackMeta, totalPages: number | null): PdfPrintOptions {
  const marking = escapeHtml(meta.marking);
  const total = totalPages === null ? '<span class="totalPages"></span>' : String(totalPages);
  return {
    headerTemplate: `<div style="${BAND}text-align:center;font-weight:700;letter-spacing:0.08em;">${marking}</div>`,
    footerTemplate: [
      `<div style="${BAND}display:grid;grid-template-columns:1fr auto 1fr;column-gap:8pt;align-items:baseline;">`,
      `<span style="${ELLIPSIS}color:#4a5563;">${escapeHtml(meta.board)}</span>`,
      `<span style="font-weight:700;letter-spacing:0.08em;">${marking}</span>`,
      `<span style="${ELLIPSIS}text-align:right;">${escapeHtml(edition(meta))} · Page <span class="pageNumber"></span> of ${total}</span>`,
      '</div>',
    ].join(''),
    marginsMm: PACK_MARGINS_MM,
    tagged: true,
    outline: true,
  };
}
