/**
 * One RAG per indicator in a view, for the RAG summary by priority. The RAG
 * itself is always the comparison engine's (target, or direction and tolerance,
 * by polarity); this only decides which of the indicator's rows speaks for it:
 *
 * 1. the totals row, when the view has one (the whole partnership's figure);
 * 2. else the only area row, when the view has one area;
 * 3. else the worst RAG among the area rows (red before amber before green), so
 *    one area going the wrong way is never averaged away;
 * 4. no row with a RAG (neutral indicator, missing figures): no RAG.
 *
 * A trend view's RAG compares its first period with its last, as its table does.
 * Comparator rows (England beside a trend) never count.
 */
import type { Rag } from '../domain';
import type { EvaluatedView, ViewRow } from '../views/view-table';

export interface HeadlineRag {
  readonly rag: Rag | null;
  /** The row that decided it ("Total Buckinghamshire"), or null. */
  readonly area: string | null;
  /** "Total Buckinghamshire: target -2%, actual -20%: better than target". */
  readonly reason: string;
}

const SEVERITY: Readonly<Record<Rag, number>> = { red: 3, amber: 2, green: 1 };

const said = (row: ViewRow): HeadlineRag => ({
  rag: row.rag,
  area: row.area,
  reason: `${row.area}: ${row.ragReason ?? 'no judgement'}`,
});

export function headlineRag(view: EvaluatedView, indicatorId: number): HeadlineRag {
  const rows = view.rows.filter((row) => row.indicatorId === indicatorId && row.kind !== 'comparator');
  const total = rows.find((row) => row.kind === 'total');
  if (total) return said(total);
  const [only] = rows;
  if (rows.length === 1 && only) return said(only);
  const judged = rows.filter((row) => row.rag !== null);
  const worst = judged.reduce<ViewRow | undefined>(
    (found, row) => (found && SEVERITY[found.rag as Rag] >= SEVERITY[row.rag as Rag] ? found : row),
    undefined,
  );
  if (!worst) return { rag: null, area: null, reason: rows.length === 0 ? 'no areas' : 'no area has a RAG' };
  const { reason } = said(worst);
  return { rag: worst.rag, area: worst.area, reason: `worst of ${rows.length} areas, ${reason}` };
}
