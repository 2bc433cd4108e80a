import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { takeBackup, type Backup } from '../../../db/backups';
import { openDatabase } from '../../../db/open-database';
import { openSqliteFile } from '../../../db/sqlite/sqlite-file';
import { localWriter } from '../../../db/writer';
import { DatabaseSession } from '../../../electron/app/database-session';
import {
  annotationsFileName,
  exportAnnotationsFromDialog,
  importAnnotationsFromDialog,
  isPackFileOpen,
  newDatabaseFromDialog,
  openDatabaseFile,
  restoreFromDialog,
  saveCopyFromDialog,
  withDatabaseExtension,
  type AnnotationCommandDeps,
  type AnnotationDialogs,
  type FileCommandDeps,
  type FileDialogs,
} from '../../../electron/app/file-commands';
import { fileKindAt } from '../../../electron/exchange/file-kind';
import { settingsStore } from '../../../electron/app/settings';
import { createDemoDatabase, openStartupDatabase } from '../../../electron/app/startup-database';
import { closeAfterTest, newDatabase, tempDir, tempPath } from '../../helpers/temp-files';
import { chairPackFile, exportNotes, MARCH_2014, secretary } from '../../integration/notes/notes-fixture';
import { DEMO_PARTNERSHIP, glossaryCount, REPO } from './app-fixture';

const DEMO_DIR = join(REPO, 'resources', 'demo');

function dialogs(
  answers: Partial<Record<'open' | 'create' | 'copy' | 'backup', string | null>> & { confirm?: boolean } = {},
) {
  return {
    chooseDatabaseToOpen: vi.fn(() => Promise.resolve(answers.open ?? null)),
    chooseNewDatabasePath: vi.fn(() => Promise.resolve(answers.create ?? null)),
    chooseCopyPath: vi.fn((_suggested: string) => Promise.resolve(answers.copy ?? null)),
    chooseBackup: vi.fn((_folder: string) => Promise.resolve(answers.backup ?? null)),
    confirm: vi.fn((_title: string, _message: string, _button: string) => Promise.resolve(answers.confirm ?? false)),
    showError: vi.fn((_title: string, _message: string) => Promise.resolve()),
    showInfo: vi.fn((_title: string, _message: string) => Promise.resolve()),
  } satisfies FileDialogs;
}

/** A backup of the file as it is now, taken as the app takes one. */
async function backUp(path: string): Promise<Backup> {
  const sqlite = openSqliteFile(path, { create: false, readonly: true });
  try {
    return await takeBackup(sqlite, path, 'manual', new Date('2026-11-25T09:00:00Z'));
  } finally {
    sqlite.close();
  }
}

async function session() {
  const database = await openDatabase(tempPath('current.db'), { create: true });
  const events = vi.fn();
  const current = new DatabaseSession(database, { version: '0.1.0', writer: localWriter('test'), emit: events });
  return { current, events, close: () => current.close() };
}

function deps(current: DatabaseSession, fileDialogs: FileDialogs): FileCommandDeps & { changed: Mock<() => void> } {
  return {
    session: current,
    settings: settingsStore(tempPath('settings.json')),
    dialogs: fileDialogs,
    changed: vi.fn<() => void>(),
  };
}

