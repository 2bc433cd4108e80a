import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { MethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { ErrorData, FieldChange } from '../../shared/errors';
import { useSaveStatus } from '../app/status';
import { useUndoPush } from '../app/undo';
import { invalidateTables, patchCachedRecord, useApi } from './api-context';
import { call } from './call';
import { methodOf, type Entity } from './entities';

/**
 * A save refused as stale (issue 9): someone else saved the record since it
 * was read. `theirs` is the record as saved now (with its version, so saving
 * over it is a deliberate choice), who saved it, when, and what they changed.
 */
export interface SaveConflict<Row> {
  readonly theirs: Row;
  readonly changedBy: string | null;
  readonly changedByRole: string | null;
  readonly changedAt: string | null;
  readonly changes: readonly FieldChange[];
}

/** What a save says back to the grid: fine (with the saved record), or why not, at which field, and any conflict. */
export type SaveOutcome<Row = unknown> =
  | { readonly ok: true; readonly saved?: Row }
  | {
      readonly ok: false;
      readonly message: string;
      readonly field?: string;
      readonly conflict?: SaveConflict<Row>;
    };

export const outcomeOf = (error: ErrorData): SaveOutcome<never> =>
  error.where?.field === undefined
    ? { ok: false, message: error.message }
    : { ok: false, message: error.message, field: error.where.field };

/**
 * A refusal as the grid takes it; a stale one carries the saved record, merged
 * over the row shown (so what the list adds, such as an area's aliases, stays).
 */
export function refusalOf<Row>(error: ErrorData, row: Row): SaveOutcome<Row> {
  const outcome = outcomeOf(error);
  const current = error.current;
  if (error.code !== 'stale' || !current || outcome.ok) return outcome;
  return {
    ...outcome,
    conflict: {
      theirs: { ...row, ...(current.record as Partial<Row>) },
      changedBy: current.changedBy,
      changedByRole: current.changedByRole ?? null,
      changedAt: current.changedAt,
      changes: current.changes ?? [],
    },
  };
}

interface WithId {
  readonly id: number;
  readonly version: number;
}

/**
 * Saving one entity's records from a grid: each edit goes to the API at once
 * with the version of the record it was made from, the status bar follows it,
 * the cache takes the saved record, and the edit joins the session's undo
 * stack. A stale save puts the record as saved now into the cache and hands
 * the conflict to the grid, which asks the user.
 */
export function useRecordEditing<Row extends WithId>(entity: Entity, describe: (row: Row) => string) {
  const api = useApi();
  const client = useQueryClient();
  const status = useSaveStatus();
  const pushUndo = useUndoPush();

  const run = useCallback(
    async <Value>(work: () => Promise<Result<Value>>): Promise<Result<Value>> => {
      const end = status.begin();
      const result = await work();
      end(result.ok ? { ok: true } : { ok: false, message: result.error.message });
      return result;
    },
    [status],
  );

  const update = useCallback(
    async (row: Row, field: string, value: unknown): Promise<SaveOutcome<Row>> => {
      const method = methodOf(entity, 'update');
      const result = await run(() =>
        call(api, method, { id: row.id, version: row.version, changes: { [field]: value } }),
      );
      if (!result.ok) {
        const refusal = refusalOf(result.error, row);
        if (!refusal.ok && refusal.conflict) patchCachedRecord(client, entity, refusal.conflict.theirs);
        void invalidateTables(client, [entity]);
        return refusal;
      }
      const saved = { ...row, ...(result.value as unknown as Partial<Row>) };
      patchCachedRecord(client, entity, saved);
      pushUndo({
        method,
        id: row.id,
        version: saved.version,
        before: { [field]: (row as unknown as Record<string, unknown>)[field] ?? null },
        after: { [field]: value },
        label: `${field} of ${describe(row)}`,
      });
      void invalidateTables(client, [entity]);
      return { ok: true, saved };
    },
    [api, client, describe, entity, run, pushUndo],
  );

  const create = useCallback(
    async (fields: Readonly<Record<string, unknown>>): Promise<Result<number>> => {
      const method = methodOf(entity, 'create');
      const result = await run(() => call(api, method, fields as never));
      if (!result.ok) return result;
      const created = result.value as unknown as Row;
      pushUndo({
        method,
        id: created.id,
        version: created.version,
        before: null,
        after: fields,
        label: `new ${describe(created)}`,
      });
      await invalidateTables(client, [entity]);
      return { ok: true, value: created.id };
    },
    [api, client, describe, entity, run, pushUndo],
  );

  const remove = useCallback(
    async (row: Row): Promise<Result<unknown>> => {
      const method = methodOf(entity, 'delete');
      const result = await run(() => call(api, method, { id: row.id, version: row.version }));
      if (!result.ok) return result;
      const fields: Record<string, unknown> = { ...(row as unknown as Record<string, unknown>) };
      delete fields.id;
      delete fields.version;
      pushUndo({ method, id: row.id, before: fields, after: null, label: `deleted ${describe(row)}` });
      await invalidateTables(client, [entity]);
      return result;
    },
    [api, client, describe, entity, run, pushUndo],
  );

  return useMemo(() => ({ update, create, remove, run }), [update, create, remove, run]);
}

/** A method name typed loosely, for entries whose method is built at run time. */
export type LooseMethod = MethodName;
