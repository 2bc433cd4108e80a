import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import { openDatabase, type OpenDatabase } from '../../../db/open-database';
import { addTeamMember, listTeamMembers } from '../../../db/postgres/team-members';
import { setUpTeamRoles } from '../../../db/postgres/team-roles';
import { CONTRACT, METHOD_NAMES, type MethodName } from '../../../shared/api/contract';
import { figuresOf } from '../../../shared/api/figure-page';
import type { Figure, FigureInput } from '../../../shared/model';
import { newPostgresDatabase } from '../../helpers/test-engine';
import { openTeamSession, outcomeOf, type TeamSession } from './team-sessions';

/**
 * Issue 9, point 4: three roles, enforced by PostgreSQL itself. The demo
 * partnership on a team database, with a secretary, a Thames Valley Police
 * analyst (the demo's police-recorded crime indicators are TVP's) and a reader,
 * each connected with their own login through the app's real dispatch, and
 * then as the same login with plain SQL, which the app's checks never see.
 */

const PASSWORD = 'correct horse battery';
const MARCH_2014 = 1;
const JULY_2022 = 2;

let team: Awaited<ReturnType<typeof newPostgresDatabase>>;
let owner: OpenDatabase;
let secretary: TeamSession;
let analyst: TeamSession;
let reader: TeamSession;
const logins = { secretary: '', analyst: '', reader: '' };

/** The figures of the demo the tests write: two of TVP's, one the council's. */
let policeFigure: Figure;
let policeFigure2012: Figure;
let councilFigure: Figure;
let councilIndicatorId: number;
let policeIndicatorId: number;

