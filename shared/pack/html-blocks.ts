import type { ChartTable } from '../charts/chart-data';
import type { Rag } from '../domain';
import type { PackBlock, PackCell, PackChart, PackColumn, PackInline, PackRow, PackTable } from './document';
import { escapeHtml, safeHref } from './html-escape';
import { noteMarksHtml } from './html-notes';
import { inlineSvg } from './html-svg';
import { NO_NOTES, type PackNotes } from './pack-notes';

/**
 * The pack's blocks as HTML, one small function per kind of block. Every text
 * is escaped here; nothing in the document model is trusted as markup.
 */

const RAG_WORDS: Readonly<Record<Rag, string>> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** An id safe in HTML and CSS from a document id ("item:12:table:1" → "item-12-table-1"). */
export const anchorOf = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, '-');

/** A field bound to data: its value, or a mark that cannot be missed when it did not resolve. */
function fieldHtml(field: Extract<PackInline, { kind: 'field' }>): string {
  const source = escapeHtml(field.source);
  if (field.text !== null) return `<span class="field" data-field="${source}">${escapeHtml(field.text)}</span>`;
  const why = field.problem ? ` (${escapeHtml(field.problem)})` : '';
  return `<span class="field field-unresolved" data-field="${source}" data-unresolved="true">⚠ unknown reference: ${source}${why}</span>`;
}

export function inlinesHtml(inlines: readonly PackInline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === 'field') return fieldHtml(inline);
      let html = escapeHtml(inline.text);
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      const href = inline.link === undefined ? null : safeHref(inline.link);
      if (href !== null) html = `<a href="${escapeHtml(href)}">${html}</a>`;
      return html;
    })
    .join('');
}

function ragCellHtml(cell: PackCell, rag: Rag, header: string, marks: string): string {
  const word = cell.text.trim() === '' ? RAG_WORDS[rag] : cell.text;
  const provisional = cell.provisional ? provisionalMark() : '';
  return `<td class="rag rag-${rag}" data-rag="${rag}" data-column="${escapeHtml(header)}"><span class="rag-swatch" aria-hidden="true"></span>${escapeHtml(word)}${provisional}${marks}</td>`;
}

const provisionalMark = (): string => '<abbr class="provisional" title="provisional">p</abbr>';

function cellHtml(cell: PackCell, column: PackColumn | undefined, first: boolean, marks: string): string {
  const header = column?.header ?? '';
  if (cell.rag) return ragCellHtml(cell, cell.rag, header, marks);
  // A short text (a date, a reference, a status) stays on one line.
  const short = cell.text.length <= 12 || (cell.text.length <= 16 && !/\s/.test(cell.text));
  const classes = [column?.numeric ? 'num' : short ? 'nowrap' : '', cell.provisional ? 'is-provisional' : ''].filter(
    Boolean,
  );
  const classAttribute = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
  const content = escapeHtml(cell.text) + (cell.provisional ? provisionalMark() : '') + marks;
  // The first column names the row (an area, a priority): a row header for screen readers.
  return first && !column?.numeric
    ? `<th scope="row"${classAttribute}>${content}</th>`
    : `<td${classAttribute}>${content}</td>`;
}

const ROW_CLASSES: Readonly<Record<PackRow['kind'], string>> = {
  body: 'row-body',
  total: 'row-total',
  comparator: 'row-comparator',
};

