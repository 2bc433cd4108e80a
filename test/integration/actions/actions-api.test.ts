import { describe, expect, it } from 'vitest';
import { listChanges } from '../../../db/repositories/change-log';
import { apiOnDatabase, type TestApi } from '../../helpers/api-context';
import { meetingTitled } from '../../helpers/pack-document';
import { BOARD, boardMeeting, itemId, threeMeetings } from './board-meetings';

/**
 * Issue 7, point 2: actions raised at meetings against an agenda item, with an
 * owner, a due date, a status and an update trail, carried forward to the
 * board's next meetings while open. Through the real dispatch on real SQLite files.
 */

const described = async (api: TestApi, meetingId: number) =>
  (await api.call('actions.list', { meetingId })).actions.map((action) => ({
    description: action.description,
    carried: action.carried,
    status: action.status,
    overdue: action.overdue,
  }));

describe('a meeting’s actions', () => {
  it('carries open actions forward across three meetings, and those closed since the previous one', async () => {
    const api = await apiOnDatabase({ empty: true });
    const { march, june, september } = await threeMeetings(api);

    expect(await described(api, march.id)).toEqual([
      { description: 'Publish the ASB leaflet', carried: false, status: 'done', overdue: false },
      { description: 'Map the night-time economy', carried: false, status: 'open', overdue: false },
      { description: 'Pilot the street pastors', carried: false, status: 'dropped', overdue: false },
    ]);
    // June: March's three come forward (the leaflet and the pastors were closed after March), then June's own.
    expect(await described(api, june.id)).toEqual([
      { description: 'Publish the ASB leaflet', carried: true, status: 'done', overdue: false },
      { description: 'Map the night-time economy', carried: true, status: 'open', overdue: false },
      { description: 'Pilot the street pastors', carried: true, status: 'dropped', overdue: false },
      { description: 'Review the CCTV contract', carried: false, status: 'open', overdue: false },
    ]);
    // September: the pastors were dropped before June, so they are gone; the CCTV review was due in August.
    const september_ = await api.call('actions.list', { meetingId: september.id });
    expect(september_.previousHeldOn).toBe('2026-06-10');
    expect(september_.actions.map((action) => [action.description, action.carried, action.overdue])).toEqual([
      ['Publish the ASB leaflet', true, false],
      ['Review the CCTV contract', true, true],
      ['Map the night-time economy', true, false],
    ]);
    expect(september_.actions[1]?.raisedAt).toMatchObject({ meetingId: june.id, heldOn: '2026-06-10' });
    expect(september_.actions[1]?.agendaItem).toMatchObject({ position: 1, title: 'Matters arising' });
  });

  it('keeps other boards’ actions, and later meetings’ actions, out of a meeting', async () => {
    const api = await apiOnDatabase({ empty: true });
    const { march } = await threeMeetings(api);
    const other = await boardMeeting(api, '2026-09-10', 'Youth Justice Board');
    expect(await described(api, other.id)).toEqual([]);
    expect((await api.call('actions.list', { meetingId: march.id })).actions.every((a) => !a.carried)).toBe(true);
  });

  it('marks an open action overdue when it was due before the meeting’s date, and not once it is done', async () => {
    const api = await apiOnDatabase({ empty: true });
    const march = await boardMeeting(api, '2026-03-10');
    const june = await boardMeeting(api, '2026-06-10');
    const late = await api.call('actions.add', {
      meetingId: march.id,
      agendaItemId: itemId(march),
      description: 'Circulate the draft plan',
      dueOn: '2026-06-09',
    });
    const onTime = await api.call('actions.add', {
      meetingId: march.id,
      agendaItemId: itemId(march),
      description: 'Agree the CCTV protocol',
      dueOn: '2026-06-10',
    });
    const overdue = async (meetingId: number) =>
      (await api.call('actions.list', { meetingId })).actions.map((action) => [action.id, action.overdue]);
    expect(await overdue(march.id)).toEqual([
      [late.id, false],
      [onTime.id, false],
    ]);
    expect(await overdue(june.id)).toEqual([
      [late.id, true],
      [onTime.id, false],
    ]);
    await api.call('actions.setStatus', { id: late.id, status: 'done', closedOn: '2026-06-10' });
    expect(await overdue(june.id)).toEqual([
      [late.id, false],
      [onTime.id, false],
    ]);
  });

  it('lists the demo meetings’ actions: the plan’s 2022/23 actions come forward to July 2022', async () => {
    const api = await apiOnDatabase();
    const march2014 = await meetingTitled(api, 'Safer and Stronger Bucks Partnership Board — March 2014');
    const july2022 = await meetingTitled(api, 'Safer Buckinghamshire Board — July 2022');
    const early = await api.call('actions.list', { meetingId: march2014.id });
    // The one with a due date first, then as raised.
    expect(early.actions.map((action) => [action.carried, action.status, action.dueOn])).toEqual([
      [false, 'open', '2015-03-31'],
      [false, 'open', null],
      [false, 'open', null],
      [false, 'open', null],
      [false, 'done', null],
      [false, 'done', null],
    ]);
    const late = await api.call('actions.list', { meetingId: july2022.id });
    expect(late.actions.filter((action) => action.carried)).toHaveLength(18);
    expect(late.actions.filter((action) => action.carried).every((action) => action.raisedAt === null)).toBe(true);
    expect(late.actions.filter((action) => !action.carried).map((action) => action.description)).toContain(
      'Agree the refreshed Violence Reduction Plan',
    );
  });
});

