import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { RAG_COLOURS } from '../../../shared/charts/nivo-props';
import type { ChartTable } from '../../../shared/charts/chart-data';
import type { Rag } from '../../../shared/domain';
import type { PackRow, PackTable } from '../../../shared/pack/document';
import { NO_NOTES, type PackNotes } from '../../../shared/pack/pack-notes';
import { ragWord } from '../../../shared/views/build-view-table';
import { noteMarkRuns } from './docx-notes';
import { HEADER_FILL, RULE_COLOUR, SIZE, TEXT_WIDTH_TWIPS } from './docx-styles';

/**
 * A pack table (or a chart's table) as a Word table under its caption: a header
 * row that repeats on every page the table runs onto, rows that never split
 * across pages, numbers right-aligned, a totals row bold, a comparator row
 * (England) in italics, a RAG cell on its colour with its word, provisional
 * figures marked, and the table's notes beneath in italics.
 */

interface GridColumn {
  readonly header: string;
  readonly numeric: boolean;
}

interface GridCell {
  readonly text: string;
  readonly rag?: Rag | null;
  readonly provisional?: boolean;
  /** Reviewers' note marks after the text ("N2"). */
  readonly marks?: readonly TextRun[];
}

interface Grid {
  readonly caption: string;
  readonly columns: readonly GridColumn[];
  readonly rows: readonly { readonly kind: PackRow['kind']; readonly cells: readonly GridCell[] }[];
  readonly notes: readonly string[];
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: RULE_COLOUR };
const NO_RULE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const BORDERS = {
  top: RULE,
  bottom: RULE,
  left: NO_RULE,
  right: NO_RULE,
  insideHorizontal: RULE,
  insideVertical: NO_RULE,
};
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

/** White text on red and green, dark text on amber, as the app's RAG cells. */
const ragText = (rag: Rag): string => (rag === 'amber' ? '1B1F24' : 'FFFFFF');
const hex = (colour: string): string => colour.replace('#', '').toUpperCase();

/**
 * Column widths in twips. Each column's natural width is its longest text or
 * short heading (a long text column capped, to wrap) at the table's type size; its least is its
 * longest word, so no word breaks. Room to spare goes to the text columns, a
 * shortfall is taken from what each column has above its least.
 */
function columnWidths(grid: Grid, size: number): number[] {
  const charTwips = size * 10 * 0.56;
  const padding = CELL_MARGINS.left + CELL_MARGINS.right + 60;
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => word.length));
  const texts = (index: number) => grid.rows.map((row) => row.cells[index]?.text ?? '');
  const least = grid.columns.map((column, index) => {
    const words = [column.header, ...texts(index)].map(longestWord);
    return padding + charTwips * Math.max(3, Math.min(16, Math.max(...words)));
  });
  const natural = grid.columns.map((column, index) => {
    const longest = Math.max(Math.min(column.header.length, 16), ...texts(index).map((text) => text.length));
    const chars = column.numeric ? longest : Math.min(longest, 40);
    return Math.max(least[index] ?? 0, padding + charTwips * chars);
  });
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const spare = TEXT_WIDTH_TWIPS - sum(natural);
  if (spare >= 0) {
    const textual = grid.columns.map((column) => !column.numeric);
    const takers = textual.some(Boolean) ? textual : textual.map(() => true);
    const weight = sum(natural.filter((_, index) => takers[index]));
    return natural.map((width, index) => Math.floor(width + (takers[index] ? (spare * width) / weight : 0)));
  }
  const leastTotal = sum(least);
  if (leastTotal >= TEXT_WIDTH_TWIPS) return least.map((width) => Math.floor((width * TEXT_WIDTH_TWIPS) / leastTotal));
  const stretch = sum(natural) - leastTotal;
  return least.map((width, index) =>
    Math.floor(width + ((TEXT_WIDTH_TWIPS - leastTotal) * ((natural[index] ?? 0) - width)) / stretch),
  );
}

