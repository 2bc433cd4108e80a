import { describe, expect, it } from 'vitest';
import { figureRow } from '../../../db/demo/demo-files';
import { readCsvRows } from '../../../db/files/read-csv-rows';

const HEADER = 'indicator,area,period,value,provisional,source,note';

describe('readCsvRows', () => {
  it('reads rows with a BOM, CRLF line endings, quoted commas and a thousands separator', () => {
    const text = `\uFEFF${HEADER}\r\nDomestic burglary,Total Bucks,Apr-Dec 2012,"1,108",no,"TVP, recorded crime",\r\n`;
    expect(readCsvRows('figures.csv', text, figureRow)).toEqual([
      {
        indicator: 'Domestic burglary',
        area: 'Total Bucks',
        period: 'Apr-Dec 2012',
        value: 1108,
        provisional: false,
        source: 'TVP, recorded crime',
        note: null,
      },
    ]);
  });

  it('names the file, row and column of text in a number cell', () => {
    const text = `${HEADER}\nDomestic burglary,Wycombe,Apr-Dec 2012,367,no,,\nDomestic burglary,Wycombe,Apr-Dec 2013,two hundred,no,,\n`;
    expect(() => readCsvRows('figures.csv', text, figureRow)).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        message: '"two hundred" is not a number',
        where: { file: 'figures.csv', row: 3, column: 'value' },
      }),
    );
  });

  it('names the row of a line with too many cells', () => {
    const text = `${HEADER}\nDomestic burglary,Wycombe,Apr-Dec 2012,367,no,,,extra\n`;
    expect(() => readCsvRows('figures.csv', text, figureRow)).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        where: expect.objectContaining({ file: 'figures.csv', row: 2 }),
      }),
    );
  });

  it('refuses a value that is not yes or no in a flag column', () => {
    const text = `${HEADER}\nDomestic burglary,Wycombe,Apr-Dec 2012,367,maybe,,\n`;
    expect(() => readCsvRows('figures.csv', text, figureRow)).toThrow(
      expect.objectContaining({ where: { file: 'figures.csv', row: 2, column: 'provisional' } }),
    );
  });
});
