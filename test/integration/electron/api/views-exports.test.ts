import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvSafe } from '../../../../shared/views/csv-safe';
import type { ViewSpecInput } from '../../../../shared/views/view-spec';
import { apiOnDatabase, type TestApi } from '../../../helpers/api-context';

/**
 * views.exportCsv and views.exportXlsx on the demo dataset: the files are read
 * back the way a spreadsheet would read them, and the numbers are numbers.
 */

async function burglary(api: TestApi): Promise<ViewSpecInput> {
  const [indicators, areas, periods] = await Promise.all([
    api.call('indicators.list', {}),
    api.call('areas.list', {}),
    api.call('periods.list', {}),
  ]);
  const id = <T extends { id: number }>(rows: readonly T[], match: (row: T) => boolean) =>
    rows.find(match)?.id ?? Number.NaN;
  return {
    indicatorIds: [id(indicators, (row) => row.name === 'Domestic burglary')],
    areaIds: ['Aylesbury', 'Chiltern & South Bucks', 'Wycombe', 'Buckinghamshire'].map((name) =>
      id(areas, (row) => row.name === name),
    ),
    periods: {
      mode: 'compare',
      baseId: id(periods, (row) => row.label === 'Apr-Dec 2012'),
      currentId: id(periods, (row) => row.label === 'Apr-Dec 2013'),
    },
  };
}

const csvRows = (content: string): string[][] => parse(content, { bom: true, relax_column_count: false });

describe('views.exportCsv', () => {
  it('writes the table with numbers as bare numbers: -166 stays -166 and -45% is -45', async () => {
    const api = await apiOnDatabase();
    const file = await api.call('views.exportCsv', { spec: await burglary(api), name: 'Domestic burglary' });
    expect(file).toMatchObject({ fileName: 'domestic-burglary.csv', mimeType: 'text/csv', encoding: 'utf8' });
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content).toContain('\r\n');
    const [header, ...rows] = csvRows(file.content);
    expect(header).toEqual([
      'Indicator',
      'Unit',
      'Area',
      'Apr-Dec 2012',
      'Apr-Dec 2013',
      'Difference',
      '% change',
      'Target',
      'RAG',
      'vs England and South East',
    ]);
    expect(rows).toEqual([
      ['Domestic burglary', 'count', 'Aylesbury', '260', '236', '-24', '-9', '', 'Green', ''],
      ['Domestic burglary', 'count', 'Chiltern & South Bucks', '481', '449', '-32', '-7', '', 'Green', ''],
      ['Domestic burglary', 'count', 'Wycombe', '367', '201', '-166', '-45', '', 'Green', ''],
      ['Domestic burglary', 'count', 'Total Buckinghamshire', '1108', '886', '-222', '-20', '-2', 'Green', ''],
    ]);
    // Read as a spreadsheet would: the difference is the number -166, not the text "'-166".
    expect(Number(rows[2]?.[5])).toBe(-166);
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const api = await apiOnDatabase();
    const spec = await burglary(api);
    const wycombe = spec.areaIds[2] as number;
    await api.call('areas.update', {
      id: wycombe,
      version: 1,
      changes: { name: '=HYPERLINK("http://evil.example","Wycombe")' },
    });
    const aylesbury = spec.areaIds[0] as number;
    await api.call('areas.update', { id: aylesbury, version: 1, changes: { name: '@SUM(A1)' } });
    const file = await api.call('views.exportCsv', { spec });
    const areas = csvRows(file.content)
      .slice(1)
      .map((row) => row[2]);
    expect(areas).toEqual([
      "'@SUM(A1)",
      'Chiltern & South Bucks',
      '\'=HYPERLINK("http://evil.example","Wycombe")',
      'Total Buckinghamshire',
    ]);
    const differences = csvRows(file.content)
      .slice(1)
      .map((row) => row[5]);
    expect(differences).toEqual(['-24', '-32', '-166', '-222']);
  });

  it('csvSafe: risky starts get an apostrophe, plain numbers never do', () => {
    expect(['=1+1', '+44 20', '-x', '@cmd', '\tTab', '\rCR'].map(csvSafe)).toEqual([
      "'=1+1",
      "'+44 20",
      "'-x",
      "'@cmd",
      "'\tTab",
      "'\rCR",
    ]);
    expect([-166, '-166', '9.6', 'Wycombe', null].map(csvSafe)).toEqual([-166, '-166', '9.6', 'Wycombe', '']);
  });
});