function tableHtml(table: PackTable, reviewNotes: PackNotes): string {
  const head = table.columns
    .map((column) => `<th scope="col"${column.numeric ? ' class="num"' : ''}>${escapeHtml(column.header)}</th>`)
    .join('');
  const rows = table.rows.map((row) => {
    const rowMarks = noteMarksHtml(reviewNotes.onRow(table.id, row.id));
    const cells = row.cells
      .map((cell, index) => {
        const marks = noteMarksHtml(reviewNotes.onCell(table.id, row.id, index + 1));
        return cellHtml(cell, table.columns[index], index === 0, index === 0 ? rowMarks + marks : marks);
      })
      .join('');
    return `<tr class="${ROW_CLASSES[row.kind]}" data-row-id="${escapeHtml(row.id)}">${cells}</tr>`;
  });
  const provisional = table.rows.some((row) => row.cells.some((cell) => cell.provisional));
  const notes = [...table.notes, ...(provisional ? ['p: provisional figure, subject to revision.'] : [])];
  const notesHtml =
    notes.length > 0
      ? `<ul class="table-notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`
      : '';
  const whole = rows.length <= KEEP_WHOLE_ROWS;
  return [
    `<div class="table-block" id="${anchorOf(table.id)}">`,
    `<table class="data${table.columns.length <= 3 ? ' narrow' : ''}${whole ? ' keep-whole' : ''}" data-table-id="${escapeHtml(table.id)}">`,
    `<caption>${escapeHtml(table.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    ...tableBodies(rows, whole),
    '</table>',
    notesHtml,
    '</div>',
  ].join('\n');
}

/** A table of up to this many rows is never split across pages (it moves to the next page whole, with its heading). */
const KEEP_WHOLE_ROWS = 15;

/**
 * A longer table's bodies: its first two rows and its last two kept together
 * (each a tbody that does not break), so a page never starts or ends a table with
 * a single row on its own.
 */
function tableBodies(rows: readonly string[], whole: boolean): string[] {
  const body = (part: readonly string[], keep: boolean) =>
    part.length === 0 ? [] : [`<tbody${keep ? ' class="keep-together"' : ''}>\n${part.join('\n')}\n</tbody>`];
  if (whole) return body(rows, false);
  return [...body(rows.slice(0, 2), true), ...body(rows.slice(2, -2), false), ...body(rows.slice(-2), true)];
}

/** The chart's figures as a table: the first column names the row, the others are figures unless marked as words. */
function chartTableHtml(table: ChartTable): string {
  const words = new Set(table.textColumns ?? []);
  const numeric = (index: number) => index > 0 && !words.has(index);
  const head = table.headers
    .map((header, index) => `<th scope="col"${numeric(index) ? ' class="num"' : ''}>${escapeHtml(header)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = row
        .map((text, index) =>
          index === 0
            ? `<th scope="row">${escapeHtml(text)}</th>`
            : `<td${numeric(index) ? ' class="num"' : ''}>${escapeHtml(text)}</td>`,
        )
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  return [
    `<table class="data chart-table${table.headers.length <= 3 ? ' narrow' : ''}">`,
    `<caption>${escapeHtml(table.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function chartHtml(chart: PackChart): string {
  const anchor = anchorOf(chart.id);
  const svg = inlineSvg(chart.svg, chart.summary, anchor);
  const drawing =
    svg === null
      ? `<p class="note">The chart "${escapeHtml(chart.title)}" could not be drawn; its figures follow.</p>`
      : `<div class="chart-drawing">${svg}</div>`;
  return [
    `<figure class="chart" id="${anchor}" data-chart-id="${escapeHtml(chart.id)}">`,
    drawing,
    `<div class="table-block">${chartTableHtml(chart.table)}</div>`,
    '</figure>',
  ].join('\n');
}

function factsHtml(facts: readonly { readonly label: string; readonly value: string }[]): string {
  const entries = facts
    .map((fact) => `<div><dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd></div>`)
    .join('');
  return `<dl class="facts">${entries}</dl>`;
}

/** A block as HTML; `notes` marks the rows and figures reviewers' notes are on. */
export function blockHtml(block: PackBlock, notes: PackNotes = NO_NOTES): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inlinesHtml(block.inlines)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li>${inlinesHtml(item)}</li>`).join('');
      return `<${tag} class="paper-list">${items}</${tag}>`;
    }
    case 'table':
      return tableHtml(block.table, notes);
    case 'chart':
      return chartHtml(block.chart);
    case 'facts':
      return factsHtml(block.facts);
    case 'note':
      return `<p class="note">${escapeHtml(block.text)}</p>`;
    case 'page-break':
      return '<div class="page-break" aria-hidden="true"></div>';
  }
}
