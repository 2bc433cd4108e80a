/**
 * The board pack's exports, on the demo meeting (11 items, 15 pages): building
 * the document from the database, and writing it as Word and as PDF (Chromium
 * prints the pack once and its cover and contents again, with their page
 * numbers), through the same dispatch as the app.
 */
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase } from '../../db/open-database';
import { localWriter } from '../../db/writer';
import { dispatch, type DispatchContext } from '../../electron/api/dispatch';
import { packDocx } from '../../electron/pack/docx/pack-docx';
import { packPdf } from '../../electron/pack/pdf/pack-pdf';
import { topLevelOutline } from '../../electron/pack/pdf/pdf-outline';
import { packPrintOptions } from '../../electron/pack/pdf/print-options';
import { playwrightPrinter } from '../../electron/pack/pdf/playwright-printer';
import type { PackDocument } from '../../shared/pack/document';
import { renderPackHtml } from '../../shared/pack/render-html';
import { measure, median, type Measurement } from './measure';
import { syntheticPack } from './synthetic-pack';

export interface PackExportLine {
  readonly measurement: Measurement;
  readonly floor?: Measurement;
}

/**
 * The HTML whose one print is the exported PDF's pages: the pack with the page
 * numbers its contents carry in the export, read from the export's bookmarks.
 */
async function finalHtml(document: PackDocument, exported: Uint8Array): Promise<string> {
  const outline = topLevelOutline(await PDFDocument.load(exported, { updateMetadata: false }));
  const contentsPages = new Map(document.sections.map((section, index) => [section.id, outline[index]?.page ?? 0]));
  if ([...contentsPages.values()].some((page) => page < 1)) throw new Error('the exported PDF misses a bookmark');
  return renderPackHtml(document, { mode: 'print', contentsPages });
}

/**
 * Times a floor and the work measured against it in turns, each run of one
 * beside a run of the other, so a busy neighbour on a shared machine slows
 * both alike and their ratio holds. Medians, as measure() reports.
 */
async function measureInTurns(
  options: { runs: number; warmup: number },
  floor: { name: string; run: () => Promise<unknown> },
  work: { name: string; run: () => Promise<unknown> },
): Promise<[Measurement, Measurement]> {
  const times: [number[], number[]] = [[], []];
  for (let index = 0; index < options.warmup + options.runs; index += 1) {
    for (const [at, entry] of [floor, work].entries()) {
      const start = performance.now();
      await entry.run();
      if (index >= options.warmup) times[at]?.push(performance.now() - start);
    }
  }
  const measured = (name: string, values: number[]): Measurement => ({
    name,
    runs: options.runs,
    medianMs: median(values),
    budgetMs: Number.POSITIVE_INFINITY,
  });
  return [measured(floor.name, times[0]), measured(work.name, times[1])];
}

/**
 * Issue 6, point 9: a synthetic 100-page pack to Word (≤ 3 s) and to PDF (≤ 1.5 ×
 * the floor: Chromium alone printing the same final HTML once, through the same
 * printer, measured in turns with the export).
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
    const html = await finalHtml(document, await packPdf(document, services));
    const options = packPrintOptions(document.meta, null);
    const [floor, pdf] = await measureInTurns(
      { runs: 5, warmup: 1 },
      {
        name: 'floor: Chromium printing its final HTML once',
        run: () => printer.print(html, options),
      },
      { name: 'export a synthetic 100-page pack to PDF', run: () => packPdf(document, services) },
    );
    return [{ measurement: docx }, { measurement: { ...pdf, budgetMs: floor.medianMs * 1.5 }, floor }];
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
      databaseLocation: path,
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
      await measure('export the demo pack to PDF', { runs: 3, budgetMs: 10_000, warmup: 1 }, same, () =>
        call('pack.export', { meetingId: 1, format: 'pdf' }),
      ),
    ];
  } finally {
    await printer.close();
    await database.close();
  }
}
