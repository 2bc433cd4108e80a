import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { BoardpackApi } from '../../shared/api/result';
import { staleKeys } from './entities';
import { withReplaced } from './replaced-rows';

const ApiContext = createContext<BoardpackApi | null>(null);

// Cache changes reach the screens in a microtask rather than a later timer task: a saved edit's
// record (put into the cached list) and its "Saved" render in one React pass, not two.
notifyManager.setScheduler(queueMicrotask);

export function useApi(): BoardpackApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi is used outside <ApiProvider>');
  return api;
}

/**
 * Own writes whose result is already in the cache (one figure edited in a list of
 * 100,000): their "data changed" echo is skipped instead of refetching everything.
 */
const ownWrites = new Map<string, number>();

/** Announces an own write to `table` whose result the caller puts into the cache itself; call `settle(false)` if it fails. */
export function expectOwnChange(table: string): (succeeded: boolean) => void {
  ownWrites.set(table, (ownWrites.get(table) ?? 0) + 1);
  return (succeeded) => {
    if (!succeeded) ownWrites.set(table, Math.max(0, (ownWrites.get(table) ?? 0) - 1));
  };
}

function isOwnEcho(tables: readonly string[]): boolean {
  const [table] = tables;
  if (tables.length !== 1 || table === undefined) return false;
  const pending = ownWrites.get(table) ?? 0;
  if (pending === 0) return false;
  ownWrites.set(table, pending - 1);
  return true;
}

/** The query key's first part names the table it reads ('plans', 'figures', …) or a derived view. */
export function invalidateTables(client: QueryClient, tables: readonly string[]): Promise<void> {
  const stale = staleKeys(tables);
  return client.invalidateQueries({
    predicate: (query) => stale === 'all' || stale.has(String(query.queryKey[0])),
  });
}

interface WithId {
  readonly id: number;
}

/**
 * Puts a saved record into every cached list of its table at once, before any
 * refetch arrives: a new list in which only that record is new, so a grid of
 * 100,000 rows sees one changed row (and keeps the rest as they are).
 */
export function patchCachedRecord(client: QueryClient, head: string, saved: WithId): void {
  client.setQueriesData({ predicate: (query) => query.queryKey[0] === head }, (data: unknown) => {
    const replace = (rows: readonly WithId[]) => {
      const index = rows.findIndex((row) => row.id === saved.id);
      return index < 0 ? rows : withReplaced(rows, index, saved);
    };
    if (Array.isArray(data)) return replace(data as WithId[]);
    if (data && typeof data === 'object' && 'rows' in data) {
      const page = data as { rows: readonly WithId[] };
      const rows = replace(page.rows);
      return rows === page.rows ? data : { ...page, rows };
    }
    return data;
  });
}

/**
 * Gives the app its API and query cache, and keeps every open screen fresh: each
 * "data changed" event from the API invalidates the queries of the tables it names.
 */
export function ApiProvider({ api, children }: { api: BoardpackApi; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
        },
      }),
  );
  // A subscription, not a fetch: events arrive from the API and mark queries stale.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'data-changed' && !isOwnEcho(event.tables)) void invalidateTables(client, event.tables);
      }),
    [api, client],
  );
  return (
    <ApiContext.Provider value={api}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}
