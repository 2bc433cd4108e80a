import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FigureMappingInput, SavedMapping } from '../../../shared/figure-mapping';
import { useApi } from '../../data/api-context';
import { unwrap } from '../../data/call';
import type { ChosenFiles } from './import-files';

const EMPTY: readonly SavedMapping[] = [];

/** Saved figure-import mappings, by name; refreshed when mappings change. */
export function useSavedMappings() {
  const api = useApi();
  const query = useQuery({ queryKey: ['mappings'], queryFn: () => unwrap(api['mappings.list']({})) });
  return { ...query, mappings: query.data ?? EMPTY };
}

export function useSaveMapping() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; mapping: FigureMappingInput }) => unwrap(api['mappings.save'](input)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mappings'] }),
  });
}

/**
 * The first rows of the chosen file and how the import would read its columns
 * with this mapping; asked again whenever the mapping changes (the previous
 * answer stays on screen meanwhile). Reads only the file, never the database.
 */
export function useFigurePreview(file: ChosenFiles | null, mapping: FigureMappingInput) {
  const api = useApi();
  const source = file?.sources[0];
  return useQuery({
    queryKey: ['importPreview', file?.key ?? null, mapping],
    queryFn: () => unwrap(api['imports.previewFigures']({ source: source ?? { path: '' }, mapping })),
    enabled: source !== undefined,
    staleTime: Infinity,
    retry: false,
    placeholderData: keepPreviousData,
  });
}
