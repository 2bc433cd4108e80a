import { describe, expect, it } from 'vitest';
import type { ApiCaller } from '../../../helpers/api-context';
import { ANA_AT, sharedDemo } from '../../../helpers/two-editors';

/**
 * The last writes that did not name a version (issue 9, point 3: nothing is
 * overwritten silently): a delivery group's set of priorities, the agenda's
 * order, and a note's edit, resolve and delete. Two people's API contexts on
 * one database (on PostgreSQL two connection pools, so two real sessions).
 */

async function linksOf(api: ApiCaller, groupId: number): Promise<number[]> {
  const links = await api.call('deliveryGroups.priorities', {});
  return links.filter((link) => link.deliveryGroupId === groupId).map((link) => link.priorityId);
}

/** Every priority's id by its plan's key and ref ("sbp-2013-14 1"), and back. */
async function priorityNames(api: ApiCaller) {
  const plans = new Map((await api.call('plans.list', {})).map((plan) => [plan.id, plan.key]));
  const priorities = await api.call('priorities.list', {});
  const names = new Map(priorities.map((priority) => [priority.id, `${plans.get(priority.planId)} ${priority.ref}`]));
  const ids = new Map([...names].map(([id, name]) => [name, id]));
  return {
    id: (name: string) => ids.get(name) ?? 0,
    /** How a refusal says a set: "none", or the names in quotes. */
    said: (set: readonly number[]) =>
      set.length === 0 ? 'none' : `"${set.map((id) => names.get(id) ?? `#${id}`).join(', ')}"`,
  };
}

describe("a delivery group's priorities set by two people at once", () => {
  it('refuses a set made from an older version of the group, naming who set which priorities; nothing is written', async () => {
    const { db, ana, ben, who } = await sharedDemo();
    const [group] = await ben.call('deliveryGroups.list', { where: { name: 'Falcon' } });
    if (!group) throw new Error('no Falcon');
    const before = await linksOf(ben, group.id);
    const priorities = await priorityNames(ben);
    const [one, two] = [priorities.id('sbp-2013-14 1'), priorities.id('sbp-2013-14 2')];
    expect(before.length).toBeGreaterThan(0);
    expect(before).not.toContain(two);

    const set = await ana.call('deliveryGroups.setPriorities', {
      id: group.id,
      version: group.version,
      priorityIds: [two, one, one],
    });
    expect(set).toEqual({ priorityIds: [one, two].sort((a, b) => a - b), version: group.version + 1 });
    expect((await ben.call('deliveryGroups.list', { where: { name: 'Falcon' } }))[0]?.version).toBe(group.version + 1);

    const refused = await ben.fail('deliveryGroups.setPriorities', {
      id: group.id,
      version: group.version,
      priorityIds: [...before, two],
    });
    expect(refused).toMatchObject({
      code: 'stale',
      message: `${who('Ana')} changed delivery group Falcon: priorities from ${priorities.said(before)} to ${priorities.said([one, two])} at 10:42; your priorities ${priorities.said([...before, two].sort((a, b) => a - b))} was not saved`,
      where: { field: 'priorityIds' },
      current: {
        record: { id: group.id, name: 'Falcon', version: group.version + 1, priorityIds: [one, two] },
        changedBy: 'Ana',
        changedAt: ANA_AT,
      },
    });
    expect(await linksOf(ben, group.id)).toEqual([one, two]);

    // Made again from the version saved now, Ben's set goes through, and the log has both sets, who and which.
    expect(
      await ben.call('deliveryGroups.setPriorities', { id: group.id, version: group.version + 1, priorityIds: [two] }),
    ).toEqual({ priorityIds: [two], version: group.version + 2 });
    expect(await linksOf(ana, group.id)).toEqual([two]);
    const log = await db
      .selectFrom('changeLog')
      .select(['actor', 'newValues'])
      .where('tableName', '=', 'deliveryGroup')
      .where('rowId', '=', String(group.id))
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { actor: 'Ana', newValues: JSON.stringify({ priorityIds: [one, two] }) },
      { actor: 'Ben', newValues: JSON.stringify({ priorityIds: [two] }) },
    ]);
  });

  it('refuses a set made from before a rename of the group, and a rename made from before a set', async () => {
    const { ana, ben, who } = await sharedDemo();
    const [group] = await ben.call('deliveryGroups.list', { where: { name: 'Falcon' } });
    if (!group) throw new Error('no Falcon');
    await ana.call('deliveryGroups.update', {
      id: group.id,
      version: group.version,
      changes: { lead: 'Thames Valley' },
    });
    const refused = await ben.fail('deliveryGroups.setPriorities', {
      id: group.id,
      version: group.version,
      priorityIds: [],
    });
    expect(refused.message).toBe(
      `${who('Ana')} changed delivery group Falcon: lead from "${group.lead}" to "Thames Valley" at 10:42; your priorities none was not saved`,
    );
    expect(await linksOf(ben, group.id)).toEqual(await linksOf(ana, group.id));
    expect((await linksOf(ben, group.id)).length).toBeGreaterThan(0);

    await ben.call('deliveryGroups.setPriorities', { id: group.id, version: group.version + 1, priorityIds: [] });
    expect(
      await ana.fail('deliveryGroups.update', { id: group.id, version: group.version + 1, changes: { lead: 'TVP' } }),
    ).toMatchObject({ code: 'stale', current: { changedBy: 'Ben' } });
  });

  it('refuses a set that does not say which version it was made from', async () => {
    const { ben } = await sharedDemo();
    const [group] = await ben.call('deliveryGroups.list', {});
    expect(await ben.fail('deliveryGroups.setPriorities', { id: group?.id ?? 0, priorityIds: [] })).toMatchObject({
      code: 'invalid-input',
      where: { field: 'version' },
    });
  });
});