const figureById = async (id: number) =>
  owner.db.selectFrom('figure').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const changeLogSize = async () =>
  Number(
    (
      await owner.db
        .selectFrom('changeLog')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** Who the change log says made each change after `afterId`, and to what. */
const loggedSince = async (afterId: number) =>
  owner.db
    .selectFrom('changeLog')
    .select(['dbRole', 'tableName', 'operation'])
    .where('id', '>', afterId)
    .orderBy('id')
    .execute();
const lastLogId = async () =>
  Number(
    (
      await owner.db
        .selectFrom('changeLog')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow()
    ).id ?? 0,
  );

async function figureOf(session: TeamSession, indicator: string, area: string, period: string): Promise<Figure> {
  const ids = async (table: 'indicator' | 'area' | 'period', column: 'name' | 'label', name: string) =>
    (await owner.db.selectFrom(table).select('id').where(column, '=', name).executeTakeFirstOrThrow()).id;
  const indicatorId = await ids('indicator', 'name', indicator);
  const page = await session.call('figures.list', {
    indicatorId,
    areaId: await ids('area', 'name', area),
    periodId: await ids('period', 'label', period),
  });
  const [figure] = figuresOf(page);
  if (!figure) throw new Error(`no figure for ${indicator}, ${area}, ${period}`);
  return figure;
}

/** A figure as figures.write takes it, with some fields changed (a stored row's 0/1 flag read as a boolean). */
const writeOf = (
  figure: Pick<Figure, 'indicatorId' | 'areaId' | 'periodId' | 'value' | 'source' | 'note'> & {
    provisional: boolean | number;
  },
  changes: Partial<FigureInput> = {},
): FigureInput => ({
  indicatorId: figure.indicatorId,
  areaId: figure.areaId,
  periodId: figure.periodId,
  value: figure.value,
  provisional: Boolean(figure.provisional),
  source: figure.source,
  note: figure.note,
  ...changes,
});

/** A wide-by-period CSV of domestic burglaries, uploaded as the preview uploads it. */
const burglaryUpload = (wycombe2013: number) => ({
  fileName: 'tvp-burglary.csv',
  base64: Buffer.from(
    [
      'Police Area,Apr-Dec 2012,Apr-Dec 2013',
      'Aylesbury,260,236',
      'Chiltern & South Bucks,481,449',
      `Wycombe,367,${wycombe2013}`,
    ].join('\r\n'),
  ).toString('base64'),
});

beforeAll(async () => {
  team = await newPostgresDatabase();
  owner = await openDatabase(team.url);
  await loadDemoDataset(owner.db, { actor: 'owner', now: () => '2026-11-26T09:00:00.000Z' });
  await setUpTeamRoles(owner.db);
  // Logins are the server's: make them this database's own.
  const suffix = team.name.slice(-8);
  logins.secretary = `sam_${suffix}`;
  logins.analyst = `ana_${suffix}`;
  logins.reader = `ray_${suffix}`;
  await addTeamMember(owner.db, { login: logins.secretary, password: PASSWORD, role: 'secretary' });
  await addTeamMember(owner.db, {
    login: logins.analyst,
    password: PASSWORD,
    role: 'analyst',
    partner: 'TVP',
  });
  await addTeamMember(owner.db, { login: logins.reader, password: PASSWORD, role: 'reader' });
  secretary = await openTeamSession(team.name, logins.secretary, PASSWORD);
  analyst = await openTeamSession(team.name, logins.analyst, PASSWORD);
  reader = await openTeamSession(team.name, logins.reader, PASSWORD);

  // The secretary issues the March 2014 pack (for notes) and gives the Street Wardens' figures to the council.
  await secretary.call('pack.issue', { meetingId: MARCH_2014 });
  const indicators = await secretary.call('indicators.list', {});
  const wardens = indicators.find((indicator) => indicator.name === 'Street Warden incidents dealt with');
  const council = (await secretary.call('partners.list', {})).find(
    (partner) => partner.name === 'Buckinghamshire Council',
  );
  if (!wardens || !council) throw new Error('the demo has no Street Warden indicator or no Buckinghamshire Council');
  await secretary.call('indicators.update', {
    id: wardens.id,
    version: wardens.version,
    changes: { partnerId: council.id },
  });
  councilIndicatorId = wardens.id;
  policeIndicatorId = indicators.find((indicator) => indicator.name === 'Domestic burglary')?.id ?? 0;
  policeFigure = await figureOf(secretary, 'Domestic burglary', 'Wycombe', 'Apr-Dec 2013');
  policeFigure2012 = await figureOf(secretary, 'Domestic burglary', 'Wycombe', 'Apr-Dec 2012');
  councilFigure = await figureOf(secretary, 'Street Warden incidents dealt with', 'Buckinghamshire', '2021/22');
}, 120_000);

afterAll(async () => {
  for (const session of [secretary, analyst, reader]) await session?.close();
  await owner?.close();
  await team?.drop();
});

describe('the demo on a team database', () => {
  it("gives the demo's police-recorded crime indicators to Thames Valley Police, as the seeds' sources say", async () => {
    const owned = await owner.db
      .selectFrom('indicator')
      .innerJoin('partner', 'partner.id', 'indicator.partnerId')
      .select(['indicator.name', 'partner.name as partner'])
      .orderBy('indicator.name')
      .execute();
    expect(owned).toEqual([
      { name: 'Domestic burglary', partner: 'Thames Valley Police' },
      { name: 'Street Warden incidents dealt with', partner: 'Buckinghamshire Council' },
      { name: 'Violence against the person', partner: 'Thames Valley Police' },
    ]);
    const listed = await reader.call('indicators.list', {});
    expect(listed.find((indicator) => indicator.id === policeIndicatorId)?.partnerId).toBe(
      (await owner.db.selectFrom('partner').select('id').where('shortName', '=', 'TVP').executeTakeFirstOrThrow()).id,
    );
  });

  it('lists its team with their roles and partners', async () => {
    expect((await listTeamMembers(owner.db)).map(({ login, role, partner }) => ({ login, role, partner }))).toEqual([
      { login: logins.secretary, role: 'secretary', partner: null },
      { login: logins.analyst, role: 'analyst', partner: 'Thames Valley Police' },
      { login: logins.reader, role: 'reader', partner: null },
    ]);
  });
});

describe('the secretary', () => {
  it('changes anything, and the change log names their login', async () => {
    const from = await lastLogId();
    const council = await figureById(councilFigure.id);
    const changed = await secretary.call('figures.update', {
      id: council.id,
      version: council.version,
      changes: { value: 1601 },
    });
    expect(changed.value).toBe(1601);
    const police = await figureById(policeFigure2012.id);
    await secretary.call('figures.update', { id: police.id, version: police.version, changes: { note: 'checked' } });
    const [wycombe] = await secretary.call('areas.list', { where: { name: 'Wycombe' } });
    if (!wycombe) throw new Error('no Wycombe');
    await secretary.call('areas.update', { id: wycombe.id, version: wycombe.version, changes: { code: 'E07000007' } });
    const [priority] = await secretary.call('priorities.list', {});
    if (!priority) throw new Error('no priority');
    await secretary.call('priorities.update', {
      id: priority.id,
      version: priority.version,
      changes: { sponsor: 'Community Safety Team' },
    });
    await secretary.call('indicators.create', {
      name: 'Hate crime reports',
      unit: 'count',
      ratePer: null,
      denominator: null,
      polarity: 'higher is better',
      source: null,
      definition: null,
      partnerId: null,
    });
    const [tvp] = await secretary.call('partners.list', { where: { shortName: 'TVP' } });
    if (!tvp) throw new Error('no TVP');
    // Its analyst would be left entering nothing: the partner stays while it has one.
    expect(await secretary.fail('partners.delete', { id: tvp.id, version: tvp.version })).toMatchObject({
      code: 'conflict',
      message: 'this partner cannot be deleted: 1 team members still refer to it',
    });
    const next = await secretary.call('meetings.duplicate', { id: JULY_2022, heldOn: '2022-10-20' });
    expect(await secretary.call('meetings.delete', { id: next.id })).toEqual({ deleted: 1 });

    const logged = await loggedSince(from);
    expect(logged.length).toBeGreaterThanOrEqual(6);
    expect(new Set(logged.map((entry) => entry.dbRole))).toEqual(new Set([logins.secretary]));
    expect(logged.map((entry) => entry.tableName)).toEqual(
      expect.arrayContaining(['figure', 'area', 'priority', 'indicator', 'meeting']),
    );
  });
});

describe('the police analyst', () => {
  it('enters and imports the figures of the indicators TVP owns, logged as their login', async () => {
    const from = await lastLogId();
    const before = await figureById(policeFigure.id);
    const updated = await analyst.call('figures.update', {
      id: before.id,
      version: before.version,
      changes: { value: 205 },
    });
    expect(updated.value).toBe(205);
    const written = await analyst.call('figures.write', {
      figures: [writeOf(policeFigure2012, { value: 368, provisional: true, source: 'TVP' })],
    });
    expect(written).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const imported = await analyst.call('imports.run', {
      jobId: randomUUID(),
      job: { kind: 'figures', source: burglaryUpload(203), layout: 'wide-period', indicator: 'Domestic burglary' },
    });
    expect(imported).toMatchObject({ status: 'done', summary: { kind: 'figures', updated: 2 } });
    expect((await figureById(policeFigure.id)).value).toBe(203);
    expect((await figureById(policeFigure2012.id)).value).toBe(367);

    const logged = await loggedSince(from);
    expect(logged.filter((entry) => entry.tableName === 'figure').length).toBeGreaterThanOrEqual(4);
    expect(new Set(logged.map((entry) => entry.dbRole))).toEqual(new Set([logins.analyst]));
  });

  it("is refused another partner's figures, and everything but figures, with nothing written", async () => {
    const council = await figureById(councilFigure.id);
    const police = await figureById(policeFigure.id);
    const logSize = await changeLogSize();
    const refusals = {
      update: await analyst.fail('figures.update', { id: council.id, version: council.version, changes: { value: 1 } }),
      // One of the two is TVP's: all or nothing, so neither is written.
      write: await analyst.fail('figures.write', {
        figures: [writeOf(police, { value: 2 }), writeOf(council, { value: 2 })],
      }),
      delete: await analyst.fail('figures.delete', { ids: [council.id] }),
      // A new figure of the council's indicator (an insert: row-level security's WITH CHECK).
      insert: await analyst.fail('figures.write', {
        figures: [writeOf(council, { periodId: police.periodId, value: 3 })],
      }),
      importOthers: await analyst.fail('imports.run', {
        jobId: randomUUID(),
        job: {
          kind: 'figures',
          source: {
            fileName: 'wardens.csv',
            base64: Buffer.from(
              'indicator,area,period,value\nStreet Warden incidents dealt with,Buckinghamshire,2021/22,1700\n',
            ).toString('base64'),
          },
        },
      }),
    };
    for (const error of Object.values(refusals)) {
      expect(error).toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/only the figures of the indicators your partner owns.*nothing was saved/),
      });
    }
    expect(await figureById(council.id)).toEqual(council);
    expect(await figureById(police.id)).toEqual(police);

    const [wycombe] = await analyst.call('areas.list', { where: { name: 'Wycombe' } });
    const [priority] = await analyst.call('priorities.list', {});
    const wardens = (await analyst.call('indicators.list', {})).find(
      (indicator) => indicator.id === councilIndicatorId,
    );
    if (!wycombe || !priority || !wardens) throw new Error('the demo is missing an area, priority or indicator');
    const others = {
      area: await analyst.fail('areas.update', {
        id: wycombe.id,
        version: wycombe.version,
        changes: { name: 'Wycombe!' },
      }),
      priority: await analyst.fail('priorities.update', {
        id: priority.id,
        version: priority.version,
        changes: { title: 'Ours now' },
      }),
      newIndicator: await analyst.fail('indicators.create', {
        name: 'Knife crime',
        unit: 'count',
        ratePer: null,
        denominator: null,
        polarity: 'lower is better',
        source: 'TVP',
        definition: null,
        partnerId: null,
      }),
      // Taking the council's indicator over would make its figures theirs.
      takeOver: await analyst.fail('indicators.update', {
        id: wardens.id,
        version: wardens.version,
        changes: { partnerId: (await analyst.call('partners.list', { where: { shortName: 'TVP' } }))[0]?.id ?? 0 },
      }),
      meeting: await analyst.fail('meetings.delete', { id: JULY_2022 }),
      createMissing: await analyst.fail('imports.run', {
        jobId: randomUUID(),
        job: {
          kind: 'figures',
          createMissing: true,
          source: {
            fileName: 'knives.csv',
            base64: Buffer.from('indicator,area,period,value\nKnife crime,Wycombe,Apr-Dec 2013,12\n').toString(
              'base64',
            ),
          },
        },
      }),
    };
    expect(others.area).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(
        /^your role on the team database may read area records but not change them; nothing was saved/,
      ),
    });
    for (const error of Object.values(others)) expect(error).toMatchObject({ code: 'forbidden' });
    expect(await analyst.call('meetings.get', { id: JULY_2022 })).toMatchObject({ id: JULY_2022 });
    expect(await changeLogSize()).toBe(logSize);
  });
});

