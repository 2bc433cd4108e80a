import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartFontFiles } from '../../../electron/pack/docx/chart-png';
import { packDocx } from '../../../electron/pack/docx/pack-docx';
import { BoardpackError } from '../../../shared/errors';
import { packTargets } from '../../../shared/notes/targets';
import type { PackDocument, PackSection } from '../../../shared/pack/document';
import { placeNotes } from '../../../shared/pack/pack-notes';
import { BURGLARY_TABLE_ID, sampleAttachment, samplePack } from '../../fixtures/pack/sample-pack';
import { suitePath, tempDir } from '../../helpers/temp-files';

/**
 * The Word export, read back two ways: its XML (the styles, fields and
 * properties Word acts on) and LibreOffice's PDF of it (proof that
 * Word-compatible software opens it, and what a reader sees). The PDF's pages
 * are kept as PNGs under test-results/pack-docx/ to look at.
 */

const RESULTS = fileURLToPath(new URL('../../../test-results/pack-docx/', import.meta.url));
const services = { attachment: () => Promise.reject(new Error('the Word export does not read attachments')) };

interface Unzipped {
  readonly files: readonly string[];
  text(path: string): Promise<string>;
  bytes(path: string): Promise<Uint8Array>;
}

async function unzip(docx: Uint8Array): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(docx);
  const entry = (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`the Word file has no ${path}`);
    return file;
  };
  return {
    files: Object.keys(zip.files),
    text: (path) => entry(path).async('string'),
    bytes: (path) => entry(path).async('uint8array'),
  };
}

/** The XML of every part whose name matches (all headers, all footers). */
async function parts(unzipped: Unzipped, pattern: RegExp): Promise<string[]> {
  const names = unzipped.files.filter((name) => pattern.test(name));
  expect(names.length).toBeGreaterThan(0);
  return Promise.all(names.map((name) => unzipped.text(name)));
}

/** The table cell (<w:tc>) whose text is exactly `text`, in the first table row that also holds `rowText`. */
function cellXml(xml: string, rowText: string, text: string): string {
  const row = (xml.match(/<w:tr[ >].*?<\/w:tr>/g) ?? []).find((candidate) => candidate.includes(`>${rowText}<`));
  if (!row) throw new Error(`no table row holds "${rowText}"`);
  const cell = (row.match(/<w:tc>.*?<\/w:tc>/g) ?? []).find((candidate) => candidate.includes(`>${text}<`));
  if (!cell) throw new Error(`the row of "${rowText}" has no cell "${text}"`);
  return cell;
}

/** The paragraphs (<w:p>) of a given style, as their text. */
function styled(xml: string, style: string): string[] {
  return (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [])
    .filter((paragraph) => paragraph.includes(`<w:pStyle w:val="${style}"/>`))
    .map((paragraph) =>
      (paragraph.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''),
    );
}

function section(number: number, blocks: PackSection['blocks']): PackSection {
  return {
    id: `item:${90 + number}`,
    agendaItemId: 90 + number,
    number,
    title: 'Burglary',
    kind: 'paper',
    presenter: null,
    minutes: null,
    blocks,
  };
}

