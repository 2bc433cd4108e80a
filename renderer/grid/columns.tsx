import { createAppColumnHelper } from './table-hook';
import { displayOf, type FieldSpec } from './field-spec';

/**
 * Turns a screen's field specs into table columns: they carry the spec, the
 * size, and which registered cell renders them. Sorting and filtering (by the
 * sort key, else the text shown) are the grid's own (row-view.ts); TanStack
 * keeps their state. Numbers and money sort biggest first, text A to Z first,
 * as TanStack would choose from the values.
 */
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
        sortDescFirst: spec.kind === 'number' || spec.kind === 'money',
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
