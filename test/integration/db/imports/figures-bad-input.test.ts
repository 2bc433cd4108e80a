import { beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { importFigures } from '../../../../db/imports/figures/import-figures';
import type { Database } from '../../../../db/schema/database';
import { demoDatabase, figureValue, fileWith, snapshot, writer } from './import-files';

/**
 * Point 1's list of awkward inputs: each is either read correctly or refused
 * naming the file, row and column, and a refused file writes nothing.
 */
let db: Kysely<Database>;
let before: Record<string, number>;

beforeEach(async () => {
  db = await demoDatabase();
  before = await snapshot(db);
});

const HEADER = 'indicator,area,period,value';
const row = (value: string, area = 'Wycombe', period = '2014/15') => `Domestic burglary,${area},${period},${value}`;

async function refused(file: string, where: Record<string, unknown>, message: RegExp): Promise<void> {
  const error = await importFigures(db, writer, { file }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ code: 'invalid-input' });
  expect((error as { where: unknown }).where).toEqual({ file, ...where });
  expect((error as Error).message).toMatch(message);
  expect(await snapshot(db)).toEqual(before);
}

describe('files that are read correctly', () => {
  it('a UTF-8 byte order mark before the header', async () => {
    const file = fileWith('bom.csv', `\uFEFF${HEADER}\n${row('280')}\n`);
    expect(await importFigures(db, writer, { file })).toMatchObject({ created: 1 });
  });

  it('CRLF and mixed line endings, counting rows as the file does', async () => {
    const file = fileWith(
      'mixed.csv',
      `${HEADER}\r\n${row('280')}\n${row('190', 'Aylesbury')}\r\n${row('twelve', 'Chiltern & South Bucks')}\r\n`,
    );
    await refused(file, { row: 4, column: 'value' }, /"twelve" is not a number/);
    const good = fileWith(
      'mixed-good.csv',
      `${HEADER}\r\n${row('280')}\n${row('190', 'Aylesbury')}\r${row('70', 'Chiltern & South Bucks')}`,
    );
    expect(await importFigures(db, writer, { file: good })).toMatchObject({ rowsRead: 3, created: 3 });
  });

  it('semicolons as the delimiter, detected from the header', async () => {
    const file = fileWith('semicolons.csv', 'indicator;area;period;value\nDomestic burglary;Wycombe;2014/15;"1,108"\n');
    expect(await importFigures(db, writer, { file })).toMatchObject({ created: 1 });
    expect(await figureValue(db, 'Domestic burglary', 'Wycombe', '2014/15')).toBe(1108);
  });

  it('tabs as the delimiter, detected from the header', async () => {
    const file = fileWith('tabs.tsv', 'indicator\tarea\tperiod\tvalue\nDomestic burglary\tWycombe\t2014/15\t1,108\n');
    expect(await importFigures(db, writer, { file })).toMatchObject({ created: 1 });
    expect(await figureValue(db, 'Domestic burglary', 'Wycombe', '2014/15')).toBe(1108);
  });

  it('quoted fields holding commas and line breaks, rows still numbered by line', async () => {
    const file = fileWith(
      'quoted.csv',
      `${HEADER},note\n${row('280')},"revised, see the\nminutes of 3 March"\n${row('12x', 'Aylesbury')},\n`,
    );
    await refused(file, { row: 4, column: 'value' }, /"12x" is not a number/);
    const good = fileWith('quoted-good.csv', `${HEADER},note\n${row('280')},"revised, see the\nminutes of 3 March"\n`);
    await importFigures(db, writer, { file: good });
    const note = await db.selectFrom('figure').select('note').where('value', '=', 280).executeTakeFirstOrThrow();
    expect(note.note).toBe('revised, see the\nminutes of 3 March');
  });

  it('thousands separators ("1,108")', async () => {
    const file = fileWith('thousands.csv', `${HEADER}\n${row('"1,108"')}\n${row('"12,345.5"', 'Aylesbury')}\n`);
    await importFigures(db, writer, { file });
    expect(await figureValue(db, 'Domestic burglary', 'Wycombe', '2014/15')).toBe(1108);
    expect(await figureValue(db, 'Domestic burglary', 'Aylesbury', '2014/15')).toBe(12345.5);
  });

  it('"12%" for a percent indicator', async () => {
    const file = fileWith('percent.csv', `${HEADER}\nMARAC repeat referral rate,Buckinghamshire,2014/15,17%\n`);
    await importFigures(db, writer, { file });
    expect(await figureValue(db, 'MARAC repeat referral rate', 'Buckinghamshire', '2014/15')).toBe(17);
  });

  it('"£43k" for a money indicator, in pence', async () => {
    const file = fileWith('money.csv', `${HEADER}\nCSF grant,Buckinghamshire,2014/15,£43k\n`);
    await importFigures(db, writer, { file, createMissing: true });
    expect(await figureValue(db, 'CSF grant', 'Buckinghamshire', '2014/15')).toBe(4_300_000);
  });

  it('blank lines, skipped and still counted in row numbers', async () => {
    const file = fileWith('blank.csv', `${HEADER}\n\n${row('280')}\n,,,\n\n${row('n/k', 'Aylesbury')}\n`);
    await refused(file, { row: 6, column: 'value' }, /"n\/k" is not a number/);
  });
});