describe('packDocx', () => {
  let docx: Uint8Array;
  let unzipped: Unzipped;
  let body: string;

  beforeAll(async () => {
    docx = await packDocx(samplePack(), services);
    unzipped = await unzip(docx);
    body = await unzipped.text('word/document.xml');
  });

  it('gives each agenda item a Heading 1 with its number, on a new page, and the paper headings Heading 2 and 3', () => {
    const headings = styled(body, 'Heading1');
    expect(headings).toEqual([...samplePack().sections.map((item) => `${item.number}. ${item.title}`), 'Attachments']);
    const firstHeading = (body.match(/<w:p>(?:(?!<\/w:p>).)*<w:pStyle w:val="Heading1"\/>.*?<\/w:p>/) ?? [''])[0];
    expect(firstHeading).toContain('<w:pageBreakBefore/>');
    expect(styled(body, 'Heading2')).toEqual([
      'The countywide priorities in 2013/14',
      'Reducing acquisitive crime and reoffending',
    ]);
    expect(styled(body, 'Heading3')).toEqual(['What helped']);
  });

  it('has a table of contents field over headings 1 to 3, and asks Word to update fields on opening', async () => {
    const instructions = (body.match(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g) ?? []).map((xml) =>
      xml
        .replace(/<[^>]+>/g, '')
        .replace(/&quot;/g, '"')
        .trim(),
    );
    expect(instructions.filter((instruction) => instruction.startsWith('TOC '))).toEqual(['TOC \\h \\o "1-3"']);
    const settings = await unzipped.text('word/settings.xml');
    // On by default when written without a value (ST_OnOff).
    expect(settings.match(/<w:updateFields[^>]*\/>/)?.[0]).toMatch(/^<w:updateFields(?: w:val="(?:true|1|on)")?\/>$/);
  });

  it('repeats each table’s header row on every page, right-aligns its numbers, bolds totals and italicises comparators', () => {
    const headerRows = body.match(/<w:tr>(?:(?!<\/w:tr>).)*<w:tblHeader\/>.*?<\/w:tr>/g) ?? [];
    // Each table, each chart's table of figures, and the attachments.
    const blocks = samplePack().sections.flatMap((item) => item.blocks);
    expect(headerRows.length).toBe(
      blocks.filter((block) => block.kind === 'table' || block.kind === 'chart').length + 1,
    );
    expect(headerRows[0]).toContain('>Police area<');
    const tables = body.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBe(headerRows.length);

    expect(cellXml(body, 'Wycombe', '-166')).toMatch(/<w:jc w:val="(right|end)"\/>/);
    expect(cellXml(body, 'Wycombe', '-45%')).toMatch(/<w:jc w:val="(right|end)"\/>/);
    expect(cellXml(body, 'Wycombe', 'Wycombe')).not.toMatch(/<w:jc w:val="(right|end)"\/>/);
    expect(cellXml(body, 'Total Bucks', '1,108')).toContain('<w:b/>');
    expect(cellXml(body, 'Aylesbury', '260')).not.toContain('<w:b/>');
    expect(cellXml(body, 'England', '9.0')).toContain('<w:i/>');
    expect(cellXml(body, 'Buckinghamshire', '6.7')).not.toContain('<w:i/>');
  });

  it('prints a RAG cell on its colour and with its word', () => {
    const green = cellXml(body, 'Aylesbury', 'Green');
    expect(green).toMatch(/<w:shd [^>]*w:fill="1B7F3B"/);
    const overdue = body.match(/<w:tc>(?:(?!<\/w:tc>).)*>Overdue<.*?<\/w:tc>/);
    expect(overdue?.[0]).toMatch(/<w:shd [^>]*w:fill="C0392B"/);
  });

  it('prints resolved fields as their values, with bold, italic and a hyperlink', async () => {
    expect(body).toContain('>886<');
    expect(body).toContain('>-20%<');
    expect(body).not.toContain('{{');
    expect(body).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*>The target for burglary was a 2% decrease</);
    expect(body).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*>very positive</);
    const link = body.match(/<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>.*?>police\.uk<.*?<\/w:hyperlink>/);
    expect(link).not.toBeNull();
    const rels = await unzipped.text('word/_rels/document.xml.rels');
    expect(rels).toMatch(new RegExp(`Id="${link?.[1] ?? 'none'}"[^>]*Target="https://www.police.uk/"`));
  });

  it('numbers ordered lists and bullets unordered ones with Word’s own list numbering', async () => {
    const numbering = await unzipped.text('word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    const items = samplePack()
      .sections.flatMap((item) => item.blocks)
      .flatMap((block) => (block.kind === 'list' ? block.items : []));
    expect((body.match(/<w:numPr>/g) ?? []).length).toBe(items.length);
  });

  it('puts the marking in every header and footer, and "Page X of Y" from PAGE and NUMPAGES fields in the footer', async () => {
    for (const header of await parts(unzipped, /^word\/header\d*\.xml$/)) expect(header).toContain('>OFFICIAL<');
    const footers = await parts(unzipped, /^word\/footer\d*\.xml$/);
    for (const footer of footers) {
      expect(footer).toContain('>OFFICIAL<');
      expect(footer).toContain('>Page <');
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    }
  });

  it('draws each chart as a PNG at twice its size, with its title and summary as alt text', async () => {
    const chart = samplePack()
      .sections.flatMap((item) => item.blocks)
      .find((block) => block.kind === 'chart');
    if (chart?.kind !== 'chart') throw new Error('the sample pack has no chart');
    const escape = (text: string) => text.replace(/&/g, '&amp;');
    const docPr = body.match(/<wp:docPr [^>]*\/>/g) ?? [];
    expect(docPr).toHaveLength(1);
    expect(docPr[0]).toContain(`descr="${escape(chart.chart.summary)}"`);
    expect(docPr[0]).toContain(`title="${escape(chart.chart.title)}"`);

    const media = unzipped.files.filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = await unzipped.bytes(media[0] ?? '');
    expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(chart.chart.width * 2);
    expect(view.getUint32(20)).toBe(chart.chart.height * 2);
    // The table of the chart's figures follows it.
    expect(body.indexOf(`>${chart.chart.table.caption}<`)).toBeGreaterThan(body.indexOf('<wp:docPr'));
  });

  it('lists the attachments in a closing section, since Word cannot carry PDFs', () => {
    const attachments = body.slice(body.lastIndexOf('>Attachments<'));
    expect(attachments).toContain(`>${sampleAttachment.fileName}<`);
    expect(attachments).toContain(`>${sampleAttachment.title}<`);
    expect(cellXml(attachments, sampleAttachment.fileName, String(sampleAttachment.pages))).toMatch(
      /<w:jc w:val="(right|end)"\/>/,
    );
  });

  it('is A4, and carries the pack’s title, its partnership as creator and a description', async () => {
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const core = await unzipped.text('docProps/core.xml');
    const meta = samplePack().meta;
    expect(core).toContain(`<dc:title>${meta.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${meta.partnership}</dc:creator>`);
    expect(core).toMatch(/<dc:description>Board pack for [^<]*OFFICIAL\.<\/dc:description>/);
  });

  it('carries an OFFICIAL-SENSITIVE marking into every header and footer', async () => {
    const sensitive = await unzip(
      await packDocx({ ...samplePack(), meta: { ...samplePack().meta, marking: 'OFFICIAL-SENSITIVE' } }, services),
    );
    for (const part of await parts(sensitive, /^word\/(header|footer)\d*\.xml$/)) {
      expect(part).toContain('>OFFICIAL-SENSITIVE<');
    }
  });

  it('refuses a pack with a field that refers to no figure, naming every such field', async () => {
    const broken: PackDocument = {
      ...samplePack(),
      sections: [
        section(1, [
          {
            kind: 'paragraph',
            inlines: [
              { kind: 'text', text: 'There were ' },
              {
                kind: 'field',
                source: '{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2031"}}',
                text: null,
                problem: 'unknown period "Apr-Dec 2031"',
              },
            ],
          },
        ]),
        section(2, [
          {
            kind: 'list',
            ordered: false,
            items: [[{ kind: 'field', source: '{{figure "Burglery" "Wycombe" "2013"}}', text: null, problem: null }]],
          },
        ]),
      ],
    };
    const refusal = await packDocx(broken, services).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(BoardpackError);
    const error = refusal as BoardpackError;
    expect(error.code).toBe('invalid-input');
    expect(error.where).toEqual({ field: '{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2031"}}' });
    expect(error.message).toContain('2 fields refer to no figure');
    expect(error.message).toContain(
      '{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2031"}} in item 1 "Burglary" (unknown period "Apr-Dec 2031")',
    );
    expect(error.message).toContain('{{figure "Burglery" "Wycombe" "2013"}} in item 2 "Burglary"');
  });

  it('draws chart text in Liberation Sans, and says which package to install when it is missing', () => {
    expect(chartFontFiles().map((file) => file.split('/').at(-1))).toEqual([
      'LiberationSans-Regular.ttf',
      'LiberationSans-Bold.ttf',
      'LiberationSans-Italic.ttf',
      'LiberationSans-BoldItalic.ttf',
    ]);
    expect(() => chartFontFiles([tempDir()])).toThrow(/Debian's fonts-liberation/);
  });

  describe('opened by LibreOffice', () => {
    let pdf: string;
    let text: string;
    let pages: number;

    beforeAll(() => {
      const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
      if (soffice.error || soffice.status !== 0) {
        throw new Error(
          "LibreOffice is not installed: install Debian's libreoffice-writer-nogui to convert the Word file",
        );
      }
      const file = suitePath('pack.docx');
      const dir = dirname(file);
      writeFileSync(file, docx);
      // A profile of its own, so a LibreOffice another test or person is running cannot lock this one out.
      const converted = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(converted.status, converted.stderr).toBe(0);
      pdf = join(dir, 'pack.pdf');
      text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);

      rmSync(RESULTS, { recursive: true, force: true });
      mkdirSync(RESULTS, { recursive: true });
      spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(RESULTS, 'page')]);
    }, 180_000);

    it('converts to a PDF of several pages, each with the marking and "Page X of Y"', () => {
      expect(pages).toBeGreaterThan(samplePack().sections.length);
      const pageTexts = text.split('\f').filter((page) => page.trim() !== '');
      expect(pageTexts).toHaveLength(pages);
      pageTexts.forEach((page, index) => {
        expect(page).toContain(`Page ${index + 1} of ${pages}`);
        expect(page.match(/\bOFFICIAL\b/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      });
      expect(readdirSync(RESULTS).filter((name) => name.endsWith('.png'))).toHaveLength(pages);
    });

    it('shows the headings, the contents and the burglary table’s numbers', () => {
      for (const item of samplePack().sections) expect(text).toContain(`${item.number}. ${item.title}`);
      expect(text).toContain('Contents');
      const table = samplePack()
        .sections.flatMap((item) => item.blocks)
        .find((block) => block.kind === 'table' && block.table.id === BURGLARY_TABLE_ID);
      if (table?.kind !== 'table') throw new Error('the sample pack has no burglary table');
      const lines = text.split('\n');
      for (const row of table.table.rows) {
        const label = row.cells[0]?.text ?? '';
        const line = lines.find((candidate) => candidate.trimStart().startsWith(label) && candidate.includes('Green'));
        expect(line, label).toBeDefined();
        const numbers = row.cells
          .filter((cell) => cell.value !== null && cell.value !== undefined)
          .map((cell) => cell.text);
        let from = 0;
        for (const number of numbers) {
          const at = line?.indexOf(number, from) ?? -1;
          expect(at, `${label}: ${number}`).toBeGreaterThan(-1);
          from = at + number.length;
        }
      }
    });

    it('draws the chart with its text', () => {
      // The chart's own title and axis labels come from the picture, so they are not in the PDF's text;
      // the figures table beneath it is.
      expect(text).toContain('Domestic burglary by police area: the figures the chart draws (count)');
      expect(spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout).toMatch(
        /\n\s*\d+\s+\d+\s+image\s+1360\s+720\b/,
      );
    });
  });
});

