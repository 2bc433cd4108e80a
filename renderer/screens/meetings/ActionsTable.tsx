import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import type { MeetingAction } from '../../../shared/api/actions-contract';
import { updateLine } from '../../../shared/action-text';
import { dateText, dateTimeText } from './format';

/** What can be done to an action from its menu: a trail entry, a status, an edit or a delete. */
export type ActionCommand = 'update' | 'done' | 'dropped' | 'open' | 'edit' | 'delete';

interface ActionsTableProps {
  readonly actions: readonly MeetingAction[];
  readonly onCommand: (action: MeetingAction, command: ActionCommand) => void;
}

const COLUMNS = 6;

/** Where the action comes from: the earlier meeting or the plan, or the item of this meeting it was raised under. */
function originText(action: MeetingAction): string {
  const origin = action.carried
    ? action.raisedAt
      ? `Raised at the meeting of ${dateText(action.raisedAt.heldOn)}`
      : 'Raised outside meetings'
    : action.agendaItem
      ? `Item ${action.agendaItem.position}: ${action.agendaItem.title}`
      : 'Under no agenda item';
  return action.priority ? `${origin} · priority ${action.priority.ref}` : origin;
}

/** The status in words, with its colour: "Overdue" (open, due before the meeting), "Open", "Done" or "Dropped" and the day. */
function StatusCell({ action }: { action: MeetingAction }) {
  if (action.status === 'open') {
    return action.overdue ? (
      <span className="badge action-status action-status-overdue">Overdue</span>
    ) : (
      <span className="badge action-status action-status-open">Open</span>
    );
  }
  return (
    <>
      <span className={`badge action-status action-status-${action.status}`}>
        {action.status === 'done' ? 'Done' : 'Dropped'}
      </span>
      {action.closedOn ? <span className="action-when">{dateText(action.closedOn)}</span> : null}
    </>
  );
}

function ActionMenu({
  action,
  describedBy,
  onCommand,
}: { action: MeetingAction; describedBy: string } & Pick<ActionsTableProps, 'onCommand'>) {
  const items: { id: ActionCommand; label: string }[] = [
    { id: 'update', label: 'Add an update…' },
    ...(action.status === 'open'
      ? [
          { id: 'done' as const, label: 'Mark done…' },
          { id: 'dropped' as const, label: 'Drop…' },
        ]
      : [{ id: 'open' as const, label: 'Reopen…' }]),
    { id: 'edit', label: 'Edit…' },
    { id: 'delete', label: 'Delete…' },
  ];
  return (
    <MenuTrigger>
      <Button className="button button-small" aria-describedby={describedBy}>
        Manage<span aria-hidden="true"> ▾</span>
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu className="listbox" items={items} onAction={(key) => onCommand(action, key as ActionCommand)}>
          {(item) => (
            <MenuItem id={item.id} className="listbox-item">
              {item.label}
            </MenuItem>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

function ActionRow({ action, onCommand }: { action: MeetingAction } & Pick<ActionsTableProps, 'onCommand'>) {
  const [showTrail, setShowTrail] = useState(false);
  const descriptionId = `action-${action.id}-description`;
  const trailId = `action-${action.id}-trail`;
  const latest = action.updates.at(-1);
  return (
    <>
      <tr className={action.overdue ? 'action-row is-overdue' : 'action-row'}>
        <td>
          <span id={descriptionId} className="action-description">
            {action.description}
          </span>
          <span className="action-meta">{originText(action)}</span>
        </td>
        <td>{action.owner?.name ?? <span className="action-none">No owner</span>}</td>
        <td className="action-due">
          {action.dueOn ? dateText(action.dueOn) : <span className="action-none">None</span>}
        </td>
        <td>
          <StatusCell action={action} />
        </td>
        <td>
          {latest ? (
            <>
              <span className="action-latest">{updateLine(latest)}</span>
              <span className="action-meta">
                {latest.author}, {dateText(latest.at.slice(0, 10))}
              </span>
              <button
                type="button"
                className="link-button action-trail-toggle"
                aria-expanded={showTrail}
                aria-describedby={descriptionId}
                {...(showTrail ? { 'aria-controls': trailId } : {})}
                onClick={() => setShowTrail((shown) => !shown)}
              >
                {showTrail ? 'Hide' : 'Show'} trail ({action.updates.length})
              </button>
            </>
          ) : (
            <span className="action-none">No updates yet</span>
          )}
        </td>
        <td className="action-manage">
          <ActionMenu action={action} describedBy={descriptionId} onCommand={onCommand} />
        </td>
      </tr>
      {showTrail ? (
        <tr className="action-trail-row" id={trailId}>
          <td colSpan={COLUMNS}>
            <ol className="action-trail" aria-label={`Trail of “${action.description}”`}>
              {action.updates.map((update) => (
                <li key={update.id}>
                  <span className="action-trail-when">{dateTimeText(update.at)}</span>
                  <span className="action-trail-who">{update.author}</span>
                  <span>{updateLine(update)}</span>
                </li>
              ))}
            </ol>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function Group({ title, empty, actions, onCommand }: { title: string; empty: string } & ActionsTableProps) {
  return (
    <tbody>
      <tr className="actions-group-row">
        <th scope="rowgroup" colSpan={COLUMNS}>
          {title} ({actions.length})
        </th>
      </tr>
      {actions.length === 0 ? (
        <tr>
          <td colSpan={COLUMNS} className="action-none">
            {empty}
          </td>
        </tr>
      ) : (
        actions.map((action) => <ActionRow key={action.id} action={action} onCommand={onCommand} />)
      )}
    </tbody>
  );
}

/**
 * The meeting's actions in two row groups, carried forward and raised here;
 * an overdue one says "Overdue" and is marked in red; each opens its trail.
 */
export function ActionsTable({ actions, onCommand }: ActionsTableProps) {
  return (
    <table className="plain-table actions-table">
      <caption className="visually-hidden">Actions carried forward to this meeting and raised at it</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
          <th scope="col">Latest update</th>
          <th scope="col">
            <span className="visually-hidden">Manage</span>
          </th>
        </tr>
      </thead>
      <Group
        title="Carried forward from earlier meetings"
        empty="Nothing is carried forward: no earlier action is open or was closed since the last meeting."
        actions={actions.filter((action) => action.carried)}
        onCommand={onCommand}
      />
      <Group
        title="Raised at this meeting"
        empty="No action has been raised at this meeting yet."
        actions={actions.filter((action) => !action.carried)}
        onCommand={onCommand}
      />
    </table>
  );
}
