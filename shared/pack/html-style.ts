import { RAG_COLOURS } from '../charts/nivo-props';

/**
 * The pack's one stylesheet, inlined into every HTML document it renders: a
 * sober council board pack in Liberation Sans (Arial's metrics), A4 pages,
 * tables whose header rows repeat and whose rows and figures never split across
 * a page. On screen each page-starting part sits on a white A4 sheet; printed,
 * the sheets are the pages themselves.
 */

const INK = '#1b1f24';
const NAVY = '#1f3a5f';
const MUTED = '#4a5563';
/** Reviewers' notes: a warm amber, apart from the pack's navy. */
const NOTE_INK = '#7a3e00';
const NOTE_RULE = '#d9a441';
const RULE = '#d5dbe3';

const BASE = `
@page { size: A4; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  font-family: "Liberation Sans", Arial, Helvetica, sans-serif;
  font-size: 10.5pt;
  line-height: 1.45;
  color: ${INK};
  font-kerning: normal;
}
a { color: ${NAVY}; }
h1, h2, h3 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 {
  display: flex;
  gap: 0.4em;
  font-size: 19pt;
  color: ${NAVY};
  margin: 0 0 4pt;
  padding-bottom: 5pt;
  border-bottom: 2pt solid ${NAVY};
}
.section-number { flex: none; min-width: 1.1em; color: ${MUTED}; font-weight: 700; }
h2 { font-size: 13pt; color: ${NAVY}; margin: 16pt 0 5pt; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; }
p { margin: 0 0 7pt; orphans: 3; widows: 3; }
ul.paper-list, ol.paper-list { margin: 0 0 8pt; padding-left: 1.6em; }
ul.paper-list li, ol.paper-list li { margin-bottom: 2pt; }
.section-meta { color: ${MUTED}; font-size: 9.5pt; margin: 0 0 14pt; }
.note { font-style: italic; color: ${MUTED}; font-size: 9.5pt; }

.field-unresolved {
  color: #8a1c1c;
  background: #fde8e8;
  border: 1px solid #c0392b;
  border-radius: 2px;
  padding: 0 3px;
  font-weight: 700;
}

.table-block { margin: 8pt 0 12pt; }
table.data { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
table.data caption {
  caption-side: top;
  text-align: left;
  font-weight: 700;
  padding: 0 0 4pt;
  color: ${INK};
}
table.data thead { display: table-header-group; }
table.data thead th {
  background: #e8edf3;
  color: ${INK};
  text-align: left;
  vertical-align: bottom;
  font-weight: 700;
  padding: 4pt 6pt;
  border-top: 1pt solid ${NAVY};
  border-bottom: 1.25pt solid ${NAVY};
}
table.data td, table.data tbody th {
  text-align: left;
  vertical-align: top;
  font-weight: 400;
  padding: 3pt 6pt;
  border-bottom: 0.75pt solid ${RULE};
}
table.data tr { break-inside: avoid; page-break-inside: avoid; }
table.data.keep-whole, table.data tbody.keep-together { break-inside: avoid; page-break-inside: avoid; }
table.data.narrow { width: auto; min-width: 55%; }
table.data .nowrap { white-space: nowrap; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data tr.row-total th, table.data tr.row-total td {
  font-weight: 700;
  border-top: 1.25pt solid ${INK};
  border-bottom: 1.25pt solid ${INK};
}
table.data tr.row-comparator th, table.data tr.row-comparator td { font-style: italic; color: #374151; }
.rag { white-space: nowrap; }
.rag-swatch {
  display: inline-block;
  width: 0.8em;
  height: 0.8em;
  margin-right: 0.4em;
  border-radius: 50%;
  border: 0.75pt solid rgba(0, 0, 0, 0.35);
  vertical-align: -0.05em;
}
.rag-red .rag-swatch { background: ${RAG_COLOURS.red}; }
.rag-amber .rag-swatch { background: ${RAG_COLOURS.amber}; }
.rag-green .rag-swatch { background: ${RAG_COLOURS.green}; }
.provisional { font-size: 0.75em; vertical-align: super; line-height: 0; margin-left: 1pt; color: ${MUTED}; }
abbr.provisional { text-decoration: none; }
.table-notes { list-style: none; margin: 4pt 0 0; padding: 0; font-size: 8.5pt; color: ${MUTED}; }
.table-notes li { margin-bottom: 1pt; }

.note-mark { font-size: 7pt; font-weight: 700; line-height: 0; margin-left: 3pt; white-space: nowrap; }
.note-mark a {
  color: ${NOTE_INK};
  text-decoration: none;
  background: #fff3d6;
  border: 0.5pt solid ${NOTE_RULE};
  border-radius: 2pt;
  padding: 0 2pt;
}
.pack-notes {
  break-inside: avoid;
  page-break-inside: avoid;
  margin: 14pt 0 0;
  padding: 6pt 10pt;
  background: #fffaf0;
  border-left: 3pt solid ${NOTE_RULE};
  font-size: 9.5pt;
}
.pack-notes-title { margin: 0 0 4pt; font-weight: 700; color: ${NOTE_INK}; }
.pack-notes ol { list-style: none; margin: 0; padding: 0; }
.pack-note { margin: 0 0 6pt; break-inside: avoid; }
.pack-note:last-child { margin-bottom: 0; }
.pack-note p { margin: 0; }
.pack-note-number { font-weight: 700; color: ${NOTE_INK}; }
.pack-note-kind { font-weight: 700; }
.pack-note-on, .pack-note-by { color: ${MUTED}; }
.pack-note-by { font-size: 8.5pt; }

figure.chart { margin: 8pt 0 12pt; }
.chart-drawing { break-inside: avoid; page-break-inside: avoid; margin-bottom: 6pt; }
.chart-drawing svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }

dl.facts {
  display: grid;
  grid-template-columns: minmax(9em, 32%) 1fr;
  gap: 4pt 14pt;
  margin: 6pt 0 12pt;
  padding: 8pt 10pt;
  background: #f4f6f9;
  border-left: 3pt solid ${NAVY};
}
dl.facts > div { display: contents; }
dl.facts dt { font-weight: 700; color: ${NAVY}; }
dl.facts dd { margin: 0; }
dl.facts > div, dl.facts dt, dl.facts dd { break-inside: avoid; }

.page-break { break-after: page; page-break-after: always; height: 0; }
.pack-section, .contents { break-before: page; page-break-before: always; }

.cover { display: flex; flex-direction: column; min-height: 250mm; }
.cover-marking {
  align-self: flex-start;
  border: 1.5pt solid ${INK};
  padding: 2pt 8pt;
  font-weight: 700;
  letter-spacing: 0.08em;
  font-size: 9.5pt;
}
.cover-partnership {
  margin: 36mm 0 4pt;
  color: ${MUTED};
  text-transform: uppercase;
  letter-spacing: 0.1em;
  font-size: 10pt;
  font-weight: 700;
}
.cover-title { font-size: 28pt; line-height: 1.15; font-weight: 700; color: ${NAVY}; margin: 0 0 8pt; }
.cover-subtitle { font-size: 14pt; color: ${INK}; margin: 0 0 18pt; }
.cover-rule { border: 0; border-top: 3pt solid ${NAVY}; width: 40mm; margin: 0 0 14pt; }
.cover-details { display: grid; grid-template-columns: 7em 1fr; gap: 3pt 12pt; margin: 0 0 20pt; font-size: 11pt; }
.cover-details > div { display: contents; }
.cover-details dt { color: ${MUTED}; }
.cover-details dd { margin: 0; font-weight: 700; }
.cover-people { display: grid; grid-template-columns: 1fr 1fr; gap: 0 14mm; margin-top: auto; font-size: 9.5pt; }
.cover-people-title { font-size: 10.5pt; margin: 0 0 4pt; color: ${NAVY}; }
.cover-people ul { list-style: none; margin: 0; padding: 0; }
.cover-people li { padding: 2pt 0; border-bottom: 0.75pt solid ${RULE}; }
.cover-people .role { color: ${MUTED}; }
.cover-version { margin-top: 10pt; font-size: 8.5pt; color: ${MUTED}; }

.contents-title { font-size: 19pt; font-weight: 700; color: ${NAVY}; margin: 0 0 12pt; padding-bottom: 5pt; border-bottom: 2pt solid ${NAVY}; }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents li { break-inside: avoid; }
.contents a, .contents .toc-entry { display: flex; align-items: baseline; padding: 4pt 0; color: ${INK}; text-decoration: none; font-size: 11pt; }
.toc-number { flex: none; width: 2.2em; font-weight: 700; color: ${NAVY}; }
.toc-title { flex: 1 1 auto; display: flex; align-items: baseline; min-width: 0; }
.toc-title::after { content: ""; flex: 1 1 auto; min-width: 2em; margin: 0 4pt; border-bottom: 1pt dotted #8c95a3; }
.toc-page { flex: none; width: 3em; text-align: right; font-variant-numeric: tabular-nums; }
.toc-presenter { display: block; margin: -3pt 0 0 2.2em; color: ${MUTED}; font-size: 9pt; }
.contents-appendices { margin-top: 12pt; }
.contents-appendices-title { font-size: 11pt; font-weight: 700; color: ${MUTED}; margin: 0 0 2pt; }

.marking-banner {
  background: ${NAVY};
  color: #ffffff;
  text-align: center;
  font-weight: 700;
  letter-spacing: 0.1em;
  font-size: 9.5pt;
  padding: 4px 8px;
}

@media screen {
  body { background: #e6e9ee; padding-bottom: 24px; }
  .marking-banner { position: sticky; top: 0; z-index: 1; }
  .sheet {
    width: 210mm;
    max-width: calc(100% - 24px);
    margin: 24px auto 0;
    padding: 20mm 18mm;
    background: #ffffff;
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.18), 0 4px 14px rgba(0, 0, 0, 0.06);
  }
  .cover { min-height: 297mm; }
}
`;

/** In print mode the PDF's running header and footer carry the marking, so the banner only shows on screen. */
const PRINT_MODE = `
@media print { .marking-banner { display: none; } }
`;

/** The preview shows which text is bound to data. */
const PREVIEW_MODE = `
.field { background: #eef4ff; border-bottom: 1px dotted ${NAVY}; }
`;

export function packStyle(mode: 'preview' | 'print'): string {
  return BASE + (mode === 'print' ? PRINT_MODE : PREVIEW_MODE);
}
