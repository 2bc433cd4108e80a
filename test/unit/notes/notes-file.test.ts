import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  notesFileText,
  readNotesFile,
  type NotesFileContent,
} from '../../../electron/exchange/notes-file';
import { fileKindOf } from '../../../electron/exchange/file-kind';

const content: NotesFileContent = {
  pack: {
    sourceDatabaseId: '0366ec48-abe1-473d-b505-7d437c8888b8',
    meetingId: 1,
    meetingTitle: 'Safer and Stronger Bucks Partnership Board — March 2014',
    version: 1,
    snapshotSha256: 'f4bfecea01619c54ebff173bbad1b2fc2068eaed1670223392610e47fa9295a0',
  },
  reviewer: 'Jane Chair',
  exportedAt: '2026-11-26T10:00:00.000Z',
  notes: [
    {
      id: '556eecd9-5991-4876-9f95-27cac9949226',
      target: 'figure:item:4:table:1/6:area:7/3',
      author: 'Jane Chair',
      kind: 'proposed rag',
      rag: 'amber',
      text: 'Wycombe fell by 166, not 116: is the −45% right?',
      shared: true,
      resolved: false,
      version: 3,
      createdAt: '2026-11-26T09:00:00.000Z',
      updatedAt: '2026-11-26T09:30:00.000Z',
    },
  ],
  deleted: [{ id: '328468a9-6d5b-4e2f-b240-7c8464a9e1f7', version: 2, deletedAt: '2026-11-26T09:40:00.000Z' }],
};

const bytes = (text: string) => new TextEncoder().encode(text);
const FILE = 'chair.boardnotes';

/** The file's JSON, changed by `edit`, written back as a file. */
function edited(edit: (envelope: { formatVersion: number; sha256: string; content: typeof content }) => void) {
  const envelope = JSON.parse(notesFileText(content)) as Parameters<typeof edit>[0];
  edit(envelope);
  return bytes(JSON.stringify(envelope, null, 2));
}

describe('the .boardnotes file', () => {
  it('reads back exactly what it was written with', () => {
    const text = notesFileText(content);
    expect(text.startsWith('{\n  "format": "boardpack-notes",\n  "formatVersion": 1,')).toBe(true);
    expect(readNotesFile(bytes(text), FILE)).toEqual(content);
  });

  it('checksums canonical JSON, so the order of keys does not matter but every character does', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'é' }], a: true })).toBe('{"a":true,"b":[1,{"c":"é","d":null}]}');
    const reordered = edited((envelope) => {
      const { notes, deleted, ...rest } = envelope.content;
      envelope.content = { deleted, notes, ...rest };
    });
    expect(readNotesFile(reordered, FILE)).toEqual(content);
  });

  const refusals: [string, Uint8Array, string, string][] = [
    ['an empty file', new Uint8Array(), 'corrupt', 'chair.boardnotes is empty'],
    [
      'a truncated file',
      bytes(notesFileText(content).slice(0, 400)),
      'corrupt',
      'chair.boardnotes is truncated or damaged',
    ],
    [
      'a file changed after it was written',
      edited((envelope) => {
        envelope.content = { ...envelope.content, notes: [{ ...content.notes[0]!, text: 'Changed by someone else' }] };
      }),
      'corrupt',
      'chair.boardnotes does not match its checksum',
    ],
    [
      'a file whose checksum was changed',
      edited((envelope) => {
        envelope.sha256 = '0'.repeat(64);
      }),
      'corrupt',
      'does not match its checksum',
    ],
    [
      'a file of a newer format',
      edited((envelope) => {
        envelope.formatVersion = 2;
      }),
      'newer-version',
      'chair.boardnotes was written by a newer Boardpack (annotations format 2; this one reads up to 1)',
    ],
    [
      'a CSV file',
      bytes('id,target,text\n1,item:4,hello\n'),
      'not-a-boardpack-file',
      'is not a Boardpack annotations file',
    ],
    [
      'JSON of another program',
      bytes('{"format": "something-else", "notes": []}'),
      'not-a-boardpack-file',
      'is not a Boardpack annotations file',
    ],
    [
      'a Boardpack SQLite file',
      (() => {
        const header = new Uint8Array(100);
        header.set(bytes('SQLite format 3\u0000'));
        new DataView(header.buffer).setUint32(68, 0x42504b31);
        return header;
      })(),
      'not-a-boardpack-file',
      'is a Boardpack pack file (.boardpack) or database, not an annotations file (.boardnotes)',
    ],
  ];

  it.each(refusals)('refuses %s, naming the file', (_what, file, code, message) => {
    expect(() => readNotesFile(file, FILE)).toThrow(expect.objectContaining({ code, where: { file: FILE } }));
    expect(() => readNotesFile(file, FILE)).toThrow(message);
  });

  it('refuses content this Boardpack cannot read even when its checksum matches', () => {
    const odd = { ...content, notes: [{ ...content.notes[0]!, kind: 'shout' }] } as unknown as NotesFileContent;
    expect(() => readNotesFile(bytes(notesFileText(odd)), FILE)).toThrow(
      'holds annotations this Boardpack cannot read',
    );
    const twice = { ...content, deleted: [{ id: content.notes[0]!.id, version: 4, deletedAt: content.exportedAt }] };
    expect(() => readNotesFile(bytes(notesFileText(twice)), FILE)).toThrow('names the same note twice');
  });

  it('tells the kinds of file apart by their first bytes', () => {
    expect(fileKindOf(bytes(notesFileText(content)))).toBe('boardpack notes');
    expect(fileKindOf(bytes('SQLite format 3\u0000'))).toBe('other sqlite');
    expect(fileKindOf(bytes('%PDF-1.7'))).toBe('other');
    expect(fileKindOf(new Uint8Array())).toBe('empty');
  });
});
