import type { Transaction } from 'kysely';
import type { FigureInput } from '../../../shared/model';
import type { Writer } from '../../repositories/change-log';
import { upsertFigures, type UpsertResult } from '../../repositories/figures';
import type { Database } from '../../schema/database';
import type { FigureRow } from '../../schema/indicator.table';
import type { ProgressTracker } from '../progress';
import type { FigureStage } from './figure-stage';

const CHUNK = 500;

const keyOf = (figure: { indicatorId: number; areaId: number; periodId: number }): string =>
  `${figure.indicatorId}:${figure.areaId}:${figure.periodId}`;

/**
 * Writes the staged figures through upsertFigures (new ones inserted, changed
 * ones updated with old → new in the change log). A figure whose value and
 * provisional flag the file repeats is left exactly as it is, note and source
 * included, so re-importing a file (or the same figures under another file
 * name) changes nothing; a file without a note column keeps the notes it finds.
 */
export async function mergeStagedFigures(
  trx: Transaction<Database>,
  writer: Writer,
  stage: FigureStage,
  options: { readonly source: string; readonly hasNotes: boolean; readonly tracker: ProgressTracker },
): Promise<UpsertResult & { indicatorIds: ReadonlySet<number> }> {
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  const indicatorIds = new Set<number>();
  for await (const chunk of stage.chunks(CHUNK)) {
    options.tracker.checkCancelled();
    const existing = new Map<string, FigureRow>();
    const rows = await trx
      .selectFrom('figure')
      .selectAll()
      .where('indicatorId', 'in', [...new Set(chunk.map((figure) => figure.indicatorId))])
      .where('areaId', 'in', [...new Set(chunk.map((figure) => figure.areaId))])
      .where('periodId', 'in', [...new Set(chunk.map((figure) => figure.periodId))])
      .execute();
    for (const row of rows) existing.set(keyOf(row), row);
    const inputs: FigureInput[] = [];
    for (const figure of chunk) {
      indicatorIds.add(figure.indicatorId);
      const before = existing.get(keyOf(figure));
      const same =
        before !== undefined &&
        before.value === figure.value &&
        before.provisional === figure.provisional &&
        (!options.hasNotes || before.note === figure.note);
      if (same) {
        unchanged += 1;
        continue;
      }
      inputs.push({
        indicatorId: figure.indicatorId,
        areaId: figure.areaId,
        periodId: figure.periodId,
        value: figure.value,
        provisional: figure.provisional === 1,
        source: options.source,
        note: options.hasNotes ? figure.note : (before?.note ?? null),
      });
    }
    const result =
      inputs.length === 0 ? { inserted: 0, updated: 0, unchanged: 0 } : await upsertFigures(trx, writer, inputs);
    inserted += result.inserted;
    updated += result.updated;
    unchanged += result.unchanged;
    options.tracker.report('writing');
  }
  return { inserted, updated, unchanged, indicatorIds };
}
