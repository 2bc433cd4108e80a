/**
 * Red, amber or green, with the one sentence that explains it.
 *
 * - Neutral polarity: no RAG (nothing is better or worse).
 * - Absolute target: the current figure against the target, by polarity;
 *   amber within tolerance × |target| (percent units: tolerance in points).
 *   Judged whenever there is a current figure, even with no or a zero base.
 * - Percent-change target: the actual change against the target change
 *   (lower is better: actual ≤ target is green); amber when worse than the
 *   target by no more than the tolerance (2% → 2 points of change).
 *   Percent-unit indicators read the target and the tolerance in points.
 * - No target: better beyond the tolerance is green, within ±tolerance amber,
 *   worse beyond it red.
 * - A missing figure or a zero base with no absolute target: no RAG, and the
 *   reason says which figure is missing.
 * Provisional figures do not change the judgement; the reason says so.
 */
import type { Polarity, Rag, Unit } from '../domain';
import { formatValue } from './format';
import { formatNumber, formatSignedNumber, naturalDecimals } from './number-text';
import { atMost, decimalsToDistinguish } from './rounding';
import type { ChangeKind, ComparisonStatus, Target } from './types';

export interface RagJudgement {
  readonly rag: Rag | null;
  readonly reason: string;
}

/** What the judgement is made from; all already computed by compare(). */
export interface RagFacts {
  readonly status: ComparisonStatus;
  readonly unit: Unit;
  readonly polarity: Polarity;
  readonly changeKind: ChangeKind;
  readonly current: number | null;
  /** The change as the board reads it: percent (ratio × 100) or points. Null unless complete. */
  readonly movement: number | null;
  readonly target: Target | null;
  /** Ratio (0.02) for ratio units, points for percent units. */
  readonly tolerance: number;
  readonly provisional: boolean;
}

const INCOMPLETE_REASONS: Readonly<Record<Exclude<ComparisonStatus, 'complete'>, string>> = {
  'missing base': 'no base figure',
  'missing current': 'no current figure',
  'missing both': 'no figures',
  'zero base': 'the base was 0, so there is no percent change',
};

/** Judges a comparison. See the module comment for the rules. */
export function judgeRag(facts: RagFacts): RagJudgement {
  const judgement = judge(facts);
  if (judgement.rag === null || !facts.provisional) return judgement;
  return { rag: judgement.rag, reason: `${judgement.reason} (provisional figures)` };
}

function judge(facts: RagFacts): RagJudgement {
  const { target } = facts;
  if (facts.polarity === 'neutral') {
    return { rag: null, reason: 'no judgement: a neutral indicator has no better direction' };
  }
  if (target && !Number.isFinite(target.value)) {
    return { rag: null, reason: 'no judgement: the target is not a number' };
  }
  if (target?.kind === 'absolute') {
    if (facts.current === null) return { rag: null, reason: 'no comparison: no current figure' };
    return judgeAbsolute(facts, facts.current, target.value);
  }
  if (facts.status !== 'complete' || facts.movement === null) {
    const why = facts.status === 'complete' ? 'no change figure' : INCOMPLETE_REASONS[facts.status];
    return { rag: null, reason: `no comparison: ${why}` };
  }
  if (target) return judgeChangeTarget(facts, facts.movement, target.value);
  return judgeWithoutTarget(facts, facts.movement);
}

/** How much worse than `reference` the `actual` is (positive = worse), by polarity. */
function shortfall(polarity: Polarity, actual: number, reference: number): number {
  return polarity === 'lower is better' ? actual - reference : reference - actual;
}

function toleranceText(facts: RagFacts): string {
  if (facts.changeKind === 'points') return `${formatNumber(facts.tolerance, naturalDecimals(facts.tolerance))} pp`;
  const percent = facts.tolerance * 100;
  return `${formatNumber(percent, naturalDecimals(percent))}%`;
}

/** A change as the board reads it, with enough decimals to differ from the figures it is set against. */
function movementText(facts: RagFacts, movement: number, against: readonly number[]): string {
  const decimals = decimalsToDistinguish(movement, against, 0);
  const text = formatSignedNumber(movement, decimals);
  return facts.changeKind === 'points' ? `${text} pp` : `${text}%`;
}

function verdict(rag: Rag, exact: boolean, tolerance: string): string {
  if (rag === 'green') return exact ? 'meets target' : 'better than target';
  if (rag === 'amber') return `worse than target, within the ${tolerance} tolerance`;
  return `worse than target by more than the ${tolerance} tolerance`;
}

function judgeAbsolute(facts: RagFacts, current: number, target: number): RagJudgement {
  const band = facts.changeKind === 'points' ? facts.tolerance : facts.tolerance * Math.abs(target);
  const worseBy = shortfall(facts.polarity, current, target);
  const rag: Rag = worseBy <= 0 ? 'green' : atMost(worseBy, band) ? 'amber' : 'red';
  // Enough decimals that an actual just over the target never prints as the target.
  const decimals =
    facts.unit === 'money'
      ? undefined
      : Math.max(naturalDecimals(target), naturalDecimals(current), decimalsToDistinguish(current, [target]));
  const actualText = formatValue(current, facts.unit, decimals);
  const targetText = formatValue(target, facts.unit, decimals);
  return {
    rag,
    reason: `target ${targetText}, actual ${actualText}: ${verdict(rag, worseBy === 0, toleranceText(facts))}`,
  };
}

function judgeChangeTarget(facts: RagFacts, movement: number, target: number): RagJudgement {
  const band = facts.changeKind === 'points' ? facts.tolerance : facts.tolerance * 100;
  const worseBy = shortfall(facts.polarity, movement, target);
  const rag: Rag = worseBy <= 0 ? 'green' : atMost(worseBy, band) ? 'amber' : 'red';
  return {
    rag,
    reason: `target ${exactTargetText(facts, target)}, actual ${movementText(facts, movement, [target])}: ${verdict(rag, worseBy === 0, toleranceText(facts))}`,
  };
}

/** A target change exactly as set: -2 → "-2%", -2.5 → "-2.5%", 5 (points) → "+5 pp". */
function exactTargetText(facts: RagFacts, target: number): string {
  const text = formatSignedNumber(target, naturalDecimals(target, 4));
  return facts.changeKind === 'points' ? `${text} pp` : `${text}%`;
}

function judgeWithoutTarget(facts: RagFacts, movement: number): RagJudgement {
  const band = facts.changeKind === 'points' ? facts.tolerance : facts.tolerance * 100;
  const tolerance = toleranceText(facts);
  const magnitude = Math.abs(movement);
  const decimals = decimalsToDistinguish(magnitude, [0, band], 0);
  const amount = `${formatNumber(magnitude, decimals)}${facts.changeKind === 'points' ? ' pp' : '%'}`;
  const moved = movement === 0 ? 'unchanged' : `${movement < 0 ? 'fell' : 'rose'} ${amount}`;
  if (atMost(magnitude, band)) return { rag: 'amber', reason: `no target: ${moved}, within ${tolerance} tolerance` };
  const better = shortfall(facts.polarity, movement, 0) < 0;
  return better
    ? { rag: 'green', reason: `no target: ${moved}, better by more than the ${tolerance} tolerance` }
    : { rag: 'red', reason: `no target: ${moved}, worse by more than the ${tolerance} tolerance` };
}