describe('File commands', () => {
  it('restore a chosen backup after asking, keep the file as it was, and refresh every screen', async () => {
    const { current, events, close } = await session();
    const db = () => current.context().db;
    await db().insertInto('glossaryTerm').values({ term: 'ASB', definition: 'backed up' }).execute();
    const backup = await backUp(current.location);
    await db().updateTable('glossaryTerm').set({ definition: 'edited since' }).execute();

    const declined = dialogs({ backup: backup.file, confirm: false });
    expect(await restoreFromDialog(deps(current, declined))).toBe(false);
    expect((await db().selectFrom('glossaryTerm').select('definition').executeTakeFirstOrThrow()).definition).toBe(
      'edited since',
    );

    const accepted = dialogs({ backup: backup.file, confirm: true });
    const commands = deps(current, accepted);
    expect(await restoreFromDialog(commands, () => new Date('2026-11-26T09:00:00Z'))).toBe(true);
    expect((await db().selectFrom('glossaryTerm').select('definition').executeTakeFirstOrThrow()).definition).toBe(
      'backed up',
    );
    expect(accepted.chooseBackup).toHaveBeenCalledWith(`${current.location}-backups`);
    expect(accepted.showInfo.mock.calls[0]?.[1]).toMatch(/before-restore\.bak\.$/);
    expect(events).toHaveBeenLastCalledWith({ type: 'data-changed', tables: ['*'] });
    expect(commands.changed).toHaveBeenCalledOnce();
    await close();
  });

  it('say so when there are no backups, and refuse a file that is not one, leaving the database open', async () => {
    const { current, close } = await session();
    const none = dialogs();
    expect(await restoreFromDialog(deps(current, none))).toBe(false);
    expect(none.showInfo).toHaveBeenCalledWith('No backups yet', `There are no backups of ${current.location} yet.`);

    await backUp(current.location);
    const bogus = tempPath('bogus.bak');
    writeFileSync(bogus, 'not a backup');
    const refused = dialogs({ backup: bogus, confirm: true });
    expect(await restoreFromDialog(deps(current, refused))).toBe(false);
    expect(refused.showError.mock.calls[0]?.[1]).toMatch(/not a Boardpack database/);
    expect(await glossaryCount(current.context().db)).toBe(0);
    await close();
  });

  it('open a Boardpack file in place of the current one and tell the renderer', async () => {
    const { current, events, close } = await session();
    const other = (await newDatabase()).location;
    const commands = deps(current, dialogs());
    expect(await openDatabaseFile(commands, other)).toBe(true);
    expect(current.location).toBe(other);
    expect(current.context().databaseLocation).toBe(other);
    expect(events).toHaveBeenCalledExactlyOnceWith({ type: 'data-changed', tables: ['*'] });
    expect(commands.settings.get()).toEqual({ lastOpened: other, recent: [other], teamDatabase: false });
    expect(commands.changed).toHaveBeenCalledOnce();
    await close();
  });

  it('keep the current file open when the chosen one is refused, saying why', async () => {
    const { current, events, close } = await session();
    const before = current.location;
    const text = tempPath('agenda.db');
    writeFileSync(text, 'not a database');
    const fileDialogs = dialogs();
    expect(await openDatabaseFile(deps(current, fileDialogs), text)).toBe(false);
    expect(current.location).toBe(before);
    expect(events).not.toHaveBeenCalled();
    expect(fileDialogs.showError).toHaveBeenCalledExactlyOnceWith(
      'Boardpack could not open the file',
      `${text}: ${text} is not a Boardpack database (not a SQLite file)`,
    );
    expect(await glossaryCount(current.context().db)).toBe(0);
    await close();
  });

  it('drop a recent file that has gone', async () => {
    const { current, close } = await session();
    const commands = deps(current, dialogs());
    const gone = join(tempDir(), 'gone.db');
    commands.settings.update(() => ({
      lastOpened: current.location,
      recent: [current.location, gone],
      teamDatabase: false,
    }));
    expect(await openDatabaseFile(commands, gone)).toBe(false);
    expect(commands.settings.get().recent).toEqual([current.location]);
    await close();
  });

  it('create a new, empty database, adding .db to a bare name, and never overwrite a file', async () => {
    const { current, close } = await session();
    const bare = join(tempDir(), 'Thames Valley');
    expect(await newDatabaseFromDialog(deps(current, dialogs({ create: bare })))).toBe(true);
    expect(current.location).toBe(`${bare}.db`);
    expect(await glossaryCount(current.context().db)).toBe(0);

    const taken = tempPath('taken.db');
    writeFileSync(taken, 'keep me');
    const fileDialogs = dialogs({ create: taken });
    expect(await newDatabaseFromDialog(deps(current, fileDialogs))).toBe(false);
    expect(current.location).toBe(`${bare}.db`);
    expect(fileDialogs.showError.mock.calls[0]?.[1]).toBe(
      `${taken}: ${taken} already exists; choose another file name`,
    );
    await close();
  });

  it('save a copy that opens as the same database, refusing to copy over the open file', async () => {
    const { current, close } = await session();
    await current
      .context()
      .db.insertInto('glossaryTerm')
      .values({ term: 'ASB', definition: 'Anti-social behaviour' })
      .execute();
    const copy = join(tempDir(), 'copy');
    const fileDialogs = dialogs({ copy });
    expect(await saveCopyFromDialog(deps(current, fileDialogs))).toBe(true);
    expect(fileDialogs.chooseCopyPath).toHaveBeenCalledExactlyOnceWith('current copy.db');
    expect(readdirSync(dirname(copy))).toEqual(['copy.db']);
    expect(await glossaryCount(closeAfterTest(await openDatabase(`${copy}.db`)).db)).toBe(1);

    const ontoItself = dialogs({ copy: current.location });
    expect(await saveCopyFromDialog(deps(current, ontoItself))).toBe(false);
    expect(ontoItself.showError.mock.calls[0]?.[1]).toBe(
      `${current.location}: a copy cannot replace the open database; choose another file name`,
    );
    expect(await glossaryCount(current.context().db)).toBe(1);
    await close();
  });

  it('do nothing when a dialog is cancelled', async () => {
    const { current, events, close } = await session();
    const commands = deps(current, dialogs());
    expect(await newDatabaseFromDialog(commands)).toBe(false);
    expect(await saveCopyFromDialog(commands)).toBe(false);
    expect(events).not.toHaveBeenCalled();
    expect(commands.changed).not.toHaveBeenCalled();
    await close();
  });

  it('name new files with .db only when no extension was typed', () => {
    expect(withDatabaseExtension('/p/Bucks')).toBe('/p/Bucks.db');
    expect(withDatabaseExtension('/p/Bucks.sqlite')).toBe('/p/Bucks.sqlite');
    expect(withDatabaseExtension('/p.d/Bucks')).toBe('/p.d/Bucks.db');
  });
});

