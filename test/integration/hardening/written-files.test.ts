import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { importFigures } from '../../../db/imports/figures/import-figures';
import { INJECTIONS } from '../../fixtures/bad/injections';
import { apiOnDatabase, type TestApi } from '../../helpers/api-context';
import { tablesOf } from '../../helpers/pack-document';
import { boardpack } from '../../helpers/run-boardpack';
import { tempDir, tempPath } from '../../helpers/temp-files';
import { writer } from '../db/imports/import-files';

/**
 * Issue 8, point 5: every CSV and XLSX the app writes neutralises formula
 * injection. Five areas named with OWASP's injection strings get burglary
 * figures beside Wycombe (367 → 201, a difference of -166); each writer puts
 * them in a file, which is read back as a spreadsheet would read it. In a CSV
 * each comes back with a leading apostrophe and -166 stays the number -166; in
 * an XLSX each is a string cell (never a formula) and -166 a numeric cell.
 */

const BASE = 'Apr-Dec 2012';
const CURRENT = 'Apr-Dec 2013';
const NEUTRALISED = INJECTIONS.map((injection) => `'${injection}`);

interface Injected {
  readonly api: TestApi;
  /** The database file, for the command line. */
  readonly path: string;
  readonly viewId: number;
  readonly meetingId: number;
}

/** The demo database with the five areas, a view of them beside Wycombe, and that view in the March 2014 pack. */
async function injected(): Promise<Injected> {
  const api = await apiOnDatabase();
  const rows = INJECTIONS.flatMap((area, index) => [
    ['Domestic burglary', area, BASE, String(20 + index)],
    ['Domestic burglary', area, CURRENT, String(10 + index)],
  ]);
  const file = tempPath('injections.csv');
  writeFileSync(file, stringify([['indicator', 'area', 'period', 'value'], ...rows]));
  await importFigures(api.db, writer, { file, createMissing: true });
  const [indicators, areas, periods] = await Promise.all([
    api.call('indicators.list', {}),
    api.call('areas.list', {}),
    api.call('periods.list', {}),
  ]);
  const idOf = <T extends { id: number }>(rows: readonly T[], match: (row: T) => boolean): number => {
    const found = rows.find(match);
    if (!found) throw new Error('missing from the demo dataset');
    return found.id;
  };
  const view = await api.call('views.create', {
    name: INJECTIONS[0],
    spec: {
      indicatorIds: [idOf(indicators, (row) => row.name === 'Domestic burglary')],
      areaIds: [...INJECTIONS, 'Wycombe'].map((name) => idOf(areas, (row) => row.name === name)),
      periods: {
        mode: 'compare',
        baseId: idOf(periods, (row) => row.label === BASE),
        currentId: idOf(periods, (row) => row.label === CURRENT),
      },
    },
  });
  const meetings = await api.call('meetings.list', {});
  const meetingId = idOf(meetings, (meeting) => meeting.title.endsWith('March 2014'));
  await api.call('agenda.create', {
    meetingId,
    title: INJECTIONS[1],
    content: { kind: 'performance table', viewId: view.id },
  });
  const main = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(api.db);
  return { api, path: main.rows[0]?.file ?? '', viewId: view.id, meetingId };
}

const csvRows = (content: string): string[][] => parse(content, { bom: true, relax_column_count: false });

/** A cell a spreadsheet would run: a risky first character on anything but a number as a table prints it. */
const runnable = (cell: string): boolean =>
  /^[=+\-@\t\r]/.test(cell) && !/^[+-]?£?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/.test(cell);

/** A CSV's rows: nothing runnable, each injection neutralised in the area column, Wycombe's -166 a number. */
function expectNeutralisedCsv(content: string, columns: { area: string; difference: string }): void {
  const [header = [], ...rows] = csvRows(content);
  expect(rows.flat().filter(runnable)).toEqual([]);
  const area = header.indexOf(columns.area);
  const difference = header.indexOf(columns.difference);
  expect(area).not.toBe(-1);
  const byArea = new Map(rows.map((row) => [row[area] ?? '', row]));
  for (const name of NEUTRALISED) expect(byArea.has(name), `${name} in ${header.join(',')}`).toBe(true);
  const wycombe = byArea.get('Wycombe');
  expect(wycombe?.[difference]).toBe('-166');
  expect(Number(wycombe?.[difference])).toBe(-166);
}

describe('every CSV and XLSX the app writes neutralises formula injection', () => {
  it('a comparison view exported to CSV (views.exportCsv)', async () => {
    const { api, viewId } = await injected();
    const file = await api.call('views.exportCsv', { id: viewId });
    expectNeutralisedCsv(file.content, { area: 'Area', difference: 'Difference' });
  });

  it('a comparison view exported to XLSX (views.exportXlsx): text as string cells, never formulas', async () => {
    const { api, viewId } = await injected();
    const file = await api.call('views.exportXlsx', { id: viewId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula || cell.formula)).toEqual([]);
    for (const injection of INJECTIONS) {
      const found = cells.filter((cell) => cell.value === injection);
      expect(found.length, injection).toBeGreaterThan(0);
      for (const cell of found) expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
    const sheet = workbook.worksheets[0];
    const wycombe = sheet?.getRows(2, 6)?.find((row) => row.getCell(3).value === 'Wycombe');
    expect(wycombe?.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(wycombe?.getCell(6).value).toBe(-166);
  });

  it("a pack table exported to CSV (pack.export, the Meetings screen's CSV)", async () => {
    const { api, meetingId } = await injected();
    const pack = await api.call('pack.build', { meetingId });
    const tables = pack.document.sections.flatMap((section) => tablesOf(section.blocks));
    const table = tables.find((candidate) => candidate.rows.some((row) => row.cells[0]?.text === INJECTIONS[0]));
    if (!table) throw new Error('the pack has no table of the injected areas');
    const file = await api.call('pack.export', { meetingId, format: 'csv', tableId: table.id });
    expectNeutralisedCsv(file.content, { area: 'Area', difference: 'Difference' });
  });

  it('a pack exported to CSV files by boardpack export --format csv', async () => {
    const { path } = await injected();
    const out = tempDir();
    const result = await boardpack('export', '--db', path, '--meeting', '1', '--format', 'csv', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    const files = readdirSync(out).filter((name) => name.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(3);
    for (const name of files)
      expect(
        csvRows(readFileSync(join(out, name), 'utf8'))
          .flat()
          .filter(runnable),
      ).toEqual([]);
    const injectedTable = files
      .map((name) => readFileSync(join(out, name), 'utf8'))
      .find((content) => csvRows(content).some((row) => row.includes(NEUTRALISED[0] ?? '')));
    if (!injectedTable) throw new Error(`no CSV file holds the injected areas: ${files.join(', ')}`);
    expectNeutralisedCsv(injectedTable, { area: 'Area', difference: 'Difference' });
  });

  it('boardpack compare --format csv', async () => {
    const { path } = await injected();
    const result = await boardpack(
      'compare',
      '--db',
      path,
      '--indicator',
      'Domestic burglary',
      '--base',
      BASE,
      '--current',
      CURRENT,
      '--format',
      'csv',
    );
    expect(result.code, result.stderr).toBe(0);
    expectNeutralisedCsv(result.stdout, { area: 'Area', difference: 'Difference' });
    // Printed numbers stay as a spreadsheet reads them: -45% is a percentage, not text.
    expect(result.stdout).toContain('Wycombe,367,201,-166,-45%,,green');
  });
});
