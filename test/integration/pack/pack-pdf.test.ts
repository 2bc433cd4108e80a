import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPack, packFileStem } from '../../../electron/pack/export-pack';
import { packPdf } from '../../../electron/pack/pdf/pack-pdf';
import { topLevelOutline } from '../../../electron/pack/pdf/pdf-outline';
import { playwrightPrinter } from '../../../electron/pack/pdf/playwright-printer';
import { packPrintHtml } from '../../../electron/pack/pdf/print-html';
import { packPrintOptions } from '../../../electron/pack/pdf/print-options';
import { readPrintedOutline } from '../../../electron/pack/pdf/printed-outline';
import type { PdfPrinter, PdfPrintOptions } from '../../../electron/pack/pdf-printer';
import type { PackDocument } from '../../../shared/pack/document';
import {
  ACTION_COUNT,
  SAMPLE_ATTACHMENT_ID,
  SAMPLE_ATTACHMENT_PAGES,
  sampleAttachmentPdf,
  samplePack,
} from '../../fixtures/pack/sample-pack';
import { apiOnDatabase } from '../../helpers/api-context';
import {
  contentsPageOf,
  meetingTitled,
  outlineOf,
  pdfPageCount,
  pdftotext,
  run,
  squash,
  tableNumbers,
} from '../../helpers/pack-document';
import { suitePath, tempPath } from '../../helpers/temp-files';

const RESULTS = fileURLToPath(new URL('../../../test-results/pack-pdf/', import.meta.url));

/** Words with their boxes on one page (pdftotext -bbox). */
function wordsOn(file: string, page: number): { text: string; xMin: number; xMax: number; yMin: number }[] {
  const html = run('pdftotext', 'poppler-utils', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    (match) => ({ xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), text: match[4] ?? '' }),
  );
}

