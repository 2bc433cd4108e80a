import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../shared/api/result';
import { formatError, type CurrentRow, type ErrorData } from '../../shared/errors';

/** A save refused as stale: the changes that were not saved and the record as saved now. */
export interface FormConflict<Changes> {
  readonly changes: Changes;
  readonly current: CurrentRow;
  readonly message: string;
}

/** The version in a stale refusal's record as saved now, if it carries one. */
export const versionIn = (current: CurrentRow): number | null => {
  const version = (current.record as { readonly version?: unknown } | null)?.version;
  return typeof version === 'number' ? version : null;
};

/** After a stale refusal in a dialog: the version to save from if the user saves again, and what to tell them. */
export function staleRetry(error: ErrorData): { readonly version: number | null; readonly message: string } {
  const version = error.code === 'stale' && error.current ? versionIn(error.current) : null;
  return version === null
    ? { version: null, message: formatError(error) }
    : { version, message: `${error.message}. Save again to keep yours over theirs, or cancel to keep theirs.` };
}

/**
 * Saves a form's changes one after another, each made from the version of the
 * record the form shows (its own saves move it on). A save refused because
 * someone else saved first is kept as a conflict for the user to settle:
 * keep mine (the same changes saved over the version saved now) or take
 * theirs (the form shows what is saved). Nothing is overwritten silently.
 * Used by the meeting and agenda item forms and the Comparisons screen's
 * saved views; a form showing another record mounts the hook afresh (React `key`).
 */
export function useVersionedSave<Changes extends object, Saved extends { readonly version: number }>(
  version: number,
  send: (version: number, changes: Changes) => Promise<Result<Saved>>,
) {
  const current = useRef(version);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<FormConflict<Changes> | null>(null);

  /** Saves `changes` after any save still going; resolves with this save's result. */
  const save = useCallback(
    (changes: Changes): Promise<Result<Saved>> => {
      const next = queue.current.then(async () => {
        const result = await send(current.current, changes);
        if (result.ok) {
          current.current = result.value.version;
          setFailure(null);
          return result;
        }
        setFailure(formatError(result.error));
        if (result.error.code === 'stale' && result.error.current) {
          const refusal = result.error.current;
          setConflict((open) => ({
            changes: open ? { ...open.changes, ...changes } : changes,
            current: refusal,
            message: result.error.message,
          }));
        }
        return result;
      });
      queue.current = next;
      return next;
    },
    [send],
  );

  /** Saves the refused changes again, deliberately over the version saved now; null when nothing was refused. */
  const keepMine = useCallback((): Promise<Result<Saved>> | null => {
    if (!conflict) return null;
    current.current = versionIn(conflict.current) ?? current.current;
    setConflict(null);
    return save(conflict.changes);
  }, [conflict, save]);

  /** Drops the refused changes: the form takes `saved` (the record as saved now) and its version. */
  const takeTheirs = useCallback((saved: { readonly version: number }) => {
    current.current = saved.version;
    setConflict(null);
    setFailure(null);
  }, []);

  /** The version the next save (or a delete) is made from. */
  const versionNow = useCallback(() => current.current, []);

  return { save, failure, conflict, keepMine, takeTheirs, versionNow };
}

/**
 * Take theirs and Keep mine for a form showing one record: `show(mine)` reads
 * the record as saved now and shows it with `mine` over it (null when it
 * cannot: the form says why). Take theirs shows it as saved; Keep mine shows
 * it with the refused changes over it and saves them again over it.
 */
export function formChoices<Changes extends object>(
  versioned: {
    readonly conflict: FormConflict<Changes> | null;
    keepMine(): unknown;
    takeTheirs(saved: { readonly version: number }): void;
  },
  show: (mine: Changes | Record<string, never>) => Promise<{ readonly version: number } | null>,
) {
  return {
    takeTheirs: async () => {
      const saved = await show({});
      if (saved) versioned.takeTheirs(saved);
    },
    keepMine: async () => {
      if (versioned.conflict) await show(versioned.conflict.changes);
      void versioned.keepMine();
    },
  };
}
