import type { Meeting } from '../../../shared/api/meetings-contract';
import type { TestApi } from '../../helpers/api-context';

export const BOARD = 'Community Safety Board';

/** A meeting of the test board with two agenda items: matters arising (a paper) and the action log. */
export async function boardMeeting(api: TestApi, heldOn: string, board: string = BOARD): Promise<Meeting> {
  const meeting = await api.call('meetings.create', { title: `${board} — ${heldOn}`, board, heldOn });
  await api.call('agenda.create', {
    meetingId: meeting.id,
    title: 'Matters arising',
    content: { kind: 'paper', doc: { type: 'doc', content: [{ type: 'paragraph' }] } },
  });
  await api.call('agenda.create', { meetingId: meeting.id, title: 'Action log', content: { kind: 'action log' } });
  return api.call('meetings.get', { id: meeting.id });
}

/** The id of the meeting's item of that title. */
export function itemId(meeting: Meeting, title = 'Matters arising'): number {
  const item = meeting.items.find((candidate) => candidate.title === title);
  if (!item) throw new Error(`no item "${title}" on "${meeting.title}"`);
  return item.id;
}

/**
 * Three meetings of one board, a quarter apart, and their actions:
 * at March, "Publish the ASB leaflet" (due 1 May, done 1 July), "Map the night-time
 * economy" (due 31 December, still open) and "Pilot the street pastors" (dropped
 * 1 May); at June, "Review the CCTV contract" (due 1 August, still open).
 */
export async function threeMeetings(api: TestApi) {
  const march = await boardMeeting(api, '2026-03-10');
  const june = await boardMeeting(api, '2026-06-10');
  const september = await boardMeeting(api, '2026-09-10');
  const raise = (meeting: Meeting, description: string, dueOn: string | null) =>
    api.call('actions.add', {
      meetingId: meeting.id,
      agendaItemId: itemId(meeting),
      description,
      owner: { kind: 'name', name: 'Community Safety Team' },
      dueOn,
    });
  const leaflet = await raise(march, 'Publish the ASB leaflet', '2026-05-01');
  const mapping = await raise(march, 'Map the night-time economy', '2026-12-31');
  const pastors = await raise(march, 'Pilot the street pastors', null);
  const cctv = await raise(june, 'Review the CCTV contract', '2026-08-01');
  await api.call('actions.setStatus', {
    id: pastors.id,
    status: 'dropped',
    closedOn: '2026-05-01',
    note: 'No funding',
  });
  await api.call('actions.addUpdate', { id: leaflet.id, text: 'Draft with the printers', author: 'Jane Smith' });
  await api.call('actions.setStatus', { id: leaflet.id, status: 'done', closedOn: '2026-07-01', author: 'Jane Smith' });
  await api.call('actions.addUpdate', { id: mapping.id, text: 'Licensing data requested' });
  return { march, june, september, leaflet, mapping, pastors, cctv };
}
