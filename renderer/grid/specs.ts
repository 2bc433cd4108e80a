import { formatPence } from '../../shared/money';
import type { FieldSpec, SelectOption } from './field-spec';

/** Short builders for the common column kinds; a screen's columns read as a list of fields. */

type Extra<Row> = Partial<Omit<FieldSpec<Row>, 'id' | 'header' | 'kind'>>;
const get =
  <Row>(id: string) =>
  (row: Row) =>
    (row as Record<string, unknown>)[id];

export const textField = <Row>(id: string, header: string, extra: Extra<Row> = {}): FieldSpec<Row> => ({
  id,
  header,
  kind: 'text',
  value: get<Row>(id),
  ...extra,
});

export const longField = <Row>(id: string, header: string, extra: Extra<Row> = {}): FieldSpec<Row> => ({
  id,
  header,
  kind: 'longtext',
  size: 280,
  value: get<Row>(id),
  ...extra,
});

export const numberField = <Row>(id: string, header: string, extra: Extra<Row> = {}): FieldSpec<Row> => ({
  id,
  header,
  kind: 'number',
  size: 100,
  align: 'end',
  value: get<Row>(id),
  sortKey: (row) => (get<Row>(id)(row) as number | null) ?? Number.NEGATIVE_INFINITY,
  ...extra,
});

export const dateField = <Row>(id: string, header: string, extra: Extra<Row> = {}): FieldSpec<Row> => ({
  id,
  header,
  kind: 'date',
  size: 120,
  value: get<Row>(id),
  ...extra,
});

export const moneyField = <Row>(id: string, header: string, extra: Extra<Row> = {}): FieldSpec<Row> => ({
  id,
  header,
  kind: 'money',
  size: 130,
  align: 'end',
  value: get<Row>(id),
  display: (row) => {
    const pence = get<Row>(id)(row);
    return typeof pence === 'number' ? formatPence(pence) : '';
  },
  editText: (row) => {
    const pence = get<Row>(id)(row);
    return typeof pence === 'number' ? formatPence(pence) : '';
  },
  sortKey: (row) => (get<Row>(id)(row) as number | null) ?? Number.NEGATIVE_INFINITY,
  ...extra,
});

export const selectField = <Row>(
  id: string,
  header: string,
  options: readonly SelectOption[],
  extra: Extra<Row> = {},
): FieldSpec<Row> => ({ id, header, kind: 'select', options, value: get<Row>(id), ...extra });

export const boolField = <Row>(id: string, header: string, extra: Extra<Row> = {}): FieldSpec<Row> => ({
  id,
  header,
  kind: 'boolean',
  size: 100,
  value: get<Row>(id),
  ...extra,
});

export const readonlyField = <Row>(
  id: string,
  header: string,
  display: (row: Row) => string,
  extra: Extra<Row> = {},
): FieldSpec<Row> => ({ id, header, kind: 'readonly', value: display, display, ...extra });

/** Options from an enum list: the words are their own labels. */
export const enumOptions = (values: readonly string[]): SelectOption[] =>
  values.map((value) => ({ value, label: value }));

/** Options from records, by id. */
export const recordOptions = <Record extends { readonly id: number }>(
  records: readonly Record[],
  label: (record: Record) => string,
): SelectOption[] => records.map((record) => ({ value: record.id, label: label(record) }));
