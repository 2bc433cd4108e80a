import { createAppColumnHelper } from './table-hook';
import { displayOf, type FieldSpec } from './field-spec';

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Turns a screen's field specs into table columns: sort and filter by the text shown, render through the registered cells. */
export function toColumns<Row extends { readonly id: number }>(specs: readonly FieldSpec<Row>[]) {
  const helper = createAppColumnHelper<Row>();
  return helper.columns(
    specs.map((spec) =>
      helper.accessor((row: Row) => (spec.sortKey ? spec.sortKey(row) : displayOf(spec, row)), {
        id: spec.id,
        header: spec.header,
        size: spec.size ?? 160,
        minSize: 60,
        meta: spec,
        sortFn: (a, b, columnId) => {
          const x = a.getValue<string | number>(columnId);
          const y = b.getValue<string | number>(columnId);
          if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
          return collator.compare(String(x), String(y));
        },
        filterFn: (row, _columnId, filterValue: string) =>
          displayOf(spec, row.original).toLowerCase().includes(filterValue.toLowerCase()),
        cell: ({ cell }) =>
          spec.look === 'provisional' ? (
            <cell.ProvisionalCell />
          ) : spec.look === 'boolean' || spec.kind === 'boolean' ? (
            <cell.BooleanCell />
          ) : (
            <cell.TextCell />
          ),
      }),
    ),
  );
}
