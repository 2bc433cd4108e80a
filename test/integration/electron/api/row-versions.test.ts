import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../db/open-database';
import type { Database } from '../../../../db/schema/database';
import { figureInputOf, figuresOf } from '../../../../shared/api/figure-page';
import type { Figure } from '../../../../shared/model';
import type { ApiCaller } from '../../../helpers/api-context';
import { closeAfterTest } from '../../../helpers/temp-files';
import { TEST_ENGINE } from '../../../helpers/test-engine';
import { ANA_AT, BEN_AT, editor, roleOf, sharedDemo } from '../../../helpers/two-editors';

/**
 * Editing together (issue 9, point 3): two people's API contexts on one
 * database (on PostgreSQL two connection pools, so two real sessions). Every
 * editable row carries a version; a save made from an older one is refused
 * with the other person's change, nothing is overwritten silently, and the
 * change log records the database role that made each change.
 */

type Editor = ApiCaller;

async function figureAt(api: Editor, indicator: string, area: string, period: string): Promise<Figure> {
  const [indicatorRow] = await api.call('indicators.list', { where: { name: indicator } });
  const [areaRow] = await api.call('areas.list', { where: { name: area } });
  const [periodRow] = await api.call('periods.list', { where: { label: period } });
  const page = await api.call('figures.list', {
    indicatorId: indicatorRow?.id ?? 0,
    areaId: areaRow?.id ?? 0,
    periodId: periodRow?.id ?? 0,
  });
  const [figure] = figuresOf(page);
  if (!figure) throw new Error(`no figure for ${indicator}, ${area}, ${period}`);
  return figure;
}

const wycombeBurglary = (api: Editor) => figureAt(api, 'Domestic burglary', 'Wycombe', 'Apr-Dec 2013');

async function changesOf(db: Kysely<Database>, table: string, rowId: number) {
  return db
    .selectFrom('changeLog')
    .select(['actor', 'dbRole', 'operation', 'oldValues', 'newValues'])
    .where('tableName', '=', table)
    .where('rowId', '=', String(rowId))
    .orderBy('id')
    .execute();
}

