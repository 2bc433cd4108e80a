import { useQuery } from '@tanstack/react-query';
import type { AppInfo, DeleteImpact } from '../../shared/api/contract';
import type { StatedTotal } from '../../shared/model';
import { useApi } from './api-context';
import { call, unwrap } from './call';
import { methodOf, type Entity } from './entities';

const EMPTY: readonly never[] = [];

/** One entity's records, optionally filtered by equal fields; refreshed on "data changed". */
export function useRecords<Row>(entity: Entity, where?: Readonly<Record<string, unknown>>, enabled = true) {
  const api = useApi();
  const query = useQuery({
    queryKey: [entity, where ?? null],
    queryFn: () =>
      unwrap(call(api, methodOf(entity, 'list'), (where ? { where } : {}) as never)) as Promise<readonly Row[]>,
    enabled,
  });
  return { ...query, rows: query.data ?? EMPTY };
}

export function useAppInfo() {
  const api = useApi();
  return useQuery({ queryKey: ['app'], queryFn: () => unwrap<AppInfo>(api['app.info']({})), staleTime: Infinity });
}

export interface FigureFilter {
  readonly indicatorId: number | null;
  readonly areaId: number | null;
  readonly periodId: number | null;
}

/** Every figure matching the filter, in one call (the grid virtualises, so 100,000 rows are fine). */
export function useFigures(filter: FigureFilter) {
  const api = useApi();
  const query = useQuery({
    queryKey: ['figures', filter],
    queryFn: () =>
      unwrap(
        api['figures.list']({
          ...(filter.indicatorId === null ? {} : { indicatorId: filter.indicatorId }),
          ...(filter.areaId === null ? {} : { areaId: filter.areaId }),
          ...(filter.periodId === null ? {} : { periodId: filter.periodId }),
        }),
      ),
    staleTime: 60_000,
  });
  return { ...query, rows: query.data?.rows ?? EMPTY, total: query.data?.total ?? 0 };
}

export function useStatedTotals() {
  const api = useApi();
  const query = useQuery({
    queryKey: ['statedTotals'],
    queryFn: () => unwrap<StatedTotal[]>(api['statedTotals.list']({})),
  });
  return { ...query, rows: (query.data ?? EMPTY) as readonly StatedTotal[] };
}

export function useDeliveryGroupPriorities() {
  const api = useApi();
  const query = useQuery({
    queryKey: ['deliveryGroupPriorities'],
    queryFn: () => unwrap(api['deliveryGroups.priorities']({})),
  });
  return { ...query, links: query.data ?? EMPTY };
}

/** What deleting a record would also remove; asked only while the confirmation is open. */
export function useDeleteImpact(entity: Entity | null, id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['deleteImpact', entity, id],
    queryFn: () => unwrap(call(api, methodOf(entity as Entity, 'deleteImpact'), { id })) as Promise<DeleteImpact>,
    enabled: entity !== null && id !== null,
    staleTime: 0,
    gcTime: 0,
  });
}
