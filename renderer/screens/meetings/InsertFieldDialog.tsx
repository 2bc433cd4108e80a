import { useMemo, useState } from 'react';
import type { Area, Indicator, Period } from '../../../shared/model';
import { useRecords } from '../../data/queries';
import { FormDialog } from './FormDialog';
import { FIELD_KINDS, type FieldKind } from '../../../shared/pack/fields';
import { FIELD_KIND_LABELS, fieldText } from './field-text';

interface InsertFieldDialogProps {
  readonly onInsert: (text: string) => void;
  readonly onClose: () => void;
}

interface Named {
  readonly id: number;
  readonly name: string;
}

function Pick({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly Named[];
  value: number | null;
  onChange: (id: number) => void;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value ?? ''} required onChange={(event) => onChange(Number(event.target.value))}>
        <option value="" disabled>
          Choose…
        </option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Builds a field bound to data from the database's own lists, so its names are
 * ones the pack can resolve, and inserts it where the cursor was.
 */
export function InsertFieldDialog({ onInsert, onClose }: InsertFieldDialogProps) {
  const indicators = useRecords<Indicator>('indicators');
  const areas = useRecords<Area>('areas');
  const periods = useRecords<Period>('periods');
  const [kind, setKind] = useState<FieldKind>('figure');
  const [indicatorId, setIndicatorId] = useState<number | null>(null);
  const [areaId, setAreaId] = useState<number | null>(null);
  const [baseId, setBaseId] = useState<number | null>(null);
  const [currentId, setCurrentId] = useState<number | null>(null);

  const periodOptions = useMemo(
    () =>
      [...periods.rows]
        .sort((a, b) => b.startDate.localeCompare(a.startDate))
        .map((period) => ({ id: period.id, name: period.label })),
    [periods.rows],
  );
  const nameOf = (options: readonly Named[], id: number | null) => options.find((option) => option.id === id)?.name;

  const indicator = nameOf(indicators.rows, indicatorId);
  const area = nameOf(areas.rows, areaId);
  const current = nameOf(periodOptions, currentId);
  const base = nameOf(periodOptions, baseId);
  const text =
    indicator && area && current && (kind === 'figure' || base)
      ? fieldText(kind, indicator, area, kind === 'figure' ? [current] : [base ?? '', current])
      : null;

  return (
    <FormDialog
      title="Insert a field bound to data"
      submitLabel="Insert field"
      onClose={onClose}
      wide
      onSubmit={() => {
        if (text === null) return Promise.resolve('Choose the indicator, the area and the period(s) first.');
        onInsert(text);
        return Promise.resolve(null);
      }}
    >
      <fieldset className="editor-fieldset field-kinds">
        <legend>Field</legend>
        {FIELD_KINDS.map((candidate) => (
          <label key={candidate} className="choice">
            <input type="radio" name="field-kind" checked={kind === candidate} onChange={() => setKind(candidate)} />
            {FIELD_KIND_LABELS[candidate]}
          </label>
        ))}
      </fieldset>
      <div className="dialog-grid">
        <Pick label="Indicator" options={indicators.rows} value={indicatorId} onChange={setIndicatorId} />
        <Pick label="Area" options={areas.rows} value={areaId} onChange={setAreaId} />
        {kind === 'figure' ? (
          <Pick label="Period" options={periodOptions} value={currentId} onChange={setCurrentId} />
        ) : (
          <>
            <Pick label="Base period" options={periodOptions} value={baseId} onChange={setBaseId} />
            <Pick label="Current period" options={periodOptions} value={currentId} onChange={setCurrentId} />
          </>
        )}
      </div>
      <p className="field-preview">
        <span className="field-label">Inserts</span> <code>{text ?? '…'}</code>
      </p>
    </FormDialog>
  );
}
