import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MethodName } from '../../shared/api/contract';
import type { BoardpackApi, Result } from '../../shared/api/result';
import { formatError } from '../../shared/errors';
import { expectOwnChange, invalidateTables, patchCachedRecord, useApi } from '../data/api-context';
import { call } from '../data/call';
import { useSaveStatus } from './status';

/**
 * One edit of this session, as it went through the API: undo re-applies `before`,
 * redo re-applies `after`. A re-created record gets a new id, so `id` is updated in place.
 */
export interface UndoEntry {
  readonly method: MethodName;
  id: number;
  /**
   * The record's version once this edit was saved (an update, a set of a
   * group's priorities, a created record or an added figure): undo and redo
   * save, and delete, from it.
   */
  readonly version?: number;
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>> | null;
  /** "title of priority 1", for the buttons' descriptions. */
  readonly label: string;
}

type Direction = 'undo' | 'redo';

/** A record written back by undo or redo: its id (new when it was re-created) and its version. */
interface Written {
  readonly id: number;
  readonly version: number;
}

const fail = (message: string): Result<never> => ({ ok: false, error: { code: 'internal', message } });

/** `{ version }` when there is one: an undo made without it would overwrite whatever is saved now. */
const at = (version: number | undefined) => (version === undefined ? {} : { version });

async function createAndGetId(api: BoardpackApi, entity: string, fields: unknown): Promise<Result<Written>> {
  const created = await call(api, `${entity}.create` as MethodName, fields as never);
  if (!created.ok) return created;
  const { id, version } = created.value as { id: number; version: number };
  return { ok: true, value: { id, version } };
}

/**
 * Writes a deleted figure back as new (`versions: [null]`): refused as stale
 * when someone has added that figure since, rather than writing over theirs.
 */
async function writeFigureAndGetId(api: BoardpackApi, figure: Record<string, unknown>): Promise<Result<Written>> {
  const written = await api['figures.write']({ figures: [figure as never], versions: [null] });
  if (!written.ok) return written;
  const found = await api['figures.list']({
    indicatorId: figure.indicatorId as number,
    areaId: figure.areaId as number,
    periodId: figure.periodId as number,
  });
  if (!found.ok) return found;
  const [id] = found.value.ids;
  const [version] = found.value.versions;
  return id === undefined || version === undefined
    ? fail('the figure was written but cannot be found again')
    : { ok: true, value: { id, version } };
}

/** Deletes a figure this session added or wrote back, at the version it was saved at. */
const deleteFigure = (api: BoardpackApi, id: number, version: number | undefined) =>
  api['figures.delete']({ ids: [id], ...(version === undefined ? {} : { versions: [version] }) });

/**
 * Re-applies one entry through the API in the given direction, made from
 * `version`, the record's version as this session last saved it: an update,
 * a set of priorities, a delete of a record this session created (undo of a
 * create, redo of a delete) or of a figure it added. When someone else has
 * saved the record since, the undo is refused as stale rather than
 * overwriting their change; a record deleted since is refused as not found.
 */
export async function applyEntry(
  api: BoardpackApi,
  entry: UndoEntry,
  direction: Direction,
  version: number | undefined = entry.version,
): Promise<Result<unknown>> {
  const [entity = '', verb = ''] = entry.method.split('.');
  const state = direction === 'undo' ? entry.before : entry.after;
  if (entry.method === 'figures.delete') {
    // A deleted figure: undo writes it back, redo deletes it again.
    if (direction === 'redo') return deleteFigure(api, entry.id, version);
    const written = await writeFigureAndGetId(api, entry.before ?? {});
    if (written.ok) entry.id = written.value.id;
    return written;
  }
  switch (verb) {
    case 'update':
      return call(api, entry.method, { id: entry.id, version, changes: state });
    case 'setPriorities':
      return call(api, entry.method, { id: entry.id, version, priorityIds: state?.priorityIds });
    case 'create':
    case 'delete': {
      const removing = (verb === 'create') === (direction === 'undo');
      if (removing) return call(api, `${entity}.delete` as MethodName, { id: entry.id, ...at(version) });
      const created = await createAndGetId(api, entity, state);
      if (created.ok) entry.id = created.value.id;
      return created;
    }
    case 'write': {
      // A figure added through figures.write: undo deletes it, redo writes it again.
      if (direction === 'undo') return deleteFigure(api, entry.id, version);
      const written = await writeFigureAndGetId(api, entry.after ?? {});
      if (written.ok) entry.id = written.value.id;
      return written;
    }
    default:
      return fail(`cannot undo ${entry.method}`);
  }
}

