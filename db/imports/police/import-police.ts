import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { BoardpackError } from '../../../shared/errors';
import type { Writer } from '../../repositories/change-log';
import { listPoliceCrimeTypes, policeCrimeTypeIndicator } from '../../repositories/police-crime-types';
import { replacePoliceMonth } from '../../repositories/police-months';
import type { Database } from '../../schema/database';
import { fileSize } from '../files/file-size';
import { ProgressTracker, type ImportControl } from '../progress';
import { recomputeRates } from '../rates/compute-rates';
import { countPoliceFile } from './count-police-file';
import { areasByLookup, areasByLsoaPrefix, partnershipAreas, type LsoaAreas } from './lsoa-areas';
import { readLsoaLookup } from './lsoa-lookup';
import { policeFiles } from './police-files';
import { writePoliceFigures } from './police-figures';
import type { MonthTally } from './police-tally';

export interface PoliceImportRequest {
  /** A police.uk street-level file or a folder of them, or several such (files chosen together). */
  readonly path: string | readonly string[];
  /** A CSV with the header "LSOA code,Area": when given, it alone places LSOAs in areas. */
  readonly lsoaLookup?: string;
}

export interface PoliceCount {
  readonly crimeType: string;
  readonly area: string;
  readonly month: string;
  readonly count: number;
}

export interface PoliceImportResult {
  readonly files: readonly string[];
  readonly months: readonly string[];
  readonly rowsRead: number;
  readonly rowsCounted: number;
  readonly rowsOutsideAreas: number;
  readonly rowsWithoutLsoa: number;
  /** Crimes by crime type, area and month, as counted from these files. */
  readonly counts: readonly PoliceCount[];
  /** Rows whose LSOA lies outside the partnership's areas, by local authority (or LSOA) name. */
  readonly outsideAreas: readonly { readonly name: string; readonly rows: number }[];
  /** Rows with no LSOA, by month and crime type. */
  readonly withoutLsoa: readonly { readonly month: string; readonly crimeType: string; readonly rows: number }[];
  /** How LSOAs were placed: local authority name (or LSOA code, with a lookup) → area. */
  readonly areaMatches: readonly { readonly lsoa: string; readonly area: string }[];
  /** Crime types seen for the first time, and the indicators that now count them. */
  readonly newCrimeTypes: readonly { readonly crimeType: string; readonly indicatorId: number }[];
  /** Month and roll-up figures written. */
  readonly figures: { readonly created: number; readonly updated: number; readonly unchanged: number };
}

const byName = <T>(entries: Iterable<[string, T]>): [string, T][] =>
  [...entries].sort(([a], [b]) => a.localeCompare(b));

function summarise(tallies: readonly MonthTally[], areas: LsoaAreas) {
  const counts: PoliceCount[] = [];
  const merged = new Map<string, PoliceCount>();
  const outside = new Map<string, number>();
  const withoutLsoa = new Map<string, { month: string; crimeType: string; rows: number }>();
  for (const tally of tallies) {
    for (const [crimeType, byArea] of tally.counts) {
      for (const [areaId, count] of byArea) {
        const area = areas.areaName(areaId);
        const key = `${tally.month}\u0000${crimeType}\u0000${area}`;
        const before = merged.get(key);
        merged.set(key, { crimeType, area, month: tally.month, count: (before?.count ?? 0) + count });
      }
    }
    for (const [name, rows] of tally.outside) outside.set(name, (outside.get(name) ?? 0) + rows);
    for (const [crimeType, rows] of tally.withoutLsoa) {
      const key = `${tally.month}\u0000${crimeType}`;
      withoutLsoa.set(key, { month: tally.month, crimeType, rows: (withoutLsoa.get(key)?.rows ?? 0) + rows });
    }
  }
  counts.push(...merged.values());
  counts.sort(
    (a, b) => a.month.localeCompare(b.month) || a.crimeType.localeCompare(b.crimeType) || a.area.localeCompare(b.area),
  );
  return {
    counts,
    outsideAreas: byName(outside).map(([name, rows]) => ({ name, rows })),
    withoutLsoa: [...withoutLsoa.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.crimeType.localeCompare(b.crimeType),
    ),
  };
}

