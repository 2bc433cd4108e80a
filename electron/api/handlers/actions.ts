import {
  actionDeleteImpact,
  addActionUpdate,
  deleteAction,
  getAction,
  insertAction,
  listMeetingActions,
  setActionStatus,
  updateAction,
} from '../../../db/repositories/actions';
import { writing, type HandlerTable } from '../context';

/**
 * Actions raised at meetings and their update trails. Every write runs in
 * dispatch's transaction and is logged; a refused write leaves nothing behind.
 */
export const actionHandlers = {
  'actions.list': (context, input) => listMeetingActions(context.db, input.meetingId),
  'actions.get': (context, input) => getAction(context.db, input.id),
  'actions.add': (context, input) => insertAction(writing(context.db), context.writer, input),
  'actions.update': (context, input) =>
    updateAction(writing(context.db), context.writer, input.id, input.changes, input.version),
  'actions.setStatus': (context, input) => {
    const { id, ...change } = input;
    return setActionStatus(writing(context.db), context.writer, id, change);
  },
  'actions.addUpdate': (context, input) => {
    const { id, ...fields } = input;
    return addActionUpdate(writing(context.db), context.writer, id, fields);
  },
  'actions.deleteImpact': (context, input) => actionDeleteImpact(context.db, input.id),
  'actions.delete': async (context, input) => ({
    deleted: await deleteAction(writing(context.db), context.writer, input.id, input.version),
  }),
} satisfies Partial<HandlerTable>;
