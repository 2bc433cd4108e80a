import { useId, type RefObject } from 'react';
import { Button, Dialog, Popover } from 'react-aria-components';
import { fieldWords, timeText, valueText, whoText } from '../../shared/api/stale-save';
import type { SaveConflict } from '../data/mutations';
import { displayOf, fieldOf, type FieldSpec } from './field-spec';

export interface StaleConflictProps<Row> {
  /** The cell that was edited: the question opens beside it. */
  readonly anchor: RefObject<Element | null>;
  /** "Wycombe, Domestic burglary, 2013/14". */
  readonly what: string;
  readonly spec: FieldSpec<Row>;
  readonly specs: readonly FieldSpec<Row>[];
  readonly conflict: SaveConflict<Row>;
  /** What this user typed. */
  readonly yours: string;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
  /** Closed without choosing (Esc, a click elsewhere): the unsaved value stays in the cell. */
  readonly onDismiss: () => void;
}

/** A stored value as the grid shows it, in the column that shows it, else in words. */
function shown<Row>(specs: readonly FieldSpec<Row>[], theirs: Row, field: string, value: unknown): string {
  const spec = specs.find((candidate) => fieldOf(candidate) === field);
  if (!spec) return valueText(value);
  return displayOf(spec, { ...theirs, [field]: value }) || 'none';
}

/**
 * A save refused because someone else saved the record first (issue 9): says,
 * beside the cell, who saved what and when, and the value that was not saved,
 * and lets the user choose: keep theirs, or save theirs over deliberately.
 * Nothing is lost silently: closing it keeps the unsaved value in the cell.
 */
export function StaleConflict<Row>(props: StaleConflictProps<Row>) {
  const { conflict, spec, specs } = props;
  const id = useId();
  const field = fieldOf(spec);
  const theirs = displayOf(spec, conflict.theirs) || 'none';
  const own = conflict.changes.find((change) => change.field === field);
  const others = conflict.changes.filter((change) => change.field !== field);
  const who = whoText(conflict.changedBy, conflict.changedByRole);
  const when = conflict.changedAt === null ? null : timeText(conflict.changedAt);
  return (
    <Popover
      triggerRef={props.anchor}
      isOpen
      placement="bottom start"
      onOpenChange={(open) => !open && props.onDismiss()}
      className="popover stale-conflict"
      aria-labelledby={`${id}-title`}
    >
      <Dialog role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} className="dialog">
        <h2 id={`${id}-title`} className="dialog-title">
          Someone else saved this first
        </h2>
        <div id={`${id}-body`} className="dialog-body">
          <p>
            {conflict.changedBy === null ? 'Someone' : who} changed {spec.header.toLowerCase()} of {props.what}
            {when === null ? '' : ` at ${when}`}. Your value was not saved.
          </p>
          <dl className="stale-values">
            <dt>Saved now</dt>
            <dd>
              <strong>{theirs}</strong>
              {own ? <span className="stale-was"> (was {shown(specs, conflict.theirs, field, own.from)})</span> : null}
            </dd>
            <dt>Yours, not saved</dt>
            <dd>
              <strong>{props.yours || 'none'}</strong>
            </dd>
          </dl>
          {others.length > 0 ? (
            <p>
              They also changed{' '}
              {others
                .map(
                  (change) =>
                    `${specs.find((candidate) => fieldOf(candidate) === change.field)?.header.toLowerCase() ?? fieldWords(change.field)} from ${shown(specs, conflict.theirs, change.field, change.from)} to ${shown(specs, conflict.theirs, change.field, change.to)}`,
                )
                .join('; ')}
              .
            </p>
          ) : null}
        </div>
        <div className="dialog-actions">
          <Button className="button" onPress={props.onTakeTheirs}>
            Take theirs
          </Button>
          <Button className="button button-primary" onPress={props.onKeepMine}>
            Keep mine
          </Button>
        </div>
      </Dialog>
    </Popover>
  );
}
