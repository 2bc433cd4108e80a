import type { PackBlock, PackTable } from '../../../shared/pack/document';
import type { MeetingAction } from '../../../shared/api/actions-contract';
import { statusText, updateWithByline } from '../../../shared/action-text';
import { listMeetingActions } from '../../../db/repositories/actions';
import { longDate } from '../../../shared/date-text';
import { plainContent, type SectionContent, type SectionContext } from './section-context';

/**
 * The action log: the meeting's actions as its Actions panel lists them
 * (db/repositories/actions.ts): every open one, carried forward from earlier
 * meetings or raised at this one (an action past its due date on the meeting's
 * date marked overdue, in red), then those closed since the board's previous
 * meeting; each with where it was raised and its latest update.
 */

const COLUMNS = ['Action', 'Owner', 'Due', 'Status', 'Raised', 'Latest update'];

function raisedText(action: MeetingAction): string {
  if (!action.carried) return 'This meeting';
  return action.raisedAt ? longDate(action.raisedAt.heldOn) : 'Outside meetings';
}

function actionTable(actions: readonly MeetingAction[], id: string, caption: string): PackTable {
  return {
    id,
    caption,
    columns: COLUMNS.map((header) => ({ header, numeric: false })),
    rows: actions.map((action) => {
      const status = statusText(action, action.overdue);
      const latest = action.updates.at(-1);
      return {
        id: `action:${action.id}`,
        kind: 'body',
        cells: [
          { text: action.priority ? `${action.description} (priority ${action.priority.ref})` : action.description },
          { text: action.owner?.name ?? '' },
          { text: action.dueOn ? longDate(action.dueOn) : '' },
          action.overdue ? { text: status, rag: 'red' } : { text: status },
          { text: raisedText(action) },
          { text: latest ? updateWithByline(latest) : '' },
        ],
      };
    }),
    notes: [],
  };
}

export async function actionLogSection(context: SectionContext): Promise<SectionContent> {
  const { db, meeting, sectionId } = context;
  const { actions, previousHeldOn } = await listMeetingActions(db, meeting.id);
  const open = actions.filter((action) => action.status === 'open');
  const closed = actions.filter((action) => action.status !== 'open');
  const since = previousHeldOn ? ` since the meeting of ${longDate(previousHeldOn)}` : '';
  const blocks: PackBlock[] = [
    open.length > 0
      ? { kind: 'table', table: actionTable(open, `${sectionId}:table:1`, 'Open actions') }
      : { kind: 'note', text: 'There are no open actions.' },
    closed.length > 0
      ? { kind: 'table', table: actionTable(closed, `${sectionId}:table:2`, `Actions closed${since}`) }
      : { kind: 'note', text: previousHeldOn ? `No action was closed${since}.` : 'No action has been closed.' },
  ];
  const overdue = open.filter((action) => action.overdue).length;
  if (overdue > 0) {
    blocks.push({ kind: 'note', text: `${overdue} open action${overdue === 1 ? ' is' : 's are'} past the due date.` });
  }
  return plainContent(blocks);
}