describe('views.exportXlsx', () => {
  it('writes numeric cells with number formats, RAG on its colour, and a Notes sheet', async () => {
    const api = await apiOnDatabase();
    const file = await api.call('views.exportXlsx', { spec: await burglary(api), name: 'Domestic burglary' });
    expect(file).toMatchObject({ fileName: 'domestic-burglary.xlsx', encoding: 'base64' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Domestic burglary');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Indicator',
      'Unit',
      'Area',
      'Apr-Dec 2012',
      'Apr-Dec 2013',
      'Difference',
      '% change',
      'Target',
      'RAG',
      'vs England and South East',
    ]);
    const wycombe = sheet.getRow(4);
    expect(wycombe.getCell(3).value).toBe('Wycombe');
    for (const column of [4, 5, 6, 7]) expect(wycombe.getCell(column).type).toBe(ExcelJS.ValueType.Number);
    expect(wycombe.getCell(4).value).toBe(367);
    expect(wycombe.getCell(6).value).toBe(-166);
    expect(wycombe.getCell(6).numFmt).toBe('+#,##0;-#,##0;0');
    expect(wycombe.getCell(7).value).toBeCloseTo(-166 / 367, 12);
    expect(wycombe.getCell(7).numFmt).toBe('+0%;-0%;0%');
    const total = sheet.getRow(5);
    expect(total.getCell(3).value).toBe('Total Buckinghamshire');
    expect(total.getCell(8).value).toBeCloseTo(-0.02, 12);
    expect(total.getCell(9).value).toBe('Green');
    expect(total.getCell(9).fill).toMatchObject({ fgColor: { argb: 'FF1B7F3B' } });
    const notes = workbook.getWorksheet('Notes');
    const lines = notes?.getColumn(1).values.filter((value) => typeof value === 'string');
    expect(lines).toContain(
      'Printed figure disagrees: Domestic burglary, Wycombe, Apr-Dec 2012 to Apr-Dec 2013 (367 to 201): printed -116, computed -166.',
    );
  });

  it("carries a rate indicator's definition to the Notes sheet", async () => {
    const api = await apiOnDatabase();
    const [indicators, areas, periods] = await Promise.all([
      api.call('indicators.list', {}),
      api.call('areas.list', {}),
      api.call('periods.list', {}),
    ]);
    const rate = indicators.find((row) => row.name === 'Burglary rate');
    expect(rate?.definition).toMatch(/^Burglary: rate per 1,000 households/);
    const spec: ViewSpecInput = {
      indicatorIds: [rate?.id ?? 0],
      areaIds: [areas.find((row) => row.name === 'Buckinghamshire')?.id ?? 0],
      periods: {
        mode: 'compare',
        baseId: periods.find((row) => row.label === '2020/21')?.id ?? 0,
        currentId: periods.find((row) => row.label === '2021/22')?.id ?? 0,
      },
    };
    const file = await api.call('views.exportXlsx', { spec });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(2).getCell(5).value).toBe(6.7);
    const lines = workbook
      .getWorksheet('Notes')
      ?.getColumn(1)
      .values.filter((value) => typeof value === 'string');
    expect(lines).toContain(`Burglary rate: rate per 1,000 households, lower is better. ${rate?.definition}`);
  });

  it('writes a missing figure as its words, and a provisional one with a note and the Provisional column', async () => {
    const api = await apiOnDatabase();
    const [indicators, areas, periods] = await Promise.all([
      api.call('indicators.list', {}),
      api.call('areas.list', {}),
      api.call('periods.list', {}),
    ]);
    const spec: ViewSpecInput = {
      indicatorIds: [indicators.find((row) => row.name === 'IDVA reduction in risk category')?.id ?? 0],
      areaIds: [areas.find((row) => row.name === 'Buckinghamshire')?.id ?? 0],
      periods: {
        mode: 'compare',
        baseId: periods.find((row) => row.label === '2012/13')?.id ?? 0,
        currentId: periods.find((row) => row.label === '2013/14')?.id ?? 0,
      },
    };
    const file = await api.call('views.exportXlsx', { spec });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const row = sheet?.getRow(2);
    expect(row?.getCell(4).value).toBe('–');
    expect(row?.getCell(5).value).toBe(83);
    expect(row?.getCell(5).numFmt).toBe('0"%"');
    expect(row?.getCell(5).note).toBe('Provisional figure: it may still be revised');
    expect(row?.getCell(7).value).toBe('no base figure');
    expect(sheet?.getRow(1).getCell(11).value).toBe('Provisional');
    expect(row?.getCell(11).value).toBe('provisional');

    const csv = await api.call('views.exportCsv', { spec });
    expect(csvRows(csv.content)[1]).toEqual([
      'IDVA reduction in risk category',
      'percent',
      'Buckinghamshire',
      '–',
      '83',
      'n/a',
      'no base figure',
      '',
      '',
      '',
      'provisional',
    ]);
  });
});
