import { useState } from 'react';
import type { MeetingAction } from '../../../shared/api/actions-contract';
import type { Meeting } from '../../../shared/api/meetings-contract';
import { DeleteDialog } from '../../grid/DeleteDialog';
import { useMeetingActions } from './action-queries';
import { ActionFormDialog } from './ActionFormDialog';
import { ActionStatusDialog, ActionUpdateDialog } from './ActionTrailDialogs';
import { ActionsTable, type ActionCommand } from './ActionsTable';
import { dateText } from './format';
import { useWrite } from './use-write';
import './actions.css';

type Dialog = { readonly kind: 'raise' } | { readonly kind: ActionCommand; readonly action: MeetingAction };

/**
 * The meeting's actions: those carried forward from the board's earlier
 * meetings and those raised at this one, overdue ones marked (judged on the
 * meeting's date); raise, edit, add an update, mark done or dropped, reopen,
 * see the trail, delete (after saying what goes with it). The pack's action
 * log prints the same list.
 */
export function ActionsPanel({ meeting }: { meeting: Meeting }) {
  const list = useMeetingActions(meeting.id);
  const write = useWrite();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const actions = list.data?.actions ?? [];
  const open = actions.filter((action) => action.status === 'open').length;
  const overdue = actions.filter((action) => action.overdue).length;
  const previous = list.data?.previousHeldOn ?? null;
  const close = () => setDialog(null);

  return (
    <section className="actions-panel" aria-labelledby="actions-heading">
      <div className="grid-toolbar">
        <h3 id="actions-heading" className="section-title">
          Actions
        </h3>
        <span className="grid-count">
          {open} open{overdue > 0 ? `, ${overdue} overdue` : ''}, {actions.length - open} closed
        </span>
        <span className="grid-toolbar-spacer" />
        <button
          type="button"
          className="button button-primary"
          disabled={meeting.items.length === 0}
          onClick={() => setDialog({ kind: 'raise' })}
        >
          Raise an action…
        </button>
      </div>
      <p className="help">
        Overdue means open and due before this meeting’s date, {dateText(meeting.heldOn)}. Carried forward: actions
        raised before this meeting that are open, or were closed{' '}
        {previous
          ? `since the board’s previous meeting (${dateText(previous)})`
          : 'at any time, as this is the board’s first meeting'}
        .
      </p>
      {meeting.items.length === 0 ? (
        <p className="help">Add an agenda item first: an action is raised under one.</p>
      ) : null}
      {list.error ? (
        <p className="error-text" role="alert">
          The actions could not be read: {list.error.message}
        </p>
      ) : list.data ? (
        <ActionsTable actions={actions} onCommand={(action, kind) => setDialog({ kind, action })} />
      ) : (
        <p className="help">Reading the actions…</p>
      )}

      {dialog?.kind === 'raise' ? <ActionFormDialog meeting={meeting} onClose={close} /> : null}
      {dialog?.kind === 'edit' ? <ActionFormDialog meeting={meeting} action={dialog.action} onClose={close} /> : null}
      {dialog?.kind === 'update' ? <ActionUpdateDialog action={dialog.action} onClose={close} /> : null}
      {dialog?.kind === 'done' || dialog?.kind === 'dropped' || dialog?.kind === 'open' ? (
        <ActionStatusDialog action={dialog.action} status={dialog.kind} onClose={close} />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDialog
          entity="actions"
          id={dialog.action.id}
          what={`the action “${dialog.action.description}”`}
          onConfirm={() => write('actions.delete', { id: dialog.action.id, version: dialog.action.version })}
          onClose={close}
        />
      ) : null}
    </section>
  );
}