/** Whose version an entry saves from: its table and record ("figures:12"). */
const versionKey = (entry: UndoEntry) => `${entry.method.split('.')[0] ?? ''}:${entry.id}`;

interface UndoApi {
  push(entry: UndoEntry): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  readonly nextUndo: UndoEntry | null;
  readonly nextRedo: UndoEntry | null;
}

const UndoContext = createContext<UndoApi | null>(null);
const PushContext = createContext<UndoApi['push'] | null>(null);

export function useUndo(): UndoApi {
  const undo = useContext(UndoContext);
  if (!undo) throw new Error('useUndo is used outside <UndoProvider>');
  return undo;
}

/** Adding an edit to the stack: stable, so the screens that edit do not render again when the stack changes. */
export function useUndoPush(): UndoApi['push'] {
  const push = useContext(PushContext);
  if (!push) throw new Error('useUndoPush is used outside <UndoProvider>');
  return push;
}

/** The session's undo and redo stacks; a new edit clears redo. */
export function UndoProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const client = useQueryClient();
  const status = useSaveStatus();
  const [stacks, setStacks] = useState<{ undo: UndoEntry[]; redo: UndoEntry[] }>({ undo: [], redo: [] });
  const busy = useRef(false);
  // Each record's version as this session last saved it ("figures:12" → 4): undo and redo save from it.
  const versions = useRef(new Map<string, number>());

  const push = useCallback((entry: UndoEntry) => {
    if (entry.version !== undefined) versions.current.set(versionKey(entry), entry.version);
    setStacks((s) => ({ undo: [...s.undo, entry], redo: [] }));
  }, []);

  const move = useCallback(
    async (direction: Direction) => {
      if (busy.current) return;
      const from = direction === 'undo' ? stacks.undo : stacks.redo;
      const entry = from.at(-1);
      if (!entry) return;
      busy.current = true;
      const end = status.begin();
      const oldId = entry.id;
      const table = entry.method.split('.')[0] ?? '*';
      // A figure changed back (or again) comes back saved: it replaces the cached one, and the
      // write's "data changed" echo is skipped, instead of fetching every figure again.
      const patches = entry.method === 'figures.update';
      const settle = patches ? expectOwnChange(table) : null;
      const result = await applyEntry(api, entry, direction, versions.current.get(versionKey(entry)) ?? entry.version);
      settle?.(result.ok);
      const saved = result.ok ? (result.value as { readonly version?: unknown } | null) : null;
      if (typeof saved?.version === 'number') versions.current.set(versionKey(entry), saved.version);
      busy.current = false;
      if (result.ok && entry.id !== oldId) {
        // The record came back with a new id: earlier and later edits of it follow.
        for (const other of [...stacks.undo, ...stacks.redo]) {
          if (other !== entry && other.id === oldId && other.method.split('.')[0] === table) other.id = entry.id;
        }
      }
      if (!result.ok) {
        // Refused (someone saved or deleted it since): the entry stays on its stack, the screen shows what is saved.
        end({ ok: false, message: `could not ${direction} ${entry.label}: ${formatError(result.error)}` });
        if (result.error.code === 'stale' || result.error.code === 'not-found') await invalidateTables(client, [table]);
        return;
      }
      end({ ok: true });
      if (patches) patchCachedRecord(client, table, result.value as { readonly id: number });
      else await invalidateTables(client, [table]);
      setStacks((s) =>
        direction === 'undo'
          ? { undo: s.undo.slice(0, -1), redo: [...s.redo, entry] }
          : { undo: [...s.undo, entry], redo: s.redo.slice(0, -1) },
      );
    },
    [api, client, stacks, status],
  );

  const value = useMemo<UndoApi>(
    () => ({
      push,
      undo: () => move('undo'),
      redo: () => move('redo'),
      nextUndo: stacks.undo.at(-1) ?? null,
      nextRedo: stacks.redo.at(-1) ?? null,
    }),
    [push, move, stacks],
  );
  return (
    <PushContext.Provider value={push}>
      <UndoContext.Provider value={value}>{children}</UndoContext.Provider>
    </PushContext.Provider>
  );
}