describe('a figure saved by two people at once', () => {
  it("refuses the second save made from the same version, with the first person's value, who and when", async () => {
    const { db, location, ana, ben } = await sharedDemo();
    const seenByAna = await wycombeBurglary(ana);
    const seenByBen = await wycombeBurglary(ben);
    expect(seenByAna).toMatchObject({ value: 201, version: 1 });
    expect(seenByBen).toEqual(seenByAna);

    const saved = await ana.call('figures.update', { id: seenByAna.id, version: 1, changes: { value: 412 } });
    expect(saved).toMatchObject({ value: 412, version: 2, updatedAt: ANA_AT });

    const refused = await ben.fail('figures.update', { id: seenByBen.id, version: 1, changes: { value: 415 } });
    const role = roleOf(location);
    const who = role === null ? 'Ana' : `Ana (role ${role})`;
    expect(refused).toEqual({
      code: 'stale',
      message: `${who} changed Wycombe, Domestic burglary, Apr-Dec 2013 from 201 to 412 at 10:42; your 415 was not saved`,
      where: { field: 'value' },
      current: {
        record: expect.objectContaining({ id: seenByBen.id, value: 412, provisional: false, version: 2 }) as unknown,
        changedBy: 'Ana',
        changedByRole: role,
        changedAt: ANA_AT,
        changes: [{ field: 'value', from: 201, to: 412 }],
      },
    });
    // Nothing of Ben's was written: the figure and its log are Ana's.
    expect(await wycombeBurglary(ben)).toMatchObject({ value: 412, version: 2 });
    const log = await changesOf(db, 'figure', seenByAna.id);
    expect(log.filter((entry) => entry.operation === 'update')).toEqual([
      {
        actor: 'Ana',
        dbRole: role,
        operation: 'update',
        oldValues: JSON.stringify({ value: 201 }),
        newValues: JSON.stringify({ value: 412 }),
      },
    ]);
  });

  it("lets Ben keep his value by saving again over the version he was shown, logging Ana's 412 → 415", async () => {
    const { db, location, ana, ben } = await sharedDemo();
    const figure = await wycombeBurglary(ben);
    await ana.call('figures.update', { id: figure.id, version: figure.version, changes: { value: 412 } });
    const refused = await ben.fail('figures.update', {
      id: figure.id,
      version: figure.version,
      changes: { value: 415 },
    });
    const current = refused.current?.record as Figure;

    const kept = await ben.call('figures.update', { id: figure.id, version: current.version, changes: { value: 415 } });
    expect(kept).toMatchObject({ value: 415, version: 3, updatedAt: BEN_AT });
    // Ana's next save from the version she last saw is refused in turn, naming Ben.
    const anaAgain = await ana.fail('figures.update', { id: figure.id, version: 2, changes: { note: 'checked' } });
    const role = roleOf(location);
    expect(anaAgain.code).toBe('stale');
    expect(anaAgain.message).toBe(
      `${role === null ? 'Ben' : `Ben (role ${role})`} changed Wycombe, Domestic burglary, Apr-Dec 2013 from 412 to 415 at 10:45; your note "checked" was not saved`,
    );
    const updates = (await changesOf(db, 'figure', figure.id)).filter((entry) => entry.operation === 'update');
    expect(updates.map((entry) => [entry.actor, entry.oldValues, entry.newValues])).toEqual([
      ['Ana', '{"value":201}', '{"value":412}'],
      ['Ben', '{"value":412}', '{"value":415}'],
    ]);
  });

  it('refuses a save of a figure deleted since as not-found, and a delete made from an older version as stale', async () => {
    const { db, ana, ben } = await sharedDemo();
    const burglary = await wycombeBurglary(ben);
    await ana.call('figures.delete', { ids: [burglary.id], versions: [burglary.version] });
    expect(
      await ben.fail('figures.update', { id: burglary.id, version: burglary.version, changes: { value: 415 } }),
    ).toMatchObject({ code: 'not-found', where: { field: 'id' } });

    const violence = await figureAt(ben, 'Violence against the person', 'Wycombe', 'Apr-Dec 2013');
    await ana.call('figures.update', { id: violence.id, version: violence.version, changes: { provisional: true } });
    const refused = await ben.fail('figures.delete', { ids: [violence.id], versions: [violence.version] });
    expect(refused.code).toBe('stale');
    expect(refused.message).toMatch(
      /changed Wycombe, Violence against the person, Apr-Dec 2013: provisional from no to yes at 10:42; it was not deleted$/,
    );
    expect(await db.selectFrom('figure').select('id').where('id', '=', violence.id).execute()).toHaveLength(1);
    // A delete that names no version deletes whatever is saved.
    expect(await ben.call('figures.delete', { ids: [violence.id] })).toEqual({ deleted: 1 });
  });

  it('refuses a save that does not say which version it was made from', async () => {
    const { ana } = await sharedDemo();
    const figure = await wycombeBurglary(ana);
    expect(await ana.fail('figures.update', { id: figure.id, changes: { value: 1 } })).toMatchObject({
      code: 'invalid-input',
      where: { field: 'version' },
    });
    expect(await ana.fail('areas.update', { id: figure.areaId, changes: { code: 'E1' } })).toMatchObject({
      code: 'invalid-input',
      where: { field: 'version' },
    });
  });
});

describe('writes by key', () => {
  it('raise the version of every figure they change, and refuse an edit made from before them', async () => {
    const { ana, ben } = await sharedDemo();
    const changed = await wycombeBurglary(ben);
    const same = await figureAt(ben, 'Domestic burglary', 'Aylesbury', 'Apr-Dec 2013');
    expect(
      await ana.call('figures.write', { figures: [{ ...figureInputOf(changed), value: 300 }, figureInputOf(same)] }),
    ).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
    expect(await wycombeBurglary(ben)).toMatchObject({ value: 300, version: changed.version + 1 });
    expect(await figureAt(ben, 'Domestic burglary', 'Aylesbury', 'Apr-Dec 2013')).toMatchObject({
      version: same.version,
    });
    const refused = await ben.fail('figures.update', {
      id: changed.id,
      version: changed.version,
      changes: { value: 1 },
    });
    expect(refused).toMatchObject({
      code: 'stale',
      current: { changedBy: 'Ana', changes: [{ field: 'value', from: 201, to: 300 }] },
    });
    // The write again changes nothing and raises nothing.
    await ana.call('figures.write', { figures: [{ ...figureInputOf(changed), value: 300 }] });
    expect(await wycombeBurglary(ben)).toMatchObject({ version: changed.version + 1 });
  });
});

