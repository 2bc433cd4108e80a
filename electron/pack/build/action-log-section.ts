import type { PackBlock, PackTable } from '../../../shared/pack/document';
import { listActionsFor, previousMeetingDate, type ActionEntry } from '../../../db/repositories/pack-sources';
import { longDate } from '../../../shared/date-text';
import { plainContent, type SectionContent, type SectionContext } from './section-context';

/**
 * The action log: every open action (an action past its due date marked
 * overdue, in red), and those closed since the board's previous meeting
 * (all closed by the meeting's date when there was none).
 */

function statusOf(action: ActionEntry, heldOn: string): { text: string; overdue: boolean } {
  if (action.status === 'open') {
    const overdue = action.dueOn !== null && action.dueOn < heldOn;
    return { text: overdue ? 'Open: overdue' : 'Open', overdue };
  }
  const word = action.status === 'done' ? 'Done' : 'Dropped';
  return { text: action.closedOn ? `${word} ${longDate(action.closedOn)}` : word, overdue: false };
}

function actionTable(actions: readonly ActionEntry[], heldOn: string, id: string, caption: string): PackTable {
  return {
    id,
    caption,
    columns: ['Action', 'Owner', 'Due', 'Status'].map((header) => ({ header, numeric: false })),
    rows: actions.map((action) => {
      const status = statusOf(action, heldOn);
      return {
        id: `action:${action.id}`,
        kind: 'body',
        cells: [
          { text: action.priorityRef ? `${action.description} (priority ${action.priorityRef})` : action.description },
          { text: action.owner ?? '' },
          { text: action.dueOn ? longDate(action.dueOn) : '' },
          status.overdue ? { text: status.text, rag: 'red' } : { text: status.text },
        ],
      };
    }),
    notes: [],
  };
}

export async function actionLogSection(context: SectionContext): Promise<SectionContent> {
  const { db, meeting, sectionId } = context;
  const [actions, previous] = await Promise.all([listActionsFor(db, meeting), previousMeetingDate(db, meeting)]);
  const open = actions.filter((action) => action.status === 'open');
  const closed = actions.filter(
    (action) =>
      action.status !== 'open' &&
      action.closedOn !== null &&
      action.closedOn <= meeting.heldOn &&
      (previous === null || action.closedOn > previous),
  );
  const since = previous ? `since the meeting of ${longDate(previous)}` : 'by this meeting';
  const blocks: PackBlock[] = [
    open.length > 0
      ? { kind: 'table', table: actionTable(open, meeting.heldOn, `${sectionId}:table:1`, 'Open actions') }
      : { kind: 'note', text: 'There are no open actions.' },
    closed.length > 0
      ? { kind: 'table', table: actionTable(closed, meeting.heldOn, `${sectionId}:table:2`, `Actions closed ${since}`) }
      : { kind: 'note', text: `No action was closed ${since}.` },
  ];
  const overdue = open.filter((action) => statusOf(action, meeting.heldOn).overdue).length;
  if (overdue > 0) {
    blocks.push({ kind: 'note', text: `${overdue} open action${overdue === 1 ? ' is' : 's are'} past the due date.` });
  }
  return plainContent(blocks);
}
