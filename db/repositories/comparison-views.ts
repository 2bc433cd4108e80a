import type { Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import { sameName } from '../../shared/names';
import { viewSpec, type SavedView, type ViewSpec } from '../../shared/views/view-spec';
import type { ComparisonViewRow } from '../schema/comparison-view.table';
import type { Database, Db } from '../schema/database';
import { recordChanges, type Writer } from './change-log';
import { resolveName } from './resolve-name';
import { deleteAtVersion, requireVersion, updateAtVersion, type StaleSpec } from './stale-rows';
import { engineOf } from '../engine';

/**
 * Comparison views saved by name. The spec is stored as JSON and parsed with its
 * zod schema on the way out, so a damaged or hand-edited spec is refused with the
 * view's name rather than evaluated half-understood. Every write is logged.
 */

const TABLE = 'comparisonView';
const VERSIONED: StaleSpec = { table: TABLE, one: 'comparison view', flags: [], nameColumns: ['name'] };

export function toSavedView(row: ComparisonViewRow): SavedView {
  let json: unknown;
  try {
    json = JSON.parse(row.spec);
  } catch {
    throw new BoardpackError('invalid-input', `the saved view "${row.name}" is damaged: its spec is not JSON`, {
      field: 'spec',
    });
  }
  const parsed = viewSpec.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BoardpackError(
      'invalid-input',
      `the saved view "${row.name}" is damaged: ${issue?.message ?? 'its spec does not parse'}`,
      { field: ['spec', ...(issue?.path.map(String) ?? [])].join('.') },
    );
  }
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    spec: parsed.data,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listViews(db: Db): Promise<SavedView[]> {
  const rows = await db
    .selectFrom('comparisonView')
    .selectAll()
    .orderBy(engineOf(db).byteOrder('name'))
    .orderBy('id')
    .execute();
  return rows.map(toSavedView);
}

export async function getView(db: Db, id: number): Promise<SavedView> {
  const row = await db.selectFrom('comparisonView').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new BoardpackError('not-found', `there is no comparison view #${id}; it may have been deleted`, {
      field: 'id',
    });
  return toSavedView(row);
}

/** The view a typed name refers to (any case), or not-found with the nearest names. */
export async function findViewByName(db: Db, name: string): Promise<SavedView> {
  const rows = await db.selectFrom('comparisonView').select(['id', 'name']).execute();
  const found = resolveName(
    'comparison view',
    name,
    rows.map((row) => ({ id: row.id, names: [row.name] })),
    { field: 'view' },
  );
  return getView(db, found.id);
}

/** Names are unique whatever their case: "Burglary" and "burglary" would be one view to a reader. */
async function refuseTakenName(db: Db, name: string, exceptId: number | null): Promise<void> {
  const rows = await db.selectFrom('comparisonView').select(['id', 'name']).execute();
  const taken = rows.find((row) => row.id !== exceptId && sameName(row.name, name));
  if (taken) {
    throw new BoardpackError('conflict', `there is already a comparison view called "${taken.name}"`, {
      field: 'name',
    });
  }
}

export async function insertView(
  trx: Transaction<Database>,
  writer: Writer,
  input: { readonly name: string; readonly spec: ViewSpec },
): Promise<SavedView> {
  await refuseTakenName(trx, input.name, null);
  const now = writer.now();
  const row = { name: input.name, spec: JSON.stringify(input.spec), createdAt: now, updatedAt: now };
  const { id } = await trx.insertInto('comparisonView').values(row).returning('id').executeTakeFirstOrThrow();
  await recordChanges(trx, writer, [{ table: TABLE, rowId: id, operation: 'insert', old: null, new: row }]);
  return getView(trx, id);
}

/**
 * Renames a view or replaces its spec, as its next version; logs the changed
 * columns old → new; a change to nothing writes nothing. Made from `version`
 * (when given), it is refused as stale if someone saved the view since.
 */
export async function updateView(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  changes: { readonly name?: string | undefined; readonly spec?: ViewSpec | undefined },
  version?: number,
): Promise<SavedView> {
  const before = await trx.selectFrom('comparisonView').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) {
    throw new BoardpackError('not-found', `there is no comparison view #${id}; it may have been deleted`, {
      field: 'id',
    });
  }
  const named = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const attempt = { kind: 'update', values: named } as const;
  await requireVersion(trx, writer, VERSIONED, before, version, attempt);
  const next = {
    name: changes.name ?? before.name,
    spec: changes.spec === undefined ? before.spec : JSON.stringify(changes.spec),
  };
  const changed = (['name', 'spec'] as const).filter((column) => next[column] !== before[column]);
  if (changed.length === 0) return toSavedView(before);
  if (changed.includes('name')) await refuseTakenName(trx, next.name, id);
  const set = Object.fromEntries(changed.map((column) => [column, next[column]]));
  await updateAtVersion(trx, writer, VERSIONED, id, version, { ...set, updatedAt: writer.now() }, attempt);
  await recordChanges(trx, writer, [
    {
      table: TABLE,
      rowId: id,
      operation: 'update',
      old: Object.fromEntries(changed.map((column) => [column, before[column]])),
      new: set,
    },
  ]);
  return getView(trx, id);
}

/** Deletes a view (a damaged one too: its row is read as stored, not parsed); at `version`, when the delete names it. */
export async function deleteView(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  version?: number,
): Promise<number> {
  const before = await trx.selectFrom('comparisonView').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) {
    throw new BoardpackError('not-found', `there is no comparison view #${id}; it may have been deleted`, {
      field: 'id',
    });
  }
  await requireVersion(trx, writer, VERSIONED, before, version, { kind: 'delete' });
  await deleteAtVersion(trx, writer, VERSIONED, id, version);
  await recordChanges(trx, writer, [
    { table: TABLE, rowId: id, operation: 'delete', old: { name: before.name, spec: before.spec }, new: null },
  ]);
  return 1;
}