describe('the start-up database', () => {
  it('is the demo database, created with the demo dataset, when nothing was opened before', async () => {
    const demo = join(tempDir(), 'user data', 'boardpack.db');
    const startup = await openStartupDatabase({
      settings: { lastOpened: null, recent: [], teamDatabase: false },
      demoDatabase: demo,
      demoDir: DEMO_DIR,
      writer: localWriter('test'),
    });
    closeAfterTest(startup.database);
    expect([startup.database.location, startup.createdDemo, startup.fallback]).toEqual([demo, true, null]);
    const partnership = await startup.database.db.selectFrom('partnership').select('name').executeTakeFirstOrThrow();
    expect(partnership.name).toBe(DEMO_PARTNERSHIP);
  });

  it('leaves no half-made demo file when the dataset cannot be loaded', async () => {
    const demo = tempPath('boardpack.db');
    await expect(createDemoDatabase(demo, join(tempDir(), 'no demo here'), localWriter('test'))).rejects.toThrow();
    expect(existsSync(demo)).toBe(false);
    expect(existsSync(`${demo}-wal`)).toBe(false);
  });

  it('is the last file opened, when it opens', async () => {
    const last = (await newDatabase()).location;
    const demo = tempPath('boardpack.db');
    const startup = await openStartupDatabase({
      settings: { lastOpened: last, recent: [last], teamDatabase: false },
      demoDatabase: demo,
      demoDir: DEMO_DIR,
      writer: localWriter('test'),
    });
    closeAfterTest(startup.database);
    expect([startup.database.location, startup.createdDemo, startup.fallback]).toEqual([last, false, null]);
    expect(existsSync(demo)).toBe(false);
  });
});

/** The File menu's annotation dialogs answering as told (null: cancelled). */
function annotationDialogs(answers: { notesFile?: string | null; notesPath?: string | null } = {}) {
  return {
    ...dialogs(),
    chooseAnnotationsToImport: vi.fn(() => Promise.resolve(answers.notesFile ?? null)),
    chooseAnnotationsPath: vi.fn((_suggested: string) => Promise.resolve(answers.notesPath ?? null)),
  } satisfies FileDialogs & AnnotationDialogs;
}

/** The window's session on an existing file, with the events it sends to the renderer. */
async function sessionOn(path: string) {
  const events = vi.fn();
  const current = new DatabaseSession(await openDatabase(path), {
    version: '0.1.0',
    writer: localWriter('test'),
    emit: events,
  });
  return { current, events, close: () => current.close() };
}

function annotationDeps(current: DatabaseSession, fileDialogs: FileDialogs & AnnotationDialogs): AnnotationCommandDeps {
  return { ...deps(current, fileDialogs), dialogs: fileDialogs };
}

