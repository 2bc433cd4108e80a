import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { BoardpackError } from '../../../shared/errors';
import { setAreaParent } from '../../repositories/area-writes';
import type { Writer } from '../../repositories/change-log';
import type { Database } from '../../schema/database';
import { fileSize } from '../files/file-size';
import { tableRecords } from '../files/table-records';
import { ProgressTracker, type ImportControl } from '../progress';
import { recomputeRates } from '../rates/compute-rates';
import { planColumns, type ColumnPlan } from './column-plan';
import { parseFigureMapping, type FigureMapping, type FigureMappingInput, type Layout } from './figure-mapping';
import { FigureRows, type FigurePreviewRow } from './figure-rows';
import { mergeStagedFigures } from './merge-staged-figures';
import type { PrintedCheck } from './printed-checks';
import { UnknownNamesError } from './unknown-names-error';

export interface FigureImportRequest {
  readonly file: string;
  readonly mapping?: FigureMapping;
  /** Overrides the mapping's layout. */
  readonly layout?: Layout;
  /** The period of a wide-by-indicator file (overrides the mapping's). */
  readonly period?: string;
  /** The indicator of a wide-by-period file (overrides the mapping's). */
  readonly indicator?: string;
  /** Create every indicator, area and period the database does not know. */
  readonly createMissing?: boolean;
  /** Do everything, report it, keep nothing. */
  readonly dryRun?: boolean;
  /** How many figures the preview shows. Default 5. */
  readonly previewRows?: number;
}

export interface FigureImportResult {
  readonly file: string;
  readonly layout: Layout;
  readonly dryRun: boolean;
  /** Data rows read (the header and blank lines not counted). */
  readonly rowsRead: number;
  /** Values read from the cells. */
  readonly figuresRead: number;
  /** Empty cells ("", "..", [x]): no figure. */
  readonly skipped: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly createdNames: { readonly indicators: string[]; readonly areas: string[]; readonly periods: string[] };
  /** Printed differences, % changes and totals checked against the computed ones. */
  readonly checks: readonly PrintedCheck[];
  readonly preview: readonly FigurePreviewRow[];
  /** Rate figures recomputed because their counts changed. */
  readonly rates: { readonly inserted: number; readonly updated: number; readonly unchanged: number };
  /** The mapping as used, to save and reuse next quarter. */
  readonly mapping: FigureMappingInput;
}

class DryRunRollback extends Error {
  constructor(readonly result: FigureImportResult) {
    super('dry run');
  }
}

/**
 * The mapping as used, to save: the layout and the one indicator or period it
 * was given, and the columns that must be there next time (the optional ones,
 * a note or a Difference column, only when the mapping named them).
 */
function effectiveMapping(mapping: FigureMapping, plan: ColumnPlan): FigureMappingInput {
  const columns =
    plan.layout === 'long'
      ? {
          ...mapping.columns,
          indicator: plan.indicator.name,
          area: plan.area.name,
          period: plan.period.name,
          value: plan.value.name,
        }
      : { ...mapping.columns, area: plan.area.name };
  return {
    ...mapping,
    layout: plan.layout,
    columns,
    ...(plan.layout === 'wide-period' ? { indicator: plan.indicator } : {}),
    ...(plan.layout === 'wide-indicator' ? { period: plan.period } : {}),
  };
}

/**
 * Imports a figures file (CSV or XLSX; long, wide by period or wide by
 * indicator) in one transaction: the whole file is read and every row checked
 * before any figure is written, names the database does not know are listed
 * with the nearest ones (UnknownNamesError) unless they are mapped or may be
 * created, and then the figures are upserted: new ones created, changed ones
 * updated with old → new in the change log, the rest left alone. A dry run, an
 * error or a cancellation (control.signal) leaves the database as it was.
 */
export async function importFigures(
  db: Kysely<Database>,
  writer: Writer,
  request: FigureImportRequest,
  control: ImportControl = {},
): Promise<FigureImportResult> {
  const { file } = request;
  const mapping = request.mapping ?? parseFigureMapping({});
  const tracker = new ProgressTracker(control, fileSize(file));
  try {
    return await db.transaction().execute(async (trx) => {
      let rows: FigureRows | null = null;
      let plan: ColumnPlan | null = null;
      let headerRow = 0;
      for await (const record of tableRecords(file, {
        ...(mapping.sheet ? { sheet: mapping.sheet } : {}),
        counter: tracker,
      })) {
        tracker.checkCancelled();
        if (rows === null) {
          headerRow = record.row;
          plan = planColumns(file, record.row, record.cells, mapping, request);
          rows = await FigureRows.open(trx, writer, {
            file,
            headerRow,
            plan,
            mapping,
            createMissing: request.createMissing ?? false,
            previewRows: request.previewRows ?? 5,
          });
          continue;
        }
        await rows.read(record);
        tracker.rowsRead += 1;
        tracker.report('reading');
      }
      if (rows === null || plan === null) throw new BoardpackError('invalid-input', 'the file is empty', { file });
      if (rows.rowsRead === 0) {
        throw new BoardpackError('invalid-input', 'the file has a header but no rows of figures', {
          file,
          row: headerRow,
        });
      }
      const unknown = [...rows.indicators.unknown, ...rows.areas.unknown, ...rows.periods.unknown];
      if (unknown.length > 0) throw new UnknownNamesError(unknown);
      if (rows.totalAreaId !== null) {
        for (const areaId of rows.createdMembers) {
          if (areaId !== rows.totalAreaId) await setAreaParent(trx, writer, areaId, rows.totalAreaId);
        }
      }
      const written = await mergeStagedFigures(trx, writer, rows.stage, {
        source: mapping.source ?? basename(file),
        hasNotes: plan.layout === 'long' && plan.note !== null,
        tracker,
      });
      await rows.stage.close();
      const rates = await recomputeRates(trx, writer, written.indicatorIds);
      tracker.report('writing', true);
      const result: FigureImportResult = {
        file,
        layout: plan.layout,
        dryRun: request.dryRun ?? false,
        rowsRead: rows.rowsRead,
        figuresRead: rows.figuresRead,
        skipped: rows.skipped,
        created: written.inserted,
        updated: written.updated,
        unchanged: written.unchanged,
        createdNames: {
          indicators: rows.indicators.created,
          areas: rows.areas.created,
          periods: rows.periods.created,
        },
        checks: [...rows.checks, ...rows.totalChecks()],
        preview: rows.preview,
        rates,
        mapping: effectiveMapping(mapping, plan),
      };
      if (request.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}
