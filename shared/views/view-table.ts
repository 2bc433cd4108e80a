/**
 * An evaluated comparison view: a table model that every consumer reads the
 * same way (the app's grid, CSV and XLSX exports, charts, the pack). Each
 * numeric cell carries the exact number, the number as printed (for CSV) and
 * the printed text, so no consumer ever redoes the arithmetic or re-rounds.
 */
import type { StatedCheck } from '../comparison';
import type { Polarity, Rag, Unit } from '../domain';
import type { Period } from '../model';
import type { ViewSpec } from './view-spec';

/**
 * How a numeric cell is printed.
 * - number: `value` as is, at `decimals` (rates, counts, differences);
 * - percent: `value` is a ratio (-0.4523), printed ×100 at `decimals` ("-45%");
 * - points: `value` is in percentage points ("+7 pp");
 * - percentage: `value` is a figure of a percent-unit indicator ("43%");
 * - money: `value` is whole pence, printed as pounds.
 * `signed`: a + before positive values (differences and changes).
 */
export interface NumberFormat {
  readonly style: 'number' | 'percent' | 'points' | 'percentage' | 'money';
  readonly decimals: number;
  readonly signed: boolean;
}

export interface TextCell {
  readonly kind: 'text';
  readonly text: string;
}

export interface NumberCell {
  readonly kind: 'number';
  /** The exact number (a ratio for percent changes), or null when there is none. */
  readonly value: number | null;
  /** The number as the text prints it, without sign padding, % or £ (-45 for "-45%", 501717 for "£501,717"). */
  readonly shown: number | null;
  /** "-166", "-45%", "+7 pp", "–", "no base figure". */
  readonly text: string;
  readonly format: NumberFormat;
  /** The figure behind the cell is provisional. */
  readonly provisional: boolean;
}

export type ViewCell = TextCell | NumberCell;

export type ViewColumnKind =
  'indicator' | 'unit' | 'area' | 'period' | 'difference' | 'change' | 'target' | 'rag' | 'comparators';

export interface ViewColumn {
  /** Stable within the view: 'area', 'period:12', 'change'. */
  readonly id: string;
  readonly kind: ViewColumnKind;
  readonly header: string;
  /** Numeric columns align right and sort by number. */
  readonly numeric: boolean;
  readonly periodId?: number;
}

/** 'total': the totals row (summed counts, or the whole area's own rate); 'comparator': England beside a trend. */
export type ViewRowKind = 'area' | 'total' | 'comparator';

export interface ViewRow {
  /** Stable within the view: "6:area:5", "6:total", "9:comparator:1". */
  readonly id: string;
  readonly kind: ViewRowKind;
  readonly indicatorId: number;
  /** The area the row stands for (null for a totals row of no stored area). */
  readonly areaId: number | null;
  readonly area: string;
  /** One cell per column id. */
  readonly cells: Readonly<Record<string, ViewCell>>;
  readonly rag: Rag | null;
  /** Why the RAG is what it is ("target -2%, actual -20%: better than target"); null on comparator rows. */
  readonly ragReason: string | null;
  /** Any figure in the row is provisional. */
  readonly provisional: boolean;
}

export interface ViewPriority {
  readonly id: number;
  /** "Priority 6.2: Reducing acquisitive crime and reducing reoffending (Safer Bucks Plan 2014-15)". */
  readonly label: string;
  /** "Priority 6.2, Safer Bucks Plan 2014-15": for a chart's axis. */
  readonly short: string;
  /** Sort key: the plan's start, then the priority's position. */
  readonly order: string;
}

export interface ViewIndicator {
  readonly id: number;
  readonly name: string;
  readonly unit: Unit;
  /** "count", "rate per 1,000 residents", "percent", "£". */
  readonly unitText: string;
  readonly polarity: Polarity;
  /** The decimals every figure of the indicator's rows is shown with (rates: 9.6, 8.0). */
  readonly decimals: number;
  readonly definition: string | null;
  /** The priorities the indicator serves (for the RAG summary). */
  readonly priorities: readonly ViewPriority[];
}

export interface EvaluatedView {
  readonly name: string | null;
  readonly spec: ViewSpec;
  readonly mode: 'compare' | 'trend';
  /** "Domestic burglary: Apr-Dec 2012 to Apr-Dec 2013". */
  readonly title: string;
  /** The periods in column order (base and current, or the trend's). */
  readonly periods: readonly Period[];
  readonly indicators: readonly ViewIndicator[];
  readonly columns: readonly ViewColumn[];
  readonly rows: readonly ViewRow[];
  /** Printed differences and % changes checked against the computed ones (compare mode). */
  readonly statedChecks: readonly StatedCheck[];
  /** Sentences to print under the table: totals rules, provisional figures, printed figures that disagree. */
  readonly notes: readonly string[];
}

/** A cell's text, whatever its kind. */
export const cellText = (cell: ViewCell | undefined): string => cell?.text ?? '';
