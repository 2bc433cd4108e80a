import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import type { Annotation } from '../../../shared/api/notes-contract';
import type { LocatedTarget } from '../../../shared/notes/targets';
import { notesFileText, type NotesFileContent } from '../../../electron/exchange/notes-file';
import { tempPath } from '../../helpers/temp-files';
import {
  MARCH_2014,
  apiOnFile,
  chairPackFile,
  counts,
  exportNotes,
  importNotes,
  secretary,
  secretaryFile,
  textOf,
  type FileApi,
} from './notes-fixture';

const V1 = { meetingId: MARCH_2014, version: 1 } as const;
const NONE = { added: 0, updated: 0, conflicted: 0, deleted: 0, unchanged: 0 };

const note = (api: FileApi, target: string, text: string, extra: Record<string, unknown> = {}) =>
  api.call('annotations.add', { ...V1, target, text, ...extra });

const listed = (api: FileApi, includeResolved = false) => api.call('annotations.list', { ...V1, includeResolved });

async function rowCount(api: FileApi, table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(api.db);
  return result.rows[0]?.n ?? 0;
}

/** Every table's row count: what a refused import must leave exactly as it was. */
async function snapshot(api: FileApi): Promise<Record<string, number>> {
  const tables = await api.db.introspection.getTables({ withInternalKyselyTables: true });
  const entries: [string, number][] = [];
  for (const table of tables) entries.push([table.name, await rowCount(api, table.name)]);
  return Object.fromEntries(entries);
}

/** Twenty elements of every kind, spread through the pack. */
function twentyElements(targets: readonly LocatedTarget[]): LocatedTarget[] {
  const ofKind = (kind: LocatedTarget['kind'], count: number) =>
    targets.filter((target) => target.kind === kind).slice(0, count);
  return [
    ...ofKind('item', 6),
    ...ofKind('priority', 2),
    ...ofKind('activity', 4),
    ...ofKind('row', 4),
    ...ofKind('figure', 4),
  ];
}

const byId = (notes: readonly Annotation[], id: string) => notes.find((candidate) => candidate.id === id);

