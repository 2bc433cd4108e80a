import type { IsoDate, PeriodKind } from '../../../shared/domain';

/**
 * Period labels as the partnership writes them, read and written one way:
 * months "2024-04", financial years "2024/25", quarters "Apr-Jun 2024",
 * ranges "Apr-Dec 2012" or "Apr 2024-Feb 2025", calendar years "2012".
 */
export interface PeriodSpec {
  readonly label: string;
  readonly kind: PeriodKind;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
}

export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const pad = (value: number): string => String(value).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const firstOf = (year: number, month: number): IsoDate => `${year}-${pad(month)}-01`;
const lastOf = (year: number, month: number): IsoDate => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;

/** "Apr", "April", "Sept" → 4; anything else → null. */
function monthNumber(text: string): number | null {
  const word = text.trim().toLowerCase();
  if (word.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => {
    const full = new Date(Date.UTC(2000, MONTH_NAMES.indexOf(name), 1)).toLocaleString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    return full.toLowerCase().startsWith(word) || (name === 'Sep' && word === 'sept');
  });
  return index === -1 ? null : index + 1;
}

/** "2024-04": a month as police.uk writes it. */
export function monthLabel(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

/** The year and month of a "2024-04" label, or null when it is not one. */
export function parseMonthLabel(label: string): { year: number; month: number } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(label.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year, month } : null;
}

export function monthSpec(year: number, month: number): PeriodSpec {
  return {
    label: monthLabel(year, month),
    kind: 'month',
    startDate: firstOf(year, month),
    endDate: lastOf(year, month),
  };
}

/** "2024/25", April 2024 to March 2025. */
export function financialYearSpec(startYear: number): PeriodSpec {
  return {
    label: `${startYear}/${pad((startYear + 1) % 100)}`,
    kind: 'financial year',
    startDate: firstOf(startYear, 4),
    endDate: lastOf(startYear + 1, 3),
  };
}

/**
 * Months `from` to `to` as one period: "Apr-Jun 2024" within a calendar year
 * (a quarter when it is one of Jan-Mar, Apr-Jun, Jul-Sep, Oct-Dec), otherwise
 * "Apr 2024-Feb 2025".
 */
export function monthRangeSpec(from: { year: number; month: number }, to: { year: number; month: number }): PeriodSpec {
  const startName = MONTH_NAMES[from.month - 1] ?? '';
  const endName = MONTH_NAMES[to.month - 1] ?? '';
  const sameYear = from.year === to.year;
  const quarter = sameYear && to.month - from.month === 2 && from.month % 3 === 1;
  return {
    label: sameYear ? `${startName}-${endName} ${from.year}` : `${startName} ${from.year}-${endName} ${to.year}`,
    kind: quarter ? 'quarter' : 'range',
    startDate: firstOf(from.year, from.month),
    endDate: lastOf(to.year, to.month),
  };
}

const DASH = /[\u2010-\u2015\u2212]/g;

/**
 * What a label means, when it follows one of the forms above; null otherwise
 * (the period then needs its dates given). "2011-12" is December 2011; a
 * financial year is written with a slash, "2011/12".
 */
export function parsePeriodLabel(text: string): PeriodSpec | null {
  const label = text.trim().replace(DASH, '-').replace(/\s+/g, ' ');
  const month = parseMonthLabel(label);
  if (month) return { ...monthSpec(month.year, month.month), label: text.trim() };
  const named = (spec: PeriodSpec | null): PeriodSpec | null => (spec ? { ...spec, label: text.trim() } : null);

  const financial = /^(\d{4}) ?\/ ?(\d{2}|\d{4})$/.exec(label);
  if (financial) {
    const start = Number(financial[1]);
    const end = Number(financial[2]);
    const follows = (financial[2] ?? '').length === 2 ? end === (start + 1) % 100 : end === start + 1;
    return follows ? named(financialYearSpec(start)) : null;
  }
  const year = /^(\d{4})$/.exec(label);
  if (year) {
    const y = Number(year[1]);
    return named({ label, kind: 'range', startDate: firstOf(y, 1), endDate: lastOf(y, 12) });
  }
  const withinYear = /^([A-Za-z]+) ?- ?([A-Za-z]+) (\d{4})$/.exec(label);
  if (withinYear) {
    const from = monthNumber(withinYear[1] ?? '');
    const to = monthNumber(withinYear[2] ?? '');
    const y = Number(withinYear[3]);
    if (from === null || to === null || from > to) return null;
    return named(monthRangeSpec({ year: y, month: from }, { year: y, month: to }));
  }
  const acrossYears = /^([A-Za-z]+) (\d{4}) ?- ?([A-Za-z]+) (\d{4})$/.exec(label);
  if (acrossYears) {
    const from = { month: monthNumber(acrossYears[1] ?? ''), year: Number(acrossYears[2]) };
    const to = { month: monthNumber(acrossYears[3] ?? ''), year: Number(acrossYears[4]) };
    if (from.month === null || to.month === null) return null;
    if (from.year * 12 + from.month > to.year * 12 + to.month) return null;
    return named(monthRangeSpec({ year: from.year, month: from.month }, { year: to.year, month: to.month }));
  }
  const single = /^([A-Za-z]+) (\d{4})$/.exec(label);
  if (single) {
    const m = monthNumber(single[1] ?? '');
    return m === null ? null : named(monthSpec(Number(single[2]), m));
  }
  return null;
}
