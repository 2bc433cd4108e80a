import type { AreaKind } from '../../../shared/domain';
import { BoardpackError } from '../../../shared/errors';
import { normaliseName, suggestion } from '../../../shared/names';
import type { FigureMapping, Layout } from './figure-mapping';

/** A column of the file: its position and its header, which errors name. */
export interface Column {
  readonly index: number;
  readonly name: string;
}

export type ColumnPlan =
  | {
      readonly layout: 'long';
      readonly indicator: Column;
      readonly area: Column;
      readonly period: Column;
      readonly value: Column;
      readonly note: Column | null;
      readonly provisional: Column | null;
    }
  | {
      readonly layout: 'wide-period';
      readonly area: Column;
      readonly areaKind: AreaKind;
      readonly indicator: string;
      readonly periods: readonly Column[];
      readonly difference: Column | null;
      readonly change: Column | null;
      readonly ignored: readonly Column[];
    }
  | {
      readonly layout: 'wide-indicator';
      readonly area: Column;
      readonly areaKind: AreaKind;
      readonly period: string;
      readonly indicators: readonly Column[];
      readonly ignored: readonly Column[];
    };

export interface PlanOptions {
  readonly layout?: Layout | undefined;
  /** The one period of a wide-by-indicator file (wins over the mapping's). */
  readonly period?: string | undefined;
  /** The one indicator of a wide-by-period file (wins over the mapping's). */
  readonly indicator?: string | undefined;
}

/** Headers that name the area column of a wide file, and the kind of area each suggests. */
const AREA_HEADERS: ReadonlyMap<string, AreaKind> = new Map([
  ['area', 'district'],
  ['area name', 'district'],
  ['police area', 'police area'],
  ['local policing area', 'police area'],
  ['district', 'district'],
  ['local authority', 'district'],
  ['local authority name', 'district'],
  ['community safety partnership', 'district'],
  ['community safety partnership name', 'district'],
  ['csp', 'district'],
  ['csp name', 'district'],
  ['community board', 'community board'],
  ['lsoa', 'lsoa'],
  ['lsoa name', 'lsoa'],
  ['county', 'county'],
  ['name', 'district'],
]);

/** Descriptive columns of published tables that a wide import leaves out without being told. */
const DESCRIPTIVE = new Set([
  'region',
  'region name',
  'country',
  'country name',
  'county name',
  'force',
  'force name',
  'police force',
  'police force area',
  'note',
  'notes',
  'source',
]);
const DIFFERENCE = new Set(['difference', 'diff', 'change', 'numeric change', 'volume change']);
const PERCENT_CHANGE = new Set(['% change', 'change %', '%change', 'percent change', 'percentage change', '% diff']);

const LONG_COLUMNS = ['indicator', 'area', 'period', 'value'] as const;

/**
 * Which column is what, from the header and the mapping. The layout is the
 * mapping's (or --layout); otherwise long when the header has indicator, area,
 * period and value columns, wide by indicator when a period is named, else
 * wide by period. A wide file's area column is the mapping's, else the first
 * headed Area, Police Area, District, Local Authority, CSP (name)…, else the first
 * column; columns named in `ignore`, blank headers, codes (any header ending in
 * "code") and descriptive columns (Region, Country, Force, Notes…) are left out;
 * in a wide-by-period file, Difference and % Change columns are checked, not
 * imported. Every other column is a period (or an indicator).
 */
export function planColumns(
  file: string,
  headerRow: number,
  header: readonly string[],
  mapping: FigureMapping,
  options: PlanOptions,
): ColumnPlan {
  const where = { file, row: headerRow };
  const columns = header.map((name, index) => ({ index, name: name.trim() }));
  const seen = new Map<string, Column>();
  for (const column of columns) {
    if (column.name === '') continue;
    const key = normaliseName(column.name);
    if (seen.has(key)) {
      throw new BoardpackError('invalid-input', `two columns are headed "${column.name}"`, {
        ...where,
        column: column.name,
      });
    }
    seen.set(key, column);
  }
  const find = (name: string): Column | undefined => seen.get(normaliseName(name));
  const need = (name: string, what: string): Column => {
    const column = find(name);
    if (!column) {
      throw new BoardpackError(
        'invalid-input',
        `the header has no ${what} column "${name}"${suggestion(
          name,
          columns.map((c) => c.name),
        )}`,
        where,
      );
    }
    return column;
  };
  const mapped = mapping.columns;
  const period = options.period ?? mapping.period;
  const indicator = options.indicator ?? mapping.indicator;
  const looksLong = LONG_COLUMNS.every((role) => find(mapped[role] ?? role) !== undefined);
  const layout: Layout =
    options.layout ?? mapping.layout ?? (looksLong ? 'long' : period !== undefined ? 'wide-indicator' : 'wide-period');

  if (layout === 'long') {
    const optional = (role: 'note' | 'provisional'): Column | null =>
      mapped[role] !== undefined ? need(mapped[role], role) : (find(role) ?? null);
    return {
      layout,
      indicator: need(mapped.indicator ?? 'indicator', 'indicator'),
      area: need(mapped.area ?? 'area', 'area'),
      period: need(mapped.period ?? 'period', 'period'),
      value: need(mapped.value ?? 'value', 'value'),
      note: optional('note'),
      provisional: optional('provisional'),
    };
  }

  const area =
    mapped.area !== undefined
      ? need(mapped.area, 'area')
      : (columns.find((column) => AREA_HEADERS.has(normaliseName(column.name))) ?? columns[0]);
  if (!area) throw new BoardpackError('invalid-input', 'the header is empty', where);
  const areaKind = AREA_HEADERS.get(normaliseName(area.name)) ?? 'district';
  const ignoredNames = new Set(mapping.ignore.map(normaliseName));
  for (const name of mapping.ignore) need(name, 'ignored');
  const isIgnored = (column: Column): boolean => {
    const key = normaliseName(column.name);
    return key === '' || ignoredNames.has(key) || DESCRIPTIVE.has(key) || /(^|\s)code$/.test(key);
  };
  const rest = columns.filter((column) => column.index !== area.index);
  const ignored = rest.filter(isIgnored);

  if (layout === 'wide-indicator') {
    if (period === undefined) {
      throw new BoardpackError(
        'invalid-input',
        'a file with one column per indicator holds one period: name it with --period or the mapping\'s "period"',
        { file, field: 'period' },
      );
    }
    const indicators = rest.filter((column) => !isIgnored(column));
    if (indicators.length === 0)
      throw new BoardpackError('invalid-input', 'the header has no indicator columns', where);
    return { layout, area, areaKind, period, indicators, ignored };
  }

  if (indicator === undefined) {
    throw new BoardpackError(
      'invalid-input',
      'a file with one column per period holds one indicator: name it with --indicator or the mapping\'s "indicator"',
      { file, field: 'indicator' },
    );
  }
  const pick = (role: 'difference' | 'change', names: ReadonlySet<string>): Column | null =>
    mapped[role] !== undefined
      ? need(mapped[role], role)
      : (rest.find((column) => names.has(normaliseName(column.name))) ?? null);
  const difference = pick('difference', DIFFERENCE);
  const change = pick('change', PERCENT_CHANGE);
  const periods = rest.filter(
    (column) => !isIgnored(column) && column.index !== difference?.index && column.index !== change?.index,
  );
  if (periods.length === 0) throw new BoardpackError('invalid-input', 'the header has no period columns', where);
  return { layout, area, areaKind, indicator, periods, difference, change, ignored };
}