describe('annotations on an issued pack', () => {
  it('puts a note on each kind of element, named as the pack prints it', async () => {
    const office = await secretary();
    const item = await note(office, 'item:4', 'Why did Wycombe fall so far?', { kind: 'question' });
    expect(item).toMatchObject({
      meetingId: MARCH_2014,
      packVersion: 1,
      target: 'item:4',
      targetKind: 'item',
      sectionId: 'item:4',
      targetLabel: 'Item 4 Domestic burglary by Local Policing Area',
      author: 'secretary',
      kind: 'question',
      rag: null,
      shared: true,
      resolved: false,
      version: 1,
      conflict: null,
    });
    const figure = await note(office, 'figure:item:4:table:1/6:area:7/5', 'The plan prints −116', {
      kind: 'proposed rag',
      rag: 'amber',
      author: 'Cllr Jane Chair',
    });
    expect(figure).toMatchObject({
      targetLabel: 'Item 4 Domestic burglary by Local Policing Area: Wycombe, % change (-45%)',
      rag: 'amber',
      author: 'Cllr Jane Chair',
    });
    expect(await note(office, 'priority:16', 'On track')).toMatchObject({
      sectionId: 'item:8',
      targetLabel: expect.stringContaining('Priority 6.2 Reducing acquisitive crime'),
    });
    // A row of activities is its activity: the one id the app shows for it.
    expect((await note(office, 'row:item:8:table:1/activity:9', 'Good')).target).toBe('activity:9');
    expect((await note(office, 'row:item:9:table:2/source:CSF/PCC', 'Confirmed?')).targetLabel).toContain('CSF/PCC');
    expect(await listed(office)).toHaveLength(5);
  });

  it('refuses an element the version does not have, naming it, and writes nothing', async () => {
    const office = await secretary();
    const before = await snapshot(office);
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ target: 'item:99' }, 'not-found', 'cannot annotate "item:99": this pack has no agenda item item:99'],
      [{ target: 'priority:1' }, 'not-found', 'no priority-progress item of this pack shows that priority'],
      [{ target: 'activity:999' }, 'not-found', 'no table of this pack lists that activity'],
      [{ target: 'figure:item:4:table:1/6:area:7/1' }, 'not-found', 'column 1 (Area)'],
      [{ target: 'row:item:4:table:1/6:area:99' }, 'not-found', 'has no row "6:area:99"'],
      [{ target: 'page:3' }, 'invalid-input', '"page:3" is not an annotation target'],
      [{ target: 'item:4', version: 2 }, 'not-found', 'this meeting has no issued version 2'],
      [{ target: 'item:4', kind: 'proposed rag' }, 'invalid-input', 'a proposed RAG note names red, amber or green'],
    ];
    for (const [input, code, message] of refusals) {
      const error = await office.fail('annotations.add', { ...V1, text: 'A note', ...input });
      expect(error.code, message).toBe(code);
      expect(error.message).toContain(message);
    }
    expect(await snapshot(office)).toEqual(before);
  });

  it('edits, resolves, reopens and deletes: each change one version more, each logged', async () => {
    const office = await secretary();
    const added = await note(office, 'item:2', 'First thoughts');
    const edited = await office.call('annotations.edit', { id: added.id, changes: { text: 'Second thoughts' } });
    expect(edited).toMatchObject({ text: 'Second thoughts', version: 2 });
    expect(edited.updatedAt > added.updatedAt).toBe(true);
    // No change is no new version.
    expect(await office.call('annotations.edit', { id: added.id, changes: { text: 'Second thoughts' } })).toEqual(
      edited,
    );
    const rag = await office.call('annotations.edit', { id: added.id, changes: { kind: 'proposed rag', rag: 'red' } });
    expect(rag).toMatchObject({ kind: 'proposed rag', rag: 'red', version: 3 });
    expect((await office.call('annotations.edit', { id: added.id, changes: { kind: 'comment' } })).rag).toBeNull();

    const resolved = await office.call('annotations.resolve', { id: added.id, resolved: true });
    expect(resolved).toMatchObject({ resolved: true, version: 5 });
    expect(await listed(office)).toEqual([]);
    expect(await listed(office, true)).toEqual([resolved]);
    expect(await office.call('annotations.resolve', { id: added.id, resolved: false })).toMatchObject({
      resolved: false,
      version: 6,
    });

    expect(await office.call('annotations.delete', { id: added.id })).toEqual({ deleted: 1 });
    expect(await office.fail('annotations.edit', { id: added.id, changes: { text: 'x' } })).toMatchObject({
      code: 'not-found',
    });
    // Never exchanged, so nothing needs to travel: no tombstone.
    expect(await rowCount(office, 'annotation_tombstone')).toBe(0);
    const log = await office.db
      .selectFrom('changeLog')
      .select(['operation', 'actor'])
      .where('tableName', '=', 'annotation')
      .where('rowId', '=', added.id)
      .orderBy('id')
      .execute();
    expect(log.map((entry) => entry.operation)).toEqual([
      'insert',
      'update',
      'update',
      'update',
      'update',
      'update',
      'delete',
    ]);
    expect(new Set(log.map((entry) => entry.actor))).toEqual(new Set(['secretary']));
  });

  it('lists every element of a version with the id add takes', async () => {
    const office = await secretary();
    const targets = await office.call('annotations.targets', V1);
    const kinds = new Set(targets.map((target) => target.kind));
    expect(kinds).toEqual(new Set(['item', 'priority', 'activity', 'row', 'figure']));
    expect(new Set(targets.map((target) => target.target)).size).toBe(targets.length);
    expect(targets.filter((target) => target.kind === 'item')).toHaveLength(11);
    expect(targets.filter((target) => target.kind === 'priority').map((target) => target.target)).toEqual([
      'priority:9',
      'priority:16',
    ]);
    for (const target of twentyElements(targets)) {
      expect((await note(office, target.target, 'noted')).targetLabel).toBe(target.label);
    }
  });
});

