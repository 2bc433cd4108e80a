import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | {
      readonly kind: 'failed';
      readonly message: string;
    };

interface StatusApi {
  readonly state: SaveState;
  /** Marks one save as started; the returned function ends it as saved or failed. */
  begin(): (outcome: { ok: true } | { ok: false; message: string }) => void;
}

const StatusContext = createContext<StatusApi | null>(null);

export function useSaveStatus(): StatusApi {
  const status = useContext(StatusContext);
  if (!status) throw new Error('useSaveStatus is used outside <SaveStatusProvider>');
  return status;
}

/** One app-wide save state for the status bar: "Saving…" while any save runs, then "Saved" or "Failed: why". */
export function SaveStatusProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const running = useRef(0);
  const lastFailure = useRef<string | null>(null);
  const begin = useCallback(() => {
    running.current += 1;
    if (running.current === 1) lastFailure.current = null;
    setState({ kind: 'saving' });
    let ended = false;
    return (outcome: { ok: true } | { ok: false; message: string }) => {
      if (ended) return;
      ended = true;
      running.current -= 1;
      if (!outcome.ok) lastFailure.current = outcome.message;
      if (running.current > 0) return;
      setState(lastFailure.current === null ? { kind: 'saved' } : { kind: 'failed', message: lastFailure.current });
    };
  }, []);
  const value = useMemo(() => ({ state, begin }), [state, begin]);
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export function statusText(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return 'All changes are saved as you type';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'failed':
      return `Failed: ${state.message}`;
  }
}
