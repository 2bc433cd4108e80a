import { ListBox, ListBoxItem } from 'react-aria-components';
import type { MeetingSummary } from '../../../shared/api/meetings-contract';
import { dateText } from './format';

interface MeetingListProps {
  readonly meetings: readonly MeetingSummary[];
  readonly selectedId: number | null;
  readonly onSelect: (id: number) => void;
}

/** The meetings, newest first: arrows move, Enter or a click opens one. */
export function MeetingList({ meetings, selectedId, onSelect }: MeetingListProps) {
  if (meetings.length === 0) return <p className="help">No meetings yet. Start one with New meeting.</p>;
  return (
    <ListBox
      aria-label="Meetings"
      className="meeting-listbox"
      items={meetings}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={selectedId === null ? [] : [selectedId]}
      onSelectionChange={(keys) => {
        if (keys === 'all') return;
        const [key] = [...keys];
        if (key !== undefined) onSelect(Number(key));
      }}
    >
      {(meeting) => (
        <ListBoxItem
          id={meeting.id}
          textValue={`${meeting.title}, ${dateText(meeting.heldOn)}`}
          className="meeting-option"
        >
          <span className="meeting-option-title">{meeting.title}</span>
          <span className="meeting-option-detail">
            {dateText(meeting.heldOn)} · {meeting.itemCount} {meeting.itemCount === 1 ? 'item' : 'items'}
          </span>
          <span className={meeting.latestVersion === null ? 'badge badge-draft' : 'badge badge-ok'}>
            {meeting.latestVersion === null ? 'Not issued' : `v${meeting.latestVersion} issued`}
          </span>
        </ListBoxItem>
      )}
    </ListBox>
  );
}