describe('an action’s trail', () => {
  it('keeps updates and status changes in order; closing sets the closing date and reopening clears it', async () => {
    const api = await apiOnDatabase({ empty: true });
    const meeting = await boardMeeting(api, '2026-06-10');
    const added = await api.call('actions.add', {
      meetingId: meeting.id,
      agendaItemId: itemId(meeting, 'Action log'),
      description: '  Review the CCTV contract  ',
      owner: { kind: 'name', name: 'Community Safety Team' },
      dueOn: '2026-09-30',
    });
    expect(added).toMatchObject({
      description: 'Review the CCTV contract',
      owner: { kind: 'name', id: null, name: 'Community Safety Team' },
      status: 'open',
      closedOn: null,
      raisedAt: { meetingId: meeting.id, heldOn: '2026-06-10' },
      agendaItem: { position: 2, title: 'Action log' },
      updates: [],
    });

    await api.call('actions.addUpdate', { id: added.id, text: 'Quotes requested', author: 'Jane Smith' });
    await api.call('actions.addUpdate', { id: added.id, text: 'Two quotes in' });
    const done = await api.call('actions.setStatus', { id: added.id, status: 'done', note: 'Contract signed' });
    expect(done).toMatchObject({ status: 'done', closedOn: '2026-11-26' });
    const reopened = await api.call('actions.setStatus', { id: added.id, status: 'open', note: 'Supplier withdrew' });
    expect(reopened).toMatchObject({ status: 'open', closedOn: null });
    const dropped = await api.call('actions.setStatus', { id: added.id, status: 'dropped', closedOn: '2026-10-01' });
    expect(dropped).toMatchObject({ status: 'dropped', closedOn: '2026-10-01' });

    expect(dropped.updates.map(({ author, text, status }) => ({ author, text, status }))).toEqual([
      { author: 'Jane Smith', text: 'Quotes requested', status: null },
      { author: 'secretary', text: 'Two quotes in', status: null },
      { author: 'secretary', text: 'Contract signed', status: 'done' },
      { author: 'secretary', text: 'Supplier withdrew', status: 'open' },
      { author: 'secretary', text: null, status: 'dropped' },
    ]);
    expect(dropped.updates.every((update) => update.at === '2026-11-26T10:00:00.000Z')).toBe(true);

    const logged = (await listChanges(api.db, 'action', added.id)).map((change) => [
      change.operation,
      change.newValues && (JSON.parse(change.newValues) as Record<string, unknown>).closedOn,
    ]);
    expect(logged).toEqual([
      ['insert', null],
      ['update', '2026-11-26'],
      ['update', null],
      ['update', '2026-10-01'],
    ]);
    const trailLogged = await api.db
      .selectFrom('changeLog')
      .select('operation')
      .where('tableName', '=', 'actionUpdate')
      .execute();
    expect(trailLogged).toHaveLength(5);
  });

  it('edits the fields named, owner included, and logs old and new', async () => {
    const api = await apiOnDatabase();
    const meeting = await meetingTitled(api, 'Safer and Stronger Bucks Partnership Board — March 2014');
    const action = (await api.call('actions.list', { meetingId: meeting.id })).actions.find((candidate) =>
      candidate.description.startsWith('Join up the commissioning'),
    );
    const partners = await api.call('partners.list', { where: { name: 'Victim Support' } });
    const victimSupport = partners[0]?.id ?? 0;
    const edited = await api.call('actions.update', {
      id: action?.id ?? 0,
      changes: {
        owner: { kind: 'partner', partnerId: victimSupport },
        dueOn: '2014-06-30',
        agendaItemId: meeting.items[9]?.id ?? 0,
      },
    });
    expect(edited).toMatchObject({
      description: action?.description,
      owner: { kind: 'partner', id: victimSupport, name: 'Victim Support' },
      dueOn: '2014-06-30',
      agendaItem: { position: 10, title: 'Action log' },
    });
    const [change] = (await listChanges(api.db, 'action', action?.id ?? 0)).filter((c) => c.operation === 'update');
    expect(JSON.parse(change?.oldValues ?? '{}')).toEqual({
      owner: 'DV Joint Commissioning Project Group',
      ownerPartnerId: null,
      dueOn: null,
      agendaItemId: null,
    });

    // The partner's new name shows; once the partner is deleted, the name given stays.
    await api.call('partners.update', {
      id: victimSupport,
      version: partners[0]?.version ?? 1,
      changes: { name: 'Thames Valley Victim Support' },
    });
    expect((await api.call('actions.get', { id: edited.id })).owner).toEqual({
      kind: 'partner',
      id: victimSupport,
      name: 'Thames Valley Victim Support',
    });
    await api.call('partners.delete', { id: victimSupport });
    expect((await api.call('actions.get', { id: edited.id })).owner).toEqual({
      kind: 'name',
      id: null,
      name: 'Victim Support',
    });

    const person = await api.call('people.create', {
      name: 'Jane Smith',
      role: 'Community Safety Manager',
      partnerId: null,
    });
    const byPerson = await api.call('actions.update', {
      id: edited.id,
      changes: { owner: { kind: 'person', personId: person.id } },
    });
    expect(byPerson.owner).toEqual({ kind: 'person', id: person.id, name: 'Jane Smith' });
    expect((await api.call('actions.update', { id: edited.id, changes: { owner: null } })).owner).toBeNull();
  });
});

