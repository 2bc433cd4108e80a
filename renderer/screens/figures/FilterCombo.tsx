import { memo, useMemo } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';

interface FilterComboProps {
  readonly label: string;
  /** "All indicators": the choice that clears the filter. */
  readonly allLabel: string;
  readonly options: readonly { readonly id: number; readonly name: string }[];
  readonly value: number | null;
  readonly onChange: (id: number | null) => void;
}

const ALL = 'all';

/**
 * A filter that narrows the figures to one indicator, area or period; type to
 * search, or choose "All". Memoised: the screen renders again when 100,000
 * figures arrive, and a combo box of a hundred choices need not.
 */
export const FilterCombo = memo(function FilterCombo({ label, allLabel, options, value, onChange }: FilterComboProps) {
  const items = useMemo(
    () => [{ id: ALL, name: allLabel }, ...options.map((option) => ({ id: String(option.id), name: option.name }))],
    [allLabel, options],
  );
  return (
    <ComboBox
      className="filter-combo"
      selectedKey={value === null ? ALL : String(value)}
      onSelectionChange={(key) => {
        if (key === null) return;
        onChange(key === ALL ? null : Number(key));
      }}
      defaultItems={items}
      menuTrigger="focus"
    >
      <Label className="field-label">{label}</Label>
      <div className="combo-field">
        <Input className="combo-input" onFocus={(event) => event.currentTarget.select()} />
        <Button className="combo-button" aria-label={`Show ${label.toLowerCase()} choices`}>
          ▾
        </Button>
      </div>
      <Popover className="popover" placement="bottom start">
        <ListBox className="listbox">
          {(item: { id: string; name: string }) => (
            <ListBoxItem id={item.id} className="listbox-item" textValue={item.name}>
              {item.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
});
