import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { BoardpackError } from '../../../shared/errors';
import { readCsvRows } from '../../files/read-csv-rows';
import { findArea } from '../../repositories/areas';
import type { Database } from '../../schema/database';

const lookupRow = z.object({
  'LSOA code': z.string().trim().min(1, 'an LSOA code is required'),
  Area: z.string().trim().min(1, 'an area is required'),
});

/**
 * Reads an LSOA lookup (header "LSOA code,Area"): LSOA code → area id, each
 * area found by name or alias. An unknown area, or a code listed twice, is
 * refused naming the file, row and column.
 */
export async function readLsoaLookup(db: Kysely<Database>, path: string): Promise<Map<string, number>> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new BoardpackError('not-found', `no such LSOA lookup file: ${path}`, { file: path });
  }
  const rows = readCsvRows(path, text, lookupRow);
  const lookup = new Map<string, number>();
  const firstRow = new Map<string, number>();
  const areaIds = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const where = { file: path, row: index + 2 };
    let areaId = areaIds.get(row.Area);
    if (areaId === undefined) {
      areaId = (await findArea(db, row.Area, { ...where, column: 'Area' })).id;
      areaIds.set(row.Area, areaId);
    }
    const code = row['LSOA code'];
    const earlier = firstRow.get(code);
    if (earlier !== undefined && lookup.get(code) !== areaId) {
      throw new BoardpackError('invalid-input', `LSOA ${code} is listed twice, in rows ${earlier} and ${where.row}`, {
        ...where,
        column: 'LSOA code',
      });
    }
    firstRow.set(code, where.row);
    lookup.set(code, areaId);
  }
  return lookup;
}
