import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { FigureWriteResult } from '../../../shared/api/contract';
import { figureInputOf } from '../../../shared/api/figure-page';
import type { Result } from '../../../shared/api/result';
import type { Figure, FigureInput } from '../../../shared/model';
import { useSaveStatus } from '../../app/status';
import { useUndoPush } from '../../app/undo';
import { expectOwnChange, invalidateTables, patchCachedRecord, useApi } from '../../data/api-context';
import { refusalOf, type SaveOutcome } from '../../data/mutations';

/**
 * Saving figures: one cell through figures.update, made from the figure's
 * version (a stale save puts the figure as saved now into the cached list and
 * hands the conflict to the grid), a new figure or a pasted block through one figures.write.
 */
export function useFigureEditing(describe: (figure: Figure) => string) {
  const api = useApi();
  const client = useQueryClient();
  const status = useSaveStatus();
  const pushUndo = useUndoPush();

  const update = useCallback(
    async (figure: Figure, field: string, value: unknown): Promise<SaveOutcome<Figure>> => {
      const end = status.begin();
      const settle = expectOwnChange('figures');
      const result = await api['figures.update']({
        id: figure.id,
        version: figure.version,
        changes: { [field]: value },
      });
      settle(result.ok);
      end(result.ok ? { ok: true } : { ok: false, message: result.error.message });
      if (!result.ok) {
        const refusal = refusalOf(result.error, figure);
        if (!refusal.ok && refusal.conflict) patchCachedRecord(client, 'figures', refusal.conflict.theirs);
        return refusal;
      }
      patchCachedRecord(client, 'figures', result.value);
      pushUndo({
        method: 'figures.update',
        id: figure.id,
        version: result.value.version,
        before: { [field]: (figure as unknown as Record<string, unknown>)[field] ?? null },
        after: { [field]: value },
        label: `${field} of ${describe(figure)}`,
      });
      return { ok: true, saved: result.value };
    },
    [api, client, describe, status, pushUndo],
  );

  /** Adds one figure (figures.write) and finds its id, so focus can move to it. */
  const add = useCallback(
    async (figure: FigureInput): Promise<Result<number>> => {
      const end = status.begin();
      const written = await api['figures.write']({ figures: [figure] });
      const found = written.ok
        ? await api['figures.list']({
            indicatorId: figure.indicatorId,
            areaId: figure.areaId,
            periodId: figure.periodId,
          })
        : written;
      const id = found.ok ? found.value.ids[0] : undefined;
      if (!found.ok || id === undefined) {
        const message = found.ok ? 'the new figure cannot be found' : found.error.message;
        end({ ok: false, message });
        return { ok: false, error: { code: 'internal', message } };
      }
      end({ ok: true });
      const [version] = found.value.versions;
      pushUndo({
        method: 'figures.write',
        id,
        ...(version === undefined ? {} : { version }),
        before: null,
        after: { ...figure },
        label: 'new figure',
      });
      await invalidateTables(client, ['figures']);
      return { ok: true, value: id };
    },
    [api, client, status, pushUndo],
  );

  /**
   * Writes a whole pasted block in one call, every figure or none, each made
   * from the version it was pasted over: refused as stale when someone saved
   * one since (see replanOver).
   */
  const writeBlock = useCallback(
    async (block: {
      readonly figures: readonly FigureInput[];
      readonly versions: readonly (number | null)[];
    }): Promise<Result<FigureWriteResult>> => {
      const end = status.begin();
      const result = await api['figures.write']({ figures: [...block.figures], versions: [...block.versions] });
      end(result.ok ? { ok: true } : { ok: false, message: result.error.message });
      if (result.ok) await invalidateTables(client, ['figures']);
      return result;
    },
    [api, client, status],
  );

  const remove = useCallback(
    async (figure: Figure): Promise<Result<unknown>> => {
      const end = status.begin();
      const result = await api['figures.delete']({ ids: [figure.id], versions: [figure.version] });
      end(result.ok ? { ok: true } : { ok: false, message: result.error.message });
      if (!result.ok) return result;
      pushUndo({
        method: 'figures.delete',
        id: figure.id,
        before: { ...figureInputOf(figure) },
        after: null,
        label: `deleted ${describe(figure)}`,
      });
      await invalidateTables(client, ['figures']);
      return result;
    },
    [api, client, describe, status, pushUndo],
  );

  return useMemo(() => ({ update, add, writeBlock, remove }), [update, add, writeBlock, remove]);
}