describe('a pasted block', () => {
  it('made from the versions saved now is written; one figure saved since refuses the whole block, naming its line', async () => {
    const { location, ana, ben } = await sharedDemo();
    const burglary = await wycombeBurglary(ben);
    const violence = await figureAt(ben, 'Violence against the person', 'Wycombe', 'Apr-Dec 2013');
    const block = [
      { ...figureInputOf(violence), value: 2000 },
      { ...figureInputOf(burglary), value: 415 },
    ];
    await ana.call('figures.update', { id: burglary.id, version: burglary.version, changes: { value: 412 } });

    const refused = await ben.fail('figures.write', { figures: block, versions: [violence.version, burglary.version] });
    const role = roleOf(location);
    expect(refused).toMatchObject({
      code: 'stale',
      message: `someone else saved a figure of this block since you loaded it (line 2: ${role === null ? 'Ana' : `Ana (role ${role})`} changed Wycombe, Domestic burglary, Apr-Dec 2013 from 201 to 412 at 10:42; your 415 was not saved)`,
      where: { row: 2 },
      current: { record: { id: burglary.id, value: 412, version: burglary.version + 1 }, changedBy: 'Ana' },
    });
    // All or nothing: line 1 was not written either.
    expect(await figureAt(ben, 'Violence against the person', 'Wycombe', 'Apr-Dec 2013')).toMatchObject({
      value: violence.value,
      version: violence.version,
    });

    // Pasting again over what is saved now (the version the refusal carried) keeps Ben's figures.
    const current = refused.current?.record as Figure;
    expect(await ben.call('figures.write', { figures: block, versions: [violence.version, current.version] })).toEqual({
      inserted: 0,
      updated: 2,
      unchanged: 0,
    });
    expect(await wycombeBurglary(ana)).toMatchObject({ value: 415, version: burglary.version + 2 });
  });

  it('lists every stale line, refuses a figure added or deleted since, and lets through one already as pasted', async () => {
    const { ana, ben } = await sharedDemo();
    const burglary = await wycombeBurglary(ben);
    const violence = await figureAt(ben, 'Violence against the person', 'Wycombe', 'Apr-Dec 2013');
    const aylesbury = await figureAt(ben, 'Domestic burglary', 'Aylesbury', 'Apr-Dec 2013');
    await ana.call('figures.update', { id: burglary.id, version: burglary.version, changes: { value: 300 } });
    await ana.call('figures.update', { id: violence.id, version: violence.version, changes: { note: 'checked' } });
    await ana.call('figures.delete', { ids: [aylesbury.id], versions: [aylesbury.version] });

    const refused = await ben.fail('figures.write', {
      figures: [
        { ...figureInputOf(burglary), value: 300 },
        { ...figureInputOf(violence), value: 2000 },
        { ...figureInputOf(aylesbury), value: 7 },
      ],
      versions: [burglary.version, violence.version, aylesbury.version],
    });
    expect(refused.code).toBe('stale');
    expect(refused.message).toMatch(
      /^someone else saved 2 figures of this block since you loaded it \(line 2: .*note from none to "checked".*your 2000, note none was not saved; line 3: this figure was deleted by someone else since you loaded it\)$/,
    );
    expect(refused.where).toEqual({ row: 2 });

    // A new line (made as new, null) whose figure someone added since is refused too.
    await ana.call('figures.write', { figures: [{ ...figureInputOf(aylesbury), value: 9 }] });
    const added = await ben.fail('figures.write', {
      figures: [{ ...figureInputOf(aylesbury), value: 7 }],
      versions: [null],
    });
    expect(added).toMatchObject({ code: 'stale', current: { record: { value: 9 } } });
    expect(added.where).toBeUndefined();
    // One figure is said on its own, as its latest change has it: added, not changed.
    expect(added.message).toMatch(
      /^Ana( \(role \w+\))? added Aylesbury, Domestic burglary, Apr-Dec 2013 at 10:42; your 7 was not saved$/,
    );
  });

  it('is refused when the versions do not pair with the figures', async () => {
    const { ben } = await sharedDemo();
    const burglary = await wycombeBurglary(ben);
    expect(await ben.fail('figures.write', { figures: [figureInputOf(burglary)], versions: [] })).toMatchObject({
      code: 'invalid-input',
      where: { field: 'versions' },
    });
  });

  it('of many concurrent pastes made from the same versions, exactly one is written', async () => {
    const { db, location } = await sharedDemo();
    const editors = await Promise.all(
      Array.from({ length: 6 }, async (_, index) => {
        const handle = TEST_ENGINE === 'postgres' ? closeAfterTest(await openDatabase(location)).db : db;
        return editor(handle, location, `Editor ${index + 1}`, ANA_AT);
      }),
    );
    const first = editors[0] as Editor;
    const burglary = await wycombeBurglary(first);
    const violence = await figureAt(first, 'Violence against the person', 'Wycombe', 'Apr-Dec 2013');
    const results = await Promise.all(
      editors.map((each, index) =>
        each
          .call('figures.write', {
            figures: [
              { ...figureInputOf(burglary), value: 1000 + index },
              { ...figureInputOf(violence), value: 2000 + index },
            ],
            versions: [burglary.version, violence.version],
          })
          .then(
            () => index,
            (error: unknown) => String(error),
          ),
      ),
    );
    const winners = results.filter((result) => typeof result === 'number');
    expect(winners).toHaveLength(1);
    for (const result of results)
      if (typeof result === 'string') expect(result).toMatch(/figures\.write failed: stale: /);
    const [winner] = winners;
    expect(await wycombeBurglary(first)).toMatchObject({ value: 1000 + (winner ?? 0), version: burglary.version + 1 });
    expect(await figureAt(first, 'Violence against the person', 'Wycombe', 'Apr-Dec 2013')).toMatchObject({
      value: 2000 + (winner ?? 0),
      version: violence.version + 1,
    });
    const updates = (await changesOf(db, 'figure', burglary.id)).filter((entry) => entry.operation === 'update');
    expect(updates).toHaveLength(1);
  });
});

