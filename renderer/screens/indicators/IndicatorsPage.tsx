import { useMemo } from 'react';
import { indicatorFields } from '../../../shared/api/records';
import { POLARITIES, RATE_DENOMINATORS, UNITS } from '../../../shared/domain';
import type { Indicator, Partner } from '../../../shared/model';
import type { FieldSpec } from '../../grid/field-spec';
import { enumOptions, longField, numberField, recordOptions, selectField, textField } from '../../grid/specs';
import { useRecords } from '../../data/queries';
import { RecordGrid } from '../shared/RecordGrid';

export const UNIT_LABELS: Readonly<Record<string, string>> = {
  count: 'count',
  rate: 'rate (per …)',
  percent: '%',
  money: '£',
};

const indicatorColumns = (partners: readonly Partner[]): FieldSpec<Indicator>[] => [
  textField('name', 'Name', { size: 300 }),
  selectField(
    'unit',
    'Unit',
    UNITS.map((unit) => ({ value: unit, label: UNIT_LABELS[unit] ?? unit })),
    { size: 120 },
  ),
  numberField('ratePer', 'Per', { nullable: true, size: 100 }),
  selectField('denominator', 'Of', enumOptions(RATE_DENOMINATORS), { nullable: true, size: 190 }),
  selectField('polarity', 'Good when', enumOptions(POLARITIES), { size: 150 }),
  textField('source', 'Source', { size: 200 }),
  longField('definition', 'Definition', { size: 320 }),
  // On a team database, the owner's analysts enter the indicator's figures (and only they, with the secretaries).
  selectField(
    'partnerId',
    'Figures by',
    recordOptions(partners, (partner) => partner.shortName ?? partner.name),
    { nullable: true, size: 160 },
  ),
];

/** Indicators: what is counted, in which unit, which direction is good news, and whose figures they are. */
export function IndicatorsPage() {
  const partners = useRecords<Partner>('partners');
  const specs = useMemo(() => indicatorColumns(partners.rows), [partners.rows]);
  return (
    <RecordGrid<Indicator>
      entity="indicators"
      label="Indicators"
      addLabel="Add indicator"
      specs={specs}
      schema={indicatorFields}
      describe={(indicator) => indicator.name}
      height={560}
      newRecord={(rows) => {
        const names = new Set(rows.map((row) => row.name));
        let n = 1;
        while (names.has(`New indicator ${n}`)) n += 1;
        return {
          name: `New indicator ${n}`,
          unit: 'count',
          ratePer: null,
          denominator: null,
          polarity: 'lower is better',
          source: null,
          definition: null,
          partnerId: null,
        };
      }}
    />
  );
}