describe('packPdf: the sample pack printed by Chromium', () => {
  const printer = playwrightPrinter();
  const pack = samplePack();
  let file: string;
  let pages: number;

  beforeAll(async () => {
    const bytes = await packPdf(pack, {
      printer,
      attachment: (id) => {
        if (id !== SAMPLE_ATTACHMENT_ID) throw new Error(`no attachment ${id}`);
        return sampleAttachmentPdf();
      },
    });
    mkdirSync(RESULTS, { recursive: true });
    file = join(RESULTS, 'sample-pack.pdf');
    writeFileSync(file, bytes);
    pages = pdfPageCount(file);
    // Kept as artifacts to look at: every page at 60 dpi.
    run('pdftoppm', 'poppler-utils', ['-png', '-r', '60', file, join(RESULTS, 'page')]);
  }, 120_000);

  afterAll(async () => {
    await printer.close();
  });

  it('is a tagged A4 PDF with the pack’s title, author, subject and language', () => {
    const info = run('pdfinfo', 'poppler-utils', [file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Safer and Stronger Bucks Partnership Board: 12 March 2014$/m);
    expect(info).toMatch(/^Author:\s+Safer Bucks$/m);
    expect(info).toMatch(
      /^Subject:\s+Board pack for Safer and Stronger Bucks Partnership Board, 2014-03-12 \(draft\)$/m,
    );
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)$/m);
    const catalog = run('mutool', 'mupdf-tools', ['show', file, 'trailer/Root/Lang']);
    expect(catalog).toContain('en-GB');
  });

  it('is a PDF that poppler and MuPDF read without a complaint', () => {
    for (const [command, args] of [
      ['pdfinfo', [file]],
      ['mutool', ['info', file]],
      ['mutool', ['clean', file, tempPath('clean.pdf')]],
    ] as const) {
      const result = spawnSync(command, args, { encoding: 'utf8' });
      expect({ command, status: result.status, stderr: result.stderr }).toEqual({ command, status: 0, stderr: '' });
    }
  });

  it('has a cover, a contents page, the sections and the attachment’s pages', () => {
    expect(pages).toBeGreaterThan(pack.sections.length + 2);
    expect(squash(pdftotext(file, 1))).toContain('Safer and Stronger Bucks Partnership Board');
    expect(squash(pdftotext(file, 1))).toContain('Wednesday 12 March 2014, 10:00');
    expect(squash(pdftotext(file, 2))).toMatch(/^OFFICIAL Contents/);
    for (let page = 1; page <= SAMPLE_ATTACHMENT_PAGES; page += 1) {
      expect(pdftotext(file, pages - SAMPLE_ATTACHMENT_PAGES + page)).toContain(`TVP attachment page ${page}`);
    }
  });

  it('carries the marking and "Page X of Y" on every page, the appended ones too', () => {
    expect(squash(pdftotext(file, 1))).toContain(`Page 1 of ${pages}`);
    for (let page = 1; page <= pages; page += 1) {
      const text = pdftotext(file, page);
      expect(text.match(/OFFICIAL/g)?.length ?? 0, `page ${page}`).toBeGreaterThanOrEqual(2);
      expect(squash(text), `page ${page}`).toContain(`Page ${page} of ${pages}`);
    }
  });

  it('prints in the contents the page on which each section really starts', () => {
    const contents = pdftotext(file, 2, true);
    for (const section of pack.sections) {
      const line = contents.split('\n').find((entry) => new RegExp(`^\\s*${section.number}\\s{2,}\\S`).test(entry));
      expect(line, `contents line of ${section.title}`).toBeDefined();
      expect(squash(line ?? '')).toMatch(new RegExp(`^${section.number} .+ (\\d+)$`));
      const page = Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
      const text = squash(pdftotext(file, page));
      expect(text, `page ${page} starts section ${section.number}`).toMatch(
        new RegExp(`^OFFICIAL ${section.number} ${section.title.replace(/[()/]/g, '\\$&').slice(0, 30)}`),
      );
    }
    const appendix = squash(contents.split('\n').find((entry) => /^\s*A\s{2,}/.test(entry)) ?? '');
    expect(appendix).toBe(`A ${pack.attachments[0]?.title ?? ''} ${pages - SAMPLE_ATTACHMENT_PAGES + 1}`);
  });

  it('has one top-level bookmark per agenda item at its page, and one for the attachment beneath its item', () => {
    const entries = outlineOf(file);
    const top = entries.filter((entry) => entry.depth === 0);
    expect(top.map((entry) => entry.title)).toEqual(
      pack.sections.map((section) => `${section.number} ${section.title}`),
    );
    for (const entry of top)
      expect(contentsPageOf(file, entry.title.split(' ')[0] ?? ''), entry.title).toBe(entry.page);
    const attachment = entries.findIndex((entry) => entry.title.startsWith('Appended: '));
    expect(entries[attachment]).toEqual({
      depth: 1,
      title: `Appended: ${pack.attachments[0]?.title ?? ''}`,
      page: pages - SAMPLE_ATTACHMENT_PAGES + 1,
    });
    expect(entries[attachment - 1]?.title).toBe(top[top.length - 1]?.title);
    // Headings inside a paper are bookmarks beneath their item, titled as written.
    expect(entries).toContainEqual({ depth: 1, title: 'The countywide priorities in 2013/14', page: top[1]?.page });
  });

  it('prints every figure of the burglary table, the numbers right-aligned in their columns', () => {
    const start = contentsPageOf(file, 2);
    const text = squash(pdftotext(file, start, true));
    for (const row of [
      'Aylesbury 260 236 -24 -9% – Green',
      'Chiltern & South Bucks 481 449 -32 -7% – Green',
      'Total Bucks 1,108 886 -222 -20% -2% Green',
    ]) {
      expect(text).toContain(row);
    }
    expect(text).toMatch(/Wycombe 367 201\s?p -166 -45% – Green/);
    const words = wordsOn(file, start);
    const column = ['260', '481', '367', '1,108'].map((figure) => {
      const word = words.find((candidate) => candidate.text === figure);
      if (!word) throw new Error(`${figure} is not on page ${start}`);
      return word;
    });
    const rightEdges = column.map((word) => word.xMax);
    expect(Math.max(...rightEdges) - Math.min(...rightEdges)).toBeLessThan(0.75);
    // Right-aligned, not left: the wider "1,108" starts further left.
    expect((column[0]?.xMin ?? 0) - (column[3]?.xMin ?? 0)).toBeGreaterThan(3);
  });

  it('repeats the header row of a table on every page it spans', () => {
    const actionPages: number[] = [];
    for (let page = 3; page <= pages - SAMPLE_ATTACHMENT_PAGES; page += 1) {
      if (/\bA0\d\d\b/.test(pdftotext(file, page))) actionPages.push(page);
    }
    expect(actionPages.length).toBeGreaterThanOrEqual(3);
    for (const page of actionPages) {
      expect(squash(pdftotext(file, page, true)), `page ${page}`).toMatch(/Ref Action Owner Due Status/);
    }
    const all = actionPages.map((page) => pdftotext(file, page)).join('\n');
    for (let action = 1; action <= ACTION_COUNT; action += 1) {
      expect(all.match(new RegExp(`\\bA${String(action).padStart(3, '0')}\\b`, 'g')), `action ${action}`).toHaveLength(
        1,
      );
    }
  });

  it('prints the chart with its title and its figures beneath', () => {
    const page = contentsPageOf(file, 3);
    const text = squash(pdftotext(file, page));
    expect(text).toContain('Domestic burglary by police area: the figures the chart draws (count)');
    expect(text).toContain('Apr-Dec 2012');
    // The SVG's own labels are real text in the PDF, not a picture.
    expect(wordsOn(file, page).filter((word) => word.text === 'Wycombe').length).toBeGreaterThanOrEqual(2);
  });

  it('tags the contents’ page numbers: the structure tree reads each entry’s number, title and page', () => {
    const tree = run('pdfinfo', 'poppler-utils', ['-struct-text', file]);
    const top = outlineOf(file).filter((entry) => entry.depth === 0);
    pack.sections.forEach((section, index) => {
      const words = `"${section.number}"\\s+NonStruct\\s+"${section.title.replace(/[()/]/g, '\\$&')}"\\s+NonStruct\\s+"(\\d+)"`;
      const page = new RegExp(words).exec(tree)?.[1];
      expect(page, `the tagged contents entry of ${section.title}`).toBe(String(top[index]?.page));
    });
  });
});

