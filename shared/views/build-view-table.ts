/**
 * Turns comparisons already computed by shared/comparison into a view's table
 * model: columns, rows, cells with exact numbers and printed text, and notes.
 * Nothing here adds, subtracts or divides a figure: the numbers come from the
 * engine's Comparison rows, and the printed text is the engine's own.
 */
import {
  formatSignedNumber,
  formatValue,
  isAdditive,
  naturalDecimals,
  type ComparisonRow,
  type StatedCheck,
} from '../comparison';
import type { Rag, Unit } from '../domain';
import type { ComparisonResultRow, Period } from '../model';
import type { ViewSpec } from './view-spec';
import type {
  EvaluatedView,
  NumberCell,
  NumberFormat,
  TextCell,
  ViewCell,
  ViewColumn,
  ViewIndicator,
  ViewRow,
  ViewRowKind,
} from './view-table';

/** One indicator's part of the view, as the service computed it. */
export interface IndicatorSection {
  readonly indicator: ViewIndicator;
  /**
   * The table in each of the view's periods (same row order as `comparison`):
   * each row's `current` is its figure there, totals by the engine's rule.
   */
  readonly periodRows: readonly (readonly ComparisonRow[])[];
  /** Base to current (compare), or first to last period (trend), with comparator statements. */
  readonly comparison: readonly ComparisonResultRow[];
  /** The area id of each comparison row (null for a totals row with no stored area). */
  readonly areaIds: readonly (number | null)[];
  /** Comparator rows beside a trend: their own figures in each period. */
  readonly comparatorRows: readonly {
    readonly areaId: number;
    readonly name: string;
    readonly values: readonly { readonly value: number | null; readonly provisional: boolean }[];
  }[];
  /** The comparators named in this section's statements, in order. */
  readonly comparatorNames: readonly string[];
  readonly statedChecks: readonly StatedCheck[];
  /** The area whose own figure is the totals row (rates), if any. */
  readonly totalArea: string | null;
  /** How many areas the view lists for this indicator. */
  readonly areaCount: number;
}

export interface ViewTableInput {
  readonly name: string | null;
  readonly spec: ViewSpec;
  readonly periods: readonly Period[];
  readonly sections: readonly IndicatorSection[];
}

const text = (value: string): TextCell => ({ kind: 'text', text: value });

const RAG_WORDS: Readonly<Record<Rag, string>> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** "Red", "Amber", "Green" or "" : a RAG in words, as every table prints it beside its colour. */
export const ragWord = (rag: Rag | null): string => (rag ? RAG_WORDS[rag] : '');

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The number a printed text starts with: "-45%" → -45, "+7 pp" → 7, "£1,250" → 1250; null when it has none. */
export function shownNumber(printed: string): number | null {
  const match = /^([+-])?£?(\d[\d,]*(?:\.\d+)?)/.exec(printed.trim());
  if (!match) return null;
  const magnitude = Number((match[2] ?? '').replace(/,/g, ''));
  if (!Number.isFinite(magnitude)) return null;
  return match[1] === '-' ? -magnitude : magnitude;
}

/** A figure of this unit, at the decimals of its column: its format and cell. */
function figureCell(value: number | null, unit: Unit, decimals: number, provisional: boolean): NumberCell {
  const style: NumberFormat['style'] = unit === 'money' ? 'money' : unit === 'percent' ? 'percentage' : 'number';
  const printed = formatValue(value, unit, unit === 'money' ? undefined : decimals);
  return {
    kind: 'number',
    value,
    shown: value === null ? null : shownNumber(printed),
    text: printed,
    format: { style, decimals: unit === 'money' ? 2 : decimals, signed: false },
    provisional,
  };
}

function differenceCell(row: ComparisonRow, unit: Unit, decimals: number): NumberCell {
  const style: NumberFormat['style'] = unit === 'money' ? 'money' : unit === 'percent' ? 'points' : 'number';
  return {
    kind: 'number',
    value: row.difference,
    shown: row.difference === null ? null : shownNumber(row.differenceText),
    text: row.differenceText,
    format: { style, decimals: unit === 'money' ? 2 : decimals, signed: true },
    provisional: row.provisional,
  };
}

