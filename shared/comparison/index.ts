/**
 * The comparison engine: differences, changes, RAG, totals, stated-versus-
 * computed checks and comparator sentences, worded once for every screen,
 * command and document. Pure: no Node, no DOM.
 */
export type {
  ChangeKind,
  Comparison,
  CompareOptions,
  ComparisonStatus,
  Direction,
  IndicatorTraits,
  Observation,
  Target,
} from './types';
export {
  compare,
  changeKindOf,
  DEFAULT_TOLERANCE,
  DEFAULT_TOLERANCE_POINTS,
  displayDecimals,
  resolveTolerance,
} from './compare';
export { judgeRag } from './rag';
export type { RagFacts, RagJudgement } from './rag';
export { figureOf, isProvisional, MAX_FIGURE } from './observation';
export { isAdditive, rateFrom, sumObservations, sumTotalRow } from './totals';
export type { TotalRowInput } from './totals';
export {
  checkStatedDifference,
  checkStatedPercentChange,
  checkStatedReduction,
  checkStatedTotal,
} from './stated-checks';
export type { StatedCheck, StatedCheckOptions, StatedTotalOptions } from './stated-checks';
export { compareWithComparator, describeComparators } from './comparators';
export type { ComparatorFigure, ComparatorJudgement, ComparatorRelation, ComparatorStatement } from './comparators';
export {
  formatDifference,
  formatPoints,
  formatSignedPercent,
  formatSignedWholePercent,
  formatValue,
  NO_FIGURE,
  NOT_APPLICABLE,
} from './format';
export { formatNumber, formatSignedNumber, GROUP_THOUSANDS_FROM, naturalDecimals } from './number-text';
export {
  decimalsOf,
  exactDifference,
  MAX_DATA_DECIMALS,
  MAX_DISPLAY_DECIMALS,
  roundHalfAwayFromZero,
} from './rounding';
export { sumExactly } from './exact-sum';
export { buildComparisonTable } from './table';
export type { ComparisonRow, ComparisonRowInput, ComparisonTableOptions } from './table';
