import { checkStatedDifference, checkStatedPercentChange, checkStatedTotal } from '../../../shared/comparison';
import type { Unit } from '../../../shared/domain';
import { BoardpackError, type ErrorWhere } from '../../../shared/errors';
import { readNumberCell } from '../cells/number-cell';

/** A number the file prints (a Difference, a % Change, a total row) checked against the one computed from its figures. */
export interface PrintedCheck {
  readonly row: number;
  readonly column: string;
  readonly kind: 'difference' | 'percent change' | 'total';
  readonly agrees: boolean;
  /** "Domestic burglary, Wycombe, 2012 to 2013 (367 to 201): printed -116, computed -166". */
  readonly message: string;
}

/**
 * Checks a printed Difference or % Change cell against base → current. A blank
 * (or "..") cell is not checked; text is refused like any number cell. A %
 * change from a base of 0 has no value, so it is not checked either.
 */
export function checkPrintedChange(
  kind: 'difference' | 'percent change',
  label: string,
  base: number,
  current: number,
  printed: string,
  unit: Unit,
  where: Required<Pick<ErrorWhere, 'file' | 'row' | 'column'>>,
): PrintedCheck | null {
  const cell = readNumberCell(printed, kind === 'percent change' ? 'percent' : unit);
  if (cell.kind === 'missing') return null;
  if (cell.kind === 'error') throw new BoardpackError('invalid-input', cell.message, where);
  if (kind === 'percent change' && base === 0) return null;
  const options = unit === 'money' ? { unit } : {};
  const check =
    kind === 'difference'
      ? checkStatedDifference(label, base, current, cell.value, options)
      : checkStatedPercentChange(label, base, current, cell.value, options);
  return { row: where.row, column: where.column, kind, agrees: check.agrees, message: check.message };
}

interface ColumnSum {
  sum: number;
  complete: boolean;
  total: { row: number; area: string; value: number | null } | null;
}

/**
 * Adds up each value column of a wide file over its area rows and checks the
 * total row ("Total Bucks") against the sum, for counts and money. With more
 * than one total row, or a missing value, there is nothing to check.
 */
export class TotalRowCheck {
  private readonly columns = new Map<string, ColumnSum>();
  private totalRows = new Set<number>();

  /** One cell of a value column: an area row's part of the sum, or the total row's stated total. */
  add(column: string, row: number, area: string, value: number | null, total: boolean): void {
    const entry = this.columns.get(column) ?? { sum: 0, complete: true, total: null };
    if (total) {
      this.totalRows.add(row);
      entry.total ??= { row, area, value };
    } else if (value === null) entry.complete = false;
    else entry.sum += value;
    this.columns.set(column, entry);
  }

  checks(labelOf: (column: string) => string, unit: (column: string) => Unit): PrintedCheck[] {
    if (this.totalRows.size !== 1) return [];
    const checks: PrintedCheck[] = [];
    for (const [column, entry] of this.columns) {
      if (!entry.complete || entry.total === null || entry.total.value === null) continue;
      const columnUnit = unit(column);
      if (columnUnit !== 'count' && columnUnit !== 'money') continue;
      const label = `${labelOf(column)}, ${entry.total.area} (the rows above it)`;
      const check = checkStatedTotal(label, [entry.sum], entry.total.value, { unit: columnUnit });
      checks.push({ row: entry.total.row, column, kind: 'total', agrees: check.agrees, message: check.message });
    }
    return checks;
  }
}
