import { describe, expect, it } from 'vitest';
import type { PackBlock } from '../../../shared/pack/document';
import { apiOnDatabase, type TestApi } from '../../helpers/api-context';
import { meetingTitled, printed, section, tablesOf } from '../../helpers/pack-document';

const DEMO_MEETING = 'Safer and Stronger Bucks Partnership Board — March 2014';

const demoMeeting = (api: TestApi) => meetingTitled(api, DEMO_MEETING);

const fieldTexts = (blocks: readonly PackBlock[]) =>
  blocks.flatMap((block) =>
    block.kind === 'paragraph' ? block.inlines.flatMap((inline) => (inline.kind === 'field' ? [inline.text] : [])) : [],
  );

async function figureId(api: TestApi, indicator: string, area: string, period: string): Promise<number> {
  const row = await api.db
    .selectFrom('figure')
    .innerJoin('indicator', 'indicator.id', 'figure.indicatorId')
    .innerJoin('area', 'area.id', 'figure.areaId')
    .innerJoin('period', 'period.id', 'figure.periodId')
    .select('figure.id')
    .where('indicator.name', '=', indicator)
    .where('area.name', '=', area)
    .where('period.label', '=', period)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('the demo meeting: Safer and Stronger Bucks Partnership Board, March 2014', () => {
  it('builds a cover and one section per agenda item, in order, with no problems', async () => {
    const api = await apiOnDatabase();
    const meeting = await demoMeeting(api);
    const { document, problems } = await api.call('pack.build', { meetingId: meeting.id });
    expect(problems).toEqual([]);
    expect(document.cover).toMatchObject({
      title: DEMO_MEETING,
      dateText: 'Wednesday 12 March 2014, 10:00',
      venue: 'County Hall, Aylesbury',
    });
    expect(document.cover.attendees[0]).toEqual({
      name: 'Cllr Martin Phillips',
      role: 'Cabinet Member for Community Engagement, Buckinghamshire County Council',
    });
    expect(document.cover.apologies).toHaveLength(1);
    expect(document.meta).toMatchObject({
      board: 'Safer and Stronger Bucks Partnership Board',
      quarter: 'Apr-Dec 2013',
    });
    expect(document.sections.map((entry) => [entry.number, entry.kind])).toEqual([
      [1, 'paper'],
      [2, 'paper'],
      [3, 'performance table'],
      [4, 'performance table'],
      [5, 'chart'],
      [6, 'priority progress'],
      [7, 'paper'],
      [8, 'priority progress'],
      [9, 'finance'],
      [10, 'action log'],
      [11, 'glossary'],
    ]);
  });

  it("fills the performance paper's fields with the plan's numbers", async () => {
    const api = await apiOnDatabase();
    const { document } = await api.call('pack.build', { meetingId: (await demoMeeting(api)).id });
    expect(fieldTexts(section(document, 'Performance 2013/14').blocks)).toEqual([
      '2752',
      '+2%',
      '+53',
      '347',
      '438',
      '886',
      '-20%',
      '-222',
      '367',
      '201',
      '-45%',
      '-166',
    ]);
  });

  it("prints both 2013/14 tables as the plan does, computing Wycombe's -166 and noting the printed -116", async () => {
    const api = await apiOnDatabase();
    const { document } = await api.call('pack.build', { meetingId: (await demoMeeting(api)).id });
    const violence = tablesOf(section(document, 'Violence against the person by Local Policing Area').blocks)[0];
    expect(printed(violence)).toEqual([
      ['Aylesbury', '976', '1074', '+98', '+10%', 'Red'],
      ['Chiltern & South Bucks', '720', '684', '-36', '-5%', 'Green'],
      ['Wycombe', '1003', '994', '-9', '-1%', 'Amber'],
      ['Total Buckinghamshire', '2699', '2752', '+53', '+2%', 'Amber'],
    ]);
    const burglary = tablesOf(section(document, 'Domestic burglary by Local Policing Area').blocks)[0];
    expect(burglary?.columns.map((column) => [column.header, column.numeric])).toEqual([
      ['Area', false],
      ['Apr-Dec 2012', true],
      ['Apr-Dec 2013', true],
      ['Difference', true],
      ['% change', true],
      ['Target', true],
      ['RAG', false],
    ]);
    expect(printed(burglary)).toEqual([
      ['Aylesbury', '260', '236', '-24', '-9%', '', 'Green'],
      ['Chiltern & South Bucks', '481', '449', '-32', '-7%', '', 'Green'],
      ['Wycombe', '367', '201', '-166', '-45%', '', 'Green'],
      ['Total Buckinghamshire', '1108', '886', '-222', '-20%', '-2%', 'Green'],
    ]);
    expect(burglary?.rows.map((row) => row.kind)).toEqual(['body', 'body', 'body', 'total']);
    expect(burglary?.rows[2]?.cells[4]?.value).toBeCloseTo(-166 / 367, 12);
    expect(burglary?.rows[3]?.cells[6]).toEqual({ text: 'Green', rag: 'green' });
    expect(burglary?.notes).toContain(
      'Printed figure disagrees: Domestic burglary, Wycombe, Apr-Dec 2012 to Apr-Dec 2013 (367 to 201): printed -116, computed -166.',
    );
    expect(
      burglary?.notes.some((note) => note.startsWith('Domestic burglary (count): Domestic burglaries recorded')),
    ).toBe(true);
  });

  it('draws the burglary chart as SVG with its numbers as a table', async () => {
    const api = await apiOnDatabase();
    const { document } = await api.call('pack.build', { meetingId: (await demoMeeting(api)).id });
    const [block] = section(document, 'Domestic burglary chart').blocks;
    expect(block?.kind).toBe('chart');
    if (block?.kind !== 'chart') return;
    expect(block.chart.svg).toMatch(/^<svg[^>]*role="img"/);
    expect(block.chart.summary).toContain('Wycombe 367 to 201');
    expect(block.chart.table.rows.flat()).toEqual(expect.arrayContaining(['Wycombe', '367', '201']));
  });

  it("shows a priority's activities, latest progress and outcome figure with its RAG", async () => {
    const api = await apiOnDatabase();
    const { document } = await api.call('pack.build', { meetingId: (await demoMeeting(api)).id });
    const measures = section(document, 'Measures of success: reducing acquisitive crime and reducing reoffending');
    const [activities, outcomes] = tablesOf(measures.blocks);
    expect(activities?.rows).toHaveLength(7);
    expect(printed(activities)).toContainEqual([
      'Partnership capacity and support for Integrated Offender Management',
      'Robust management of IOM cohort. IOM cohort change their behaviour',
      'Reduced reoffending of IOM cohort',
      'Reduction in acquisitive crime',
      '',
      'not started',
    ]);
    expect(printed(outcomes)).toEqual([
      ['Domestic burglary', 'Apr-Dec 2013', '886', 'Apr-Dec 2012: 1108', '-20%', 'Green'],
    ]);
    const progress = section(document, 'Progress: reducing acquisitive crime and reoffending (2013/14)');
    expect(progress.blocks).toContainEqual({ kind: 'heading', level: 2, text: 'Progress, Apr-Dec 2013' });
    expect(progress.blocks[0]).toMatchObject({
      kind: 'facts',
      facts: expect.arrayContaining([{ label: 'RAG', value: 'Green' }]),
    });
  });

  it("shows the spending plan by source with the BCC total's £277,000 against the stated £246,000", async () => {
    const api = await apiOnDatabase();
    const { document } = await api.call('pack.build', { meetingId: (await demoMeeting(api)).id });
    const [lines, totals, checks] = tablesOf(section(document, 'Draft Safer Bucks Spending Plan 2014/15').blocks);
    expect(lines?.rows).toHaveLength(16);
    expect(printed(totals)).toEqual([
      ['BCC', '7', '£247,000'],
      ['BCC Trading Standards', '1', '£30,000'],
      ['CADEX', '1', '£300,000'],
      ['CSF/PCC', '7', '£501,000'],
      ['Total', '16', '£1,078,000'],
    ]);
    expect(totals?.rows[4]?.cells[2]).toEqual({ text: '£1,078,000', value: 107_800_000 });
    expect(printed(checks)).toEqual([
      ['2014/15 BCC expected budget', '£246,000', '£277,000', 'Disagrees'],
      ['2014/15 PCC expected budget', '£501,000', '£501,000', 'Agrees'],
    ]);
    expect(checks?.notes[0]).toBe(
      'Disagrees: 2014/15 BCC expected budget: lines add to £277,000, stated £246,000 (difference £31,000).',
    );
  });

  it('lists open actions, those closed by the meeting, and only the glossary terms the pack uses', async () => {
    const api = await apiOnDatabase();
    const { document } = await api.call('pack.build', { meetingId: (await demoMeeting(api)).id });
    const [open, closed] = tablesOf(section(document, 'Action log').blocks);
    expect(open?.rows).toHaveLength(4);
    expect(printed(closed).map((row) => row[3])).toEqual(['Done 1 January 2014', 'Done 31 October 2013']);
    const [glossary] = tablesOf(section(document, 'Glossary').blocks);
    const terms = printed(glossary).map((row) => row[0]);
    // CAADA, DAAT, MARAC, NPS and the rest appear in the plan, not in this pack.
    expect(terms).toEqual(['ASB', 'CSF', 'DV', 'GMAP', 'IDVA', 'IOM', 'LPA', 'PCC', 'SSBPB', 'YOS']);
  });

  it('marks an open action past its due date as overdue', async () => {
    const api = await apiOnDatabase();
    const meeting = await demoMeeting(api);
    await api.db
      .insertInto('action')
      .values({
        meetingId: meeting.id,
        agendaItemId: null,
        priorityId: null,
        description: 'Circulate the draft plan to district partnerships',
        owner: 'Community Safety Team',
        dueOn: '2014-02-28',
        status: 'open',
        createdAt: '2014-01-15T09:00:00.000Z',
        closedOn: null,
        source: 'test',
      })
      .execute();
    const { document } = await api.call('pack.build', { meetingId: meeting.id });
    const log = section(document, 'Action log');
    const [open] = tablesOf(log.blocks);
    const row = open?.rows.find((candidate) => candidate.cells[0]?.text.startsWith('Circulate'));
    expect(row?.cells[3]).toEqual({ text: 'Open: overdue', rag: 'red' });
    expect(log.blocks).toContainEqual({ kind: 'note', text: '1 open action is past the due date.' });
  });
});

describe('a broken data reference', () => {
  it('names the field with suggestions, and blocks issue and export', async () => {
    const api = await apiOnDatabase();
    const meeting = await demoMeeting(api);
    const source = '{{figure "Domestic burglery" "Total Bucks" "Apr-Dec 2013"}}';
    await api.call('agenda.create', {
      meetingId: meeting.id,
      title: 'Late paper',
      content: {
        kind: 'paper',
        doc: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: `There were ${source}.` }] }],
        },
      },
    });
    const built = await api.call('pack.build', { meetingId: meeting.id });
    expect(built.problems).toEqual([
      {
        sectionId: expect.stringMatching(/^item:\d+$/) as string,
        sectionTitle: 'Late paper',
        source,
        message: `the field ${source} cannot be filled: unknown indicator "Domestic burglery"; did you mean "Domestic burglary", "Robbery rate", "Burglary rate"?`,
      },
    ]);
    const field = section(built.document, 'Late paper').blocks[0];
    expect(field).toMatchObject({ kind: 'paragraph', inlines: [{}, { kind: 'field', text: null, source }, {}] });
    const issue = await api.fail('pack.issue', { meetingId: meeting.id });
    expect(issue).toMatchObject({ code: 'invalid-input', where: { field: source } });
    expect(issue.message).toContain('the pack cannot be issued while it has 1 problem: Late paper: the field');
    const exported = await api.fail('pack.export', { meetingId: meeting.id, format: 'html' });
    expect(exported.message).toContain('unknown indicator "Domestic burglery"');
    expect(await api.call('pack.versions', { meetingId: meeting.id })).toEqual([]);
  });
});