describe('File ▸ Import annotations… and Export annotations…', () => {
  const V1 = { meetingId: MARCH_2014, version: 1 } as const;

  it("merge a reviewer's notes file through the API, say what it did, and refresh the screens", async () => {
    const office = await secretary();
    const chair = await chairPackFile(office);
    await chair.call('annotations.add', {
      ...V1,
      target: 'item:4',
      text: 'Why did Wycombe fall so far?',
      kind: 'question',
    });
    const notes = await exportNotes(chair);

    const { current, events, close } = await sessionOn(office.path);
    const answered = annotationDialogs({ notesFile: notes });
    const result = await importAnnotationsFromDialog(annotationDeps(current, answered));
    expect(result).toMatchObject({ added: 1, updated: 0, conflicted: 0, deleted: 0, unchanged: 0 });
    expect(answered.showInfo).toHaveBeenCalledExactlyOnceWith(
      'Annotations imported',
      'Jane Chair’s notes on version 1 of “Safer and Stronger Bucks Partnership Board — March 2014”, from chair.boardnotes:\n' +
        'Added 1, updated 0, 0 kept twice (edited on both sides), 0 deleted, 0 unchanged.',
    );
    expect(events).toHaveBeenCalledExactlyOnceWith({ type: 'data-changed', tables: ['exchange'] });
    expect((await office.call('annotations.list', V1)).map((note) => [note.author, note.text])).toEqual([
      ['Jane Chair', 'Why did Wycombe fall so far?'],
    ]);

    // The same file again changes nothing, and says so.
    const again = annotationDialogs({ notesFile: notes });
    expect(await importAnnotationsFromDialog(annotationDeps(current, again))).toMatchObject({ added: 0, unchanged: 1 });
    expect(again.showInfo.mock.calls[0]?.[1]).toMatch(/Added 0, updated 0, 0 kept twice .*, 0 deleted, 1 unchanged\.$/);
    await close();
  });

  it('refuse a file that is not a notes file, naming it, and write nothing; do nothing when cancelled', async () => {
    const office = await secretary();
    const bogus = tempPath('minutes.boardnotes');
    writeFileSync(bogus, 'Minutes of the March meeting');
    const { current, events, close } = await sessionOn(office.path);

    const refused = annotationDialogs({ notesFile: bogus });
    expect(await importAnnotationsFromDialog(annotationDeps(current, refused))).toBeNull();
    expect(refused.showError).toHaveBeenCalledOnce();
    expect(refused.showError.mock.calls[0]?.[0]).toBe('Boardpack could not import the annotations');
    expect(refused.showError.mock.calls[0]?.[1]).toContain(bogus);
    expect(refused.showInfo).not.toHaveBeenCalled();
    expect(events).not.toHaveBeenCalled();
    expect(await office.call('annotations.list', V1)).toEqual([]);

    const cancelled = annotationDialogs();
    expect(await importAnnotationsFromDialog(annotationDeps(current, cancelled))).toBeNull();
    expect([cancelled.showError.mock.calls, cancelled.showInfo.mock.calls]).toEqual([[], []]);
    await close();
  });

  it("save a pack file's shared notes whole to the file chosen, which the secretary's database then imports", async () => {
    const office = await secretary();
    const chair = await chairPackFile(office);
    await chair.call('annotations.add', { ...V1, target: 'item:4', text: 'Shared with the secretary' });
    await chair.call('annotations.add', { ...V1, target: 'item:5', text: 'Only for me', shared: false });
    const { current, events, close } = await sessionOn(chair.path);
    expect(await isPackFileOpen({ session: current })).toBe(true);

    const chosen = join(tempDir(), 'for the secretary');
    const answered = annotationDialogs({ notesPath: chosen });
    const written = await exportAnnotationsFromDialog(annotationDeps(current, answered));
    expect(written).toBe(`${chosen}.boardnotes`);
    const suggested = annotationsFileName(chair.path);
    expect(answered.chooseAnnotationsPath).toHaveBeenCalledExactlyOnceWith(suggested);
    // The name suggested is the one the export itself gives the file.
    expect((await chair.call('exchange.exportNotes', {})).fileName).toBe(suggested);
    expect(fileKindAt(`${chosen}.boardnotes`)).toBe('boardpack notes');
    expect(readdirSync(dirname(chosen))).toEqual(['for the secretary.boardnotes']);
    expect(answered.showInfo.mock.calls[0]?.[0]).toBe('Annotations exported');
    expect(events).toHaveBeenCalledWith({ type: 'data-changed', tables: ['exchange'] });
    await close();

    const { current: desk, close: closeDesk } = await sessionOn(office.path);
    await importAnnotationsFromDialog(annotationDeps(desk, annotationDialogs({ notesFile: `${chosen}.boardnotes` })));
    expect((await office.call('annotations.list', V1)).map((note) => note.text)).toEqual(['Shared with the secretary']);
    await closeDesk();
  });

  it("offer no export from the secretary's own database, and leave nothing behind when cancelled", async () => {
    const office = await secretary();
    const { current, close } = await sessionOn(office.path);
    expect(await isPackFileOpen({ session: current })).toBe(false);
    const answered = annotationDialogs({ notesPath: tempPath('never.boardnotes') });
    expect(await exportAnnotationsFromDialog(annotationDeps(current, answered))).toBeNull();
    expect(answered.chooseAnnotationsPath).not.toHaveBeenCalled();
    expect(answered.showInfo.mock.calls[0]?.[0]).toBe('No pack file is open');
    await close();

    const chair = await chairPackFile(office);
    const { current: pack, close: closePack } = await sessionOn(chair.path);
    const cancelled = annotationDialogs();
    expect(await exportAnnotationsFromDialog(annotationDeps(pack, cancelled))).toBeNull();
    expect([cancelled.showError.mock.calls, cancelled.showInfo.mock.calls]).toEqual([[], []]);
    await closePack();
  });
});
