import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotation, NotesImportResult } from '../../../shared/api/notes-contract';
import type { LocatedTarget } from '../../../shared/notes/targets';
import { boardpack, boardpackProcess } from '../../helpers/run-boardpack';
import { tempPath } from '../../helpers/temp-files';
import { apiOnFile, secretaryFile, textOf } from './notes-fixture';

const MEETING = 'Safer and Stronger Bucks Partnership Board — March 2014';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The secretary's database and the chair's pack file of v1 made from it by `boardpack pack-file`. */
async function officeAndChair(): Promise<{ office: string; chair: string }> {
  const office = await secretaryFile();
  const chair = tempPath('chair.boardpack');
  const made = await boardpack('pack-file', '--db', office, '--meeting', '1', '--version', '1', '--out', chair);
  expect(made.stderr).toBe('');
  return { office, chair };
}

async function add(chair: string, target: string, text: string, ...more: string[]): Promise<string> {
  const run = await boardpack('notes', 'add', '--pack', chair, '--target', target, '--text', text, ...more);
  expect(run.stderr).toBe('');
  expect(run.stdout.trim()).toMatch(UUID);
  return run.stdout.trim();
}

async function notesIn(office: string): Promise<Annotation[]> {
  const run = await boardpack('notes', 'list', '--db', office, '--meeting', MEETING, '--all', '--format', 'json');
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { notes: Annotation[] }).notes;
}

async function targetsOf(office: string): Promise<LocatedTarget[]> {
  const api = await apiOnFile(office, 'reader');
  return api.call('annotations.targets', { meetingId: 1, version: 1 });
}