describe('files that are refused, naming where', () => {
  it('a figure given twice in the file, naming both rows', async () => {
    const file = fileWith(
      'twice.csv',
      `${HEADER}\n${row('280')}\n${row('190', 'Aylesbury')}\n${row('281', 'wycombe')}\n`,
    );
    await refused(
      file,
      { row: 4, column: 'value' },
      /Domestic burglary, wycombe, 2014\/15 is given twice: rows 2 and 4/,
    );
  });

  it('the same area twice in a wide table, naming both rows', async () => {
    const file = fileWith('wide-twice.csv', 'Area,2013/14,2014/15\nWycombe,1,2\nAylesbury,3,4\nWycombe,5,6\n');
    const error = await importFigures(db, writer, { file, indicator: 'Domestic burglary' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ where: { file, row: 4, column: '2013/14' } });
    expect((error as Error).message).toMatch(/rows 2 and 4/);
  });

  it('text in a number cell', async () => {
    const file = fileWith('text.csv', `${HEADER}\n${row('280')}\n${row('about 200', 'Aylesbury')}\n`);
    await refused(file, { row: 3, column: 'value' }, /"about 200" is not a number/);
  });

  it('a percentage for a count indicator', async () => {
    const file = fileWith('percent-count.csv', `${HEADER}\n${row('12%')}\n`);
    await refused(file, { row: 2, column: 'value' }, /"12%" is a percentage, but the indicator is a count/);
  });

  it('money for a count indicator', async () => {
    const file = fileWith('money-count.csv', `${HEADER}\n${row('£43k')}\n`);
    await refused(file, { row: 2, column: 'value' }, /"£43k" is an amount of money, but the indicator is a count/);
  });

  it('an empty file', async () => {
    await refused(fileWith('empty.csv', ''), {}, /the file is empty/);
  });

  it('a file of nothing but a byte order mark and blank lines', async () => {
    await refused(fileWith('blank.csv', '\uFEFF\r\n\r\n'), {}, /the file is empty/);
  });

  it('a header and no rows', async () => {
    await refused(fileWith('header.csv', `${HEADER}\r\n\r\n`), { row: 1 }, /a header but no rows/);
  });

  it('a quote that is never closed, at the row it opens in', async () => {
    const file = fileWith('quote.csv', `${HEADER}\n${row('280')}\n${row('"190', 'Aylesbury')}\n${row('1')}\n`);
    await refused(file, { row: 3, column: 'value' }, /a quote opened here is never closed/);
  });

  it('a row with more cells than the header', async () => {
    const file = fileWith('long-row.csv', `${HEADER}\n${row('280')}\n${row('1,108', 'Aylesbury')}\n`);
    await refused(file, { row: 3 }, /this row has 5 cells but the header has 4/);
  });

  it('a provisional flag that is neither yes nor no', async () => {
    const file = fileWith('flag.csv', `${HEADER},provisional\n${row('280')},maybe\n`);
    await refused(file, { row: 2, column: 'provisional' }, /"maybe" is not yes or no/);
  });

  it('a header without a value column', async () => {
    const file = fileWith('no-value.csv', 'indicator,area,period,count\nDomestic burglary,Wycombe,2014/15,1\n');
    const error = await importFigures(db, writer, { file, layout: 'long' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid-input', where: { file, row: 1 } });
    expect((error as Error).message).toMatch(/no value column "value"/);
  });

  it('text that is not UTF-8 (a £ saved as Windows-1252)', async () => {
    const file = fileWith(
      'latin1.csv',
      Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from('CSF grant,Wycombe,2014/15,\xa343k\n', 'latin1')]),
    );
    await refused(file, { row: 2, column: 'value' }, /not UTF-8/);
  });

  it('UTF-16 text, as Excel saves "Unicode text"', async () => {
    const file = fileWith(
      'utf16.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n`, 'utf16le')]),
    );
    await refused(file, {}, /UTF-16/);
  });

  it('an Excel 97-2003 workbook', async () => {
    const file = fileWith('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await refused(file, {}, /\.xls/);
  });
});

describe('a large file', () => {
  it('is streamed and checked to its last row before anything is written', async () => {
    const lines = [HEADER];
    for (let index = 0; index < 40_000; index += 1) {
      lines.push(`Domestic burglary,Area ${index % 400},${2000 + Math.floor(index / 400)}-01,${index}`);
    }
    lines.push(row('forty'));
    const file = fileWith('large.csv', `${lines.join('\n')}\n`);
    const error = await importFigures(db, writer, { file, createMissing: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid-input', where: { file, row: 40_002, column: 'value' } });
    expect(await snapshot(db)).toEqual(before);
  });
});
