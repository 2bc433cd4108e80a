import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ANNOTATION_KINDS, RAGS } from '../../shared/domain';
import { BoardpackError } from '../../shared/errors';
import type { IncomingNote, IncomingTombstone } from '../../db/repositories/notes-exchange';
import { NOTES_FILE_EXTENSION, NOTES_FILE_FORMAT, NOTES_FILE_MARKER, PACK_FILE_EXTENSION } from './exchange-formats';
import { fileKindOf } from './file-kind';

/**
 * A `.boardnotes` file: one reviewer's notes on one issued pack, as UTF-8 JSON
 * (small, readable, diffable; a reviewer can see what they are sending):
 *
 *   { "format": "boardpack-notes", "formatVersion": 1, "sha256": "…", "content": { pack, reviewer, exportedAt,
 *     notes: [{ id, target, author, kind, rag, text, shared, resolved, version, createdAt, updatedAt }],
 *     deleted: [{ id, version, deletedAt }] } }
 *
 * `sha256` is the SHA-256 of the content's canonical JSON (keys sorted, no
 * spaces), so a file changed or cut short after it was written is refused.
 */

export interface NotesFilePack {
  /** The database the pack was issued in (its database_identity). */
  readonly sourceDatabaseId: string;
  readonly meetingId: number;
  readonly meetingTitle: string;
  /** The issued version's number. */
  readonly version: number;
  /** SHA-256 of the version's frozen snapshot: the notes are on exactly that document. */
  readonly snapshotSha256: string;
}

export interface NotesFileContent {
  readonly pack: NotesFilePack;
  readonly reviewer: string | null;
  readonly exportedAt: string;
  readonly notes: readonly IncomingNote[];
  readonly deleted: readonly IncomingTombstone[];
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const version = z.number().int().positive();
const instant = z.string().min(1).max(40);

const contentSchema = z.strictObject({
  pack: z.strictObject({
    sourceDatabaseId: z.string().min(1).max(100),
    meetingId: z.number().int().positive(),
    meetingTitle: z.string().max(1000),
    version,
    snapshotSha256: sha256,
  }),
  reviewer: z.string().max(200).nullable(),
  exportedAt: instant,
  notes: z.array(
    z.strictObject({
      id: z.uuid(),
      target: z.string().min(1).max(500),
      author: z.string().min(1).max(200),
      kind: z.enum(ANNOTATION_KINDS),
      rag: z.enum(RAGS).nullable(),
      text: z.string().min(1).max(10_000),
      shared: z.literal(true),
      resolved: z.boolean(),
      version,
      createdAt: instant,
      updatedAt: instant,
    }),
  ),
  deleted: z.array(z.strictObject({ id: z.uuid(), version, deletedAt: instant })),
}) satisfies z.ZodType<NotesFileContent>;

/** JSON with every object's keys sorted and no spaces: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const checksumOf = (content: unknown): string => createHash('sha256').update(canonicalJson(content)).digest('hex');

/** The file's text. */
export function notesFileText(content: NotesFileContent): string {
  const envelope = {
    format: NOTES_FILE_MARKER,
    formatVersion: NOTES_FILE_FORMAT,
    sha256: checksumOf(content),
    content,
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

function refuse(code: 'not-a-boardpack-file' | 'corrupt' | 'newer-version', file: string, why: string): never {
  throw new BoardpackError(code, `${file} ${why}`, { file });
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return refuse('corrupt', file, 'is truncated or damaged: its annotations end before the file says they do');
  }
}

/**
 * The content of a `.boardnotes` file, checked: refused, naming the file, when
 * it is not one of ours (a `.boardpack` included), of a newer format, cut short,
 * or changed since it was written. `file` names it in every message.
 */
export function readNotesFile(bytes: Uint8Array, file: string): NotesFileContent {
  switch (fileKindOf(bytes)) {
    case 'empty':
      return refuse('corrupt', file, 'is empty: it is not a whole annotations file');
    case 'boardpack sqlite':
      return refuse(
        'not-a-boardpack-file',
        file,
        `is a Boardpack pack file (${PACK_FILE_EXTENSION}) or database, not an annotations file (${NOTES_FILE_EXTENSION})`,
      );
    case 'other sqlite':
    case 'other':
      return refuse('not-a-boardpack-file', file, `is not a Boardpack annotations file (${NOTES_FILE_EXTENSION})`);
    case 'boardpack notes':
      break;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('corrupt', file, 'is damaged: it is not UTF-8 text');
  }
  const envelope = parseJson(text, file);
  const head = z
    .looseObject({ format: z.literal(NOTES_FILE_MARKER), formatVersion: z.number(), sha256: z.string() })
    .safeParse(envelope);
  if (!head.success) return refuse('not-a-boardpack-file', file, 'is not a Boardpack annotations file');
  const { formatVersion } = head.data;
  if (Number.isInteger(formatVersion) && formatVersion > NOTES_FILE_FORMAT) {
    return refuse(
      'newer-version',
      file,
      `was written by a newer Boardpack (annotations format ${formatVersion}; this one reads up to ${NOTES_FILE_FORMAT}): update Boardpack to import it`,
    );
  }
  if (formatVersion !== NOTES_FILE_FORMAT) {
    return refuse('corrupt', file, `names an annotations format that does not exist (${formatVersion})`);
  }
  const content = (envelope as { content?: unknown }).content;
  if (checksumOf(content) !== head.data.sha256) {
    return refuse('corrupt', file, 'does not match its checksum: it was changed or damaged after it was written');
  }
  const parsed = contentSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? ` (${issue.path.join('.') || 'content'}: ${issue.message})` : '';
    return refuse('corrupt', file, `holds annotations this Boardpack cannot read${where}`);
  }
  const ids = [...parsed.data.notes, ...parsed.data.deleted].map((note) => note.id);
  if (new Set(ids).size !== ids.length) return refuse('corrupt', file, 'names the same note twice');
  return parsed.data;
}
