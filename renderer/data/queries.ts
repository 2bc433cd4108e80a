import { useQuery } from '@tanstack/react-query';
import type { AppInfo, DeleteImpact } from '../../shared/api/contract';
import type { PackFileInfo } from '../../shared/api/notes-contract';
import { figuresOf } from '../../shared/api/figure-page';
import type { Figure, StatedTotal } from '../../shared/model';
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

/**
 * The pack a reviewer's `.boardpack` file holds, or null for an ordinary database: the app
 * then shows the reviewer's banner and opens on that meeting's notes. It changes only when
 * another file is opened (a "data changed" for every table).
 */
export function usePackFile() {
  const api = useApi();
  return useQuery({
    queryKey: ['packFile'],
    queryFn: () => unwrap<PackFileInfo | null>(api['exchange.packFile']({})),
    staleTime: Infinity,
  });
}

export interface FigureFilter {
  readonly indicatorId: number | null;
  readonly areaId: number | null;
  readonly periodId: number | null;
}

/** The figures of one filter as the cache keeps them: records, decoded once from the columns the API sends. */
export interface FigureList {
  readonly rows: readonly Figure[];
  readonly total: number;
}

/**
 * Every figure matching the filter, in one call (the grid virtualises, so
 * 100,000 rows are fine). The API answers with columns (figure-page.ts); they
 * become records once, here, and an edit then replaces one record in the
 * cached list (data/mutations.ts) instead of fetching them all again.
 */
export function useFigures(filter: FigureFilter) {
  const api = useApi();
  const query = useQuery({
    queryKey: ['figures', filter],
    queryFn: async (): Promise<FigureList> => {
      const page = await unwrap(
        api['figures.list']({
          ...(filter.indicatorId === null ? {} : { indicatorId: filter.indicatorId }),
          ...(filter.areaId === null ? {} : { areaId: filter.areaId }),
          ...(filter.periodId === null ? {} : { periodId: filter.periodId }),
        }),
      );
      return { rows: figuresOf(page), total: page.total };
    },
    staleTime: 60_000,
    // A deep comparison of 100,000 records on every refetch costs more than it saves.
    structuralSharing: false,
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

/** What deleting a record (or an action) would also remove; asked only while the confirmation is open. */
export function useDeleteImpact(entity: Entity | 'actions' | null, id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['deleteImpact', entity, id],
    queryFn: () => unwrap(call(api, methodOf(entity as Entity, 'deleteImpact'), { id })) as Promise<DeleteImpact>,
    enabled: entity !== null && id !== null,
    staleTime: 0,
    gcTime: 0,
  });
}
