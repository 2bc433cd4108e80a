import { packTargets } from '../../../shared/notes/targets';
import {
  addAnnotation,
  deleteAnnotation,
  editAnnotation,
  listAnnotations,
  resolveAnnotation,
  settleConflict,
} from '../../../db/repositories/annotations';
import { getPackFile } from '../../../db/repositories/exchange-identity';
import { issuedPack } from '../../../db/repositories/notes-targets';
import { exportNotes, packFileInfo } from '../../exchange/export-notes';
import { importNotes } from '../../exchange/import-notes';
import { packFileBytes } from '../../exchange/pack-file';
import { writing, type HandlerTable } from '../context';

/**
 * Annotations on an issued pack, and the offline exchange files: a reviewer's
 * `.boardpack` (saved like any export), the `.boardnotes` file exported from it
 * and imported back. In a pack file, only the annotation methods write
 * (electron/exchange/pack-file-rule.ts, applied by dispatch).
 */
export const noteHandlers = {
  'annotations.list': (context, input) => listAnnotations(context.db, input),
  'annotations.targets': async (context, input) =>
    packTargets(await issuedPack(context.db, input.meetingId, input.version)),
  'annotations.add': async (context, input) => {
    const trx = writing(context.db);
    const pack = await issuedPack(trx, input.meetingId, input.version);
    const author = input.author ?? (await getPackFile(trx))?.reviewer ?? context.writer.actor;
    return addAnnotation(trx, context.writer, pack, { ...input, author });
  },
  'annotations.edit': (context, input) =>
    editAnnotation(writing(context.db), context.writer, input.id, input.changes, input.version),
  'annotations.resolve': (context, input) =>
    resolveAnnotation(writing(context.db), context.writer, input.id, input.resolved, input.version),
  'annotations.delete': async (context, input) => ({
    deleted: await deleteAnnotation(writing(context.db), context.writer, input.id, input.version),
  }),
  'annotations.settleConflict': (context, input) =>
    settleConflict(writing(context.db), context.writer, input.id, input.keep, input.version),

  'exchange.packFile': (context) => packFileInfo(context.db),
  'exchange.exportPackFile': async (context, input) => {
    const { fileName, bytes } = await packFileBytes(context.db, {
      meetingId: input.meetingId,
      version: input.version,
      reviewer: input.reviewer,
      exportedAt: context.writer.now(),
    });
    return {
      fileName,
      mimeType: 'application/vnd.sqlite3',
      encoding: 'base64',
      content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    };
  },
  'exchange.exportNotes': (context) => exportNotes(writing(context.db), context.writer),
  'exchange.importNotes': (context, input) => importNotes(writing(context.db), context.writer, input),
} satisfies Partial<HandlerTable>;
