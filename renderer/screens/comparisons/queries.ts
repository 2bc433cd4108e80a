import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SavedView, ViewSpec, ViewSpecInput } from '../../../shared/views/view-spec';
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

/** Create, rename or change, and delete saved views; each refreshes the list. */
export function useViewMutations() {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['views'] });
  const create = useMutation({
    mutationFn: (input: { name: string; spec: ViewSpec }) => unwrap(api['views.create'](input)),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: (input: { id: number; name: string; spec: ViewSpec }) => unwrap(api['views.update'](input)),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => unwrap(api['views.delete']({ id })),
    onSuccess: refresh,
  });
  return { create, update, remove };
}
