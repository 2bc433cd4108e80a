import { financialYearSpec, monthLabel, monthRangeSpec, type PeriodSpec } from './period-labels';

/** A period that adds up whole months, and the months it needs ("2024-04" …). */
export interface RollUp {
  readonly spec: PeriodSpec;
  readonly months: readonly string[];
}

interface YearMonth {
  readonly year: number;
  readonly month: number;
}

function addMonths(from: YearMonth, count: number): YearMonth {
  const total = from.year * 12 + (from.month - 1) + count;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

function monthsFrom(from: YearMonth, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const { year, month } = addMonths(from, index);
    return monthLabel(year, month);
  });
}

/**
 * The partnership's periods a month rolls up into, for a financial year that
 * runs April to March: its quarter ("Jan-Mar 2025"), its financial year
 * ("2024/25"), and each April-to-date range that ends in or after it within the
 * year ("Apr-May 2024" … "Apr 2024-Feb 2025"). April to date ending in April is
 * the month itself and ending in March is the financial year, so neither is
 * repeated; April to June is the first quarter: one period under one label.
 */
export function rollUpsOf(year: number, month: number): RollUp[] {
  const april: YearMonth = { year: month >= 4 ? year : year - 1, month: 4 };
  const offset = (year - april.year) * 12 + month - 4;
  const quarterStart = addMonths(april, offset - (offset % 3));
  const rollUps: RollUp[] = [
    { spec: monthRangeSpec(quarterStart, addMonths(quarterStart, 2)), months: monthsFrom(quarterStart, 3) },
    { spec: financialYearSpec(april.year), months: monthsFrom(april, 12) },
  ];
  for (let end = Math.max(offset, 1); end <= 10; end += 1) {
    const spec = monthRangeSpec(april, addMonths(april, end));
    if (rollUps.some((rollUp) => rollUp.spec.label === spec.label)) continue;
    rollUps.push({ spec, months: monthsFrom(april, end + 1) });
  }
  return rollUps;
}