describe('packDocx with reviewers’ notes', () => {
  it('marks each note at its element and boxes the item’s notes at its end', async () => {
    const pack = samplePack();
    const note = { author: 'Cllr Jane Smith', rag: null, resolved: false, createdAt: '2026-11-20T09:00:00.000Z' };
    const notes = placeNotes(
      [
        {
          ...note,
          id: 'a',
          target: 'item:11',
          kind: 'comment',
          text: 'Add the ASB trend.',
          updatedAt: '2026-11-20T09:00:00.000Z',
        },
        {
          ...note,
          id: 'b',
          target: `figure:${BURGLARY_TABLE_ID}/area:5/5`,
          kind: 'question',
          text: 'What changed in Wycombe?',
          updatedAt: '2026-11-21T09:00:00.000Z',
        },
      ],
      packTargets({ document: pack, priorities: new Map() }),
    );
    const xml = await (await unzip(await packDocx(pack, services, notes))).text('word/document.xml');
    const mark = (label: string) =>
      new RegExp(`<w:vertAlign w:val="superscript"/>(?:(?!</w:r>).)*<w:t xml:space="preserve"> ${label}</w:t>`);
    expect(styled(xml, 'Heading1')).toContain('2. Overview of progress against the 2013/14 priorities N1');
    expect(cellXml(xml, 'Wycombe', '-45%')).toMatch(mark('N2'));
    expect(xml).toContain('Reviewers’ notes on this item');
    expect(xml).toContain('>What changed in Wycombe?<');
    expect(xml).toContain('>Question for the meeting<');
    expect(xml).toContain('Cllr Jane Smith, 21 November 2026');
    // Without notes, nothing of them.
    const plain = await (await unzip(await packDocx(pack, services))).text('word/document.xml');
    expect(plain).not.toContain('notes on this item');
  });
});
