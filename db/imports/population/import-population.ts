import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { BoardpackError, type ErrorWhere } from '../../../shared/errors';
import { normaliseName, suggestion } from '../../../shared/names';
import type { Writer } from '../../repositories/change-log';
import type { UpsertResult } from '../../repositories/figures';
import { upsertPopulations, type PopulationInput } from '../../repositories/populations';
import type { Database } from '../../schema/database';
import { readNumberCell } from '../cells/number-cell';
import { fileSize } from '../files/file-size';
import { tableRecords } from '../files/table-records';
import type { TableRecord } from '../files/table-record';
import { NameResolver } from '../figures/name-resolver';
import { UnknownNamesError } from '../figures/unknown-names-error';
import { ProgressTracker, type ImportControl } from '../progress';
import { recomputeRates } from '../rates/compute-rates';

export interface PopulationImportResult extends UpsertResult {
  readonly file: string;
  readonly rowsRead: number;
  /** Computed rate figures rewritten with the new populations. */
  readonly rates: UpsertResult;
}

type Role = 'area' | 'year' | 'residents' | 'households' | 'youngPeople' | 'source';

/** Header names of each column (case, spaces, dashes and underscores ignored). */
const HEADERS: Readonly<Record<Role, readonly string[]>> = {
  area: ['area'],
  year: ['year'],
  residents: ['residents', 'population'],
  households: ['households'],
  youngPeople: ['young people', 'young people aged 10-17'],
  source: ['source'],
};

const key = (name: string): string => normaliseName(name.replace(/_/g, ' '));

function columnsOf(file: string, row: number, header: readonly string[]): Partial<Record<Role, number>> {
  const keys = header.map(key);
  const columns: Partial<Record<Role, number>> = {};
  for (const [role, names] of Object.entries(HEADERS) as [Role, readonly string[]][]) {
    const index = keys.findIndex((name) => names.includes(name));
    if (index !== -1) columns[role] = index;
  }
  for (const role of ['area', 'year'] as const) {
    if (columns[role] === undefined) {
      throw new BoardpackError('invalid-input', `the header has no "${role}" column${suggestion(role, header)}`, {
        file,
        row,
      });
    }
  }
  if (columns.residents === undefined && columns.households === undefined && columns.youngPeople === undefined) {
    throw new BoardpackError('invalid-input', 'the header has none of "residents", "households", "young people"', {
      file,
      row,
    });
  }
  return columns;
}

/**
 * Imports populations by area and year (CSV or XLSX with the header
 * area,year,residents,households[,young people][,source]) in one transaction,
 * then recomputes every computed rate from them. Areas are found by name or
 * alias; unknown ones are listed with the nearest names and nothing is written.
 */
export async function importPopulation(
  db: Kysely<Database>,
  writer: Writer,
  request: { readonly file: string },
  control: ImportControl = {},
): Promise<PopulationImportResult> {
  const { file } = request;
  const tracker = new ProgressTracker(control, fileSize(file));
  return db.transaction().execute(async (trx) => {
    const [areas, aliases] = await Promise.all([
      trx.selectFrom('area').select(['id', 'name']).execute(),
      trx.selectFrom('areaAlias').selectAll().execute(),
    ]);
    const resolver = new NameResolver<never, undefined>({
      kind: 'area',
      entries: areas.map((area) => ({
        id: area.id,
        names: [area.name, ...aliases.filter((alias) => alias.areaId === area.id).map((alias) => alias.alias)],
      })),
      targets: {},
      createMissing: false,
      create: () => Promise.reject(new Error('populations never create areas')),
    });
    let columns: Partial<Record<Role, number>> | null = null;
    let headerRow = 0;
    let header: readonly string[] = [];
    const rows: PopulationInput[] = [];
    const seen = new Map<string, number>();
    for await (const record of tableRecords(file, { counter: tracker })) {
      tracker.checkCancelled();
      if (columns === null) {
        columns = columnsOf(file, record.row, record.cells);
        headerRow = record.row;
        header = record.cells.map((cell) => cell.trim());
        continue;
      }
      tracker.rowsRead += 1;
      const population = await readRow(file, record, columns, header, resolver);
      tracker.report('reading');
      if (population === null) continue;
      const duplicateKey = `${population.areaId}:${population.year}`;
      const earlier = seen.get(duplicateKey);
      if (earlier !== undefined) {
        throw new BoardpackError(
          'invalid-input',
          `the population of ${record.cells[columns.area ?? 0]?.trim() ?? ''} in ${population.year} is given twice: rows ${earlier} and ${record.row}`,
          { file, row: record.row, column: header[columns.year ?? 0] ?? 'year' },
        );
      }
      seen.set(duplicateKey, record.row);
      rows.push(population);
    }
    if (columns === null) throw new BoardpackError('invalid-input', 'the file is empty', { file });
    if (tracker.rowsRead === 0) {
      throw new BoardpackError('invalid-input', 'the file has a header but no rows', { file, row: headerRow });
    }
    if (resolver.unknown.length > 0) throw new UnknownNamesError(resolver.unknown);
    const written = await upsertPopulations(trx, writer, rows);
    const rates = await recomputeRates(trx, writer);
    tracker.report('writing', true);
    return { file, rowsRead: tracker.rowsRead, ...written, rates };
  });
}

async function readRow(
  file: string,
  record: TableRecord,
  columns: Partial<Record<Role, number>>,
  header: readonly string[],
  resolver: NameResolver<never, undefined>,
): Promise<PopulationInput | null> {
  const cell = (role: Role): string => (columns[role] === undefined ? '' : (record.cells[columns[role]] ?? '').trim());
  const where = (role: Role): ErrorWhere => ({ file, row: record.row, column: header[columns[role] ?? 0] ?? role });
  const count = (role: 'residents' | 'households' | 'youngPeople'): number | null => {
    const read = readNumberCell(cell(role), 'count');
    if (read.kind === 'missing') return null;
    if (read.kind === 'error') throw new BoardpackError('invalid-input', read.message, where(role));
    if (!Number.isInteger(read.value) || read.value < 0) {
      throw new BoardpackError('invalid-input', `"${cell(role)}" is not a whole number of people`, where(role));
    }
    return read.value;
  };
  const areaName = cell('area');
  if (areaName === '') throw new BoardpackError('invalid-input', 'no area named', where('area'));
  if (!/^\d{4}$/.test(cell('year'))) {
    throw new BoardpackError('invalid-input', `"${cell('year')}" is not a year (YYYY)`, where('year'));
  }
  const residents = count('residents');
  const households = count('households');
  const youngPeople = count('youngPeople');
  if (residents === null && households === null && youngPeople === null) {
    throw new BoardpackError('invalid-input', 'no residents, households or young people', where('area'));
  }
  const areaId = await resolver.resolve(areaName, where('area'), undefined);
  if (areaId === null) return null;
  const source = cell('source');
  return {
    areaId,
    year: Number(cell('year')),
    residents,
    households,
    youngPeople,
    source: source === '' ? basename(file) : source,
  };
}
