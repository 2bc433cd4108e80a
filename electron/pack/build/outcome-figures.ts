import { headlineRag } from '../../../shared/charts/headline-rag';
import { formatValue } from '../../../shared/comparison';
import type { Rag } from '../../../shared/domain';
import type { Indicator, Period } from '../../../shared/model';
import type { PackCell, PackRow, PackTable } from '../../../shared/pack/document';
import { ragWord } from '../../../shared/views/build-view-table';
import { viewSpec } from '../../../shared/views/view-spec';
import type { ViewCell } from '../../../shared/views/view-table';
import { listFigures } from '../../../db/repositories/figures';
import { listIndicators } from '../../../db/repositories/indicators';
import { listFigurePeriodIds, listPriorityIndicatorIds } from '../../../db/repositories/pack-sources';
import { listPeriods } from '../../../db/repositories/periods';
import type { Db } from '../../../db/schema/database';
import { evaluateView } from '../../../db/services/evaluate-view';

/**
 * A priority's outcome figures: for each indicator that evidences it, the
 * partnership area's latest figure up to the meeting, compared by the engine
 * with the same span a year earlier when there is one (Apr-Dec 2013 against
 * Apr-Dec 2012, never against a whole year), with the RAG and why.
 */

export interface OutcomeFigures {
  readonly table: PackTable | null;
  /** The worst RAG of the indicators (red before amber before green), or null when none is judged. */
  readonly rag: Rag | null;
}

export interface OutcomeRequest {
  readonly priorityId: number;
  readonly areaId: number | null;
  readonly heldOn: string;
  /** The table's id in the pack. */
  readonly id: string;
}

const yearBefore = (date: string): string => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

const sameSpanYearBefore = (latest: Period, candidates: readonly Period[]): Period | undefined =>
  candidates.find(
    (period) => period.startDate === yearBefore(latest.startDate) && period.endDate === yearBefore(latest.endDate),
  );

const SEVERITY: Readonly<Record<Rag, number>> = { red: 3, amber: 2, green: 1 };

const numberCell = (cell: ViewCell | undefined): PackCell =>
  cell?.kind === 'number' ? { text: cell.text, value: cell.value } : { text: cell?.text ?? '' };

interface OutcomeRow {
  readonly row: PackRow;
  readonly rag: Rag | null;
}

/** The latest figure compared with a year earlier, by the engine (a view of one area and two periods). */
async function comparedRow(db: Db, indicatorId: number, areaId: number, base: Period, latest: Period) {
  const spec = viewSpec.parse({
    indicatorIds: [indicatorId],
    areaIds: [areaId],
    periods: { mode: 'compare', baseId: base.id, currentId: latest.id },
    columns: ['change', 'rag'],
    totals: 'none',
  });
  const view = await evaluateView(db, spec);
  const row = view.rows[0];
  const headline = headlineRag(view, indicatorId);
  return {
    rag: headline.rag,
    cells: [
      numberCell(row?.cells[`period:${latest.id}`]),
      { text: `${base.label}: ${row?.cells[`period:${base.id}`]?.text ?? ''}` },
      numberCell(row?.cells.change),
      { text: ragWord(headline.rag), rag: headline.rag },
    ],
  };
}

async function outcomeRow(
  db: Db,
  indicator: Indicator,
  request: OutcomeRequest & { readonly areaId: number },
  periods: ReadonlyMap<number, Period>,
): Promise<OutcomeRow | null> {
  const held = (await listFigurePeriodIds(db, indicator.id, request.areaId, request.heldOn)).flatMap((id) => {
    const period = periods.get(id);
    return period ? [period] : [];
  });
  const latest = held[held.length - 1];
  if (!latest) return null;
  const base = sameSpanYearBefore(latest, held);
  const lead: PackCell[] = [{ text: indicator.name }, { text: latest.label }];
  const id = `indicator:${indicator.id}`;
  if (base) {
    const compared = await comparedRow(db, indicator.id, request.areaId, base, latest);
    return { rag: compared.rag, row: { id, kind: 'body', cells: [...lead, ...compared.cells] } };
  }
  const [figure] = await listFigures(db, {
    indicatorId: indicator.id,
    periodIds: [latest.id],
    areaIds: [request.areaId],
  });
  const value = figure?.value ?? null;
  const cells: PackCell[] = [
    { text: formatValue(value, indicator.unit), value },
    { text: '' },
    { text: '' },
    { text: '' },
  ];
  return { rag: null, row: { id, kind: 'body', cells: [...lead, ...cells] } };
}

export async function outcomeFigures(db: Db, request: OutcomeRequest): Promise<OutcomeFigures> {
  const { areaId } = request;
  if (areaId === null) return { table: null, rag: null };
  const [indicatorIds, indicators, periodList] = await Promise.all([
    listPriorityIndicatorIds(db, request.priorityId),
    listIndicators(db),
    listPeriods(db),
  ]);
  const periods = new Map(periodList.map((period) => [period.id, period]));
  const outcomes: OutcomeRow[] = [];
  for (const indicator of indicators.filter((candidate) => indicatorIds.includes(candidate.id))) {
    const outcome = await outcomeRow(db, indicator, { ...request, areaId }, periods);
    if (outcome) outcomes.push(outcome);
  }
  const rag = outcomes.reduce<Rag | null>(
    (worst, { rag: next }) => (next && (!worst || SEVERITY[next] > SEVERITY[worst]) ? next : worst),
    null,
  );
  if (outcomes.length === 0) return { table: null, rag };
  return {
    rag,
    table: {
      id: request.id,
      caption: 'Each indicator’s latest figure up to the meeting, against a year earlier',
      columns: [
        { header: 'Indicator', numeric: false },
        { header: 'Period', numeric: false },
        { header: 'Figure', numeric: true },
        { header: 'A year earlier', numeric: false },
        { header: 'Change', numeric: true },
        { header: 'RAG', numeric: false },
      ],
      rows: outcomes.map((outcome) => outcome.row),
      notes: [],
    },
  };
}
