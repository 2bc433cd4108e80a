import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../../data/api-context';
import { unwrap } from '../../data/call';

const ACTIONS = 'actions';

/**
 * A meeting's actions (raised at it and carried forward to it). Refetched on
 * any "data changed": an agenda item renamed, a meeting's date moved or a
 * partner renamed changes what the list says, as it does the pack.
 */
export function useMeetingActions(meetingId: number) {
  const api = useApi();
  const client = useQueryClient();
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'data-changed') void client.invalidateQueries({ queryKey: [ACTIONS] });
      }),
    [api, client],
  );
  return useQuery({
    queryKey: [ACTIONS, meetingId],
    queryFn: () => unwrap(api['actions.list']({ meetingId })),
  });
}
