import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { apiOnDatabase, type TestApi } from '../../helpers/api-context';

const paper = (words: string) => ({
  kind: 'paper' as const,
  doc: { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] },
});

async function meetingWithItems(api: TestApi) {
  const meeting = await api.call('meetings.create', {
    title: 'Safer and Stronger Bucks Partnership Board — June 2014',
    board: 'Safer and Stronger Bucks Partnership Board',
    heldOn: '2014-06-11',
    startsAt: '10:00',
    venue: 'County Hall, Aylesbury',
    attendees: [{ name: 'Cllr Martin Phillips', role: 'Chair' }, { name: 'Thames Valley Police' }],
    apologies: [{ name: 'Youth Offending Service' }],
  });
  const welcome = await api.call('agenda.create', { meetingId: meeting.id, title: 'Welcome', content: paper('Hello') });
  const actions = await api.call('agenda.create', {
    meetingId: meeting.id,
    title: 'Action log',
    minutes: 10,
    content: { kind: 'action log' },
  });
  const glossary = await api.call('agenda.create', {
    meetingId: meeting.id,
    title: 'Glossary',
    content: { kind: 'glossary' },
  });
  return { meeting, welcome, actions, glossary };
}

const titles = async (api: TestApi, id: number) =>
  (await api.call('meetings.get', { id })).items.map((item) => `${item.position} ${item.title}`);

describe('meetings', () => {
  it('creates a meeting with its people in order, lists it and logs it', async () => {
    const api = await apiOnDatabase();
    const { meeting } = await meetingWithItems(api);
    expect(meeting).toMatchObject({
      heldOn: '2014-06-11',
      startsAt: '10:00',
      marking: 'OFFICIAL',
      attendees: [
        { name: 'Cllr Martin Phillips', role: 'Chair' },
        { name: 'Thames Valley Police', role: null },
      ],
      apologies: [{ name: 'Youth Offending Service', role: null }],
    });
    const listed = await api.call('meetings.list', {});
    expect(listed.find((entry) => entry.id === meeting.id)).toMatchObject({ itemCount: 3, latestVersion: null });
    expect(api.events).toContainEqual({ type: 'data-changed', tables: ['meetings'] });
    const log = await api.db.selectFrom('changeLog').selectAll().where('tableName', '=', 'meeting').execute();
    expect(log.some((entry) => entry.rowId === String(meeting.id) && entry.actor === 'secretary')).toBe(true);
  });

  it('updates only the fields named, and refuses a bad time', async () => {
    const api = await apiOnDatabase();
    const { meeting } = await meetingWithItems(api);
    const updated = await api.call('meetings.update', { id: meeting.id, changes: { venue: 'The Gateway, Aylesbury' } });
    expect(updated).toMatchObject({
      venue: 'The Gateway, Aylesbury',
      startsAt: '10:00',
      board: 'Safer and Stronger Bucks Partnership Board',
      attendees: meeting.attendees,
      apologies: meeting.apologies,
    });
    expect(await api.fail('meetings.update', { id: meeting.id, changes: { startsAt: '25:00' } })).toMatchObject({
      code: 'invalid-input',
      where: { field: 'changes.startsAt' },
    });
  });

  it('adds, moves, edits and deletes agenda items, keeping the numbering gapless', async () => {
    const api = await apiOnDatabase();
    const { meeting, welcome, actions, glossary } = await meetingWithItems(api);
    await api.call('agenda.create', { meetingId: meeting.id, position: 2, title: 'Apologies', content: paper('None') });
    expect(await titles(api, meeting.id)).toEqual(['1 Welcome', '2 Apologies', '3 Action log', '4 Glossary']);
    const edited = await api.call('agenda.update', { id: actions.id, changes: { presenter: 'Board secretary' } });
    expect(edited).toMatchObject({ title: 'Action log', minutes: 10, presenter: 'Board secretary' });
    await api.call('agenda.delete', { id: welcome.id });
    expect(await titles(api, meeting.id)).toEqual(['1 Apologies', '2 Action log', '3 Glossary']);
    const items = (await api.call('meetings.get', { id: meeting.id })).items;
    const reordered = await api.call('agenda.reorder', {
      meetingId: meeting.id,
      itemIds: [glossary.id, actions.id, items[0]?.id ?? 0],
    });
    expect(reordered.map((item) => `${item.position} ${item.title}`)).toEqual([
      '1 Glossary',
      '2 Action log',
      '3 Apologies',
    ]);
  });

  it('refuses an order that leaves out, repeats or borrows an item, and writes nothing', async () => {
    const api = await apiOnDatabase();
    const { meeting, welcome, actions, glossary } = await meetingWithItems(api);
    const other = await api.call('meetings.create', { title: 'Another', heldOn: '2014-09-10' });
    const stranger = await api.call('agenda.create', { meetingId: other.id, title: 'Elsewhere', content: paper('x') });
    const before = await titles(api, meeting.id);
    const logged = async () => (await api.db.selectFrom('changeLog').select('id').execute()).length;
    const count = await logged();
    const left = await api.fail('agenda.reorder', { meetingId: meeting.id, itemIds: [glossary.id, welcome.id] });
    expect(left).toMatchObject({ code: 'invalid-input', where: { field: 'itemIds' } });
    expect(left.message).toContain('leaves out "Action log"');
    const twice = await api.fail('agenda.reorder', {
      meetingId: meeting.id,
      itemIds: [glossary.id, welcome.id, actions.id, welcome.id],
    });
    expect(twice.message).toContain(`lists item #${welcome.id} twice`);
    const borrowed = await api.fail('agenda.reorder', {
      meetingId: meeting.id,
      itemIds: [glossary.id, welcome.id, actions.id, stranger.id],
    });
    expect(borrowed.message).toContain(`lists #${stranger.id}, not on this meeting's agenda`);
    expect(await titles(api, meeting.id)).toEqual(before);
    expect(await logged()).toBe(count);
  });

  it("duplicates a meeting as next quarter's: same board, venue and agenda, everyone expected", async () => {
    const api = await apiOnDatabase();
    const { meeting } = await meetingWithItems(api);
    const copy = await api.call('meetings.duplicate', { id: meeting.id, heldOn: '2014-09-10' });
    expect(copy).toMatchObject({
      title: 'Safer and Stronger Bucks Partnership Board — September 2014',
      board: meeting.board,
      venue: meeting.venue,
      startsAt: '10:00',
      heldOn: '2014-09-10',
      apologies: [],
    });
    expect(copy.attendees.map((person) => person.name)).toEqual([
      'Cllr Martin Phillips',
      'Thames Valley Police',
      'Youth Offending Service',
    ]);
    expect(copy.items.map((item) => [item.position, item.title, item.kind])).toEqual([
      [1, 'Welcome', 'paper'],
      [2, 'Action log', 'action log'],
      [3, 'Glossary', 'glossary'],
    ]);
    expect(copy.items[0]?.content).toEqual(paper('Hello'));
  });

  it('sets the copy to the next quarter when one is stored', async () => {
    const api = await apiOnDatabase();
    const q1 = await api.call('periods.create', {
      label: 'Q1 2014/15',
      kind: 'quarter',
      startDate: '2014-04-01',
      endDate: '2014-06-30',
      note: null,
    });
    const q2 = await api.call('periods.create', {
      label: 'Q2 2014/15',
      kind: 'quarter',
      startDate: '2014-07-01',
      endDate: '2014-09-30',
      note: null,
    });
    const meeting = await api.call('meetings.create', { title: 'Board', heldOn: '2014-07-09', periodId: q1.id });
    const copy = await api.call('meetings.duplicate', {
      id: meeting.id,
      heldOn: '2014-10-08',
      title: 'Board, October',
    });
    expect(copy).toMatchObject({ title: 'Board, October', periodId: q2.id });
  });

  it('deletes a meeting with its agenda and the actions raised at it, which no later meeting then carries', async () => {
    const api = await apiOnDatabase();
    const { meeting } = await meetingWithItems(api);
    await api.db
      .insertInto('action')
      .values({ meetingId: meeting.id, description: 'Raised here', status: 'open', createdAt: '2014-07-09T10:00:00Z' })
      .execute();
    expect(await api.call('meetings.delete', { id: meeting.id })).toEqual({ deleted: 1 });
    expect(await api.db.selectFrom('agendaItem').where('meetingId', '=', meeting.id).selectAll().execute()).toEqual([]);
    expect(await api.db.selectFrom('action').where('description', '=', 'Raised here').selectAll().execute()).toEqual(
      [],
    );
    const logged = await api.db.selectFrom('changeLog').select('tableName').where('operation', '=', 'delete').execute();
    expect(logged.map((entry) => entry.tableName)).toEqual(['action', 'meeting']);
    expect(await api.fail('meetings.get', { id: meeting.id })).toMatchObject({ code: 'not-found' });
  });
});

