/**
 * Comparators (England, South East) beside an area's figure. "Lower than
 * England (19.4)" is computed from the two figures, never typed.
 */
import type { Polarity, Unit } from '../domain';
import { formatValue } from './format';

export type ComparatorRelation = 'lower' | 'higher' | 'the same as' | 'no figure';
export type ComparatorJudgement = 'better' | 'worse' | 'same' | 'no direction';

export interface ComparatorStatement {
  readonly comparator: string;
  readonly value: number | null;
  readonly relation: ComparatorRelation;
  readonly judgement: ComparatorJudgement;
  /** "lower than England (19.4)", "the same as England (9)", "no England figure". */
  readonly text: string;
}

/** A named comparator figure, as describeComparators takes them. */
export interface ComparatorFigure {
  readonly name: string;
  readonly value: number | null;
}

function usable(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

/** "England (19.4)": the comparator's figure as published (no added zeros: "(5)", not "(5.0)"). */
function named(name: string, value: number, unit: Unit | undefined): string {
  return `${name} (${formatValue(value, unit ?? 'rate')})`;
}

function phrase(relation: Exclude<ComparatorRelation, 'no figure'>): string {
  return relation === 'the same as' ? 'the same as' : `${relation} than`;
}

/**
 * How an area's figure stands against one comparator. Judgement follows
 * polarity (lower burglary than England is better); neutral polarity says
 * no direction. A missing figure on either side says so:
 * "no England figure", "no figure to compare with England (19.4)".
 * `unit` only changes how the comparator's figure is printed (default: as a plain number).
 */
export function compareWithComparator(
  value: number | null,
  comparatorName: string,
  comparatorValue: number | null,
  polarity: Polarity,
  unit?: Unit,
): ComparatorStatement {
  const comparatorFigure = usable(comparatorValue) ? comparatorValue : null;
  if (comparatorFigure === null) {
    return {
      comparator: comparatorName,
      value: null,
      relation: 'no figure',
      judgement: 'no direction',
      text: `no ${comparatorName} figure`,
    };
  }
  if (!usable(value)) {
    return {
      comparator: comparatorName,
      value: comparatorFigure,
      relation: 'no figure',
      judgement: 'no direction',
      text: `no figure to compare with ${named(comparatorName, comparatorFigure, unit)}`,
    };
  }
  const relation = value < comparatorFigure ? 'lower' : value > comparatorFigure ? 'higher' : 'the same as';
  const judgement =
    relation === 'the same as'
      ? 'same'
      : polarity === 'neutral'
        ? 'no direction'
        : (relation === 'lower') === (polarity === 'lower is better')
          ? 'better'
          : 'worse';
  return {
    comparator: comparatorName,
    value: comparatorFigure,
    relation,
    judgement,
    text: `${phrase(relation)} ${named(comparatorName, comparatorFigure, unit)}`,
  };
}

/** "a", "a and b", "a, b and c". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * One phrase for all the comparators, in the order given, with neighbours
 * that stand in the same relation sharing it:
 * "lower than England (19.4) and South East (15.8)",
 * "higher than England (5) and lower than South East (5.5)".
 * No comparators: "no comparators".
 */
export function describeComparators(
  value: number | null,
  comparators: readonly ComparatorFigure[],
  polarity: Polarity,
  unit?: Unit,
): string {
  if (comparators.length === 0) return 'no comparators';
  const statements = comparators.map((c) => compareWithComparator(value, c.name, c.value, polarity, unit));
  if (!usable(value) && statements.every((s) => s.value !== null)) {
    return `no figure to compare with ${listOf(statements.map((s) => named(s.comparator, s.value ?? 0, unit)))}`;
  }
  const groups: { relation: ComparatorRelation; texts: string[] }[] = [];
  for (const statement of statements) {
    const last = groups[groups.length - 1];
    if (statement.relation !== 'no figure' && last?.relation === statement.relation && statement.value !== null) {
      last.texts.push(named(statement.comparator, statement.value, unit));
    } else if (statement.relation === 'no figure' || statement.value === null) {
      groups.push({ relation: 'no figure', texts: [statement.text] });
    } else {
      groups.push({ relation: statement.relation, texts: [statement.text] });
    }
  }
  return listOf(groups.map((group) => listOf(group.texts)));
}
