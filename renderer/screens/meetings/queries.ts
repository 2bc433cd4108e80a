import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Attachment, MeetingSummary, PackVersionSummary } from '../../../shared/api/meetings-contract';
import { useApi } from '../../data/api-context';
import { unwrap } from '../../data/call';

const NONE: readonly never[] = [];

/** Every meeting, newest first (the list the screen starts from). */
export function useMeetings() {
  const api = useApi();
  const query = useQuery({
    queryKey: ['meetings'],
    queryFn: async (): Promise<readonly MeetingSummary[]> =>
      [...(await unwrap(api['meetings.list']({})))].sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id - a.id),
  });
  return { ...query, meetings: query.data ?? NONE };
}

/** One meeting with its people and agenda. */
export function useMeeting(id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['meeting', id],
    queryFn: () => unwrap(api['meetings.get']({ id: id as number })),
    enabled: id !== null,
  });
}

const PACK = 'packBuild';

/**
 * The pack built for a meeting (the live draft, or an issued version). Never
 * cached as fresh: any "data changed" (a figure, a view, an agenda item) can
 * change what the pack says, and the preview follows it.
 */
export function usePackBuild(meetingId: number | null, version: number | null = null) {
  const api = useApi();
  const client = useQueryClient();
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'data-changed') void client.invalidateQueries({ queryKey: [PACK] });
      }),
    [api, client],
  );
  return useQuery({
    queryKey: [PACK, meetingId, version],
    queryFn: () =>
      unwrap(api['pack.build']({ meetingId: meetingId as number, ...(version === null ? {} : { version }) })),
    enabled: meetingId !== null,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** A meeting's issued versions, v1 first. */
export function usePackVersions(meetingId: number | null) {
  const api = useApi();
  const query = useQuery({
    queryKey: ['packVersions', meetingId],
    queryFn: async (): Promise<readonly PackVersionSummary[]> =>
      [...(await unwrap(api['pack.versions']({ meetingId: meetingId as number })))].sort((a, b) => a.number - b.number),
    enabled: meetingId !== null,
  });
  return { ...query, versions: query.data ?? NONE };
}

/** What differs between two versions, or a version and the draft (`to` null); asked for on request. */
export function usePackCompare(meetingId: number, pair: { from: number; to: number | null } | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['packCompare', meetingId, pair],
    queryFn: () =>
      unwrap(
        api['pack.compare']({
          meetingId,
          from: (pair as { from: number }).from,
          ...(pair?.to == null ? {} : { to: pair.to }),
        }),
      ),
    enabled: pair !== null,
    staleTime: 0,
  });
}

/** The partners' PDFs already in the database. */
export function useAttachments() {
  const api = useApi();
  const query = useQuery({
    queryKey: ['attachments'],
    queryFn: async (): Promise<readonly Attachment[]> => unwrap(api['attachments.list']({})),
  });
  return { ...query, attachments: query.data ?? NONE };
}
