import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { InputOf } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { SavedView, ViewSpecInput } from '../../../shared/views/view-spec';
import { useApi } from '../../data/api-context';
import { unwrap } from '../../data/call';

const EMPTY: readonly SavedView[] = [];

/** Saved views, by name; refreshed when views change ("data changed" for 'views'). */
export function useSavedViews() {
  const api = useApi();
  const query = useQuery({ queryKey: ['views'], queryFn: () => unwrap(api['views.list']({})) });
  return { ...query, views: query.data ?? EMPTY };
}

const EVALUATION = 'comparisonView';

/**
 * A spec evaluated into its table, never cached as fresh (the numbers are the
 * point). Any "data changed" event re-evaluates it: figures, areas, periods,
 * indicators, targets and imports all change what a view says, and an
 * evaluation is quick.
 */
export function useEvaluatedView(spec: ViewSpecInput | null, name: string | null) {
  const api = useApi();
  const client = useQueryClient();
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'data-changed') void client.invalidateQueries({ queryKey: [EVALUATION] });
      }),
    [api, client],
  );
  return useQuery({
    queryKey: [EVALUATION, spec, name],
    queryFn: () => unwrap(api['views.evaluate']({ spec: spec as ViewSpecInput, ...(name ? { name } : {}) })),
    enabled: spec !== null,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/**
 * Create, rename or change, and delete saved views, as results (a refusal's
 * `current` is needed to settle a stale save); each refreshes the list, a
 * refused one too, so the list shows the views as saved now.
 */
export function useViewMutations() {
  const api = useApi();
  const client = useQueryClient();
  return useMemo(() => {
    const refreshing = async <Value>(work: Promise<Result<Value>>): Promise<Result<Value>> => {
      const result = await work;
      await client.invalidateQueries({ queryKey: ['views'] });
      return result;
    };
    return {
      create: (input: InputOf<'views.create'>) => refreshing(api['views.create'](input)),
      update: (input: InputOf<'views.update'>) => refreshing(api['views.update'](input)),
      remove: (input: InputOf<'views.delete'>) => refreshing(api['views.delete'](input)),
    };
  }, [api, client]);
}