describe('the change log', () => {
  it('records the database role of every change: the PostgreSQL role, none in a file', async () => {
    const { db, location, ana } = await sharedDemo();
    const figure = await wycombeBurglary(ana);
    await ana.call('figures.update', { id: figure.id, version: figure.version, changes: { value: 202 } });
    const roles = await db.selectFrom('changeLog').select('dbRole').distinct().execute();
    expect(roles).toEqual([{ dbRole: roleOf(location) }]);
    if (TEST_ENGINE === 'postgres') expect(roleOf(location)).toBe('boardpack_admin');
  });
});

describe('a record saved by two people at once', () => {
  it('is versioned the same way: refused with who renamed it, then saved over deliberately', async () => {
    const { db, location, ana, ben } = await sharedDemo();
    const [seen] = await ben.call('areas.list', { where: { name: 'Wycombe' } });
    if (!seen) throw new Error('no Wycombe');
    expect(seen.version).toBe(1);

    const renamed = await ana.call('areas.update', { id: seen.id, version: 1, changes: { name: 'High Wycombe' } });
    expect(renamed).toMatchObject({ name: 'High Wycombe', version: 2 });
    const refused = await ben.fail('areas.update', { id: seen.id, version: 1, changes: { code: 'E07000007' } });
    const role = roleOf(location);
    expect(refused).toMatchObject({
      code: 'stale',
      message: `${role === null ? 'Ana' : `Ana (role ${role})`} changed area High Wycombe: name from "Wycombe" to "High Wycombe" at 10:42; your code "E07000007" was not saved`,
      where: { field: 'code' },
      current: {
        record: { id: seen.id, name: 'High Wycombe', code: null, version: 2 },
        changedBy: 'Ana',
        changedAt: ANA_AT,
      },
    });
    expect((await ben.call('areas.list', { where: { name: 'High Wycombe' } }))[0]?.code).toBeNull();

    const kept = await ben.call('areas.update', { id: seen.id, version: 2, changes: { code: 'E07000007' } });
    expect(kept).toMatchObject({ name: 'High Wycombe', code: 'E07000007', version: 3 });
    expect((await changesOf(db, 'area', seen.id)).map((entry) => [entry.actor, entry.dbRole, entry.newValues])).toEqual(
      [
        ['Ana', role, '{"name":"High Wycombe"}'],
        ['Ben', role, '{"code":"E07000007"}'],
      ],
    );

    expect(await ana.fail('areas.delete', { id: seen.id, version: 2 })).toMatchObject({ code: 'stale' });
    expect(await ana.call('areas.delete', { id: seen.id, version: 3 })).toEqual({ deleted: 1 });
    expect(await ben.fail('areas.update', { id: seen.id, version: 3, changes: { code: null } })).toMatchObject({
      code: 'not-found',
    });
  });
});

