/**
 * The board pack's exports, on the demo meeting (11 items, 15 pages): building
 * the document from the database, and writing it as Word and as PDF (Chromium's
 * print, twice, for the contents page numbers), through the same dispatch as the app.
 */
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase } from '../../db/open-database';
import { localWriter } from '../../db/writer';
import { dispatch, type DispatchContext } from '../../electron/api/dispatch';
import { packDocx } from '../../electron/pack/docx/pack-docx';
import { packPdf } from '../../electron/pack/pdf/pack-pdf';
import { packPrintOptions } from '../../electron/pack/pdf/print-options';
import { playwrightPrinter } from '../../electron/pack/pdf/playwright-printer';
import { renderPackHtml } from '../../shared/pack/render-html';
import { measure, type Measurement } from './measure';
import { syntheticPack } from './synthetic-pack';

export interface PackExportLine {
  readonly measurement: Measurement;
  readonly floor?: Measurement;
}

/**
 * Issue 6, point 9: a synthetic 100-page pack to Word (≤ 3 s) and to PDF (≤ 1.5 ×
 * the floor: Chromium alone printing the same final HTML once, measured beside it).
 */
export async function benchSyntheticPack(): Promise<PackExportLine[]> {
  const document = syntheticPack();
  const printer = playwrightPrinter();
  const services = { printer, attachment: () => Promise.reject(new Error('no attachments')) };
  try {
    const docx = await measure(
      'export a synthetic 100-page pack to Word',
      { runs: 3, budgetMs: 3000, warmup: 1 },
      () => Promise.resolve(document),
      (pack) => packDocx(pack, services),
    );
    const html = renderPackHtml(document, { mode: 'print' });
    const options = packPrintOptions(document.meta, null);
    const floor = await measure(
      'floor: Chromium printing its final HTML once',
      { runs: 3, budgetMs: Number.POSITIVE_INFINITY, warmup: 1 },
      () => Promise.resolve(html),
      (page) => printer.print(page, options),
    );
    const pdf = await measure(
      'export a synthetic 100-page pack to PDF',
      { runs: 3, budgetMs: floor.medianMs * 1.5 },
      () => Promise.resolve(document),
      (pack) => packPdf(pack, services),
    );
    return [{ measurement: docx }, { measurement: pdf, floor }];
  } finally {
    await printer.close();
  }
}

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