describe('issuing', () => {
  it('freezes v1, keeps its numbers after a figure changes, compares it with the draft and issues v2', async () => {
    const api = await apiOnDatabase();
    const meeting = await demoMeeting(api);
    const v1 = await api.call('pack.issue', { meetingId: meeting.id });
    expect(v1).toMatchObject({ number: 1, issuedBy: 'secretary', issuedAt: '2026-11-26T10:00:00.000Z' });
    expect(api.events).toContainEqual({ type: 'data-changed', tables: ['pack'] });

    await api.call('figures.update', {
      id: await figureId(api, 'Domestic burglary', 'Wycombe', 'Apr-Dec 2013'),
      version: 1,
      changes: { value: 251 },
    });

    const frozen = await api.call('pack.build', { meetingId: meeting.id, version: 1 });
    expect(frozen.document.meta).toMatchObject({ version: 1, issuedAt: '2026-11-26T10:00:00.000Z' });
    const frozenTable = tablesOf(section(frozen.document, 'Domestic burglary by Local Policing Area').blocks)[0];
    expect(printed(frozenTable)[2]).toEqual(['Wycombe', '367', '201', '-166', '-45%', '', 'Green']);
    expect(printed(frozenTable)[3]).toEqual(['Total Buckinghamshire', '1108', '886', '-222', '-20%', '-2%', 'Green']);

    const draft = await api.call('pack.build', { meetingId: meeting.id });
    const draftTable = tablesOf(section(draft.document, 'Domestic burglary by Local Policing Area').blocks)[0];
    expect(printed(draftTable)[2]?.slice(0, 5)).toEqual(['Wycombe', '367', '251', '-116', '-32%']);
    expect(printed(draftTable)[3]?.slice(0, 5)).toEqual(['Total Buckinghamshire', '1108', '936', '-172', '-16%']);

    const diff = await api.call('pack.compare', { meetingId: meeting.id, from: 1 });
    expect(diff).toMatchObject({ from: 'v1', to: 'draft' });
    expect(diff.changes).toContainEqual({
      sectionId: section(draft.document, 'Domestic burglary by Local Policing Area').id,
      sectionTitle: 'Domestic burglary by Local Policing Area',
      where:
        "Table 'Domestic burglary by Local Policing Area, Apr-Dec 2012 to Apr-Dec 2013', row Wycombe, column Apr-Dec 2013",
      kind: 'number',
      before: '201',
      after: '251',
    });
    expect(
      diff.changes.filter(
        (change) =>
          change.where === 'Paragraph 4, field: Domestic burglary, Wycombe, Apr-Dec 2012 to Apr-Dec 2013 (difference)',
      ),
    ).toEqual([expect.objectContaining({ kind: 'number', before: '-166', after: '-116' })]);

    const v2 = await api.call('pack.issue', { meetingId: meeting.id });
    expect(v2.number).toBe(2);
    expect((await api.call('pack.versions', { meetingId: meeting.id })).map((version) => version.number)).toEqual([
      1, 2,
    ]);
    const between = await api.call('pack.compare', { meetingId: meeting.id, from: 1, to: 2 });
    expect(between.to).toBe('v2');
    expect(between.changes.length).toBeGreaterThan(3);
    expect((await api.call('meetings.list', {})).find((entry) => entry.id === meeting.id)?.latestVersion).toBe(2);
    expect(await api.fail('pack.build', { meetingId: meeting.id, version: 3 })).toMatchObject({
      code: 'not-found',
      message: 'this meeting has no issued version 3',
    });
  });

  it('exports an issued version as the same HTML after the figures change', async () => {
    const api = await apiOnDatabase();
    const meeting = await demoMeeting(api);
    await api.call('pack.issue', { meetingId: meeting.id });
    const before = await api.call('pack.export', { meetingId: meeting.id, version: 1, format: 'html' });
    await api.call('figures.update', {
      id: await figureId(api, 'Domestic burglary', 'Wycombe', 'Apr-Dec 2013'),
      version: 1,
      changes: { value: 251 },
    });
    const after = await api.call('pack.export', { meetingId: meeting.id, version: 1, format: 'html' });
    expect(after.content).toBe(before.content);
    expect(before.content).toContain('-166');
    const draft = await api.call('pack.export', { meetingId: meeting.id, format: 'html' });
    expect(draft.content).not.toBe(before.content);
  });
});
