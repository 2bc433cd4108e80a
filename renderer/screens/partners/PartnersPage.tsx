import { useMemo } from 'react';
import { partnerFields, personFields } from '../../../shared/api/records';
import { PARTNER_KINDS } from '../../../shared/domain';
import type { Partner, Person } from '../../../shared/model';
import type { FieldSpec } from '../../grid/field-spec';
import { boolField, enumOptions, recordOptions, selectField, textField } from '../../grid/specs';
import { useRecords } from '../../data/queries';
import { RecordGrid } from '../shared/RecordGrid';

const partnerColumns: FieldSpec<Partner>[] = [
  textField('name', 'Name', { size: 320 }),
  textField('shortName', 'Short name', { size: 140 }),
  selectField('kind', 'Kind', enumOptions(PARTNER_KINDS), { size: 190 }),
  boolField('boardMember', 'Board member', { size: 130 }),
];

const personColumns = (partners: readonly Partner[]): FieldSpec<Person>[] => [
  textField('name', 'Name', { size: 220 }),
  textField('role', 'Role', { size: 320 }),
  selectField(
    'partnerId',
    'Partner',
    recordOptions(partners, (partner) => partner.shortName ?? partner.name),
    {
      nullable: true,
      size: 220,
    },
  ),
];

/** The partnership's organisations, and the people (sponsors, leads, chairs) who act for them. */
export function PartnersPage() {
  const partners = useRecords<Partner>('partners');
  const peopleSpecs = useMemo(() => personColumns(partners.rows), [partners.rows]);
  return (
    <div className="stack">
      <RecordGrid<Partner>
        entity="partners"
        label="Partners"
        addLabel="Add partner"
        specs={partnerColumns}
        schema={partnerFields}
        describe={(partner) => partner.name}
        height={300}
        newRecord={(rows) => {
          const names = new Set(rows.map((row) => row.name));
          let n = 1;
          while (names.has(`New partner ${n}`)) n += 1;
          return { name: `New partner ${n}`, shortName: null, kind: 'other', boardMember: false };
        }}
      />
      <RecordGrid<Person>
        entity="people"
        label="People"
        addLabel="Add person"
        specs={peopleSpecs}
        schema={personFields}
        describe={(person) => person.name ?? person.role}
        height={300}
        newRecord={() => ({ name: null, role: 'New role', partnerId: null })}
      />
    </div>
  );
}
