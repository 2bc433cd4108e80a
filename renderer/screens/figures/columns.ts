import type { Figure } from '../../../shared/model';
import type { FieldSpec } from '../../grid/field-spec';
import { longField, recordOptions, selectField, textField } from '../../grid/specs';
import { parseProvisional, parseValueText, showValue, valueEditText, type FigureLookups } from './lookups';

/** The figures grid's columns, in the order pasted blocks map onto: indicator, area, period, value, status, source, note. */
export function figureColumns(lookups: FigureLookups): FieldSpec<Figure>[] {
  const indicatorOf = (figure: Figure) => lookups.indicators.get(figure.indicatorId);
  return [
    selectField(
      'indicatorId',
      'Indicator',
      recordOptions([...lookups.indicators.values()], (i) => i.name),
      { size: 300 },
    ),
    selectField(
      'areaId',
      'Area',
      recordOptions([...lookups.areas.values()], (a) => a.name),
      { size: 190 },
    ),
    selectField(
      'periodId',
      'Period',
      recordOptions([...lookups.periods.values()], (p) => p.label),
      { size: 130 },
    ),
    {
      id: 'value',
      header: 'Value',
      kind: 'number',
      size: 210,
      align: 'end',
      value: (figure) => figure.value,
      display: (figure) => showValue(figure.value, indicatorOf(figure)),
      sortKey: (figure) => figure.value,
      editText: (figure) => valueEditText(figure.value, indicatorOf(figure)),
      parse: (text, figure) => parseValueText(text, indicatorOf(figure)),
    },
    {
      id: 'provisional',
      header: 'Status',
      kind: 'boolean',
      size: 120,
      look: 'provisional',
      value: (figure) => figure.provisional,
      display: (figure) => (figure.provisional ? 'Provisional' : 'Final'),
      parse: (text) => parseProvisional(text) ?? text,
    },
    textField('source', 'Source', { size: 200 }),
    longField('note', 'Note', { size: 260 }),
  ];
}
