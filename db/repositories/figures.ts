import type { Transaction } from 'kysely';
import { TextTable, type FigurePage } from '../../shared/api/figure-page';
import type { Figure, FigureInput } from '../../shared/model';
import type { Database, Db } from '../schema/database';
import type { FigureRow } from '../schema/indicator.table';
import { BoardpackError } from '../../shared/errors';
import { engineOf } from '../engine';
import { recordChanges, type Change, type Writer } from './change-log';
import { RECORD_SPECS } from './record-specs';
import { refusedWrite, staleRowError, type StoredRecord } from './stale-rows';

function toFigure(row: FigureRow): Figure {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    areaId: row.areaId,
    periodId: row.periodId,
    value: row.value,
    provisional: row.provisional === 1,
    source: row.source,
    note: row.note,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export interface FigureQuery {
  readonly indicatorId: number;
  readonly periodIds: readonly number[];
  /** All areas when absent. */
  readonly areaIds?: readonly number[];
}

export interface FigureFilter {
  readonly indicatorId?: number;
  readonly areaId?: number;
  readonly periodId?: number;
  readonly offset?: number;
  readonly limit?: number;
}

/**
 * A page of figures matching a filter, in indicator, area, period order, as
 * columns (see shared/api/figure-page.ts), and how many match in all. The
 * columns are read in one scan as JSON arrays built by the engine (db/engine.ts), so
 * 100,000 figures cost no object per row on the way out.
 */
export async function pageFigures(db: Db, filter: FigureFilter): Promise<FigurePage> {
  let matching = db.selectFrom('figure');
  if (filter.indicatorId !== undefined) matching = matching.where('indicatorId', '=', filter.indicatorId);
  if (filter.areaId !== undefined) matching = matching.where('areaId', '=', filter.areaId);
  if (filter.periodId !== undefined) matching = matching.where('periodId', '=', filter.periodId);
  let ordered = matching
    .select([
      'id',
      'indicatorId',
      'areaId',
      'periodId',
      'value',
      'provisional',
      'source',
      'note',
      'updatedAt',
      'version',
    ])
    .orderBy('indicatorId')
    .orderBy('areaId')
    .orderBy('periodId');
  const paged = filter.limit !== undefined || filter.offset !== undefined;
  // An offset needs a limit in SQL; "no limit" is the largest one.
  if (paged) ordered = ordered.limit(filter.limit ?? Number.MAX_SAFE_INTEGER);
  if (filter.offset !== undefined) ordered = ordered.offset(filter.offset);
  const engine = engineOf(db);
  const columns = await db
    .selectFrom(ordered.as('page'))
    .select([
      engine.jsonArrayOf('page.id').as('ids'),
      engine.jsonArrayOf('page.indicatorId').as('indicatorIds'),
      engine.jsonArrayOf('page.areaId').as('areaIds'),
      engine.jsonArrayOf('page.periodId').as('periodIds'),
      engine.jsonNumberArrayOf('page.value').as('values'),
      engine.jsonArrayOf('page.provisional').as('provisional'),
      engine.jsonArrayOf('page.source').as('sources'),
      engine.jsonArrayOf('page.note').as('notes'),
      engine.jsonArrayOf('page.updatedAt').as('updatedAt'),
      engine.jsonArrayOf('page.version').as('versions'),
    ])
    .executeTakeFirstOrThrow();
  const ids = JSON.parse(columns.ids) as number[];
  const total = paged
    ? Number((await matching.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total)
    : ids.length;
  const texts = new TextTable();
  return {
    ids,
    indicatorIds: JSON.parse(columns.indicatorIds) as number[],
    areaIds: JSON.parse(columns.areaIds) as number[],
    periodIds: JSON.parse(columns.periodIds) as number[],
    values: JSON.parse(columns.values) as number[],
    provisional: JSON.parse(columns.provisional) as number[],
    sources: texts.column(JSON.parse(columns.sources) as (string | null)[]),
    notes: texts.column(JSON.parse(columns.notes) as (string | null)[]),
    updatedAt: texts.column(JSON.parse(columns.updatedAt) as string[]),
    versions: JSON.parse(columns.versions) as number[],
    texts: texts.texts,
    total,
  };
}

export async function listFigures(db: Db, query: FigureQuery): Promise<Figure[]> {
  if (query.periodIds.length === 0 || query.areaIds?.length === 0) return [];
  let select = db
    .selectFrom('figure')
    .selectAll()
    .where('indicatorId', '=', query.indicatorId)
    .where('periodId', 'in', query.periodIds);
  if (query.areaIds) select = select.where('areaId', 'in', query.areaIds);
  const rows = await select.orderBy('areaId').orderBy('periodId').execute();
  return rows.map(toFigure);
}

export interface UpsertResult {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

const key = (figure: { indicatorId: number; areaId: number; periodId: number }): string =>
  `${figure.indicatorId}:${figure.areaId}:${figure.periodId}`;

const CHUNK = 2000;

/** The stored figures with the same indicator, area and period as any of these, by key. */
async function storedFor(db: Transaction<Database>, figures: readonly FigureInput[]): Promise<Map<string, FigureRow>> {
  const stored = new Map<string, FigureRow>();
  for (const indicatorId of new Set(figures.map((figure) => figure.indicatorId))) {
    const rows = await db
      .selectFrom('figure')
      .selectAll()
      .where('indicatorId', '=', indicatorId)
      .where('areaId', 'in', [...new Set(figures.map((figure) => figure.areaId))])
      .where('periodId', 'in', [...new Set(figures.map((figure) => figure.periodId))])
      .execute();
    for (const row of rows) stored.set(key(row), row);
  }
  return stored;
}

/** What a stored figure's columns are as the API speaks them (its 0/1 flag as a boolean). */
const asRecord = (row: FigureRow): StoredRecord => ({ ...row, provisional: row.provisional === 1 });

const FIGURE_SPEC = RECORD_SPECS.figure;
const LISTED = 5;

/** The columns a write by key sets, as stored. */
const storedValues = (figure: FigureInput) => ({
  value: figure.value,
  provisional: figure.provisional ? 1 : 0,
  source: figure.source,
  note: figure.note,
});

/** The columns in which a figure to write differs from the stored one. */
const changedColumns = (before: FigureRow, values: ReturnType<typeof storedValues>) =>
  (Object.keys(values) as (keyof typeof values)[]).filter((column) => before[column] !== values[column]);

/** What a refused write of `figure` over `before` tried: the fields it would have changed, as the API speaks them. */
const attemptOver = (before: FigureRow, figure: FigureInput) =>
  ({
    kind: 'update',
    values: Object.fromEntries(changedColumns(before, storedValues(figure)).map((column) => [column, figure[column]])),
  }) as const;

const deletedSince = () =>
  new BoardpackError('not-found', 'this figure was deleted by someone else since you loaded it');

/**
 * Refuses a block made from versions someone has saved over since: each
 * figure's `versions` entry is the version it was made from (null: made as a
 * new figure). A figure that would change and is at another version now, was
 * deleted since, or was added since, stops the whole write with one 'stale'
 * error naming every such line ("line 3: Ana changed …; your 415 was not
 * saved"), carrying the first as saved now. A figure already as the block has
 * it is no loss, so not refused.
 */
async function refuseStaleBlock(
  db: Transaction<Database>,
  writer: Writer,
  figures: readonly FigureInput[],
  versions: readonly (number | null)[],
): Promise<void> {
  const refusals: { line: number; error: BoardpackError }[] = [];
  for (let start = 0; start < figures.length; start += CHUNK) {
    const chunk = figures.slice(start, start + CHUNK);
    const stored = await storedFor(db, chunk);
    for (const [offset, figure] of chunk.entries()) {
      const index = start + offset;
      const madeFrom = versions[index] ?? null;
      const before = stored.get(key(figure));
      if (
        (before?.version ?? null) === madeFrom ||
        (before && changedColumns(before, storedValues(figure)).length === 0)
      )
        continue;
      const error = before
        ? await staleRowError(db, writer, FIGURE_SPEC, asRecord(before), attemptOver(before, figure))
        : deletedSince();
      refusals.push({ line: index + 1, error });
    }
  }
  const [first] = refusals;
  if (!first) return;
  const listed = refusals.slice(0, LISTED).map(({ line, error }) => `line ${line}: ${error.message}`);
  const more = refusals.length > LISTED ? `; and ${refusals.length - LISTED} more` : '';
  const count = refusals.length === 1 ? 'a figure' : `${refusals.length} figures`;
  throw new BoardpackError(
    'stale',
    figures.length === 1
      ? first.error.message
      : `someone else saved ${count} of this block since you loaded it (${listed.join('; ')}${more})`,
    figures.length === 1 ? undefined : { row: first.line },
    first.error.current,
  );
}

/**
 * Writes figures, one per indicator, area and period: new ones are inserted
 * (many to a statement), a changed value (or flag, source, note) is updated
 * as the figure's next version, an identical one is left alone, and every
 * insert and update goes to the change log with old → new. A figure given
 * twice keeps the last. Call inside a transaction: the caller decides what is
 * all-or-nothing.
 *
 * An import writes by key: it changes whatever is stored, and the version it
 * raises refuses any edit made from the old one. A pasted block gives
 * `versions` (one per figure: the version it was made from, null for a new
 * one), and is refused whole as 'stale' when someone saved any of its
 * figures since (see refuseStaleBlock); each update is then made at that
 * version, so a save that lands in between is refused too.
 */
export async function upsertFigures(
  db: Transaction<Database>,
  writer: Writer,
  figures: readonly FigureInput[],
  versions?: readonly (number | null)[],
): Promise<UpsertResult> {
  if (versions) await refuseStaleBlock(db, writer, figures, versions);
  const now = writer.now();
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  for (let start = 0; start < figures.length; start += CHUNK) {
    const chunk = figures.slice(start, start + CHUNK);
    const existing = await storedFor(db, chunk);
    const pending = new Map<string, FigureInput>();
    const changes: Change[] = [];
    for (const [offset, figure] of chunk.entries()) {
      const values = storedValues(figure);
      const before = existing.get(key(figure));
      const madeFrom = versions ? (versions[start + offset] ?? null) : undefined;
      if (!before) {
        if (madeFrom !== undefined && madeFrom !== null) throw deletedSince();
        pending.set(key(figure), figure);
        continue;
      }
      const changed = changedColumns(before, values);
      if (changed.length === 0) {
        unchanged += 1;
        continue;
      }
      // Made from a version (or as new, null): changed only at that version, so a save since is refused.
      const written = await db
        .updateTable('figure')
        .set((eb) => ({ ...values, updatedAt: now, version: eb('version', '+', 1) }))
        .where('id', '=', before.id)
        .$if(madeFrom !== undefined, (update) => update.where('version', '=', madeFrom ?? -1))
        .executeTakeFirst();
      if (Number(written.numUpdatedRows) === 0) {
        throw await refusedWrite(db, writer, FIGURE_SPEC, before.id, attemptOver(before, figure));
      }
      existing.set(key(figure), { ...before, ...values, updatedAt: now, version: before.version + 1 });
      changes.push({
        table: 'figure',
        rowId: before.id,
        operation: 'update',
        old: Object.fromEntries(changed.map((column) => [column, before[column]])),
        new: Object.fromEntries(changed.map((column) => [column, values[column]])),
      });
      updated += 1;
    }
    if (pending.size > 0) {
      const fresh = [...pending.values()];
      await db
        .insertInto('figure')
        .values(fresh.map((figure) => ({ ...figure, provisional: figure.provisional ? 1 : 0, updatedAt: now })))
        .execute();
      inserted += fresh.length;
      const ids = await storedFor(db, fresh);
      for (const figure of fresh) {
        const row = ids.get(key(figure));
        if (row) changes.push({ table: 'figure', rowId: row.id, operation: 'insert', old: null, new: { ...figure } });
      }
    }
    await recordChanges(db, writer, changes);
  }
  return { inserted, updated, unchanged };
}
