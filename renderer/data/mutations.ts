import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { MethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { ErrorData } from '../../shared/errors';
import { useSaveStatus } from '../app/status';
import { useUndoPush } from '../app/undo';
import { invalidateTables, patchCachedRecord, useApi } from './api-context';
import { call } from './call';
import { methodOf, type Entity } from './entities';

/** What a save says back to the grid: fine, or why not and at which field. */
export type SaveOutcome =
  { readonly ok: true } | { readonly ok: false; readonly message: string; readonly field?: string };

export const outcomeOf = (error: ErrorData): SaveOutcome =>
  error.where?.field === undefined
    ? { ok: false, message: error.message }
    : { ok: false, message: error.message, field: error.where.field };

interface WithId {
  readonly id: number;
}

/**
 * Saving one entity's records from a grid: each edit goes to the API at once,
 * the status bar follows it, the cache takes the saved record, and the edit
 * joins the session's undo stack.
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
    async (row: Row, field: string, value: unknown): Promise<SaveOutcome> => {
      const method = methodOf(entity, 'update');
      const result = await run(() => call(api, method, { id: row.id, changes: { [field]: value } }));
      if (!result.ok) return outcomeOf(result.error);
      patchCachedRecord(client, entity, result.value as WithId);
      pushUndo({
        method,
        id: row.id,
        before: { [field]: (row as unknown as Record<string, unknown>)[field] ?? null },
        after: { [field]: value },
        label: `${field} of ${describe(row)}`,
      });
      void invalidateTables(client, [entity]);
      return { ok: true };
    },
    [api, client, describe, entity, run, pushUndo],
  );

  const create = useCallback(
    async (fields: Readonly<Record<string, unknown>>): Promise<Result<number>> => {
      const method = methodOf(entity, 'create');
      const result = await run(() => call(api, method, fields as never));
      if (!result.ok) return result;
      const created = result.value as unknown as Row;
      pushUndo({ method, id: created.id, before: null, after: fields, label: `new ${describe(created)}` });
      await invalidateTables(client, [entity]);
      return { ok: true, value: created.id };
    },
    [api, client, describe, entity, run, pushUndo],
  );

  const remove = useCallback(
    async (row: Row): Promise<Result<unknown>> => {
      const method = methodOf(entity, 'delete');
      const result = await run(() => call(api, method, { id: row.id }));
      if (!result.ok) return result;
      const fields: Record<string, unknown> = { ...(row as unknown as Record<string, unknown>) };
      delete fields.id;
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