describe('refused action writes', () => {
  /** Rows in the tables an action write touches. */
  const counts = async (api: TestApi) => {
    const count = async (table: 'action' | 'actionUpdate' | 'changeLog') =>
      Number(
        (
          await api.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return [await count('action'), await count('actionUpdate'), await count('changeLog')];
  };

  it('name the field, say why, and write nothing', async () => {
    const api = await apiOnDatabase({ empty: true });
    const { march, june, leaflet, mapping } = await threeMeetings(api);
    const add = { meetingId: march.id, agendaItemId: itemId(march), description: 'Publish the leaflet' };
    const before = await counts(api);
    const refusals = [
      ['actions.add', { ...add, description: '   ' }, 'description', /a description is required/],
      ['actions.add', { ...add, dueOn: '2026-02-30' }, 'dueOn', /the due date/],
      ['actions.add', { ...add, dueOn: '30/06/2026' }, 'dueOn', /the due date must be a date \(YYYY-MM-DD\)/],
      ['actions.add', { ...add, owner: { kind: 'name', name: 'x'.repeat(201) } }, 'owner.name', /at most 200/],
      ['actions.add', { ...add, owner: { kind: 'team', name: 'x' } }, 'owner.kind', /a partner, a person or a name/],
      ['actions.add', { ...add, owner: { kind: 'partner', partnerId: 999 } }, 'owner.partnerId', /no partner #999/],
      ['actions.add', { ...add, agendaItemId: undefined }, 'agendaItemId', /choose the agenda item/],
      ['actions.add', { ...add, agendaItemId: itemId(june) }, 'agendaItemId', /on another meeting's agenda/],
      ['actions.add', { ...add, meetingId: 999 }, 'meetingId', /no meeting #999/],
      ['actions.add', { ...add, priorityId: 999 }, 'priorityId', /no priority #999/],
      ['actions.update', { id: mapping.id, changes: { description: '' } }, 'changes.description', /required/],
      ['actions.update', { id: mapping.id, changes: { agendaItemId: itemId(june) } }, 'agendaItemId', /another/],
      ['actions.setStatus', { id: mapping.id, status: 'closed' }, 'status', /a status is open, done, dropped/],
      ['actions.setStatus', { id: leaflet.id, status: 'done' }, 'status', /already done/],
      ['actions.setStatus', { id: leaflet.id, status: 'open', closedOn: '2026-07-01' }, 'closedOn', /reopened/],
      ['actions.setStatus', { id: mapping.id, status: 'done', closedOn: '2026-03-09' }, 'closedOn', /before the/],
      ['actions.addUpdate', { id: mapping.id, text: '' }, 'text', /an update is required/],
      ['actions.addUpdate', { id: 999, text: 'Done' }, 'id', /no action #999/],
      ['actions.delete', { id: 999 }, 'id', /no action #999/],
    ] as const;
    for (const [name, input, field, message] of refusals) {
      const error = await api.fail(name, input);
      expect(error.where?.field, `${name} ${JSON.stringify(input)}`).toBe(field);
      expect(error.message, `${name} ${JSON.stringify(input)}`).toMatch(message);
    }
    expect(await counts(api)).toEqual(before);
  });
});

describe('deleting an action', () => {
  it('says first that its trail goes with it, then deletes both and logs it', async () => {
    const api = await apiOnDatabase({ empty: true });
    const { leaflet, mapping } = await threeMeetings(api);
    expect(await api.call('actions.deleteImpact', { id: leaflet.id })).toEqual({
      alsoRemoves: ['2 updates in its trail'],
      blockedBy: null,
    });
    expect(await api.call('actions.delete', { id: leaflet.id })).toEqual({ deleted: 1 });
    expect((await api.fail('actions.get', { id: leaflet.id })).code).toBe('not-found');
    const trail = await api.db.selectFrom('actionUpdate').select('actionId').execute();
    expect(trail.map((row) => row.actionId)).not.toContain(leaflet.id);
    expect(trail.map((row) => row.actionId)).toContain(mapping.id);
    const [deleted] = (await listChanges(api.db, 'action', leaflet.id)).filter((c) => c.operation === 'delete');
    expect(JSON.parse(deleted?.oldValues ?? '{}')).toMatchObject({
      description: 'Publish the ASB leaflet',
      alsoRemoved: ['2 updates in its trail'],
    });
    expect(await api.call('actions.deleteImpact', { id: mapping.id })).toEqual({
      alsoRemoves: ['1 update in its trail'],
      blockedBy: null,
    });
  });

  it('announces each write as a change to actions', async () => {
    const api = await apiOnDatabase({ empty: true });
    const meeting = await boardMeeting(api, '2026-06-10', BOARD);
    api.events.length = 0;
    await api.call('actions.add', { meetingId: meeting.id, agendaItemId: itemId(meeting), description: 'Check' });
    expect(api.events).toEqual([{ type: 'data-changed', tables: ['actions'] }]);
  });
});