describe('an agenda reordered by two people at once', () => {
  async function demoMeeting(api: ApiCaller) {
    const [summary] = await api.call('meetings.list', {});
    return api.call('meetings.get', { id: summary?.id ?? 0 });
  }

  it('refuses a reorder made from an order that is not the agenda’s now, saying who reordered it; nothing moves', async () => {
    const { ana, ben, who } = await sharedDemo();
    const meeting = await demoMeeting(ben);
    const seen = meeting.items.map((item) => item.id);
    expect(seen.length).toBeGreaterThan(2);
    const [first, second, ...rest] = seen as [number, number, ...number[]];

    const swapped = [second, first, ...rest];
    const anas = await ana.call('agenda.reorder', { meetingId: meeting.id, itemIds: swapped, from: seen });
    expect(anas.map((item) => item.id)).toEqual(swapped);
    // Versions stay: an item's place is the meeting's, so an open item editor saves on.
    expect(anas.map((item) => item.version)).toEqual(
      swapped.map((id) => meeting.items.find((item) => item.id === id)?.version),
    );

    const last = [...rest, first, second];
    const refused = await ben.fail('agenda.reorder', { meetingId: meeting.id, itemIds: last, from: seen });
    expect(refused).toMatchObject({
      code: 'stale',
      message: `${who('Ana')} reordered the agenda at 10:42, since you last saw the agenda; your new order was not saved`,
      current: { record: { meetingId: meeting.id, itemIds: swapped }, changedBy: 'Ana', changedAt: ANA_AT },
    });
    expect((await demoMeeting(ben)).items.map((item) => item.id)).toEqual(swapped);

    // Made again from the order saved now, it goes through.
    const bens = await ben.call('agenda.reorder', { meetingId: meeting.id, itemIds: last, from: swapped });
    expect(bens.map((item) => item.id)).toEqual(last);
    // An item editor opened before both reorders still saves from the version it read.
    const item = meeting.items[0];
    expect(
      await ana.call('agenda.update', {
        id: item?.id ?? 0,
        version: item?.version ?? 0,
        changes: { title: 'Welcome' },
      }),
    ).toMatchObject({ title: 'Welcome', version: (item?.version ?? 0) + 1 });
  });

  it('refuses a reorder made before an item was added or removed, naming the item added', async () => {
    const { ana, ben, who } = await sharedDemo();
    const meeting = await demoMeeting(ben);
    const seen = meeting.items.map((item) => item.id);
    const added = await ana.call('agenda.create', {
      meetingId: meeting.id,
      title: 'Any other business',
      content: { kind: 'glossary' },
    });
    const reversed = [...seen].reverse();
    const refused = await ben.fail('agenda.reorder', { meetingId: meeting.id, itemIds: reversed, from: seen });
    expect(refused.code).toBe('stale');
    expect(refused.message).toBe(
      `${who('Ana')} added "Any other business" at 10:42, since you last saw the agenda; your new order was not saved`,
    );
    expect((await demoMeeting(ben)).items.map((item) => item.id)).toEqual([...seen, added.id]);

    const now = [...seen, added.id];
    await ana.call('agenda.delete', { id: seen[0] ?? 0, version: meeting.items[0]?.version ?? 0 });
    const removed = await ben.fail('agenda.reorder', { meetingId: meeting.id, itemIds: [...now].reverse(), from: now });
    expect(removed.message).toBe(
      `${who('Ana')} removed an item at 10:42, since you last saw the agenda; your new order was not saved`,
    );
    const left = now.slice(1);
    expect(
      (await ben.call('agenda.reorder', { meetingId: meeting.id, itemIds: [...left].reverse(), from: left })).map(
        (item) => item.id,
      ),
    ).toEqual([...left].reverse());
  });
});

