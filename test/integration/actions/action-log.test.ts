import { describe, expect, it } from 'vitest';
import { apiOnDatabase } from '../../helpers/api-context';
import { meetingTitled, printed, section, tablesOf } from '../../helpers/pack-document';
import { itemId, threeMeetings } from './board-meetings';

/**
 * The pack's action log prints the meeting's actions as the Actions panel lists
 * them: open ones carried forward from earlier meetings (overdue marked), those
 * closed since the board's previous meeting, and each one's latest update.
 */

describe('the pack’s action log', () => {
  it('carries open actions into the next meetings’ logs, with where they were raised and their latest update', async () => {
    const api = await apiOnDatabase({ empty: true });
    const { september } = await threeMeetings(api);
    const { document } = await api.call('pack.build', { meetingId: september.id });
    const log = section(document, 'Action log');
    const [open, closed] = tablesOf(log.blocks);

    expect(open?.caption).toBe('Open actions');
    expect(open?.columns.map((column) => column.header)).toEqual([
      'Action',
      'Owner',
      'Due',
      'Status',
      'Raised',
      'Latest update',
    ]);
    expect(printed(open)).toEqual([
      ['Review the CCTV contract', 'Community Safety Team', '1 August 2026', 'Open: overdue', '10 June 2026', ''],
      [
        'Map the night-time economy',
        'Community Safety Team',
        '31 December 2026',
        'Open',
        '10 March 2026',
        'Licensing data requested (secretary, 26 November 2026)',
      ],
    ]);
    expect(open?.rows[0]?.cells[3]).toEqual({ text: 'Open: overdue', rag: 'red' });
    expect(closed?.caption).toBe('Actions closed since the meeting of 10 June 2026');
    expect(printed(closed)).toEqual([
      [
        'Publish the ASB leaflet',
        'Community Safety Team',
        '1 May 2026',
        'Done 1 July 2026',
        '10 March 2026',
        'Marked done (Jane Smith, 26 November 2026)',
      ],
    ]);
    expect(log.blocks).toContainEqual({ kind: 'note', text: '1 open action is past the due date.' });
  });

  it('shows the latest entry of the trail after every write, and an action raised at this meeting as such', async () => {
    const api = await apiOnDatabase({ empty: true });
    const { september, mapping } = await threeMeetings(api);
    await api.call('actions.add', {
      meetingId: september.id,
      agendaItemId: itemId(september),
      description: 'Report back on the night-time economy map',
      owner: { kind: 'name', name: 'Licensing team' },
    });
    await api.call('actions.setStatus', {
      id: mapping.id,
      status: 'dropped',
      note: 'Superseded by the county review',
      author: 'Jane Smith',
    });
    const { document } = await api.call('pack.build', { meetingId: september.id });
    const [open, closed] = tablesOf(section(document, 'Action log').blocks);
    expect(printed(open)).toEqual([
      ['Review the CCTV contract', 'Community Safety Team', '1 August 2026', 'Open: overdue', '10 June 2026', ''],
      ['Report back on the night-time economy map', 'Licensing team', '', 'Open', 'This meeting', ''],
    ]);
    expect(printed(closed).map((row) => [row[0], row[3], row[5]])).toEqual([
      ['Publish the ASB leaflet', 'Done 1 July 2026', 'Marked done (Jane Smith, 26 November 2026)'],
      [
        'Map the night-time economy',
        'Dropped 26 November 2026',
        'Dropped: Superseded by the county review (Jane Smith, 26 November 2026)',
      ],
    ]);
  });

  it('says so when a board’s first meeting has no closed action and nothing is open', async () => {
    const api = await apiOnDatabase({ empty: true });
    const { march } = await threeMeetings(api);
    const first = await api.call('meetings.create', {
      title: 'Community Safety Board — January 2026',
      board: 'Community Safety Board',
      heldOn: '2026-01-10',
    });
    await api.call('agenda.create', { meetingId: first.id, title: 'Action log', content: { kind: 'action log' } });
    const { document } = await api.call('pack.build', { meetingId: first.id });
    expect(section(document, 'Action log').blocks).toEqual([
      { kind: 'note', text: 'There are no open actions.' },
      { kind: 'note', text: 'No action has been closed.' },
    ]);
    // March, the board's second meeting: its own actions, closed ones included.
    const second = await api.call('pack.build', { meetingId: march.id });
    const [, closed] = tablesOf(section(second.document, 'Action log').blocks);
    expect(closed?.caption).toBe('Actions closed since the meeting of 10 January 2026');
  });

  it('prints the demo meeting’s carried plan actions in July 2022, raised outside meetings', async () => {
    const api = await apiOnDatabase();
    const meeting = await meetingTitled(api, 'Safer Buckinghamshire Board — July 2022');
    const { document } = await api.call('pack.build', { meetingId: meeting.id });
    const [open] = tablesOf(section(document, 'Action log').blocks);
    const rows = printed(open);
    expect(rows.filter((row) => row[4] === 'Outside meetings')).toHaveLength(18);
    expect(rows.filter((row) => row[4] === 'This meeting').map((row) => row[0])).toEqual([
      'Agree the terms of reference of the Crime and Anti-Social Behaviour Sub-Group',
      'Agree the refreshed Violence Reduction Plan',
    ]);
  });
});
