/**
 * The board pack's exports, on the demo meeting (11 items, 15 pages): building
 * the document from the database, and writing it as Word and as PDF (Chromium's
 * print, twice, for the contents page numbers), through the same dispatch as the app.
 */
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase } from '../../db/open-database';
import { localWriter } from '../../db/writer';
import { dispatch, type DispatchContext } from '../../electron/api/dispatch';
import { playwrightPrinter } from '../../electron/pack/pdf/playwright-printer';
import { measure, type Measurement } from './measure';

export async function benchPackExport(path: string): Promise<Measurement[]> {
  const database = await openDatabase(path, { create: true });
  const printer = playwrightPrinter();
  try {
    await loadDemoDataset(database.db, localWriter('bench'));
    const context: DispatchContext = {
      db: database.db,
      writer: localWriter('bench'),
      databasePath: path,
      version: 'bench',
      printer,
    };
    const call = async (name: string, input: unknown) => {
      const result = await dispatch(context, name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value;
    };
    const same = () => Promise.resolve(context);
    return [
      await measure(
        'build the demo pack (11 items) from the database',
        { runs: 5, budgetMs: 1000, warmup: 1 },
        same,
        () => call('pack.build', { meetingId: 1 }),
      ),
      await measure('export the demo pack to Word', { runs: 5, budgetMs: 3000, warmup: 1 }, same, () =>
        call('pack.export', { meetingId: 1, format: 'docx' }),
      ),
      await measure('export the demo pack to PDF (two prints)', { runs: 3, budgetMs: 10_000, warmup: 1 }, same, () =>
        call('pack.export', { meetingId: 1, format: 'pdf' }),
      ),
    ];
  } finally {
    await printer.close();
    await database.close();
  }
}
