import type { z } from 'zod';
import type { MethodName } from '../../shared/api/contract';
import type { RecordSpec } from '../../db/repositories/record-specs';
import {
  deleteImpact,
  deleteRecord,
  getRecord,
  insertRecord,
  listRecords,
  updateRecord,
  type RecordValues,
} from '../../db/repositories/records';
import { writing, type HandlerContext, type HandlerTable } from './context';
import { parseOrThrow } from './parse';

/** The fields an update names, as the whole record's schema parsed them (trimmed, "" as none). */
export function changesOf(changes: RecordValues, merged: RecordValues): RecordValues {
  return Object.fromEntries(Object.keys(changes).map((field) => [field, merged[field]]));
}

type Verb = 'list' | 'create' | 'update' | 'delete' | 'deleteImpact';
type RecordHandlerNames<Entity extends string> = Extract<MethodName, `${Entity}.${Verb}`>;

/**
 * The five handlers of one editable entity, all the same shape: list with an
 * equality filter, create from whole fields, update by merging the changes over
 * the stored record and checking the result whole (so "a period ends after it
 * starts" holds after any single-cell edit) and saving the changes as the
 * record's next version (refused as stale when the edit was made from an
 * older one), delete, and what a delete removes.
 */
export function recordHandlers<Entity extends string>(
  entity: Entity,
  spec: RecordSpec,
  fields: z.ZodType,
): Pick<HandlerTable, RecordHandlerNames<Entity>> {
  const columnsOf = (record: RecordValues) =>
    Object.fromEntries(spec.columns.map((column) => [column, record[column]]));
  const handlers = {
    list: (context: HandlerContext, input: { where?: RecordValues }) => listRecords(context.db, spec, input.where),
    create: (context: HandlerContext, input: RecordValues) =>
      insertRecord(writing(context.db), context.writer, spec, input),
    update: async (context: HandlerContext, input: { id: number; version: number; changes: RecordValues }) => {
      const trx = writing(context.db);
      const stored = await getRecord(trx, spec, input.id);
      const merged = parseOrThrow(fields, { ...columnsOf(stored), ...input.changes }) as RecordValues;
      return updateRecord(trx, context.writer, spec, input, changesOf(input.changes, merged));
    },
    delete: async (context: HandlerContext, input: { id: number; version?: number }) => ({
      deleted: await deleteRecord(writing(context.db), context.writer, spec, input.id, input.version),
    }),
    deleteImpact: (context: HandlerContext, input: { id: number }) => deleteImpact(context.db, spec, input.id),
  };
  return Object.fromEntries(
    Object.entries(handlers).map(([verb, handler]) => [`${entity}.${verb}`, handler]),
  ) as unknown as Pick<HandlerTable, RecordHandlerNames<Entity>>;
}