/** Every read the workspace's screens make, with the input each needs. */
function readsOfEveryScreen(): [MethodName, unknown][] {
  const needInput: Partial<Record<MethodName, unknown>> = {
    'meetings.get': { id: MARCH_2014 },
    'pack.versions': { meetingId: MARCH_2014 },
    'pack.build': { meetingId: MARCH_2014, version: 1 },
    'annotations.list': { meetingId: MARCH_2014 },
    'annotations.targets': { meetingId: MARCH_2014, version: 1 },
    'actions.list': { meetingId: MARCH_2014 },
    'views.get': { id: 1 },
    'views.evaluate': { id: 1 },
    'comparison.compare': { indicator: 'Domestic burglary', base: 'Apr-Dec 2012', current: 'Apr-Dec 2013' },
  };
  const listing = METHOD_NAMES.filter(
    (name) => !CONTRACT[name].writes && CONTRACT[name].input.safeParse({}).success && name !== 'files.chooseImport',
  );
  return [...listing.map((name): [MethodName, unknown] => [name, {}]), ...Object.entries(needInput)] as [
    MethodName,
    unknown,
  ][];
}

/** A change of one field for each kind of record the workspace edits. */
const RECORD_CHANGES = {
  plans: { title: 'Retitled' },
  priorities: { title: 'Retitled' },
  activities: { activity: 'Something else' },
  deliveryGroups: { purpose: 'Another purpose' },
  partners: { shortName: 'XX' },
  people: { role: 'Another role' },
  areas: { code: 'E99999999' },
  periods: { note: 'A note' },
  indicators: { definition: 'Another definition' },
  fundingLines: { note: 'A note' },
  grants: { purpose: 'Another purpose' },
  glossary: { definition: 'Another definition' },
} as const;