function changeCell(row: ComparisonRow, figureDecimals: number): NumberCell {
  const points = row.changeKind === 'points';
  const decimals = points ? figureDecimals : 0;
  return {
    kind: 'number',
    value: row.change,
    shown: row.change === null ? null : shownNumber(row.changeText),
    text: row.changeText,
    format: { style: points ? 'points' : 'percent', decimals, signed: true },
    provisional: row.provisional,
  };
}

function targetCell(row: ComparisonRow, unit: Unit, figureDecimals: number): ViewCell {
  const { target } = row;
  if (!target) return { ...figureCell(null, unit, figureDecimals, false), text: '' };
  if (target.kind === 'absolute') return figureCell(target.value, unit, figureDecimals, false);
  const decimals = naturalDecimals(target.value, 4);
  const printed = formatSignedNumber(target.value, decimals);
  const points = row.changeKind === 'points';
  return {
    kind: 'number',
    // A percent-change target of -2 is a 2% decrease: the ratio -0.02, like the change beside it.
    value: points ? target.value : target.value / 100,
    shown: target.value,
    text: points ? `${printed} pp` : `${printed}%`,
    format: { style: points ? 'points' : 'percent', decimals, signed: true },
    provisional: false,
  };
}

/** The change column's header: "% change", "Change (pp)" for percentages, or both words for a mix. */
function changeHeader(units: readonly Unit[]): string {
  const points = units.filter((unit) => unit === 'percent').length;
  if (points === 0) return '% change';
  return points === units.length ? 'Change (pp)' : 'Change (% or pp)';
}

function columnsOf(input: ViewTableInput): ViewColumn[] {
  const { spec, periods, sections } = input;
  const trend = spec.periods.mode === 'trend';
  const first = periods[0]?.label ?? '';
  const last = periods[periods.length - 1]?.label ?? '';
  const span = trend ? ` (${first} to ${last})` : '';
  const comparatorNames = [...new Set(sections.flatMap((section) => section.comparatorNames))];
  const headers: Readonly<Record<ViewSpec['columns'][number], string>> = {
    difference: `Difference${span}`,
    change: `${changeHeader(sections.map((section) => section.indicator.unit))}${span}`,
    target: 'Target',
    rag: 'RAG',
    comparators: comparatorNames.length > 0 ? `vs ${listOf(comparatorNames)}` : 'vs comparators',
  };
  const chosen = new Set(spec.columns);
  return [
    { id: 'indicator', kind: 'indicator', header: 'Indicator', numeric: false },
    { id: 'unit', kind: 'unit', header: 'Unit', numeric: false },
    { id: 'area', kind: 'area', header: 'Area', numeric: false },
    ...periods.map((period): ViewColumn => ({
      id: `period:${period.id}`,
      kind: 'period',
      header: period.label,
      numeric: true,
      periodId: period.id,
    })),
    ...(['difference', 'change', 'target', 'rag', 'comparators'] as const)
      .filter((kind) => chosen.has(kind))
      .map((kind): ViewColumn => ({
        id: kind,
        kind,
        header: headers[kind],
        numeric: kind === 'difference' || kind === 'change' || kind === 'target',
      })),
  ];
}

