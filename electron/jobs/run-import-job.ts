import type { Kysely } from 'kysely';
import { POLICE_SUMMARY_NAMES, type ImportOutcome, type NamedRows, type TopNamedRows } from '../../shared/imports';
import type { Writer } from '../../db/repositories/change-log';
import type { Database } from '../../db/schema/database';
import { parseFigureMapping } from '../../db/imports/figures/figure-mapping';
import { importFigures } from '../../db/imports/figures/import-figures';
import { UnknownNamesError } from '../../db/imports/figures/unknown-names-error';
import { importPolice } from '../../db/imports/police/import-police';
import { importPopulation } from '../../db/imports/population/import-population';
import type { ImportControl } from '../../db/imports/progress';

/** An import job whose sources are files on this computer (uploads already written to temp files). */
export type FileImportJob =
  | {
      readonly kind: 'figures';
      readonly file: string;
      readonly layout?: 'long' | 'wide-period' | 'wide-indicator';
      readonly period?: string;
      readonly indicator?: string;
      readonly mapping?: unknown;
      readonly createMissing?: boolean;
      readonly dryRun?: boolean;
    }
  | { readonly kind: 'police'; readonly path: string | readonly string[]; readonly lsoaLookup?: string }
  | { readonly kind: 'population'; readonly file: string };

/**
 * Names with their rows, the same name added up (a crime type without an LSOA in several months), most rows
 * first then by name, cut to the first POLICE_SUMMARY_NAMES with what was left off counted.
 */
export function topNamedRows(entries: readonly NamedRows[]): TopNamedRows {
  const rowsByName = new Map<string, number>();
  for (const { name, rows } of entries) rowsByName.set(name, (rowsByName.get(name) ?? 0) + rows);
  const sorted = [...rowsByName]
    .map(([name, rows]) => ({ name, rows }))
    .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
  const left = sorted.slice(POLICE_SUMMARY_NAMES);
  return {
    names: sorted.slice(0, POLICE_SUMMARY_NAMES),
    moreNames: left.length,
    moreRows: left.reduce((sum, entry) => sum + entry.rows, 0),
  };
}

/**
 * Runs one import on a connection and says how it ended, as data: a summary,
 * the names the database does not know, or "cancelled" (the import's own
 * transaction has then written nothing). Any other failure is thrown.
 */
export async function runImportJob(
  db: Kysely<Database>,
  writer: Writer,
  job: FileImportJob,
  control: ImportControl,
): Promise<ImportOutcome> {
  try {
    switch (job.kind) {
      case 'figures': {
        const result = await importFigures(
          db,
          writer,
          {
            file: job.file,
            ...(job.mapping === undefined ? {} : { mapping: parseFigureMapping(job.mapping) }),
            ...(job.layout === undefined ? {} : { layout: job.layout }),
            ...(job.period === undefined ? {} : { period: job.period }),
            ...(job.indicator === undefined ? {} : { indicator: job.indicator }),
            ...(job.createMissing === undefined ? {} : { createMissing: job.createMissing }),
            ...(job.dryRun === undefined ? {} : { dryRun: job.dryRun }),
          },
          control,
        );
        return {
          status: 'done',
          summary: {
            kind: 'figures',
            dryRun: result.dryRun,
            rowsRead: result.rowsRead,
            figuresRead: result.figuresRead,
            skipped: result.skipped,
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            checks: result.checks.map((check) => ({ message: check.message, agrees: check.agrees })),
            createdNames: result.createdNames,
            mapping: result.mapping,
          },
        };
      }
      case 'police': {
        const result = await importPolice(
          db,
          writer,
          { path: job.path, ...(job.lsoaLookup === undefined ? {} : { lsoaLookup: job.lsoaLookup }) },
          control,
        );
        return {
          status: 'done',
          summary: {
            kind: 'police',
            months: result.months,
            rowsRead: result.rowsRead,
            rowsCounted: result.rowsCounted,
            rowsOutsideAreas: result.rowsOutsideAreas,
            rowsWithoutLsoa: result.rowsWithoutLsoa,
            outsideAreas: topNamedRows(result.outsideAreas),
            withoutLsoa: topNamedRows(result.withoutLsoa.map((row) => ({ name: row.crimeType, rows: row.rows }))),
            newCrimeTypes: result.newCrimeTypes.map((type) => type.crimeType),
            figures: result.figures,
          },
        };
      }
      case 'population': {
        const result = await importPopulation(db, writer, { file: job.file }, control);
        return {
          status: 'done',
          summary: {
            kind: 'population',
            rowsRead: result.rowsRead,
            inserted: result.inserted,
            updated: result.updated,
            unchanged: result.unchanged,
          },
        };
      }
    }
  } catch (error) {
    if (error instanceof UnknownNamesError) return { status: 'unknown-names', unknown: error.unknown };
    if (control.signal?.aborted) return { status: 'cancelled' };
    throw error;
  }
}