describe('boardpack pack-file and boardpack notes', () => {
  it('round trip through the real bin: 20 notes, 3 edited twice, imported twice, 20 with the latest text', async () => {
    const office = await secretaryFile();
    const chair = tempPath('chair.boardpack');
    const made = await boardpackProcess(
      'pack-file',
      '--db',
      office,
      '--meeting',
      MEETING,
      '--version',
      '1',
      '--out',
      chair,
      '--reviewer',
      'Jane Chair',
    );
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toBe(`Wrote ${chair}: version 1 of "${MEETING}" for Jane Chair\n`);

    const first = await boardpackProcess(
      'notes',
      'add',
      '--pack',
      chair,
      '--target',
      'item:4',
      '--text',
      'Why did Wycombe fall by 45%?',
      '--kind',
      'question',
    );
    expect(first.code, first.stderr).toBe(0);
    const ids = [first.stdout.trim()];
    expect(ids[0]).toMatch(UUID);

    const targets = (await targetsOf(office)).filter((target) => target.target !== 'item:4');
    const chosen = [
      ...targets.filter((target) => target.kind === 'item').slice(0, 6),
      ...targets.filter((target) => target.kind === 'priority'),
      ...targets.filter((target) => target.kind === 'activity').slice(0, 4),
      ...targets.filter((target) => target.kind === 'row').slice(0, 3),
      ...targets.filter((target) => target.kind === 'figure').slice(0, 4),
    ];
    expect(chosen).toHaveLength(19);
    for (const [index, target] of chosen.entries()) {
      const rag = target.kind === 'figure' ? ['--kind', 'rag', '--rag', 'amber'] : [];
      ids.push(await add(chair, target.target, `Note ${index + 2}`, ...rag));
    }
    for (const id of ids.slice(0, 3)) {
      for (const text of ['Second draft', `Final word ${id.slice(0, 8)}`]) {
        const edited = await boardpack('notes', 'edit', '--pack', chair, '--id', id, '--text', text);
        expect(edited.code, edited.stderr).toBe(0);
      }
    }

    const file = tempPath('chair.boardnotes');
    const exported = await boardpackProcess('notes', 'export', '--pack', chair, '--out', file);
    expect(exported).toMatchObject({ code: 0, stdout: `Wrote ${file}: 20 notes, 0 deletions\n` });

    const once = await boardpackProcess('notes', 'import', '--db', office, file);
    expect(once).toMatchObject({ code: 0, stdout: 'added 20, updated 0, conflicted 0, deleted 0, unchanged 0\n' });
    const twice = await boardpackProcess('notes', 'import', '--db', office, file, '--format', 'json');
    expect(twice.code, twice.stderr).toBe(0);
    expect(JSON.parse(twice.stdout) as NotesImportResult).toEqual({
      meetingId: 1,
      meetingTitle: MEETING,
      version: 1,
      reviewer: 'Jane Chair',
      added: 0,
      updated: 0,
      conflicted: 0,
      deleted: 0,
      unchanged: 20,
    });

    const notes = await notesIn(office);
    expect(notes).toHaveLength(20);
    expect(notes.map((note) => note.id).sort()).toEqual([...ids].sort());
    for (const id of ids.slice(0, 3)) {
      expect(notes.find((note) => note.id === id)).toMatchObject({ text: `Final word ${id.slice(0, 8)}`, version: 3 });
    }
    expect(notes.filter((note) => note.kind === 'proposed rag' && note.rag === 'amber')).toHaveLength(4);
  }, 180_000);

  it('a conflict and a deletion, on the command line', async () => {
    const { office, chair } = await officeAndChair();
    const shared = await add(chair, 'item:6', 'Priority 2 is on track');
    const gone = await add(chair, 'activity:9', 'Is IOM funded?');
    const first = tempPath('first.boardnotes');
    expect((await boardpack('notes', 'export', '--pack', chair, '--out', first)).code).toBe(0);
    expect((await boardpack('notes', 'import', '--db', office, first)).stdout).toBe(
      'added 2, updated 0, conflicted 0, deleted 0, unchanged 0\n',
    );

    await boardpack('notes', 'edit', '--db', office, '--id', shared, '--text', 'Secretary: IOM figures lag');
    await boardpack('notes', 'edit', '--pack', chair, '--id', shared, '--text', 'Chair: ask about IOM');
    expect((await boardpack('notes', 'delete', '--pack', chair, '--id', gone)).stdout).toBe(`deleted ${gone}\n`);
    const second = tempPath('second.boardnotes');
    expect((await boardpack('notes', 'export', '--pack', chair, '--out', second)).stdout).toBe(
      `Wrote ${second}: 1 notes, 1 deletions\n`,
    );
    expect((await boardpack('notes', 'import', '--db', office, second)).stdout).toBe(
      'added 0, updated 0, conflicted 1, deleted 1, unchanged 0\n',
    );
    expect((await boardpack('notes', 'import', '--db', office, second)).stdout).toBe(
      'added 0, updated 0, conflicted 0, deleted 0, unchanged 2\n',
    );

    const notes = await notesIn(office);
    expect(notes.map((note) => note.text).sort()).toEqual(['Chair: ask about IOM', 'Secretary: IOM figures lag']);
    const table = await boardpack('notes', 'list', '--db', office, '--meeting', '1');
    expect(table.stdout).toContain('conflict');
    expect(table.stdout).toContain(`the author's version of ${shared}`);
  });

  it('refuses, in one line naming the file, what is not the file asked for, and writes nothing', async () => {
    const { office, chair } = await officeAndChair();
    await add(chair, 'item:4', 'A question');
    const file = tempPath('chair.boardnotes');
    await boardpack('notes', 'export', '--pack', chair, '--out', file);
    const text = textOf(file);
    const write = (name: string, content: string) => {
      const path = tempPath(name);
      writeFileSync(path, content);
      return path;
    };
    const cut = write('cut.boardnotes', text.slice(0, 500));
    const changed = write('changed.boardnotes', text.replace('A question', 'Another question'));
    const newer = write('newer.boardnotes', text.replace('"formatVersion": 1', '"formatVersion": 7'));

    const refusals: [string[], string][] = [
      [['notes', 'import', '--db', office, cut], `boardpack notes import: ${cut}: ${cut} is truncated or damaged`],
      [['notes', 'import', '--db', office, changed], `${changed} does not match its checksum`],
      [['notes', 'import', '--db', office, newer], `${newer} was written by a newer Boardpack`],
      [['notes', 'import', '--db', office, chair], `${chair} is a Boardpack pack file (.boardpack) or database`],
      [['notes', 'import', '--db', office, file, '--meeting', '2'], 'holds notes on another meeting'],
      [['notes', 'export', '--pack', file, '--out', tempPath('x.boardnotes')], `${file} is an annotations file`],
      [
        ['notes', 'add', '--pack', office, '--target', 'item:4', '--text', 'x'],
        `${office} is a Boardpack database, not`,
      ],
      [['notes', 'add', '--pack', chair, '--target', 'item:99', '--text', 'x'], 'cannot annotate "item:99"'],
      [
        ['pack-file', '--db', office, '--meeting', '1', '--version', '4', '--out', tempPath('v4.boardpack')],
        'no issued version 4',
      ],
      [
        ['pack-file', '--db', chair, '--meeting', '1', '--version', '1', '--out', tempPath('again.boardpack')],
        "reviewer's pack file",
      ],
    ];
    for (const [argv, message] of refusals) {
      const run = await boardpack(...argv);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await notesIn(office)).toEqual([]);

    const usage = await boardpack(
      'notes',
      'add',
      '--pack',
      chair,
      '--target',
      'item:4',
      '--text',
      'x',
      '--kind',
      'shout',
    );
    expect(usage).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--kind must be comment, rag or question'),
    });
    const bin = await boardpackProcess('notes', 'import', '--db', office, cut);
    expect(bin.code).toBe(1);
    expect(bin.stderr).toContain('is truncated or damaged');
  }, 60_000);
});
