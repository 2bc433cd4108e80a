import {
  deleteAgendaItem,
  insertAgendaItem,
  reorderAgendaItems,
  updateAgendaItem,
} from '../../../db/repositories/agenda-items';
import { insertAttachment, listAttachments } from '../../../db/repositories/attachments';
import {
  deleteMeeting,
  duplicateMeeting,
  getMeeting,
  insertMeeting,
  listMeetings,
  updateMeeting,
} from '../../../db/repositories/meetings';
import { readAttachmentPdf } from '../../pack/build/attachment-pdf';
import { writing, type HandlerTable } from '../context';

/**
 * Meetings, their agendas and the partners' PDFs attached to them. Every write
 * runs in dispatch's transaction and is logged; an agenda reorder that is not
 * exactly the meeting's items, once each, is refused with nothing written.
 */
export const meetingHandlers = {
  'meetings.list': (context) => listMeetings(context.db),
  'meetings.get': (context, input) => getMeeting(context.db, input.id),
  'meetings.create': (context, input) => insertMeeting(writing(context.db), context.writer, input),
  'meetings.update': (context, input) =>
    updateMeeting(writing(context.db), context.writer, input.id, input.changes, input.version),
  'meetings.delete': async (context, input) => ({
    deleted: await deleteMeeting(writing(context.db), context.writer, input.id, input.version),
  }),
  'meetings.duplicate': (context, input) =>
    duplicateMeeting(writing(context.db), context.writer, input.id, { heldOn: input.heldOn, title: input.title }),

  'agenda.create': (context, input) => {
    const { meetingId, position, ...fields } = input;
    return insertAgendaItem(writing(context.db), context.writer, meetingId, fields, position);
  },
  'agenda.update': (context, input) =>
    updateAgendaItem(writing(context.db), context.writer, input.id, input.changes, input.version),
  'agenda.delete': async (context, input) => ({
    deleted: await deleteAgendaItem(writing(context.db), context.writer, input.id, input.version),
  }),
  'agenda.reorder': (context, input) =>
    reorderAgendaItems(writing(context.db), context.writer, input.meetingId, input.itemIds, input.from),

  'attachments.list': (context) => listAttachments(context.db),
  'attachments.add': async (context, input) => {
    const pdf = await readAttachmentPdf(input.base64, input.fileName);
    return insertAttachment(writing(context.db), context.writer, {
      title: input.title,
      fileName: input.fileName,
      pages: pdf.pages,
      bytes: pdf.bytes,
    });
  },
} satisfies Partial<HandlerTable>;
