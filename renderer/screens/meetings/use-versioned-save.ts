import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../../shared/api/result';
import { formatError, type CurrentRow, type ErrorData } from '../../../shared/errors';

/** A save refused as stale: the changes that were not saved and the record as saved now. */
export interface FormConflict<Changes> {
  readonly changes: Changes;
  readonly current: CurrentRow;
  readonly message: string;
}

const versionIn = (current: CurrentRow): number | null => {
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
 */
export function useVersionedSave<Changes extends object, Saved extends { readonly version: number }>(
  version: number,
  send: (version: number, changes: Changes) => Promise<Result<Saved>>,
) {
  const current = useRef(version);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<FormConflict<Changes> | null>(null);

  const save = useCallback(
    (changes: Changes) => {
      const next = queue.current.then(async () => {
        const result = await send(current.current, changes);
        if (result.ok) {
          current.current = result.value.version;
          setFailure(null);
          return;
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
      });
      queue.current = next;
      return next;
    },
    [send],
  );

  /** Saves the refused changes again, deliberately over the version saved now. */
  const keepMine = useCallback(() => {
    if (!conflict) return;
    current.current = versionIn(conflict.current) ?? current.current;
    setConflict(null);
    void save(conflict.changes);
  }, [conflict, save]);

  /** Drops the refused changes: the form takes `saved` (the record as saved now) and its version. */
  const takeTheirs = useCallback((saved: { readonly version: number }) => {
    current.current = saved.version;
    setConflict(null);
    setFailure(null);
  }, []);

  return { save, failure, conflict, keepMine, takeTheirs };
}
