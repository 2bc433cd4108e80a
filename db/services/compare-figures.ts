import type { Kysely } from 'kysely';
import type { ComparisonResult } from '../../shared/model';
import { findArea } from '../repositories/areas';
import { findIndicator } from '../repositories/indicators';
import { findPeriod } from '../repositories/periods';
import type { Database } from '../schema/database';
import { comparePeriods, loadComparisonFrame } from './comparison-frame';

import type { CompareRequest } from '../../shared/model';

export type { CompareRequest };

/**
 * The comparison table the board reads: each area's base and current figure,
 * difference, % change (or percentage points), target and RAG, with a totals row
 * that sums counts only and takes the parent area's own figure for rates, the
 * comparator statements ("lower than England (19.4)") and the printed figures
 * checked against the computed ones. Names are resolved here; the table comes from
 * the path comparison views take too (comparison-frame.ts).
 */
export async function compareFigures(db: Kysely<Database>, request: CompareRequest): Promise<ComparisonResult> {
  const indicator = await findIndicator(db, request.indicator, { field: 'indicator' });
  const base = await findPeriod(db, request.base, { field: 'base' });
  const current = await findPeriod(db, request.current, { field: 'current' });
  const areas = request.areas
    ? await Promise.all(request.areas.map((name) => findArea(db, name, { field: 'areas' })))
    : null;
  const frame = await loadComparisonFrame(db, { indicator, periods: [base, current], areas });
  const { rows, statedChecks } = await comparePeriods(db, frame, base, current);
  return { indicator, decimals: frame.decimals, base, current, rows, statedChecks };
}
