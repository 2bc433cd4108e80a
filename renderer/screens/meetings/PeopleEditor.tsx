import { useRef } from 'react';
import type { MeetingPerson } from '../../../shared/api/meetings-contract';

interface PeopleEditorProps {
  readonly label: string;
  readonly people: readonly MeetingPerson[];
  /** 'now' for adding and removing rows; typing saves after a pause. */
  readonly onChange: (people: readonly MeetingPerson[], at: 'now' | 'later') => void;
  readonly onBlur: () => void;
}

/**
 * Name and role rows (attendees, apologies): add, edit, remove. A row without a
 * name is kept on screen but not saved, so adding a row never fails a save.
 */
export function PeopleEditor({ label, people, onChange, onBlur }: PeopleEditorProps) {
  const list = useRef<HTMLTableSectionElement>(null);
  const singular = label === 'Attendees' ? 'attendee' : 'person';

  const set = (index: number, person: MeetingPerson) =>
    onChange(
      people.map((current, at) => (at === index ? person : current)),
      'later',
    );

  const add = () => {
    onChange([...people, { name: '', role: null }], 'later');
    // Focus the new row's name once it is drawn.
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('tr:last-child input')?.focus());
  };

  return (
    <fieldset className="editor-fieldset people">
      <legend>{label}</legend>
      {people.length === 0 ? <p className="help">None listed.</p> : null}
      <table className="people-table">
        {people.length > 0 ? (
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role or organisation</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
        ) : null}
        <tbody ref={list}>
          {people.map((person, index) => (
            <tr key={index}>
              <td>
                <input
                  className="text-input people-input"
                  aria-label={`${label} ${index + 1}: name`}
                  value={person.name}
                  onChange={(event) => set(index, { ...person, name: event.target.value })}
                  onBlur={onBlur}
                />
              </td>
              <td>
                <input
                  className="text-input people-input"
                  aria-label={`${label} ${index + 1}: role`}
                  value={person.role ?? ''}
                  onChange={(event) =>
                    set(index, { ...person, role: event.target.value.trim() === '' ? null : event.target.value })
                  }
                  onBlur={onBlur}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Remove ${person.name.trim() === '' ? `${singular} ${index + 1}` : person.name} from ${label.toLowerCase()}`}
                  onClick={() =>
                    onChange(
                      people.filter((_, at) => at !== index),
                      'now',
                    )
                  }
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <button type="button" className="button" onClick={add}>
          Add {label === 'Attendees' ? 'attendee' : 'apology'}
        </button>
      </div>
    </fieldset>
  );
}
