/**
 * The shapes the comparison engine reads and returns. Plain readonly data, so
 * the CLI, the renderer and the pack builder can pass comparisons around freely.
 */
import type { Polarity, Rag, TargetKind, Unit } from '../domain';

/**
 * An observed value, or its absence. A null value means there is no figure.
 * Non-finite numbers (NaN, ±Infinity) and magnitudes beyond 2^52 are read as
 * "no figure" too: they cannot be shown or subtracted exactly, so the engine
 * never lets them reach a printed cell. Figures are held to 10 decimals.
 */
export interface Observation {
  readonly value: number | null;
  readonly provisional?: boolean;
}

/** What an indicator measures and which direction is good news. */
export interface IndicatorTraits {
  readonly unit: Unit;
  readonly polarity: Polarity;
  /**
   * How many decimals the indicator is published with (rates: usually 1).
   * Optional: without it, differences are shown with the larger number of
   * decimals of the two inputs, at most 3. Stored numbers lose trailing zeros
   * (8.0 is stored as 8), so set this when the data's precision matters.
   */
  readonly decimals?: number;
}

/**
 * A target. `percent change`: the wanted change in percent, -2 meaning "a 2%
 * decrease" (for percent-unit indicators it is read in percentage points).
 * `absolute`: the value the current figure should reach.
 */
export interface Target {
  readonly kind: TargetKind;
  readonly value: number;
}

/** Counts, rates and money change by a ratio; percentages change in points. */
export type ChangeKind = 'ratio' | 'points';

export type ComparisonStatus = 'complete' | 'missing base' | 'missing current' | 'missing both' | 'zero base';

/** 'no direction' for neutral polarity or when a figure is missing. */
export type Direction = 'better' | 'worse' | 'unchanged' | 'no direction';

/** One base-to-current comparison, with every number the board sees already worded. */
export interface Comparison {
  readonly base: number | null;
  readonly current: number | null;
  /** current - base, exact: integers subtract exactly, decimals to the data's own decimals. */
  readonly difference: number | null;
  /** Ratio units: difference / |base|. Percent units: the difference in points. Null when not computable. */
  readonly change: number | null;
  readonly changeKind: ChangeKind;
  readonly status: ComparisonStatus;
  /** Either figure is provisional. */
  readonly provisional: boolean;
  readonly direction: Direction;
  /** "+98", "-166", "0", "-1.6", "+£32,800"; "n/a" when a figure is missing. */
  readonly differenceText: string;
  /** "+10%", "-45%", "0%", "+7 pp"; "no base figure", "new (base was 0)" and the like. */
  readonly changeText: string;
  readonly rag: Rag | null;
  /** One sentence saying why the RAG is what it is. */
  readonly ragReason: string;
}

export interface CompareOptions {
  readonly target?: Target | null;
  /**
   * How far from a target (or from no change) still counts as amber. A ratio
   * (default 0.02, i.e. 2%); for percent-unit indicators, percentage points
   * (default 2).
   */
  readonly tolerance?: number;
}
