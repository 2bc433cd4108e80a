import { figureFields } from '../../../shared/api/records';
import type { Figure } from '../../../shared/model';
import { pageFigures, upsertFigures } from '../../../db/repositories/figures';
import { RECORD_SPECS } from '../../../db/repositories/record-specs';
import { deleteRecord, getRecord, updateRecord } from '../../../db/repositories/records';
import { writing, type HandlerTable } from '../context';
import { parseOrThrow } from '../parse';
import { changesOf } from '../record-handlers';

const spec = RECORD_SPECS.figure;
const COLUMNS = spec.columns;

export const figureHandlers = {
  'figures.list': (context, input) => pageFigures(context.db, input),
  'figures.write': (context, input) =>
    upsertFigures(writing(context.db), context.writer, input.figures, input.versions),
  'figures.update': async (context, input) => {
    const trx = writing(context.db);
    const stored = await getRecord(trx, spec, input.id);
    const merged = parseOrThrow(figureFields, {
      ...Object.fromEntries(COLUMNS.map((column) => [column, stored[column]])),
      ...input.changes,
    });
    const changes = changesOf(input.changes, merged);
    return (await updateRecord(trx, context.writer, spec, input, changes)) as unknown as Figure;
  },
  'figures.delete': async (context, input) => {
    const trx = writing(context.db);
    for (const [index, id] of input.ids.entries())
      await deleteRecord(trx, context.writer, spec, id, input.versions?.[index]);
    return { deleted: input.ids.length };
  },
} satisfies Partial<HandlerTable>;
