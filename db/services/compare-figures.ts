import type { Kysely } from 'kysely';
import type { ComparisonResult } from '../../shared/model';
import { findArea } from '../repositories/areas';
import { findIndicator } from '../repositories/indicators';
import { findPeriod } from '../repositories/periods';
import type { Database } from '../schema/database';
import { comparePeriods, loadComparisonFrame } from './comparison-frame';

import type { CompareRequest } from '../../shared/model';

export type { CompareRequest };

/** Awaits every promise, then throws the first failure in the order given (Promise.all throws the quickest). */
async function inOrder<T extends readonly unknown[]>(
  promises: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(promises);
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}

/**
 * The comparison table the board reads: each area's base and current figure,
 * difference, % change (or percentage points), target and RAG, with a totals row
 * that sums counts only and takes the parent area's own figure for rates, the
 * comparator statements ("lower than England (19.4)") and the printed figures
 * checked against the computed ones. Names are resolved here; the table comes from
 * the path comparison views take too (comparison-frame.ts).
 */
export async function compareFigures(db: Kysely<Database>, request: CompareRequest): Promise<ComparisonResult> {
  // Independent lookups, asked at once (on a team database each is a round trip to the server); when several
  // names are wrong, the first in the request's order is the one reported.
  const [indicator, base, current, areas] = await inOrder([
    findIndicator(db, request.indicator, { field: 'indicator' }),
    findPeriod(db, request.base, { field: 'base' }),
    findPeriod(db, request.current, { field: 'current' }),
    request.areas ? Promise.all(request.areas.map((name) => findArea(db, name, { field: 'areas' }))) : null,
  ]);
  const frame = await loadComparisonFrame(db, { indicator, periods: [base, current], areas });
  const { rows, statedChecks } = await comparePeriods(db, frame, base, current);
  return { indicator, decimals: frame.decimals, base, current, rows, statedChecks };
}