describe('a note changed by two people at once', () => {
  async function noted(ana: ApiCaller) {
    const meetings = await ana.call('meetings.list', {});
    const meetingId = meetings.find((meeting) => meeting.title.includes('March 2014'))?.id ?? 0;
    await ana.call('pack.issue', { meetingId });
    return ana.call('annotations.add', { meetingId, version: 1, target: 'item:4', text: 'Why did Wycombe fall?' });
  }

  it('refuses an edit, resolve or delete made from an older version, naming who changed what; nothing is written', async () => {
    const { ana, ben, who } = await sharedDemo();
    const note = await noted(ana);
    expect(note.version).toBe(1);

    const edited = await ana.call('annotations.edit', {
      id: note.id,
      version: 1,
      changes: { text: 'Why did Wycombe fall so far?' },
    });
    expect(edited).toMatchObject({ text: 'Why did Wycombe fall so far?', version: 2 });

    const refused = await ben.fail('annotations.edit', { id: note.id, version: 1, changes: { kind: 'question' } });
    expect(refused).toMatchObject({
      code: 'stale',
      message: `${who('Ana')} changed Ana's note "Why did Wycombe fall so far?": text from "Why did Wycombe fall?" to "Why did Wycombe fall so far?" at 10:42; your kind "question" was not saved`,
      where: { field: 'kind' },
      current: { record: { id: note.id, version: 2, kind: 'comment' }, changedBy: 'Ana', changedAt: ANA_AT },
    });
    expect(await ben.fail('annotations.resolve', { id: note.id, version: 1, resolved: true })).toMatchObject({
      code: 'stale',
      message: expect.stringMatching(/; your resolved yes was not saved$/),
    });
    expect(await ben.fail('annotations.delete', { id: note.id, version: 1 })).toMatchObject({
      code: 'stale',
      message: expect.stringMatching(/; it was not deleted$/),
    });
    const [kept] = await ben.call('annotations.list', { meetingId: note.meetingId, version: 1 });
    expect(kept).toMatchObject({ id: note.id, version: 2, kind: 'comment', resolved: false });

    // Made again from the version saved now, each goes through.
    expect(
      await ben.call('annotations.edit', { id: note.id, version: 2, changes: { kind: 'question' } }),
    ).toMatchObject({ kind: 'question', version: 3 });
    expect(await ben.call('annotations.resolve', { id: note.id, version: 3, resolved: true })).toMatchObject({
      resolved: true,
      version: 4,
    });
    expect(await ana.fail('annotations.resolve', { id: note.id, version: 3, resolved: false })).toMatchObject({
      code: 'stale',
      message: `${who('Ben')} changed Ana's note "Why did Wycombe fall so far?": resolved from no to yes at 10:45; your resolved no was not saved`,
    });
    expect(await ana.call('annotations.delete', { id: note.id, version: 4 })).toEqual({ deleted: 1 });
    expect(await ben.call('annotations.list', { meetingId: note.meetingId, includeResolved: true })).toEqual([]);
  });
});
