import { useCallback, useEffect, useRef } from 'react';

/**
 * Collects changes to one record and saves them together after `delay` ms
 * without a new one, at once on `flush()` (a field's blur), and on unmount, so
 * typing saves a few times a second at most and nothing typed is lost.
 */
export function useDebouncedChanges<Changes extends object>(save: (changes: Changes) => void, delay = 700) {
  const pending = useRef<Changes | null>(null);
  const timer = useRef<number | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const changes = pending.current;
    pending.current = null;
    if (changes) saveRef.current(changes);
  }, []);

  const schedule = useCallback(
    (changes: Changes) => {
      pending.current = { ...(pending.current ?? {}), ...changes };
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, delay);
    },
    [delay, flush],
  );

  useEffect(() => flush, [flush]);
  return { schedule, flush };
}
