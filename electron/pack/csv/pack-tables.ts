import type { PackCell, PackColumn, PackDocument, PackRow } from '../../../shared/pack/document';

/**
 * Every table a pack prints, in document order, as one shape: the pack's own
 * tables under their ids, and each chart's table of figures under
 * "<chart id>:table" (the numbers a reader who cannot see the chart reads).
 */

export interface PackCsvTable {
  readonly id: string;
  readonly caption: string;
  readonly sectionNumber: number;
  readonly columns: readonly PackColumn[];
  readonly rows: readonly Pick<PackRow, 'cells'>[];
}

export function csvTables(document: PackDocument): readonly PackCsvTable[] {
  return document.sections.flatMap((section) =>
    section.blocks.flatMap((block): PackCsvTable[] => {
      if (block.kind === 'table') return [{ ...block.table, sectionNumber: section.number }];
      if (block.kind !== 'chart') return [];
      const { chart } = block;
      // As the app's ChartTable reads it: the first column and the text columns are words, the rest figures.
      const words = new Set([0, ...(chart.table.textColumns ?? [])]);
      return [
        {
          id: `${chart.id}:table`,
          caption: chart.table.caption,
          sectionNumber: section.number,
          columns: chart.table.headers.map((header, index) => ({ header, numeric: !words.has(index) })),
          rows: chart.table.rows.map((row) => ({ cells: row.map((text): PackCell => ({ text })) })),
        },
      ];
    }),
  );
}
