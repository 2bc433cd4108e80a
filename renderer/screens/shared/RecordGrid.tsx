import type { z } from 'zod';
import type { Result } from '../../../shared/api/result';
import { useRecordEditing } from '../../data/mutations';
import { useRecords } from '../../data/queries';
import type { Entity } from '../../data/entities';
import { EditableGrid } from '../../grid/EditableGrid';
import type { FieldSpec } from '../../grid/field-spec';

export interface RecordGridProps<Row extends { readonly id: number; readonly version: number }> {
  readonly entity: Entity;
  readonly label: string;
  readonly addLabel: string;
  readonly specs: readonly FieldSpec<Row>[];
  readonly schema: z.ZodType;
  readonly describe: (row: Row) => string;
  /** The fields of a new record, given the rows there are (for the next number); null: cannot add here. */
  readonly newRecord: (rows: readonly Row[]) => Readonly<Record<string, unknown>> | null;
  readonly where?: Readonly<Record<string, unknown>>;
  readonly enabled?: boolean;
  readonly height?: number;
  readonly headingLevel?: 2 | 3;
  readonly selectedId?: number | null;
  readonly onActiveRowChange?: (row: Row) => void;
  readonly emptyText?: string;
}

const refused = (message: string): Result<never> => ({ ok: false, error: { code: 'invalid-input', message } });

/** A grid over one entity's records: list, edit, add and delete through the API (data part of a screen). */
export function RecordGrid<Row extends { readonly id: number; readonly version: number }>(props: RecordGridProps<Row>) {
  const { entity, describe } = props;
  const records = useRecords<Row>(entity, props.where, props.enabled ?? true);
  const editing = useRecordEditing<Row>(entity, describe);
  return (
    <EditableGrid<Row>
      label={props.label}
      headingLevel={props.headingLevel ?? 2}
      rows={records.rows}
      specs={props.specs}
      schema={props.schema}
      describe={describe}
      onSave={editing.update}
      onAdd={() => {
        const fields = props.newRecord(records.rows);
        return fields ? editing.create(fields) : Promise.resolve(refused('cannot add a row here'));
      }}
      addLabel={props.addLabel}
      onDelete={editing.remove}
      deleteEntity={entity}
      height={props.height ?? 420}
      loading={records.isPending && (props.enabled ?? true)}
      error={records.error?.message ?? null}
      emptyText={props.emptyText ?? `No ${props.label.toLowerCase()} yet: ${props.addLabel.toLowerCase()} to start.`}
      selectedId={props.selectedId ?? null}
      {...(props.onActiveRowChange ? { onActiveRowChange: props.onActiveRowChange } : {})}
    />
  );
}

/** The next number after the largest in a list (1 for an empty list). */
export const nextNumber = (values: readonly number[]) => values.reduce((max, value) => Math.max(max, value), 0) + 1;

export const today = () => new Date().toISOString().slice(0, 10);
