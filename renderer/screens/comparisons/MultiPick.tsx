import { useId, useState } from 'react';
import { ListBox, ListBoxItem, type Selection } from 'react-aria-components';

export interface PickOption {
  readonly id: number;
  readonly name: string;
  /** A quieter second line ("police area", "2018-04-01 to 2019-03-31"). */
  readonly detail?: string;
}

interface MultiPickProps {
  readonly label: string;
  readonly options: readonly PickOption[];
  readonly selected: readonly number[];
  readonly onChange: (ids: number[]) => void;
  /** Show a box to narrow a long list by name. */
  readonly searchable?: boolean;
  /** Say the chosen ones in the order picked (rows follow it), or in the list's order (a trend's periods). */
  readonly chosenOrder?: 'picked' | 'list';
}

/**
 * A labelled list to choose several from (react-aria ListBox: arrows move,
 * Space or click toggles, typing jumps), with what is chosen said below it.
 */
export function MultiPick({
  label,
  options,
  selected,
  onChange,
  searchable = false,
  chosenOrder = 'picked',
}: MultiPickProps) {
  const labelId = useId();
  const [search, setSearch] = useState('');
  const wanted = search.trim().toLowerCase();
  const shown = wanted === '' ? options : options.filter((option) => option.name.toLowerCase().includes(wanted));
  const chosen =
    chosenOrder === 'list'
      ? options.filter((option) => selected.includes(option.id))
      : selected.flatMap((id) => options.filter((option) => option.id === id));
  const change = (keys: Selection) => {
    if (keys === 'all') {
      onChange([...new Set([...selected, ...shown.map((option) => option.id)])]);
      return;
    }
    // Keep the order things were chosen in (it is the rows' order); hidden choices stay chosen.
    const next = new Set([...keys].map(Number));
    const visible = new Set(shown.map((option) => option.id));
    const kept = selected.filter((id) => !visible.has(id) || next.has(id));
    onChange([...kept, ...[...next].filter((id) => !selected.includes(id))]);
  };
  return (
    <div className="pick">
      <span id={labelId} className="field-label">
        {label}
      </span>
      {searchable ? (
        <input
          type="search"
          className="pick-search"
          aria-label={`Find ${label.toLowerCase()}`}
          placeholder="Type to narrow the list"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      ) : null}
      <ListBox
        aria-labelledby={labelId}
        className="listbox multi-listbox pick-list"
        selectionMode="multiple"
        selectedKeys={selected.map(String)}
        onSelectionChange={change}
        items={shown}
        renderEmptyState={() => <span className="cell-muted">Nothing matches.</span>}
      >
        {(option) => (
          <ListBoxItem id={String(option.id)} className="listbox-item" textValue={option.name}>
            {({ isSelected }) => (
              <>
                <span className="check" aria-hidden="true">
                  {isSelected ? '✓' : ''}
                </span>
                {option.name}
                {option.detail ? <span className="pick-detail"> {option.detail}</span> : null}
              </>
            )}
          </ListBoxItem>
        )}
      </ListBox>
      <span className="pick-chosen">
        {chosen.length === 0
          ? 'None chosen'
          : `${chosen.length} chosen: ${chosen.map((option) => option.name).join(', ')}`}
      </span>
    </div>
  );
}
