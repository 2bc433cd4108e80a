import { diffPacks } from '../../../shared/pack/diff-packs';
import { attachmentBytes } from '../../../db/repositories/attachments';
import { getMeeting } from '../../../db/repositories/meetings';
import { insertPackVersion, listPackVersions } from '../../../db/repositories/pack-versions';
import { buildPack } from '../../pack/build/build-pack';
import { packFor, refuseProblems } from '../../pack/build/pack-source';
import { reviewNotesFor } from '../../pack/build/review-notes';
import { exportPack } from '../../pack/export-pack';
import { writing, type HandlerTable } from '../context';

/**
 * The board pack: built from live data or read back from an issued version,
 * issued as the next numbered version (refused while it has problems),
 * compared version to version, and exported (refused, naming each problem).
 */
export const packHandlers = {
  'pack.build': (context, input) => packFor(context.db, input, { now: context.writer.now() }),
  'pack.issue': async (context, input) => {
    const trx = writing(context.db);
    const pack = await buildPack(trx, input.meetingId, { now: context.writer.now() });
    refuseProblems(pack, 'issued');
    return insertPackVersion(trx, context.writer, input.meetingId, pack.document);
  },
  'pack.versions': async (context, input) => {
    await getMeeting(context.db, input.meetingId);
    return listPackVersions(context.db, input.meetingId);
  },
  'pack.compare': async (context, input) => {
    const now = context.writer.now();
    const from = await packFor(context.db, { meetingId: input.meetingId, version: input.from }, { now });
    const to = await packFor(context.db, { meetingId: input.meetingId, version: input.to }, { now });
    return diffPacks(from.document, to.document, {
      from: `v${input.from}`,
      to: input.to === undefined ? 'draft' : `v${input.to}`,
    });
  },
  'pack.export': async (context, input) => {
    const pack = await packFor(context.db, input, { now: context.writer.now() });
    refuseProblems(pack, 'exported');
    const notes =
      input.withNotes && input.version !== undefined
        ? await reviewNotesFor(context.db, input.meetingId, input.version)
        : undefined;
    return exportPack(
      pack.document,
      { format: input.format, tableId: input.tableId, notes },
      { printer: context.printer, attachment: (id) => attachmentBytes(context.db, id) },
    );
  },
} satisfies Partial<HandlerTable>;
