import { useMemo, useState } from 'react';
import type { Action, ActionOwnerInput } from '../../../shared/api/actions-contract';
import type { Meeting } from '../../../shared/api/meetings-contract';
import type { Partner, Person, Plan, Priority } from '../../../shared/model';
import { useRecords } from '../../data/queries';
import { FormDialog } from './FormDialog';
import { dateText } from './format';
import { staleRetry } from '../../data/use-versioned-save';
import { useWrite } from './use-write';

interface ActionFormDialogProps {
  readonly meeting: Meeting;
  /** The action to edit; a new action is raised at `meeting` when absent. */
  readonly action?: Action;
  readonly onClose: () => void;
}

/** The owner select's value: '' none, 'partner:3', 'person:7', or 'name' (typed in). */
type OwnerChoice = string;

const choiceOf = (owner: Action['owner']): OwnerChoice =>
  owner === null ? '' : owner.kind === 'name' ? 'name' : `${owner.kind}:${owner.id ?? ''}`;

function ownerInput(choice: OwnerChoice, name: string): ActionOwnerInput {
  if (choice === '') return null;
  if (choice === 'name') return { kind: 'name', name };
  const [kind, id] = choice.split(':');
  return kind === 'partner' ? { kind: 'partner', partnerId: Number(id) } : { kind: 'person', personId: Number(id) };
}

const personLabel = (person: Person) => (person.name ? `${person.name} (${person.role})` : person.role);

/**
 * Raises an action at this meeting under one of its agenda items, or edits one:
 * description, owner (a partner, a person, or a name typed in), due date and
 * the plan priority it serves. Its status changes elsewhere (with the trail).
 */
export function ActionFormDialog({ meeting, action, onClose }: ActionFormDialogProps) {
  const write = useWrite();
  const partners = useRecords<Partner>('partners');
  const people = useRecords<Person>('people');
  const plans = useRecords<Plan>('plans');
  const priorities = useRecords<Priority>('priorities');
  const raisedHere = action === undefined || action.raisedAt?.meetingId === meeting.id;
  const [description, setDescription] = useState(action?.description ?? '');
  const [itemId, setItemId] = useState(action?.agendaItem?.id ?? null);
  const [ownerChoice, setOwnerChoice] = useState<OwnerChoice>(choiceOf(action?.owner ?? null));
  const [ownerName, setOwnerName] = useState(action?.owner?.kind === 'name' ? action.owner.name : '');
  const [dueOn, setDueOn] = useState(action?.dueOn ?? '');
  const [priorityId, setPriorityId] = useState(action?.priority?.id ?? null);
  // The action's version this edit is made from; after a stale refusal, the version saved now (save again: keep mine).
  const [version, setVersion] = useState(action?.version);

  const priorityGroups = useMemo(
    () =>
      plans.rows
        .map((plan) => ({ plan, priorities: priorities.rows.filter((priority) => priority.planId === plan.id) }))
        .filter((group) => group.priorities.length > 0),
    [plans.rows, priorities.rows],
  );

  const submit = async (): Promise<string | null> => {
    const fields = {
      description,
      owner: ownerInput(ownerChoice, ownerName),
      dueOn: dueOn === '' ? null : dueOn,
      priorityId,
    };
    const result =
      action === undefined
        ? await write('actions.add', { meetingId: meeting.id, agendaItemId: itemId ?? 0, ...fields })
        : await write('actions.update', {
            id: action.id,
            ...(version === undefined ? {} : { version }),
            changes: { ...fields, ...(raisedHere && itemId !== null ? { agendaItemId: itemId } : {}) },
          });
    if (result.ok) return null;
    const retry = staleRetry(result.error);
    if (retry.version !== null) setVersion(retry.version);
    return retry.message;
  };

  return (
    <FormDialog
      title={action === undefined ? 'Raise an action' : 'Edit the action'}
      submitLabel={action === undefined ? 'Raise action' : 'Save action'}
      wide
      onClose={onClose}
      onSubmit={submit}
    >
      <label className="field">
        <span className="field-label">Description</span>
        <textarea
          className="text-input action-description-input"
          value={description}
          required
          autoFocus
          rows={3}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <div className="dialog-grid">
        {raisedHere ? (
          <label className="field">
            <span className="field-label">Raised under agenda item</span>
            <select
              value={itemId ?? ''}
              required
              onChange={(event) => setItemId(event.target.value === '' ? null : Number(event.target.value))}
            >
              <option value="">Choose an item</option>
              {meeting.items.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.position}. {item.title}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="help">
            Raised{' '}
            {action?.raisedAt
              ? `at the meeting of ${dateText(action.raisedAt.heldOn)}`
              : 'outside meetings, with the plan'}
            {action?.agendaItem ? `, under “${action.agendaItem.title}”` : ''}.
          </p>
        )}
        <label className="field">
          <span className="field-label">Due date</span>
          <input type="date" className="text-input" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Owner</span>
          <select value={ownerChoice} onChange={(event) => setOwnerChoice(event.target.value)}>
            <option value="">No owner yet</option>
            <optgroup label="Partners">
              {partners.rows.map((partner) => (
                <option key={partner.id} value={`partner:${partner.id}`}>
                  {partner.name}
                </option>
              ))}
            </optgroup>
            {people.rows.length > 0 ? (
              <optgroup label="People">
                {people.rows.map((person) => (
                  <option key={person.id} value={`person:${person.id}`}>
                    {personLabel(person)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <option value="name">Someone else (type a name)</option>
          </select>
        </label>
        {ownerChoice === 'name' ? (
          <label className="field">
            <span className="field-label">Owner’s name</span>
            <input
              className="text-input"
              value={ownerName}
              required
              maxLength={200}
              placeholder="A sub-group, team or person"
              onChange={(event) => setOwnerName(event.target.value)}
            />
          </label>
        ) : null}
        <label className="field">
          <span className="field-label">Plan priority (optional)</span>
          <select
            value={priorityId ?? ''}
            onChange={(event) => setPriorityId(event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">None</option>
            {priorityGroups.map(({ plan, priorities: list }) => (
              <optgroup key={plan.id} label={plan.title}>
                {list.map((priority) => (
                  <option key={priority.id} value={priority.id}>
                    {priority.ref} {priority.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      </div>
    </FormDialog>
  );
}
