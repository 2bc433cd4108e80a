import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | {
      readonly kind: 'failed';
      readonly message: string;
    };

interface StatusApi {
  /** Marks one save as started; the returned function ends it as saved or failed. */
  begin(): (outcome: { ok: true } | { ok: false; message: string }) => void;
}

/** Two contexts: the one everybody saves through never changes; only the status bar reads the state. */
const StatusContext = createContext<StatusApi | null>(null);
const StateContext = createContext<SaveState>({ kind: 'idle' });

/** Saving: stable for the app's life, so a save's "Saving…" and "Saved" do not render the screens that save. */
export function useSaveStatus(): StatusApi {
  const status = useContext(StatusContext);
  if (!status) throw new Error('useSaveStatus is used outside <SaveStatusProvider>');
  return status;
}

/** The current save state, for the status bar. */
export function useSaveState(): SaveState {
  return useContext(StateContext);
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
      const settled: SaveState =
        lastFailure.current === null ? { kind: 'saved' } : { kind: 'failed', message: lastFailure.current };
      // The confirmation that the write is committed shows at once, before whatever else the answer
      // makes the screens render (the status bar alone renders here).
      flushSync(() => setState(settled));
    };
  }, []);
  const api = useMemo(() => ({ begin }), [begin]);
  return (
    <StatusContext.Provider value={api}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </StatusContext.Provider>
  );
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