const DEMO_MEETINGS = [
  'Safer and Stronger Bucks Partnership Board — March 2014',
  'Safer Buckinghamshire Board — July 2022',
] as const;

describe.each(DEMO_MEETINGS)('the demo meeting "%s" as a PDF, read back', (title) => {
  let document: PackDocument;
  let file: string;
  let pages: number;
  let top: { title: string; page: number }[];

  beforeAll(async () => {
    const api = await apiOnDatabase();
    const meeting = await meetingTitled(api, title);
    ({ document } = await api.call('pack.build', { meetingId: meeting.id }));
    const exported = await api.call('pack.export', { meetingId: meeting.id, format: 'pdf' });
    file = suitePath('pack.pdf');
    writeFileSync(file, Buffer.from(exported.content, 'base64'));
    pages = pdfPageCount(file);
    top = outlineOf(file).filter((entry) => entry.depth === 0);
    // Kept as artifacts to look at: every page at 50 dpi.
    const folder = join(RESULTS, document.meta.heldOn);
    mkdirSync(folder, { recursive: true });
    run('pdftoppm', 'poppler-utils', ['-png', '-r', '50', file, join(folder, 'page')]);
  }, 120_000);

  it('numbers every page "Page X of N", N its page count, under the marking', () => {
    expect(pages).toBeGreaterThan(document.sections.length + 1);
    expect(squash(pdftotext(file, 1))).toContain(`Page 1 of ${pages}`);
    expect(squash(pdftotext(file, pages))).toContain(`Page ${pages} of ${pages}`);
    for (let page = 1; page <= pages; page += 1) {
      const text = pdftotext(file, page);
      expect(text.match(new RegExp(document.meta.marking, 'g'))?.length ?? 0, `page ${page}`).toBeGreaterThanOrEqual(2);
      expect(squash(text), `page ${page}`).toContain(`Page ${page} of ${pages}`);
    }
  });

  it('has one top-level bookmark per agenda item, at the page the contents gives, where its heading is', () => {
    expect(top.map((entry) => entry.title)).toEqual(
      document.sections.map((section) => `${section.number} ${section.title}`),
    );
    document.sections.forEach((section, index) => {
      const page = top[index]?.page ?? 0;
      expect(contentsPageOf(file, section.number), section.title).toBe(page);
      const heading = `${document.meta.marking} ${section.number} ${section.title}`.slice(0, 40);
      expect(squash(pdftotext(file, page)).startsWith(heading), `page ${page} starts item ${section.number}`).toBe(
        true,
      );
    });
  });

  it('prints every number of its tables and charts on its agenda item’s pages', () => {
    let checked = 0;
    document.sections.forEach((section, index) => {
      const first = top[index]?.page ?? 0;
      const last = (top[index + 1]?.page ?? pages + 1) - 1;
      const text = run('pdftotext', 'poppler-utils', ['-f', String(first), '-l', String(last), file, '-']);
      for (const number of tableNumbers(section.blocks)) {
        const escaped = number.replace(/[.+$]/g, '\\$&');
        expect(text, `${number} in item ${section.number} "${section.title}"`).toMatch(
          new RegExp(`(?<![\\d.,])${escaped}(?![.,]?\\d)`),
        );
        checked += 1;
      }
    });
    expect(checked).toBeGreaterThan(50);
  });
});