interface CellLook {
  readonly numeric: boolean;
  /** The paragraph style: PackCell, or PackCellDense for a wide table. */
  readonly style: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly rag?: Rag | null;
  readonly provisional?: boolean;
  readonly fill?: string;
  readonly marks?: readonly TextRun[];
}

/** A cell: spacing and type size come from its paragraph style, so only what differs is written cell by cell. */
function cell(text: string, look: CellLook): TableCell {
  const rag = look.rag ?? null;
  const shown = rag && text.trim() === '' ? ragWord(rag) : text;
  const runs = [
    new TextRun({
      text: shown,
      ...(look.bold === true || rag !== null ? { bold: true } : {}),
      ...(look.italic === true ? { italics: true } : {}),
      ...(rag ? { color: ragText(rag) } : {}),
    }),
    ...(look.provisional ? [new TextRun({ text: 'p', superScript: true })] : []),
    ...(look.marks ?? []),
  ];
  const fill = rag ? hex(RAG_COLOURS[rag]) : look.fill;
  return new TableCell({
    children: [
      new Paragraph({ style: look.style, children: runs, ...(look.numeric ? { alignment: AlignmentType.RIGHT } : {}) }),
    ],
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
  });
}

function gridTable(grid: Grid): FileChild[] {
  const dense = grid.columns.length > 6;
  const size = dense ? SIZE.tableDense : SIZE.table;
  const style = dense ? 'PackCellDense' : 'PackCell';
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: grid.columns.map((column) =>
      cell(column.header, { numeric: column.numeric, style, bold: true, fill: HEADER_FILL }),
    ),
  });
  const body = grid.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: grid.columns.map((column, index) => {
          const value = row.cells[index];
          return cell(value?.text ?? '', {
            numeric: column.numeric,
            style,
            bold: row.kind === 'total',
            italic: row.kind === 'comparator',
            rag: value?.rag ?? null,
            provisional: value?.provisional === true,
            ...(value?.marks ? { marks: value.marks } : {}),
          });
        }),
      }),
  );
  const provisional = grid.rows.some((row) => row.cells.some((value) => value.provisional === true));
  const notes = [...grid.notes, ...(provisional ? ['p: provisional figure, which may still be revised.'] : [])];
  return [
    new Paragraph({ style: 'PackCaption', children: [new TextRun(grid.caption)] }),
    new Table({
      rows: [header, ...body],
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: columnWidths(grid, size),
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      margins: CELL_MARGINS,
    }),
    ...notes.map((note) => new Paragraph({ style: 'PackNote', children: [new TextRun(note)] })),
    ...(notes.length === 0 ? [new Paragraph({ spacing: { after: 120 }, children: [] })] : []),
  ];
}

/** A pack table, with the marks of reviewers' notes on its rows (in the first cell) and figures. */
export function packTableDocx(table: PackTable, reviewNotes: PackNotes = NO_NOTES): FileChild[] {
  return gridTable({
    caption: table.caption,
    columns: table.columns,
    rows: table.rows.map((row) => ({
      kind: row.kind,
      cells: row.cells.map((value, index) => {
        const marks = [
          ...(index === 0 ? reviewNotes.onRow(table.id, row.id) : []),
          ...reviewNotes.onCell(table.id, row.id, index + 1),
        ];
        return marks.length === 0 ? value : { ...value, marks: noteMarkRuns(marks) };
      }),
    })),
    notes: table.notes,
  });
}

/** A chart's table, as the app's ChartTable reads it: the first column and the text columns left, figures right. */
export function chartTableDocx(table: ChartTable): FileChild[] {
  const textColumns = new Set([0, ...(table.textColumns ?? [])]);
  return gridTable({
    caption: table.caption,
    columns: table.headers.map((header, index) => ({ header, numeric: !textColumns.has(index) })),
    rows: table.rows.map((row) => ({ kind: 'body', cells: row.map((text) => ({ text })) })),
    notes: [],
  });
}
