import { deleteView, getView, insertView, listViews, updateView } from '../../../db/repositories/comparison-views';
import { evaluateView, evaluateViewSource } from '../../../db/services/evaluate-view';
import { viewCsv, viewXlsx } from '../../../db/services/view-exports';
import { writing, type HandlerTable } from '../context';

/**
 * Comparison views: saved by name (each write in dispatch's transaction and the
 * change log), evaluated into their table, and exported. A spec is evaluated
 * before it is saved, so a saved view never names an indicator, area or period
 * that does not exist.
 */
export const viewHandlers = {
  'views.list': (context) => listViews(context.db),
  'views.get': (context, input) => getView(context.db, input.id),
  'views.create': async (context, input) => {
    const trx = writing(context.db);
    await evaluateView(trx, input.spec, input.name);
    return insertView(trx, context.writer, input);
  },
  'views.update': async (context, input) => {
    const trx = writing(context.db);
    if (input.spec) await evaluateView(trx, input.spec, input.name ?? null);
    return updateView(trx, context.writer, input.id, { name: input.name, spec: input.spec }, input.version);
  },
  'views.delete': async (context, input) => ({
    deleted: await deleteView(writing(context.db), context.writer, input.id, input.version),
  }),
  'views.evaluate': (context, input) => evaluateViewSource(context.db, input),
  'views.exportCsv': async (context, input) => viewCsv(await evaluateViewSource(context.db, input)),
  'views.exportXlsx': async (context, input) => viewXlsx(await evaluateViewSource(context.db, input)),
} satisfies Partial<HandlerTable>;
