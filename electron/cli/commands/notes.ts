import type { Annotation, NotesImportResult } from '../../../shared/api/notes-contract';
import { RAGS, type AnnotationKind, type Rag } from '../../../shared/domain';
import { BoardpackError } from '../../../shared/errors';
import { findMeeting } from '../../../db/repositories/meetings';
import type { DispatchContext } from '../../api/dispatch';
import { writeAtomically } from '../../files/write-atomically';
import { renderTextTable } from '../text-table';
import { requireOption, textOrJsonFormat, type CliOutput, type Command, type CommandGroup } from '../command';
import { numberOption, withDatabase, withPackFile } from './notes-options';
import { call } from './pack-context';

/**
 * `boardpack notes …`: annotations in a reviewer's pack file (add, edit,
 * resolve, delete, list), their export to a `.boardnotes` file, and its import
 * into the secretary's database. Every call goes through dispatch, the app's path.
 */

type Values = Record<string, string | boolean | undefined>;

const KINDS: Readonly<Record<string, AnnotationKind>> = {
  comment: 'comment',
  rag: 'proposed rag',
  'proposed rag': 'proposed rag',
  question: 'question',
};

function kindOf(values: Values): AnnotationKind | undefined {
  const kind = values.kind;
  if (kind === undefined) return typeof values.rag === 'string' ? 'proposed rag' : undefined;
  const known = typeof kind === 'string' ? KINDS[kind.trim().toLowerCase()] : undefined;
  if (!known) {
    throw new BoardpackError('invalid-input', `--kind must be comment, rag or question, not "${String(kind)}"`, {
      field: 'kind',
    });
  }
  return known;
}

function ragOf(values: Values): Rag | undefined {
  const rag = values.rag;
  if (rag === undefined) return undefined;
  const known = RAGS.find((word) => typeof rag === 'string' && word === rag.trim().toLowerCase());
  if (!known) {
    throw new BoardpackError('invalid-input', `--rag must be red, amber or green, not "${String(rag)}"`, {
      field: 'rag',
    });
  }
  return known;
}

const shorten = (text: string, length = 50): string => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};

function conflictWord(note: Annotation): string {
  switch (note.conflict?.kind) {
    case undefined:
      return '';
    case 'edited on both sides':
      return `edited on both sides: their version is ${note.conflict.incomingCopyId}`;
    case 'incoming copy':
      return `the author's version of ${note.conflict.noteId}`;
    case 'deleted by its author':
      return 'deleted by its author after an edit here';
  }
}

function printNotes(out: CliOutput, values: Values, notes: readonly Annotation[]): void {
  if (textOrJsonFormat(values) === 'json') {
    out.stdout(`${JSON.stringify({ notes }, null, 2)}\n`);
    return;
  }
  if (notes.length === 0) {
    out.stdout('no annotations\n');
    return;
  }
  const conflicts = notes.some((note) => note.conflict !== null);
  const rows = notes.map((note) => [
    note.id,
    `v${note.packVersion}`,
    String(note.version),
    note.rag ? `${note.kind} (${note.rag})` : note.kind,
    note.target,
    `${note.resolved ? '[resolved] ' : ''}${note.shared ? '' : '[private] '}${shorten(note.text)}`,
    ...(conflicts ? [conflictWord(note)] : []),
  ]);
  const header = ['id', 'pack', 'version', 'kind', 'target', 'text', ...(conflicts ? ['conflict'] : [])];
  out.stdout(`${renderTextTable(header, rows)}\n`);
}

const packOption = { pack: { type: 'string' } } as const;
const fileOptions = { pack: { type: 'string' }, db: { type: 'string' } } as const;

/** Runs `work` on the reviewer's pack file (--pack) or the secretary's database (--db), whichever is given. */
function withNotesFile<T>(values: Values, work: (context: DispatchContext) => Promise<T>): Promise<T> {
  if (typeof values.pack === 'string') return withPackFile(values.pack, work);
  if (typeof values.db === 'string') return withDatabase(values.db, {}, work);
  throw new BoardpackError('invalid-input', 'give --pack FILE.boardpack (or --db DB)', { field: 'pack' });
}

const add: Command = {
  summary: 'add an annotation to a pack file; prints its id',
  usage:
    'boardpack notes add --pack FILE.boardpack --target item:N --text TEXT [--kind comment|rag|question] [--rag red|amber|green] [--author NAME] [--private]',
  options: {
    ...packOption,
    target: { type: 'string' },
    text: { type: 'string' },
    kind: { type: 'string' },
    rag: { type: 'string' },
    author: { type: 'string' },
    private: { type: 'boolean' },
  },
  async run(values, out) {
    const pack = requireOption(values, 'pack');
    const target = requireOption(values, 'target');
    const text = requireOption(values, 'text');
    const kind = kindOf(values) ?? 'comment';
    const rag = ragOf(values) ?? null;
    return withPackFile(pack, async (context, packFile) => {
      const note = await call(context, 'annotations.add', {
        meetingId: packFile.meetingId,
        version: packFile.version,
        target,
        text,
        kind,
        rag,
        shared: values.private !== true,
        ...(typeof values.author === 'string' ? { author: values.author } : {}),
      });
      out.stdout(`${note.id}\n`);
      return 0;
    });
  },
};