describe('the reader', () => {
  it("reads every screen's data", async () => {
    const reads = readsOfEveryScreen();
    expect(reads.map(([name]) => name)).toEqual(
      expect.arrayContaining(['figures.list', 'plans.list', 'meetings.list']),
    );
    for (const [name, input] of reads) {
      await expect(reader.call(name, input as never), name).resolves.toBeDefined();
    }
  });

  it('adds, edits, resolves and deletes a note, logged as their login', async () => {
    const from = await lastLogId();
    const [target] = await reader.call('annotations.targets', { meetingId: MARCH_2014, version: 1 });
    if (!target) throw new Error('the issued pack has nothing to annotate');
    const note = await reader.call('annotations.add', {
      meetingId: MARCH_2014,
      version: 1,
      target: target.target,
      text: 'Is the Wycombe figure final?',
      kind: 'question',
    });
    const edited = await reader.call('annotations.edit', { id: note.id, changes: { text: 'Is Wycombe final?' } });
    const resolved = await reader.call('annotations.resolve', { id: note.id });
    expect([edited.text, resolved.resolved, resolved.version]).toEqual(['Is Wycombe final?', true, 3]);
    const other = await reader.call('annotations.add', {
      meetingId: MARCH_2014,
      version: 1,
      target: target.target,
      text: 'x',
    });
    expect(await reader.call('annotations.delete', { id: other.id })).toEqual({ deleted: 1 });
    const logged = await loggedSince(from);
    expect(logged.map((entry) => [entry.tableName, entry.operation])).toEqual([
      ['annotation', 'insert'],
      ['annotation', 'update'],
      ['annotation', 'update'],
      ['annotation', 'insert'],
      ['annotation', 'delete'],
    ]);
    expect(new Set(logged.map((entry) => entry.dbRole))).toEqual(new Set([logins.reader]));
  });

  it('is refused every write of figures and records, with nothing written', async () => {
    const logSize = await changeLogSize();
    const police = await figureById(policeFigure.id);
    const refused: [string, { code: string; message: string }][] = [
      [
        'figures.update',
        await reader.fail('figures.update', { id: police.id, version: police.version, changes: { value: 1 } }),
      ],
      ['figures.write', await reader.fail('figures.write', { figures: [writeOf(police, { value: 1 })] })],
      ['figures.delete', await reader.fail('figures.delete', { ids: [police.id] })],
    ];
    for (const [entity, changes] of Object.entries(RECORD_CHANGES)) {
      const rows = (await reader.call(`${entity}.list` as MethodName, {})) as {
        id: number;
        version: number;
      }[];
      const row = rows.at(-1);
      if (!row) throw new Error(`the demo has no ${entity}`);
      const { id, version, ...fields } = row;
      refused.push([`${entity}.update`, await reader.fail(`${entity}.update` as MethodName, { id, version, changes })]);
      refused.push([`${entity}.delete`, await reader.fail(`${entity}.delete` as MethodName, { id, version })]);
      const created = Object.fromEntries(
        Object.entries(fields).filter(([key]) => key !== 'aliases' && key !== 'updatedAt'),
      );
      refused.push([`${entity}.create`, await reader.fail(`${entity}.create` as MethodName, created)]);
    }
    refused.push(['meetings.delete', await reader.fail('meetings.delete', { id: JULY_2022 })]);
    for (const [name, error] of refused) {
      expect({ name, code: error.code, message: error.message }).toEqual({
        name,
        code: 'forbidden',
        message: expect.stringMatching(/may read .* records but not change them; nothing was saved/),
      });
    }
    expect(await figureById(police.id)).toEqual(police);
    expect(await changeLogSize()).toBe(logSize);
  });
});

