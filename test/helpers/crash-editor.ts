/**
 * A child process for the crash-safety test: opens the database it is given and
 * edits it through the real dispatch, forever, printing each edit's number only
 * after its transaction committed. The test kills it with SIGKILL at a random
 * moment; whatever was printed must survive.
 */
import { openDatabase } from '../../db/open-database';
import { dispatch, type DispatchContext } from '../../electron/api/dispatch';

const [path, indicatorId, areaId, periodId] = process.argv.slice(2);
if (!path || !indicatorId || !areaId || !periodId) throw new Error('usage: crash-editor DB INDICATOR AREA PERIOD');

const { db } = await openDatabase(path);
const context: DispatchContext = {
  db,
  writer: { actor: 'crash-editor', now: () => new Date().toISOString() },
  databaseLocation: path,
  version: '0.0.0-test',
};

const start = Number(process.env['CRASH_EDITOR_START'] ?? '1');
for (let edit = start; ; edit++) {
  // Two kinds of write: a figure changed in place (its change log grows) and a new record.
  const figure = await dispatch(context, 'figures.write', {
    figures: [
      {
        indicatorId: Number(indicatorId),
        areaId: Number(areaId),
        periodId: Number(periodId),
        value: edit,
        provisional: false,
        source: 'crash test',
        note: null,
      },
    ],
  });
  const term = await dispatch(context, 'glossary.create', { term: `crash ${edit}`, definition: `edit ${edit}` });
  if (!figure.ok || !term.ok) throw new Error(JSON.stringify(figure.ok ? term : figure));
  process.stdout.write(`${edit}\n`);
}