const edit: Command = {
  summary: "change an annotation's text, kind or RAG in a pack file",
  usage:
    'boardpack notes edit (--pack FILE.boardpack | --db DB) --id ID [--text TEXT] [--kind comment|rag|question] [--rag red|amber|green]',
  options: {
    ...fileOptions,
    id: { type: 'string' },
    text: { type: 'string' },
    kind: { type: 'string' },
    rag: { type: 'string' },
  },
  async run(values, out) {
    const id = requireOption(values, 'id');
    const kind = kindOf(values);
    const rag = ragOf(values);
    const changes = {
      ...(typeof values.text === 'string' ? { text: values.text } : {}),
      ...(kind === undefined ? {} : { kind }),
      ...(rag === undefined ? {} : { rag }),
    };
    if (Object.keys(changes).length === 0) {
      throw new BoardpackError('invalid-input', 'give --text, --kind or --rag to change', { field: 'text' });
    }
    return withNotesFile(values, async (context) => {
      const note = await call(context, 'annotations.edit', { id, changes });
      out.stdout(`edited ${note.id} (version ${note.version})\n`);
      return 0;
    });
  },
};

const resolve: Command = {
  summary: 'resolve an annotation in a pack file (--reopen: open it again)',
  usage: 'boardpack notes resolve (--pack FILE.boardpack | --db DB) --id ID [--reopen]',
  options: { ...fileOptions, id: { type: 'string' }, reopen: { type: 'boolean' } },
  async run(values, out) {
    const id = requireOption(values, 'id');
    return withNotesFile(values, async (context) => {
      const note = await call(context, 'annotations.resolve', { id, resolved: values.reopen !== true });
      out.stdout(`${note.resolved ? 'resolved' : 'reopened'} ${note.id} (version ${note.version})\n`);
      return 0;
    });
  },
};

const remove: Command = {
  summary: 'delete an annotation from a pack file (the deletion travels in the next export)',
  usage: 'boardpack notes delete (--pack FILE.boardpack | --db DB) --id ID',
  options: { ...fileOptions, id: { type: 'string' } },
  async run(values, out) {
    const id = requireOption(values, 'id');
    return withNotesFile(values, async (context) => {
      await call(context, 'annotations.delete', { id });
      out.stdout(`deleted ${id}\n`);
      return 0;
    });
  },
};

const list: Command = {
  summary: "list a pack file's annotations, or a meeting's in a database (open ones, unless --all)",
  usage:
    'boardpack notes list (--pack FILE.boardpack | --db DB --meeting ID_OR_TITLE [--version N]) [--all] [--format text|json]',
  options: {
    ...fileOptions,
    meeting: { type: 'string' },
    version: { type: 'string' },
    all: { type: 'boolean' },
    format: { type: 'string' },
  },
  async run(values, out) {
    textOrJsonFormat(values);
    const includeResolved = values.all === true;
    if (typeof values.pack === 'string') {
      return withPackFile(values.pack, async (context, packFile) => {
        const query = { meetingId: packFile.meetingId, version: packFile.version, includeResolved };
        printNotes(out, values, await call(context, 'annotations.list', query));
        return 0;
      });
    }
    if (typeof values.db !== 'string') {
      throw new BoardpackError('invalid-input', 'give --pack FILE.boardpack, or --db DB with --meeting', {
        field: 'pack',
      });
    }
    const meeting = requireOption(values, 'meeting');
    const version = numberOption(values, 'version');
    return withDatabase(values.db, {}, async (context) => {
      const meetingId = (await findMeeting(context.db, meeting)).id;
      const query = { meetingId, includeResolved, ...(version === undefined ? {} : { version }) };
      printNotes(out, values, await call(context, 'annotations.list', query));
      return 0;
    });
  },
};

const exportNotes: Command = {
  summary: "write a pack file's shared annotations (and deletions) to a .boardnotes file",
  usage: 'boardpack notes export --pack FILE.boardpack --out FILE.boardnotes',
  options: { ...packOption, out: { type: 'string' } },
  async run(values, out) {
    const pack = requireOption(values, 'pack');
    const target = requireOption(values, 'out');
    return withPackFile(pack, async (context) => {
      const file = await call(context, 'exchange.exportNotes', {});
      await writeAtomically(target, file.content, 'the annotations file');
      const { content } = JSON.parse(file.content) as { content: { notes: unknown[]; deleted: unknown[] } };
      out.stdout(`Wrote ${target}: ${content.notes.length} notes, ${content.deleted.length} deletions\n`);
      return 0;
    });
  },
};

const COUNTS = ['added', 'updated', 'conflicted', 'deleted', 'unchanged'] as const;

const importNotes: Command = {
  summary: "merge a reviewer's .boardnotes file into a database (the same file twice changes nothing)",
  usage: 'boardpack notes import --db DB FILE.boardnotes [--meeting ID_OR_TITLE] [--version N] [--format text|json]',
  options: {
    db: { type: 'string' },
    meeting: { type: 'string' },
    version: { type: 'string' },
    format: { type: 'string' },
  },
  positionals: ['FILE.boardnotes'],
  async run(values, out, positionals) {
    const db = requireOption(values, 'db');
    const format = textOrJsonFormat(values);
    const meeting = typeof values.meeting === 'string' ? values.meeting : undefined;
    const version = numberOption(values, 'version');
    const path = positionals[0] ?? '';
    // Opened as an import opens it: backed up first when no backup is younger than a day.
    return withDatabase(db, { dailyBackup: true }, async (context) => {
      const meetingId = meeting === undefined ? undefined : (await findMeeting(context.db, meeting)).id;
      const result: NotesImportResult = await call(context, 'exchange.importNotes', {
        source: { path },
        ...(meetingId === undefined ? {} : { meetingId }),
        ...(version === undefined ? {} : { version }),
      });
      out.stdout(
        format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : `${COUNTS.map((count) => `${count} ${result[count]}`).join(', ')}\n`,
      );
      return 0;
    });
  },
};

export const notesCommands: CommandGroup = {
  summary: "annotate a reviewer's pack file, export its notes, import them into the database",
  subcommands: { add, edit, resolve, delete: remove, list, export: exportNotes, import: importNotes },
};