describe('PostgreSQL itself, whatever the client sends', () => {
  it("refuses the analyst another partner's figures and every other table", async () => {
    const council = councilFigure.id;
    expect(
      {
        updateOthers: await outcomeOf(analyst.sql('update figure set value = value + 1 where id = $1', [council])),
        moveIntoOurs: await outcomeOf(
          analyst.sql('update figure set indicator_id = $2 where id = $1', [council, policeIndicatorId]),
        ),
        deleteOthers: await outcomeOf(analyst.sql('delete from figure where id = $1', [council])),
        updateEveryFigure: await outcomeOf(analyst.sql('update figure set note = note')),
        insertOthers: await outcomeOf(
          analyst.sql(
            `insert into figure (indicator_id, area_id, period_id, value, provisional, updated_at)
             select $1, area_id, $2, 5, 0, 'now' from figure where id = $3`,
            [councilIndicatorId, policeFigure.periodId, council],
          ),
        ),
        updateOurs: await outcomeOf(analyst.sql('update figure set value = value where id = $1', [policeFigure.id])),
        insertArea: await outcomeOf(analyst.sql(`insert into area (name, kind) values ('Slough', 'district')`)),
        takeOverIndicator: await outcomeOf(
          analyst.sql(
            'update indicator set partner_id = (select partner_id from indicator where id = $2) where id = $1',
            [councilIndicatorId, policeIndicatorId],
          ),
        ),
        changePartner: await outcomeOf(analyst.sql('update team_member set partner_id = null')),
        logAsSomeoneElse: await outcomeOf(
          analyst.sql(
            `insert into change_log (at, actor, db_role, table_name, row_id, operation)
             values ('now', 'x', $1, 'figure', '1', 'update')`,
            [logins.secretary],
          ),
        ),
        rewriteLog: await outcomeOf(analyst.sql(`update change_log set actor = 'nobody'`)),
      },
      'analyst',
    ).toEqual({
      updateOthers: '42501',
      moveIntoOurs: '42501',
      deleteOthers: '42501',
      updateEveryFigure: '42501',
      insertOthers: '42501',
      updateOurs: 'ok 1',
      insertArea: '42501',
      takeOverIndicator: '42501',
      changePartner: '42501',
      logAsSomeoneElse: '42501',
      rewriteLog: '42501',
    });
    await expect(analyst.sql('delete from figure where id = $1', [council])).rejects.toThrow(
      /may change only the figures of the indicators their partner owns/,
    );
    await expect(
      analyst.sql(
        `insert into figure (indicator_id, area_id, period_id, value, provisional, updated_at)
         values ($1, 1, 1, 5, 0, 'now')`,
        [councilIndicatorId],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses the reader every write but notes, and the secretary the log and the team', async () => {
    expect({
      readerFigure: await outcomeOf(reader.sql('update figure set value = 0 where id = $1', [policeFigure.id])),
      readerArea: await outcomeOf(reader.sql(`insert into area (name, kind) values ('Slough', 'district')`)),
      readerMeeting: await outcomeOf(reader.sql('delete from meeting where id = $1', [JULY_2022])),
      readerReads: await outcomeOf(reader.sql('select * from figure')),
      secretaryArea: await outcomeOf(secretary.sql(`insert into area (name, kind) values ('Slough', 'district')`)),
      secretaryRewritesLog: await outcomeOf(secretary.sql('delete from change_log')),
      secretaryPromotes: await outcomeOf(secretary.sql(`update team_member set role = 'secretary'`)),
      secretaryMigrates: await outcomeOf(secretary.sql('create table extra (id integer)')),
    }).toEqual({
      readerFigure: '42501',
      readerArea: '42501',
      readerMeeting: '42501',
      readerReads: expect.stringMatching(/^ok [1-9]/),
      secretaryArea: 'ok 1',
      secretaryRewritesLog: '42501',
      secretaryPromotes: '42501',
      secretaryMigrates: '42501',
    });
  });

  it('lets a login into its own team database only, and only with its password', async () => {
    const other = await newPostgresDatabase();
    try {
      const database = await openDatabase(other.url);
      try {
        await setUpTeamRoles(database.db);
      } finally {
        await database.close();
      }
      await expect(openTeamSession(other.name, logins.secretary, PASSWORD)).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/^your login may not open this team database/),
      });
      await expect(openTeamSession(team.name, logins.secretary, 'not the password')).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/refused the user name or password/),
      });
    } finally {
      await other.drop();
    }
  });
});