describe('the reviewer’s pack file', () => {
  it('holds the meeting, its agenda, the one version and the attachments it lists: nothing else', async () => {
    const office = await secretary();
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const base64 = Buffer.from(await pdf.save()).toString('base64');
    const listedPdf = await office.call('attachments.add', { title: 'TVP report', fileName: 'tvp.pdf', base64 });
    await office.call('attachments.add', { title: 'Unrelated', fileName: 'other.pdf', base64 });
    await office.call('agenda.create', {
      meetingId: MARCH_2014,
      title: 'Thames Valley Police report',
      content: { kind: 'attachment', attachmentId: listedPdf.id },
    });
    const v2 = await office.call('pack.issue', { meetingId: MARCH_2014 });
    expect(v2.number).toBe(2);

    const chair = await chairPackFile(office, 2);
    expect(chair.path.endsWith('2014-03-12 Safer and Stronger Bucks Partnership Board pack v2.boardpack')).toBe(true);
    const rows = await snapshot(chair);
    const holding = Object.fromEntries(Object.entries(rows).filter(([, count]) => count > 0));
    const people = await office.db
      .selectFrom('meetingPerson')
      .select('id')
      .where('meetingId', '=', MARCH_2014)
      .execute();
    expect(holding).toEqual({
      meeting: 1,
      ...(people.length > 0 ? { meeting_person: people.length } : {}),
      agenda_item: 12,
      pack_version: 1,
      attachment: 1,
      pack_file: 1,
      database_identity: 1,
      kysely_migration: Object.keys(MIGRATIONS).length,
      kysely_migration_lock: 1,
    });
    for (const empty of ['figure', 'area', 'indicator', 'plan', 'priority', 'change_log', 'period', 'action']) {
      expect(rows[empty], empty).toBe(0);
    }
    const attachment = await chair.db.selectFrom('attachment').select(['id', 'title']).execute();
    expect(attachment).toEqual([{ id: listedPdf.id, title: 'TVP report' }]);

    const snapshotOf = (api: FileApi) =>
      api.db.selectFrom('packVersion').select(['number', 'snapshot']).where('number', '=', 2).executeTakeFirst();
    expect(await snapshotOf(chair)).toEqual(await snapshotOf(office));
    const [packFile, officeId, chairId] = await Promise.all([
      chair.db.selectFrom('packFile').selectAll().executeTakeFirstOrThrow(),
      office.db.selectFrom('databaseIdentity').select('id').executeTakeFirstOrThrow(),
      chair.db.selectFrom('databaseIdentity').select('id').executeTakeFirstOrThrow(),
    ]);
    expect(packFile).toMatchObject({ sourceDatabaseId: officeId.id, meetingId: MARCH_2014, version: 2 });
    expect(packFile.reviewer).toBe('Jane Chair');
    expect(chairId.id).not.toBe(officeId.id);

    // The same repositories and exports read it: the version prints the same pack.
    const html = { meetingId: MARCH_2014, version: 2, format: 'html' } as const;
    expect((await chair.call('pack.export', html)).content).toBe((await office.call('pack.export', html)).content);
    expect(await chair.call('meetings.list', {})).toEqual([
      expect.objectContaining({ id: MARCH_2014, itemCount: 12, latestVersion: 2 }),
    ]);
  });

  it('refuses every write but annotations, saying it is a reviewer’s pack file', async () => {
    const office = await secretary();
    const chair = await chairPackFile(office);
    const notes = tempPath('any.boardnotes');
    writeFileSync(notes, '{}');
    const before = await snapshot(chair);
    const writes: [string, unknown][] = [
      ['meetings.update', { id: MARCH_2014, changes: { title: 'Renamed' } }],
      ['agenda.delete', { id: 1 }],
      ['pack.issue', { meetingId: MARCH_2014 }],
      ['glossary.create', { term: 'PCC', definition: 'Police and Crime Commissioner' }],
      ['figures.delete', { ids: [1] }],
      ['exchange.importNotes', { source: { path: notes } }],
      ['annotations.settleConflict', { id: '556eecd9-5991-4876-9f95-27cac9949226', keep: 'here' }],
      [
        'imports.run',
        {
          jobId: '6f1c1b9e-7a53-4a3c-9a77-0f7d8f3c1d2e',
          job: { kind: 'population', source: { path: notes } },
        },
      ],
    ];
    for (const [name, input] of writes) {
      const error = await chair.fail(name, input);
      expect(error.code, name).toBe('read-only');
      expect(error.message).toBe(
        'this is a reviewer\'s pack file (.boardpack) of version 1 of "Safer and Stronger Bucks Partnership Board — March 2014": only annotations can be added or changed in it',
      );
    }
    const again = await chair.fail('exchange.exportPackFile', { ...V1, reviewer: 'Someone else' });
    expect(again.code).toBe('read-only');
    expect(await snapshot(chair)).toEqual(before);

    expect(await chair.call('exchange.packFile', {})).toMatchObject({
      meetingId: MARCH_2014,
      meetingTitle: 'Safer and Stronger Bucks Partnership Board — March 2014',
      version: 1,
      reviewer: 'Jane Chair',
    });
    expect(await office.call('exchange.packFile', {})).toBeNull();
    // Reading works, and the reviewer's notes are theirs by default.
    expect((await chair.call('pack.build', V1)).document.meta.version).toBe(1);
    expect((await note(chair, 'item:3', 'Noted')).author).toBe('Jane Chair');
  });

  it('exports notes only from a pack file', async () => {
    const office = await secretary();
    expect(await office.fail('exchange.exportNotes', {})).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining("annotations are exported from a reviewer's pack file"),
    });
  });
});