describe('a race', () => {
  it('accepts exactly one of many concurrent saves made from the same version, and logs only it', async () => {
    const { db, location } = await sharedDemo();
    // On PostgreSQL each editor is a pool of its own, so the saves are real concurrent sessions; a file has one writer.
    const editors = await Promise.all(
      Array.from({ length: 8 }, async (_, index) => {
        const handle = TEST_ENGINE === 'postgres' ? closeAfterTest(await openDatabase(location)).db : db;
        return editor(handle, location, `Editor ${index + 1}`, ANA_AT);
      }),
    );
    const figure = await wycombeBurglary(editors[0] as Editor);
    const results = await Promise.all(
      editors.map((each, index) =>
        each.call('figures.update', { id: figure.id, version: figure.version, changes: { value: 1000 + index } }).then(
          (saved) => ({ ok: true as const, saved }),
          (error: unknown) => ({ ok: false as const, error: String(error) }),
        ),
      ),
    );
    const accepted = results.flatMap((result) => (result.ok ? [result.saved] : []));
    const refused = results.flatMap((result) => (result.ok ? [] : [result.error]));
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(editors.length - 1);
    for (const error of refused) expect(error).toMatch(/figures\.update failed: stale: Editor \d .*was not saved/);
    const winner = accepted[0] as Figure;
    expect(winner.version).toBe(figure.version + 1);
    expect(await wycombeBurglary(editors[0] as Editor)).toMatchObject({ value: winner.value, version: winner.version });
    const updates = (await changesOf(db, 'figure', figure.id)).filter((entry) => entry.operation === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.newValues).toBe(JSON.stringify({ value: winner.value }));
  });
});

