import { listStatedTotals } from '../../../db/repositories/funding';
import { checkDatabase } from '../../../db/services/check-database';
import { compareFigures } from '../../../db/services/compare-figures';
import type { HandlerTable } from '../context';

export const reportHandlers = {
  'statedTotals.list': (context) => listStatedTotals(context.db),
  'comparison.compare': (context, input) => compareFigures(context.db, input),
  'check.run': (context) => checkDatabase(context.db),
} satisfies Partial<HandlerTable>;