describe('the round trip', () => {
  it('the chair annotates 20 elements and edits 3 twice; imported twice, exactly 20 notes with the latest text', async () => {
    const office = await secretary();
    const chair = await chairPackFile(office);
    const elements = twentyElements(await chair.call('annotations.targets', V1));
    expect(elements).toHaveLength(20);
    const ids: string[] = [];
    for (const [index, element] of elements.entries()) {
      const added = await note(chair, element.target, `Note ${index + 1}`, {
        kind: index % 4 === 0 ? 'question' : 'comment',
      });
      ids.push(added.id);
    }
    for (const id of ids.slice(0, 3)) {
      await chair.call('annotations.edit', { id, changes: { text: 'Second draft' } });
      await chair.call('annotations.edit', { id, changes: { text: `Final word on ${id.slice(0, 8)}` } });
    }
    const file = await exportNotes(chair);

    expect(counts(await importNotes(office, file))).toEqual({ ...NONE, added: 20 });
    const second = await importNotes(office, file);
    expect(counts(second)).toEqual({ ...NONE, unchanged: 20 });
    expect(second).toMatchObject({ meetingId: MARCH_2014, version: 1, reviewer: 'Jane Chair' });

    const notes = await listed(office);
    expect(notes).toHaveLength(20);
    expect(await rowCount(office, 'annotation')).toBe(20);
    expect(notes.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    for (const id of ids.slice(0, 3)) {
      expect(byId(notes, id)).toMatchObject({ text: `Final word on ${id.slice(0, 8)}`, version: 3 });
    }
    expect(notes.map((entry) => entry.targetLabel).sort()).toEqual(elements.map((element) => element.label).sort());
    expect(new Set(notes.map((entry) => entry.author))).toEqual(new Set(['Jane Chair']));
  });

  it('a later file updates what the chair changed and leaves the rest', async () => {
    const office = await secretary();
    const chair = await chairPackFile(office);
    const first = await note(chair, 'item:2', 'Performance is good');
    const second = await note(chair, 'item:3', 'Violence is flat');
    const firstFile = await exportNotes(chair, 'first.boardnotes');
    await importNotes(office, firstFile);
    await chair.call('annotations.edit', { id: first.id, changes: { text: 'Performance is mixed' } });
    await chair.call('annotations.resolve', { id: second.id, resolved: true });
    const later = await exportNotes(chair, 'later.boardnotes');
    expect(counts(await importNotes(office, later))).toEqual({ ...NONE, updated: 2 });
    const notes = await listed(office, true);
    expect(byId(notes, first.id)).toMatchObject({ text: 'Performance is mixed', version: 2, conflict: null });
    expect(byId(notes, second.id)).toMatchObject({ resolved: true, version: 2 });
    // The older file, imported after the newer one, changes nothing.
    expect(counts(await importNotes(office, firstFile))).toEqual({ ...NONE, unchanged: 2 });
    expect(byId(await listed(office, true), first.id)?.text).toBe('Performance is mixed');
  });

  it('keeps a note edited on both sides twice, flagged, unchanged on re-import, until settled', async () => {
    const office = await secretary();
    const chair = await chairPackFile(office);
    const shared = await note(chair, 'item:6', 'Priority 2 is on track');
    const other = await note(chair, 'item:7', 'Agree the priorities');
    expect(counts(await importNotes(office, await exportNotes(chair, 'one.boardnotes')))).toEqual({
      ...NONE,
      added: 2,
    });

    await office.call('annotations.edit', { id: shared.id, changes: { text: 'Secretary: the IOM figures lag' } });
    await chair.call('annotations.edit', { id: shared.id, changes: { text: 'Chair: ask about IOM' } });
    const two = await exportNotes(chair, 'two.boardnotes');
    expect(counts(await importNotes(office, two))).toEqual({ ...NONE, conflicted: 1, unchanged: 1 });
    expect(counts(await importNotes(office, two))).toEqual({ ...NONE, unchanged: 2 });

    let notes = await listed(office);
    expect(notes).toHaveLength(3);
    const here = byId(notes, shared.id);
    expect(here).toMatchObject({ text: 'Secretary: the IOM figures lag', conflict: { kind: 'edited on both sides' } });
    const copyId = here?.conflict?.kind === 'edited on both sides' ? here.conflict.incomingCopyId : '';
    expect(byId(notes, copyId)).toMatchObject({
      text: 'Chair: ask about IOM',
      author: 'Jane Chair',
      target: 'item:6',
      conflict: { kind: 'incoming copy', noteId: shared.id },
    });
    expect(byId(notes, other.id)?.conflict).toBeNull();
    expect(await office.fail('annotations.edit', { id: copyId, changes: { text: 'x' } })).toMatchObject({
      code: 'conflict',
    });

    // The chair changes it again: the copy follows, still one copy.
    await chair.call('annotations.edit', { id: shared.id, changes: { text: 'Chair: ask about IOM, and GMAP' } });
    const three = await exportNotes(chair, 'three.boardnotes');
    expect(counts(await importNotes(office, three))).toEqual({ ...NONE, conflicted: 1, unchanged: 1 });
    notes = await listed(office);
    expect(notes).toHaveLength(3);
    expect(byId(notes, copyId)).toMatchObject({ text: 'Chair: ask about IOM, and GMAP', version: 3 });

    // Taking the chair's version: one note again, and the same file changes nothing.
    const settled = await office.call('annotations.settleConflict', { id: copyId, keep: 'incoming' });
    expect(settled).toMatchObject({ id: shared.id, text: 'Chair: ask about IOM, and GMAP', conflict: null });
    expect(await listed(office)).toHaveLength(2);
    expect(counts(await importNotes(office, three))).toEqual({ ...NONE, unchanged: 2 });
  });

  it('keeping the note here is not overwritten silently by the next change from its author', async () => {
    const office = await secretary();
    const chair = await chairPackFile(office);
    const shared = await note(chair, 'item:4', 'Burglary down 20%');
    await importNotes(office, await exportNotes(chair, 'one.boardnotes'));
    await office.call('annotations.edit', { id: shared.id, changes: { text: 'Secretary: and −45% in Wycombe' } });
    await chair.call('annotations.edit', { id: shared.id, changes: { text: 'Chair: good news' } });
    const two = await exportNotes(chair, 'two.boardnotes');
    await importNotes(office, two);
    const kept = await office.call('annotations.settleConflict', { id: shared.id, keep: 'here' });
    expect(kept).toMatchObject({ text: 'Secretary: and −45% in Wycombe', conflict: null });
    expect(await listed(office)).toHaveLength(1);
    expect(counts(await importNotes(office, two))).toEqual({ ...NONE, unchanged: 1 });

    await chair.call('annotations.edit', { id: shared.id, changes: { text: 'Chair: very good news' } });
    expect(counts(await importNotes(office, await exportNotes(chair, 'three.boardnotes')))).toEqual({
      ...NONE,
      conflicted: 1,
    });
    expect(await listed(office)).toHaveLength(2);
  });

  it('removes a note its author deleted; keeps and flags one edited here since', async () => {
    const office = await secretary();
    const chair = await chairPackFile(office);
    const gone = await note(chair, 'item:9', 'Spending adds up?');
    const edited = await note(chair, 'item:10', 'Any overdue actions?');
    const kept = await note(chair, 'item:11', 'Glossary fine');
    const first = await exportNotes(chair, 'first.boardnotes');
    expect(counts(await importNotes(office, first))).toEqual({ ...NONE, added: 3 });

    await office.call('annotations.edit', { id: edited.id, changes: { text: 'Secretary: two are overdue' } });
    await chair.call('annotations.delete', { id: gone.id });
    await chair.call('annotations.delete', { id: edited.id });
    const second = await exportNotes(chair, 'second.boardnotes');
    expect(JSON.parse(textOf(second))).toMatchObject({ content: { notes: [{ id: kept.id }] } });
    expect(counts(await importNotes(office, second))).toEqual({ ...NONE, deleted: 1, conflicted: 1, unchanged: 1 });
    let notes = await listed(office);
    expect(notes.map((entry) => entry.id).sort()).toEqual([edited.id, kept.id].sort());
    expect(byId(notes, edited.id)?.conflict).toEqual({ kind: 'deleted by its author', deletedVersion: 1 });

    // Again, and the older file after it: the deleted note does not come back.
    expect(counts(await importNotes(office, second))).toEqual({ ...NONE, unchanged: 3 });
    expect(counts(await importNotes(office, first))).toEqual({ ...NONE, unchanged: 3 });
    expect(await listed(office)).toHaveLength(2);

    expect(await office.call('annotations.settleConflict', { id: edited.id, keep: 'incoming' })).toBeNull();
    notes = await listed(office);
    expect(notes.map((entry) => entry.id)).toEqual([kept.id]);
  });

  it('never sends a private note; withdraws one made private after it was shared', async () => {
    const office = await secretary();
    const chair = await chairPackFile(office);
    const secret = await note(chair, 'item:1', 'Remember to thank the venue', { shared: false });
    const open = await note(chair, 'item:2', 'Performance paper is clear');
    const firstFile = await exportNotes(chair, 'first.boardnotes');
    const first = JSON.parse(textOf(firstFile)) as { content: NotesFileContent };
    expect(first.content.notes.map((entry) => entry.id)).toEqual([open.id]);
    expect(first.content.deleted).toEqual([]);
    expect(textOf(firstFile)).not.toContain(secret.id);
    expect(textOf(firstFile)).not.toContain('Remember to thank the venue');
    expect(counts(await importNotes(office, firstFile))).toEqual({ ...NONE, added: 1 });

    await chair.call('annotations.edit', { id: open.id, changes: { shared: false } });
    const second = await exportNotes(chair, 'second.boardnotes');
    expect(textOf(second)).not.toContain('Performance paper is clear');
    expect(counts(await importNotes(office, second))).toEqual({ ...NONE, deleted: 1 });
    expect(await listed(office)).toEqual([]);
  });
});

describe('refused files: named, and nothing written', () => {
  /** The chair's notes on v1 of the office's pack, as a file. */
  async function chairNotes(office: FileApi): Promise<string> {
    const chair = await chairPackFile(office);
    await note(chair, 'item:4', 'A question on burglary', { kind: 'question' });
    return exportNotes(chair);
  }

  /** The file rewritten with changed content and a correct checksum: a file for another pack, say. */
  function rewritten(path: string, change: (content: NotesFileContent) => NotesFileContent): string {
    const { content } = JSON.parse(textOf(path)) as { content: NotesFileContent };
    const out = tempPath('rewritten.boardnotes');
    writeFileSync(out, notesFileText(change(content)));
    return out;
  }

  async function refusedBy(office: FileApi, input: Record<string, unknown>, code: string, message: string) {
    const before = await snapshot(office);
    const error = await office.fail('exchange.importNotes', input);
    const source = input.source as { path?: string; fileName?: string };
    expect(error, message).toMatchObject({ code, where: { file: source.path ?? source.fileName } });
    expect(error.message).toContain(message);
    expect(await snapshot(office)).toEqual(before);
  }

  it('refuses a file from another database', async () => {
    const other = await apiOnFile(await secretaryFile(), 'elsewhere');
    await sql`update database_identity set id = 'another-database'`.execute(other.db);
    const path = await chairNotes(other);
    const office = await secretary();
    await refusedBy(office, { source: { path } }, 'conflict', 'from another Boardpack database, not this one');
  });

  it('refuses a file for another meeting or another version', async () => {
    const office = await secretary();
    const path = await chairNotes(office);
    await refusedBy(office, { source: { path }, meetingId: 2 }, 'conflict', 'holds notes on another meeting');
    await office.call('pack.issue', { meetingId: MARCH_2014 });
    await refusedBy(office, { source: { path }, version: 2 }, 'conflict', 'not version 2');
    const forV2 = rewritten(path, (content) => ({ ...content, pack: { ...content.pack, version: 3 } }));
    await refusedBy(office, { source: { path: forV2 } }, 'conflict', 'which this database does not have');
    const otherDocument = rewritten(path, (content) => ({
      ...content,
      pack: { ...content.pack, snapshotSha256: 'a'.repeat(64) },
    }));
    await refusedBy(office, { source: { path: otherDocument } }, 'conflict', 'holds notes on another document');
  });

  it('refuses a note on an element the pack does not have', async () => {
    const office = await secretary();
    const path = rewritten(await chairNotes(office), (content) => ({
      ...content,
      notes: content.notes.map((entry) => ({ ...entry, target: 'item:99' })),
    }));
    await refusedBy(office, { source: { path } }, 'not-found', 'cannot annotate "item:99"');
  });

  it('refuses a newer format, a truncated file, a changed file, a file not ours, and a pack file', async () => {
    const office = await secretary();
    const path = await chairNotes(office);
    const text = textOf(path);
    const write = (name: string, content: string | Uint8Array) => {
      const out = tempPath(name);
      writeFileSync(out, content);
      return out;
    };
    const cases: [string, string, string][] = [
      [write('newer.boardnotes', text.replace('"formatVersion": 1', '"formatVersion": 2')), 'newer-version', 'newer'],
      [write('cut.boardnotes', text.slice(0, Math.floor(text.length / 2))), 'corrupt', 'is truncated or damaged'],
      [
        write('changed.boardnotes', text.replace('A question on burglary', 'A question on robbery')),
        'corrupt',
        'checksum',
      ],
      [write('figures.csv', 'indicator,area,period,value\n'), 'not-a-boardpack-file', 'is not a Boardpack annotations'],
      [write('empty.boardnotes', ''), 'corrupt', 'is empty'],
      [(await chairPackFile(office)).path, 'not-a-boardpack-file', 'not an annotations file (.boardnotes)'],
    ];
    for (const [file, code, message] of cases) await refusedBy(office, { source: { path: file } }, code, message);
    await refusedBy(office, { source: { path: tempPath('missing.boardnotes') } }, 'not-found', 'no such file');
    // The preview uploads the file instead: the same checks, named by the file's name.
    const upload = { fileName: 'cut.boardnotes', base64: Buffer.from(text.slice(0, 300)).toString('base64') };
    await refusedBy(office, { source: upload }, 'corrupt', 'cut.boardnotes is truncated');
    expect(
      counts(
        await office.call('exchange.importNotes', {
          source: { fileName: 'chair.boardnotes', base64: Buffer.from(text).toString('base64') },
        }),
      ),
    ).toEqual({ ...NONE, added: 1 });
  });
});
