import { useMemo } from 'react';
import { areaFields } from '../../../shared/api/records';
import { AREA_KINDS } from '../../../shared/domain';
import type { Area } from '../../../shared/model';
import type { FieldSpec } from '../../grid/field-spec';
import { enumOptions, readonlyField, recordOptions, selectField, textField } from '../../grid/specs';
import { useRecords } from '../../data/queries';
import { RecordGrid } from '../shared/RecordGrid';

const areaColumns = (areas: readonly Area[]): FieldSpec<Area>[] => [
  textField('name', 'Name', { size: 240 }),
  selectField('kind', 'Kind', enumOptions(AREA_KINDS), { size: 150 }),
  selectField(
    'parentId',
    'Part of',
    recordOptions(areas, (area) => area.name),
    { nullable: true, size: 200 },
  ),
  textField('code', 'Code', { size: 120 }),
  readonlyField('aliases', 'Also known as', (area) => area.aliases.join(', '), { size: 260 }),
];

/** Areas: districts, community boards, comparators such as England; names and aliases are what pastes and imports match. */
export function AreasPage() {
  const areas = useRecords<Area>('areas');
  const specs = useMemo(() => areaColumns(areas.rows), [areas.rows]);
  return (
    <RecordGrid<Area>
      entity="areas"
      label="Areas"
      addLabel="Add area"
      specs={specs}
      schema={areaFields}
      describe={(area) => area.name}
      height={560}
      newRecord={(rows) => {
        const names = new Set(rows.map((row) => row.name));
        let n = 1;
        while (names.has(`New area ${n}`)) n += 1;
        return { name: `New area ${n}`, kind: 'district', parentId: null, code: null };
      }}
    />
  );
}