/**
 * Imports police.uk street-level crime files: streams each file (memory does
 * not grow with its size), counts crimes by crime type × area × month, then in
 * one transaction replaces each imported force-month's counts and writes the
 * figures: one count indicator per crime type ("Burglary (police.uk)"), month
 * periods ("2024-04") and the quarters, financial years and April-to-date
 * ranges they complete. Importing a month again replaces it, never adds to it.
 * Rows outside the partnership's areas or without an LSOA are counted and
 * reported, not dropped. A cancellation (control.signal) writes nothing.
 */
export async function importPolice(
  db: Kysely<Database>,
  writer: Writer,
  request: PoliceImportRequest,
  control: ImportControl = {},
): Promise<PoliceImportResult> {
  const paths: readonly string[] = typeof request.path === 'string' ? [request.path] : request.path;
  const files = paths.flatMap(policeFiles);
  const sizes = files.map(fileSize);
  const tracker = new ProgressTracker(
    control,
    sizes.reduce((sum, size) => sum + size, 0),
  );
  const areas = request.lsoaLookup
    ? areasByLookup(
        await readLsoaLookup(db, request.lsoaLookup),
        new Map((await db.selectFrom('area').select(['id', 'name']).execute()).map((area) => [area.id, area.name])),
      )
    : areasByLsoaPrefix(await partnershipAreas(db));
  const tallies = new Map<string, MonthTally>();
  let bytesBefore = 0;
  for (const [index, file] of files.entries()) {
    await countPoliceFile(file, areas, tallies, tracker, bytesBefore);
    bytesBefore += sizes[index] ?? 0;
  }
  const ordered = [...tallies.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.reportedBy.localeCompare(b.reportedBy),
  );
  const rowsRead = ordered.reduce((sum, tally) => sum + tally.rowsRead, 0);
  if (rowsRead === 0) {
    throw new BoardpackError('invalid-input', 'the files have a header but no crime rows', { file: paths.join(', ') });
  }
  const months = [...new Set(ordered.map((tally) => tally.month))];
  tracker.report('writing', true);
  const written = await db.transaction().execute(async (trx) => {
    const linked = await listPoliceCrimeTypes(trx);
    const newCrimeTypes: { crimeType: string; indicatorId: number }[] = [];
    for (const tally of ordered) {
      tracker.checkCancelled();
      const counts: { crimeType: string; areaId: number; count: number }[] = [];
      for (const [crimeType, byArea] of tally.counts) {
        if (!linked.has(crimeType)) {
          const indicatorId = await policeCrimeTypeIndicator(trx, writer, crimeType);
          linked.set(crimeType, indicatorId);
          newCrimeTypes.push({ crimeType, indicatorId });
        }
        for (const [areaId, count] of byArea) counts.push({ crimeType, areaId, count });
      }
      await replacePoliceMonth(
        trx,
        {
          month: tally.month,
          reportedBy: tally.reportedBy,
          file: basename(tally.file),
          rowsRead: tally.rowsRead,
          rowsCounted: tally.rowsCounted,
          rowsOutsideAreas: tally.rowsOutsideAreas,
          rowsWithoutLsoa: tally.rowsWithoutLsoa,
          importedAt: writer.now(),
        },
        counts,
      );
    }
    tracker.checkCancelled();
    const figures = await writePoliceFigures(trx, writer, months);
    await recomputeRates(trx, writer, figures.indicatorIds);
    tracker.checkCancelled();
    return { figures, newCrimeTypes };
  });
  tracker.report('writing', true);
  return {
    files,
    months,
    rowsRead,
    rowsCounted: ordered.reduce((sum, tally) => sum + tally.rowsCounted, 0),
    rowsOutsideAreas: ordered.reduce((sum, tally) => sum + tally.rowsOutsideAreas, 0),
    rowsWithoutLsoa: ordered.reduce((sum, tally) => sum + tally.rowsWithoutLsoa, 0),
    ...summarise(ordered, areas),
    areaMatches: byName(areas.matches).map(([lsoa, area]) => ({ lsoa, area })),
    newCrimeTypes: written.newCrimeTypes,
    figures: {
      created: written.figures.inserted,
      updated: written.figures.updated,
      unchanged: written.figures.unchanged,
    },
  };
}