describe('attachments', () => {
  it("keeps a partner's PDF with its page count, and refuses a file that is not a PDF", async () => {
    const api = await apiOnDatabase();
    const pdf = await PDFDocument.create();
    pdf.addPage();
    pdf.addPage();
    const base64 = Buffer.from(await pdf.save()).toString('base64');
    const added = await api.call('attachments.add', { title: 'TVP quarterly report', fileName: 'tvp.pdf', base64 });
    expect(added).toMatchObject({ title: 'TVP quarterly report', fileName: 'tvp.pdf', pages: 2 });
    expect(added.bytes).toBeGreaterThan(100);
    expect(await api.call('attachments.list', {})).toEqual([added]);
    const refused = await api.fail('attachments.add', {
      title: 'Not a PDF',
      fileName: 'notes.docx',
      base64: Buffer.from('PK\u0003\u0004 a word file').toString('base64'),
    });
    expect(refused).toMatchObject({
      code: 'invalid-input',
      message: '"notes.docx" cannot be attached: it is not a PDF file',
    });
    const broken = await api.fail('attachments.add', {
      title: 'Broken',
      fileName: 'broken.pdf',
      base64: Buffer.from('%PDF-1.7 and then nothing').toString('base64'),
    });
    expect(broken.message).toContain('"broken.pdf" cannot be attached');
    expect(await api.call('attachments.list', {})).toHaveLength(1);
  });
});
