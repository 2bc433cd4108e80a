import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Annotation } from '../../../shared/api/notes-contract';
import type { LocatedTarget } from '../../../shared/notes/targets';
import { placeNotes, type PackNote } from '../../../shared/pack/pack-notes';
import { useApi } from '../../data/api-context';
import { unwrap } from '../../data/call';
import { notesToPlace } from './notes-view';

const NO_NOTES: readonly Annotation[] = [];
const NO_TARGETS: readonly LocatedTarget[] = [];

/**
 * A meeting's notes on one issued version (open ones, or all), refreshed when
 * a note is written or an exchange file is imported ("annotations", "exchange").
 */
export function useAnnotations(meetingId: number, version: number | null, includeResolved: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['annotations', meetingId, version, includeResolved],
    queryFn: () =>
      unwrap(api['annotations.list']({ meetingId, version: version as number, includeResolved })) as Promise<
        readonly Annotation[]
      >,
    enabled: version !== null,
  });
}

/** The elements of an issued version a note can be on, in reading order. An issued version never changes. */
export function useNoteTargets(meetingId: number, version: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['noteTargets', meetingId, version],
    queryFn: () =>
      unwrap(api['annotations.targets']({ meetingId, version: version as number })) as Promise<
        readonly LocatedTarget[]
      >,
    enabled: version !== null,
    staleTime: Infinity,
  });
}

export interface PlacedNotes {
  readonly annotations: readonly Annotation[];
  readonly targets: readonly LocatedTarget[];
  /** The notes as the preview shows them: numbered N1, N2 … in reading order. */
  readonly placed: readonly PackNote[];
  readonly isPending: boolean;
  readonly error: Error | null;
}

/**
 * A version's notes and elements, and the notes placed and numbered as the
 * preview marks them (none for a draft): resolved ones too when asked, and
 * only shared ones when `sharedOnly` (what an export with the notes prints).
 */
export function usePlacedNotes(
  meetingId: number,
  version: number | null,
  { includeResolved, sharedOnly = false }: { readonly includeResolved: boolean; readonly sharedOnly?: boolean },
): PlacedNotes {
  const notes = useAnnotations(meetingId, version, includeResolved);
  const targets = useNoteTargets(meetingId, version);
  const annotations = notes.data ?? NO_NOTES;
  const located = targets.data ?? NO_TARGETS;
  const placed = useMemo(
    () => placeNotes(notesToPlace(annotations, sharedOnly), located),
    [annotations, located, sharedOnly],
  );
  return {
    annotations,
    targets: located,
    placed,
    isPending: version !== null && (notes.isPending || targets.isPending),
    error: notes.error ?? targets.error,
  };
}
