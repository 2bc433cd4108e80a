import { useCallback, useMemo, useState } from 'react';
import { MARKINGS, type Marking } from '../../../shared/domain';
import type { Meeting, MeetingPerson } from '../../../shared/api/meetings-contract';
import { formatError } from '../../../shared/errors';
import type { Period } from '../../../shared/model';
import { useApi } from '../../data/api-context';
import { useRecords } from '../../data/queries';
import { PeopleEditor } from './PeopleEditor';
import { StaleNotice } from '../../app/StaleNotice';
import { useDebouncedChanges } from './use-debounced-changes';
import { formChoices, useVersionedSave } from '../../data/use-versioned-save';
import { useWrite } from './use-write';

type MeetingChanges = Partial<{
  title: string;
  board: string | null;
  heldOn: string;
  startsAt: string | null;
  periodId: number | null;
  venue: string | null;
  marking: Marking;
  attendees: MeetingPerson[];
  apologies: MeetingPerson[];
}>;

const orNull = (text: string) => (text.trim() === '' ? null : text);

/**
 * The meeting's own facts: board, title, date and time, the quarter it reports
 * on, venue, protective marking, who attends and who sent apologies. Each
 * change saves itself (typing after a pause or on leaving the field), made
 * from the meeting's version the form shows: when someone else saved the
 * meeting first, the user keeps theirs or takes the other's.
 */
export function MeetingDetails({ meeting }: { meeting: Meeting }) {
  const api = useApi();
  const write = useWrite();
  const periods = useRecords<Period>('periods');
  const [draft, setDraft] = useState(meeting);
  const [takeFailure, setTakeFailure] = useState<string | null>(null);

  const send = useCallback(
    (version: number, changes: MeetingChanges) => write('meetings.update', { id: meeting.id, version, changes }),
    [meeting.id, write],
  );
  const versioned = useVersionedSave(meeting.version, send);
  const saveInTurn = versioned.save;
  const save = useCallback((changes: MeetingChanges) => void saveInTurn(changes), [saveInTurn]);
  const { schedule, flush } = useDebouncedChanges(save);

  /** The meeting as saved now, with `mine` over it: the form then shows what the other person saved too. */
  const showSaved = async (mine: MeetingChanges): Promise<Meeting | null> => {
    const saved = await api['meetings.get']({ id: meeting.id });
    if (!saved.ok) {
      setTakeFailure(formatError(saved.error));
      return null;
    }
    setTakeFailure(null);
    setDraft({ ...saved.value, ...mine });
    return saved.value;
  };
  const { takeTheirs, keepMine } = formChoices(versioned, showSaved);
  const failure = versioned.conflict ? null : (takeFailure ?? versioned.failure);

  const change = (changes: MeetingChanges, at: 'now' | 'later' = 'later') => {
    setDraft((current) => ({ ...current, ...changes }));
    schedule(changes);
    if (at === 'now') flush();
  };

  /** Rows without a name stay on screen and are left out of the save. */
  const changePeople = (field: 'attendees' | 'apologies', people: readonly MeetingPerson[], at: 'now' | 'later') => {
    setDraft((current) => ({ ...current, [field]: people }));
    schedule({
      [field]: people
        .filter((person) => person.name.trim() !== '')
        .map((person) => ({ name: person.name.trim(), role: person.role?.trim() || null })),
    });
    if (at === 'now') flush();
  };

  const periodOptions = useMemo(
    () =>
      [...periods.rows].sort(
        (a, b) => Number(b.kind === 'quarter') - Number(a.kind === 'quarter') || b.startDate.localeCompare(a.startDate),
      ),
    [periods.rows],
  );

  const text = (label: string, field: 'title' | 'board' | 'venue', required = false) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        className="text-input"
        value={draft[field] ?? ''}
        required={required}
        onChange={(event) => change({ [field]: required ? event.target.value : orNull(event.target.value) })}
        onBlur={flush}
      />
    </label>
  );

  return (
    <section className="meeting-details" aria-labelledby="meeting-details-heading">
      <h3 id="meeting-details-heading" className="section-title">
        Meeting
      </h3>
      <div className="details-grid">
        {text('Title', 'title', true)}
        {text('Board', 'board')}
        <label className="field">
          <span className="field-label">Date</span>
          <input
            type="date"
            className="text-input"
            value={draft.heldOn}
            required
            onChange={(event) => event.target.value && change({ heldOn: event.target.value }, 'now')}
          />
        </label>
        <label className="field">
          <span className="field-label">Start time</span>
          <input
            type="time"
            className="text-input"
            value={draft.startsAt ?? ''}
            onChange={(event) => change({ startsAt: orNull(event.target.value) })}
            onBlur={flush}
          />
        </label>
        <label className="field">
          <span className="field-label">Quarter reported on</span>
          <select
            value={draft.periodId ?? ''}
            onChange={(event) =>
              change({ periodId: event.target.value === '' ? null : Number(event.target.value) }, 'now')
            }
          >
            <option value="">No quarter</option>
            {periodOptions.map((period) => (
              <option key={period.id} value={period.id}>
                {period.label} ({period.kind})
              </option>
            ))}
          </select>
        </label>
        {text('Venue', 'venue')}
        <label className="field">
          <span className="field-label">Protective marking</span>
          <select value={draft.marking} onChange={(event) => change({ marking: event.target.value as Marking }, 'now')}>
            {MARKINGS.map((marking) => (
              <option key={marking} value={marking}>
                {marking}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div role="alert" className="details-failure">
        {failure ? <p className="error-text">{failure}</p> : null}
      </div>
      {versioned.conflict ? (
        <StaleNotice
          message={versioned.conflict.message}
          onKeepMine={() => void keepMine()}
          onTakeTheirs={() => void takeTheirs()}
        />
      ) : null}
      <div className="people-columns">
        <PeopleEditor
          label="Attendees"
          people={draft.attendees}
          onChange={(people, at) => changePeople('attendees', people, at)}
          onBlur={flush}
        />
        <PeopleEditor
          label="Apologies"
          people={draft.apologies}
          onChange={(people, at) => changePeople('apologies', people, at)}
          onBlur={flush}
        />
      </div>
    </section>
  );
}
