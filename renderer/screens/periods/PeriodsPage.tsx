import { periodFields } from '../../../shared/api/records';
import { PERIOD_KINDS } from '../../../shared/domain';
import type { Period } from '../../../shared/model';
import type { FieldSpec } from '../../grid/field-spec';
import { dateField, enumOptions, longField, selectField, textField } from '../../grid/specs';
import { RecordGrid, today } from '../shared/RecordGrid';

const periodColumns: FieldSpec<Period>[] = [
  textField('label', 'Label', { size: 160 }),
  selectField('kind', 'Kind', enumOptions(PERIOD_KINDS), { size: 150 }),
  dateField('startDate', 'Start', { size: 130 }),
  dateField('endDate', 'End', { size: 130 }),
  longField('note', 'Note', { size: 360 }),
];

/** Periods figures belong to: financial years, quarters, months, ranges, surveys. */
export function PeriodsPage() {
  return (
    <RecordGrid<Period>
      entity="periods"
      label="Periods"
      addLabel="Add period"
      specs={periodColumns}
      schema={periodFields}
      describe={(period) => `period ${period.label}`}
      height={560}
      newRecord={(rows) => {
        const labels = new Set(rows.map((row) => row.label));
        let n = 1;
        while (labels.has(`New period ${n}`)) n += 1;
        const start = today();
        return { label: `New period ${n}`, kind: 'range', startDate: start, endDate: start, note: null };
      }}
    />
  );
}