function rowsOf(input: ViewTableInput, section: IndicatorSection): ViewRow[] {
  const { indicator } = section;
  const chosen = new Set(input.spec.columns);
  const common = (area: string): Record<string, ViewCell> => ({
    indicator: text(indicator.name),
    unit: text(indicator.unitText),
    area: text(area),
  });
  const rows = section.comparison.map((row, index): ViewRow => {
    const cells = common(row.area);
    let provisional = row.provisional;
    input.periods.forEach((period, k) => {
      const atPeriod = section.periodRows[k]?.[index];
      const cell = figureCell(
        atPeriod?.current ?? null,
        indicator.unit,
        indicator.decimals,
        atPeriod?.provisional ?? false,
      );
      provisional ||= cell.provisional;
      cells[`period:${period.id}`] = cell;
    });
    if (chosen.has('difference')) cells.difference = differenceCell(row, indicator.unit, indicator.decimals);
    if (chosen.has('change')) cells.change = changeCell(row, indicator.decimals);
    if (chosen.has('target')) cells.target = targetCell(row, indicator.unit, indicator.decimals);
    if (chosen.has('rag')) cells.rag = text(ragWord(row.rag));
    if (chosen.has('comparators')) cells.comparators = text(row.comparators ?? '');
    const kind: ViewRowKind = row.total ? 'total' : 'area';
    const areaId = section.areaIds[index] ?? null;
    return {
      id: `${indicator.id}:${row.total ? 'total' : `area:${areaId ?? index}`}`,
      kind,
      indicatorId: indicator.id,
      areaId,
      area: row.area,
      cells,
      rag: row.rag,
      ragReason: row.ragReason,
      provisional,
    };
  });
  const comparators = section.comparatorRows.map((comparator): ViewRow => {
    const cells = common(comparator.name);
    let provisional = false;
    input.periods.forEach((period, k) => {
      const figure = comparator.values[k];
      const cell = figureCell(figure?.value ?? null, indicator.unit, indicator.decimals, figure?.provisional ?? false);
      provisional ||= cell.provisional;
      cells[`period:${period.id}`] = cell;
    });
    for (const column of ['difference', 'change', 'target', 'rag', 'comparators'] as const) {
      if (chosen.has(column)) cells[column] = text('');
    }
    return {
      id: `${indicator.id}:comparator:${comparator.areaId}`,
      kind: 'comparator',
      indicatorId: indicator.id,
      areaId: comparator.areaId,
      area: comparator.name,
      cells,
      rag: null,
      ragReason: null,
      provisional,
    };
  });
  return [...rows, ...comparators];
}

function notesOf(input: ViewTableInput, rows: readonly ViewRow[]): string[] {
  const notes: string[] = [];
  for (const section of input.sections) {
    const { indicator } = section;
    const total = section.comparison.find((row) => row.total);
    const more = input.sections.length > 1 ? `${indicator.name}: ` : '';
    if (total && isAdditive(indicator.unit)) {
      notes.push(`${more}${total.area} adds up the areas above.`);
    } else if (total) {
      notes.push(
        `${more}${total.area} is ${section.totalArea ?? 'the whole area'}'s own figure: ${indicator.unit === 'rate' ? 'rates' : 'percentages'} are never summed or averaged.`,
      );
    } else if (!isAdditive(indicator.unit) && section.areaCount > 1 && input.spec.totals === 'auto') {
      notes.push(
        `${more}No totals row: ${indicator.unit === 'rate' ? 'rates' : 'percentages'} are never summed or averaged, and the whole area is not in the view.`,
      );
    }
  }
  if (rows.some((row) => row.provisional)) notes.push('Figures marked "provisional" may still be revised.');
  for (const check of input.sections.flatMap((section) => section.statedChecks)) {
    if (!check.agrees) notes.push(`Printed figure disagrees: ${check.message}.`);
  }
  return notes;
}

function titleOf(input: ViewTableInput): string {
  const { periods, sections } = input;
  const names = sections.map((section) => section.indicator.name);
  const what = names.length === 1 ? (names[0] ?? '') : `${names.length} indicators`;
  const first = periods[0]?.label ?? '';
  const last = periods[periods.length - 1]?.label ?? '';
  return input.spec.periods.mode === 'trend'
    ? `${what}, ${first} to ${last} (${periods.length} periods)`
    : `${what}: ${first} to ${last}`;
}

/** The view's table model from its computed sections. */
export function buildViewTable(input: ViewTableInput): EvaluatedView {
  const rows = input.sections.flatMap((section) => rowsOf(input, section));
  return {
    name: input.name,
    spec: input.spec,
    mode: input.spec.periods.mode,
    title: titleOf(input),
    periods: input.periods,
    indicators: input.sections.map((section) => section.indicator),
    columns: columnsOf(input),
    rows,
    statedChecks: input.sections.flatMap((section) => section.statedChecks),
    notes: notesOf(input, rows),
  };
}
