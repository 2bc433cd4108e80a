import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { loadDemoDataset } from '../../../../db/demo/load-demo';
import type { Writer } from '../../../../db/repositories/change-log';
import type { Database } from '../../../../db/schema/database';
import { newDatabase, tempPath } from '../../../helpers/temp-files';

/** Helpers for the import tests: files built in the test, in the layouts people really send. */

export const writer: Writer = { actor: 'secretary', now: () => '2026-11-26T10:00:00.000Z' };

/** Writes a file in a fresh temp folder and returns its path. */
export function fileWith(name: string, content: string | Buffer): string {
  const path = tempPath(name);
  writeFileSync(path, content);
  return path;
}

export type Cell = string | number | null | { formula: string; result: number } | { value: number; numFmt: string };

/** Writes an XLSX workbook with one or more sheets of rows. */
export async function xlsxWith(name: string, sheets: Record<string, readonly (readonly Cell[])[]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(sheetName);
    rows.forEach((cells, rowIndex) => {
      cells.forEach((cell, columnIndex) => {
        const target = sheet.getCell(rowIndex + 1, columnIndex + 1);
        if (cell !== null && typeof cell === 'object' && 'numFmt' in cell) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else target.value = cell;
      });
    });
  }
  const path = tempPath(name);
  await workbook.xlsx.writeFile(path);
  return path;
}

export async function emptyDatabase(): Promise<Kysely<Database>> {
  return (await newDatabase()).db;
}

export async function demoDatabase(): Promise<Kysely<Database>> {
  const { db } = await newDatabase();
  await loadDemoDataset(db, { actor: 'test', now: () => '2026-11-25T09:00:00.000Z' });
  return db;
}

/** The value of one figure, by indicator name, area name and period label; undefined when there is none. */
export async function figureValue(
  db: Kysely<Database>,
  indicator: string,
  area: string,
  period: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('figure')
    .innerJoin('indicator', 'indicator.id', 'figure.indicatorId')
    .innerJoin('area', 'area.id', 'figure.areaId')
    .innerJoin('period', 'period.id', 'figure.periodId')
    .select('figure.value')
    .where('indicator.name', '=', indicator)
    .where('area.name', '=', area)
    .where('period.label', '=', period)
    .executeTakeFirst();
  return row?.value;
}

/** How many rows a table holds: proof that something was, or was not, written. */
export async function countRows(
  db: Kysely<Database>,
  table: 'figure' | 'changeLog' | 'area' | 'period' | 'indicator' | 'policeMonth' | 'population',
): Promise<number> {
  const { count } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Every table's row count, to show an import that failed left the database exactly as it was. */
export async function snapshot(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = ['figure', 'changeLog', 'area', 'period', 'indicator', 'policeMonth', 'population'] as const;
  const counts = await Promise.all(
    tables.map(async (table): Promise<[string, number]> => [table, await countRows(db, table)]),
  );
  return Object.fromEntries(counts);
}