describe('packPdf checks what Chromium printed before it numbers the contents', () => {
  const printer = playwrightPrinter();
  afterAll(async () => {
    await printer.close();
  });

  /** The real printer, the HTML changed before it prints: what a Chromium that laid the pack out otherwise would give. */
  const printing = (change: (html: string, options: PdfPrintOptions) => string): PdfPrinter => ({
    print: (html, options) => printer.print(change(html, options), options),
    close: () => Promise.resolve(),
  });
  const services = (changed: PdfPrinter) => ({ printer: changed, attachment: () => sampleAttachmentPdf() });

  it('refuses front pages that do not carry the same content as the pack’s', async () => {
    const extraLine = printing((html, options) =>
      options.pageRanges ? html.replace('<p class="contents-title"', '<p>An extra line</p>$&') : html,
    );
    await expect(packPdf(samplePack(), services(extraLine))).rejects.toThrow(
      /the front pages printed with their page numbers are not laid out as in the pack/,
    );
  }, 60_000);

  it('refuses a print that did not leave the attachments’ pages blank', async () => {
    const noRoom = printing((html) =>
      html.replaceAll(/<div aria-hidden="true" style="break-before:page[^>]*><\/div>/g, ''),
    );
    await expect(packPdf(samplePack(), services(noRoom))).rejects.toThrow(
      /was kept for an attachment but the pack printed onto it/,
    );
  }, 60_000);
});

describe('readPrintedOutline: the pages a Chromium print’s bookmarks point at, read from its bytes', () => {
  const printer = playwrightPrinter();
  afterAll(async () => {
    await printer.close();
  });

  it('says what pdf-lib says, having read only the catalog, the page tree and the outline', async () => {
    const pack = samplePack();
    const printed = await printer.print(packPrintHtml(pack, 0), packPrintOptions(pack.meta, null));
    const pdf = await PDFDocument.load(printed);
    expect(readPrintedOutline(printed)).toEqual({
      pageCount: pdf.getPageCount(),
      topLevelPages: topLevelOutline(pdf).map((entry) => entry.page),
    });
    expect(readPrintedOutline(printed).topLevelPages).toHaveLength(pack.sections.length);
  }, 60_000);

  it('refuses a PDF without a classic cross-reference table, saying so', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    expect(() => readPrintedOutline(new Uint8Array())).toThrow(/cannot be read quickly: no startxref at its end/);
    const withStreams = await pdf.save({ useObjectStreams: true });
    expect(() => readPrintedOutline(withStreams)).toThrow(/cannot be read quickly: no cross-reference table/);
  });
});

describe('exportPack', () => {
  const printer = playwrightPrinter();
  afterAll(async () => {
    await printer.close();
  });
  const services = { printer, attachment: () => sampleAttachmentPdf() };

  it('names the file by date, board and version, and says draft for a draft', () => {
    const pack = samplePack();
    expect(packFileStem(pack)).toBe('2014-03-12 Safer and Stronger Bucks Partnership Board pack (draft)');
    const issued: PackDocument = {
      ...pack,
      meta: { ...pack.meta, version: 1, board: 'Safer/Stronger: Bucks* Board?' },
    };
    expect(packFileStem(issued)).toBe('2014-03-12 Safer Stronger Bucks Board pack v1');
  });

  it('exports the standalone HTML of the print', async () => {
    const file = await exportPack(samplePack(), { format: 'html' }, services);
    expect(file).toMatchObject({
      fileName: '2014-03-12 Safer and Stronger Bucks Partnership Board pack (draft).html',
      mimeType: 'text/html',
      encoding: 'utf8',
    });
    expect(file.content).toContain('<html lang="en-GB">');
    expect(file.content).toContain('@media print { .marking-banner { display: none; } }');
  });

  it('exports the PDF as base64', async () => {
    const file = await exportPack(samplePack(), { format: 'pdf' }, services);
    expect(file.fileName).toBe('2014-03-12 Safer and Stronger Bucks Partnership Board pack (draft).pdf');
    expect(file.encoding).toBe('base64');
    const path = tempPath('export.pdf');
    writeFileSync(path, Buffer.from(file.content, 'base64'));
    expect(run('pdfinfo', 'poppler-utils', [path])).toMatch(/^Tagged:\s+yes$/m);
  }, 60_000);

  it('refuses a pack with an unresolved field, naming it, in every format', async () => {
    const pack = samplePack();
    const source = '{{figure "Domestic burglary" "Total Buck" "Apr-Dec 2013"}}';
    const broken: PackDocument = {
      ...pack,
      sections: pack.sections.map((section, index) =>
        index === 1
          ? {
              ...section,
              blocks: [
                {
                  kind: 'paragraph',
                  inlines: [{ kind: 'field', source, text: null, problem: 'no area "Total Buck"' }],
                },
              ],
            }
          : section,
      ),
    };
    for (const format of ['html', 'pdf', 'docx', 'csv'] as const) {
      await expect(exportPack(broken, { format, tableId: 'item:14:table:1' }, services)).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringContaining(`${source} in item 2 "Overview of progress against the 2013/14 priorities"`),
      });
    }
  });

  it('fails a PDF export without Chromium by saying to install Debian’s chromium package', async () => {
    const missing = playwrightPrinter('/nonexistent/chromium');
    await expect(packPdf(samplePack(), { printer: missing, attachment: () => sampleAttachmentPdf() })).rejects.toThrow(
      /PDF export needs Chromium, and there is none at \/nonexistent\/chromium: install Debian's chromium package/,
    );
    await missing.close();
  });
});