describe('meetings, agenda items, actions and comparison views', () => {
  it('refuse an edit made from an older version, say who changed what, and take one made from the current', async () => {
    const { ana, ben } = await sharedDemo();
    const [summary] = await ben.call('meetings.list', {});
    const meeting = await ben.call('meetings.get', { id: summary?.id ?? 0 });
    const item = meeting.items[0];
    if (!item) throw new Error('the demo meeting has no agenda');

    const moved = await ana.call('meetings.update', {
      id: meeting.id,
      version: meeting.version,
      changes: { venue: 'Council Chamber' },
    });
    expect(moved.version).toBe(meeting.version + 1);
    const refusedMeeting = await ben.fail('meetings.update', {
      id: meeting.id,
      version: meeting.version,
      changes: { startsAt: '14:00' },
    });
    expect(refusedMeeting).toMatchObject({
      code: 'stale',
      where: { field: 'startsAt' },
      current: { record: { venue: 'Council Chamber', version: moved.version }, changedBy: 'Ana' },
    });
    expect(refusedMeeting.message).toMatch(
      new RegExp(
        `changed meeting ${meeting.title}: venue from .* to "Council Chamber" at 10:42; your starts at "14:00" was not saved$`,
      ),
    );
    expect(
      await ben.call('meetings.update', { id: meeting.id, version: moved.version, changes: { startsAt: '14:00' } }),
    ).toMatchObject({ venue: 'Council Chamber', startsAt: '14:00', version: moved.version + 1 });

    await ana.call('agenda.update', { id: item.id, version: item.version, changes: { presenter: 'The chair' } });
    expect(
      await ben.fail('agenda.update', { id: item.id, version: item.version, changes: { minutes: 20 } }),
    ).toMatchObject({ code: 'stale', current: { changes: [{ field: 'presenter', to: 'The chair' }] } });
    expect(await ben.fail('agenda.delete', { id: item.id, version: item.version })).toMatchObject({ code: 'stale' });

    const [action] = (await ben.call('actions.list', { meetingId: meeting.id })).actions;
    if (!action) throw new Error('the demo meeting has no action');
    await ana.call('actions.update', { id: action.id, version: action.version, changes: { dueOn: '2014-06-30' } });
    expect(
      await ben.fail('actions.setStatus', { id: action.id, version: action.version, status: 'dropped' }),
    ).toMatchObject({ code: 'stale', current: { changedBy: 'Ana', changes: [{ field: 'dueOn', to: '2014-06-30' }] } });
    expect(await ben.call('actions.get', { id: action.id })).toMatchObject({ status: action.status });

    const [view] = await ben.call('views.list', {});
    if (!view) throw new Error('the demo has no saved view');
    await ana.call('views.update', { id: view.id, version: view.version, name: `${view.name} (Ana)` });
    expect(await ben.fail('views.update', { id: view.id, version: view.version, name: 'Mine' })).toMatchObject({
      code: 'stale',
      current: { changedBy: 'Ana' },
    });
    expect(await ben.fail('views.delete', { id: view.id, version: view.version })).toMatchObject({ code: 'stale' });
    expect((await ben.call('views.get', { id: view.id })).name).toBe(`${view.name} (Ana)`);
  });
});

describe('the meetings list', () => {
  it('carries each meeting’s version, moved on by an edit, so a delete from an older list is refused and deletes nothing', async () => {
    const { db, ana, ben } = await sharedDemo();
    const [listed] = await ben.call('meetings.list', {});
    if (!listed) throw new Error('the demo has no meeting');
    const meeting = await ben.call('meetings.get', { id: listed.id });
    expect(listed.version).toBe(meeting.version);

    await ana.call('meetings.update', {
      id: listed.id,
      version: listed.version,
      changes: { venue: 'Council Chamber' },
    });
    const [relisted] = await ben.call('meetings.list', {});
    expect(relisted).toMatchObject({ id: listed.id, version: listed.version + 1 });

    const refused = await ben.fail('meetings.delete', { id: listed.id, version: listed.version });
    expect(refused.code).toBe('stale');
    expect(refused.message).toMatch(
      /changed meeting .*: venue from .* to "Council Chamber" at 10:42; it was not deleted$/,
    );
    expect(refused.current).toMatchObject({ record: { id: listed.id, version: listed.version + 1 }, changedBy: 'Ana' });
    // Nothing was deleted: the meeting, its agenda and its actions are all there.
    expect(await ben.call('meetings.get', { id: listed.id })).toMatchObject({ items: meeting.items });
    expect((await ben.call('actions.list', { meetingId: listed.id })).actions.length).toBeGreaterThan(0);
    expect(await db.selectFrom('changeLog').select('id').where('operation', '=', 'delete').execute()).toEqual([]);

    expect(await ben.call('meetings.delete', { id: listed.id, version: relisted?.version ?? 0 })).toEqual({
      deleted: 1,
    });
    expect((await ben.call('meetings.list', {})).map((summary) => summary.id)).not.toContain(listed.id);
  });
});
