import {
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { z } from 'zod';
import type { Result } from '../../shared/api/result';
import { useSaveStatus } from '../app/status';
import type { Entity } from '../data/entities';
import type { SaveOutcome } from '../data/mutations';
import { CellEditor, type EditEnd } from './CellEditor';
import { toColumns } from './columns';
import { DeleteDialog } from './DeleteDialog';
import { displayOf, editTextOf, fieldOf, isEditable, optionByLabel, parseText, type FieldSpec } from './field-spec';
import { GridBody } from './GridBody';
import {
  cellKey,
  FILTER_ROW,
  HEADER_ROW,
  type ActiveCell,
  type Draft,
  type EditingCell,
  type GridPaste,
  type RowState,
} from './grid-types';
import { parseTsv } from './paste';
import { useAppTable } from './table-hook';
import { validateCell } from './validate';

export interface EditableGridProps<Row extends { readonly id: number }> {
  /** The grid's accessible name and heading: "Priorities". */
  readonly label: string;
  readonly headingLevel?: 2 | 3;
  readonly rows: readonly Row[];
  readonly specs: readonly FieldSpec<Row>[];
  /** The whole record's schema: every cell is checked with it before it is saved. */
  readonly schema: z.ZodType;
  /** "priority 1", "Wycombe": names a row in messages and the delete question. */
  readonly describe: (row: Row) => string;
  readonly onSave: (row: Row, field: string, value: unknown) => Promise<SaveOutcome>;
  /** Creates a row with sensible defaults and gives its id. */
  readonly onAdd?: () => Promise<Result<number>>;
  readonly addLabel?: string;
  readonly onDelete?: (row: Row) => Promise<Result<unknown>>;
  /** Whose deleteImpact to ask before a delete; null when a delete removes nothing else. */
  readonly deleteEntity?: Entity | null;
  readonly height?: number;
  readonly loading?: boolean;
  readonly error?: string | null;
  readonly emptyText?: string;
  /** Master-detail: the row shown as selected, and where the active row is reported. */
  readonly selectedId?: number | null;
  readonly onActiveRowChange?: (row: Row) => void;
  /** Replaces the default paste (which fills existing cells) with the screen's own. */
  readonly onPasteBlock?: (paste: GridPaste<Row>) => void;
  readonly toolbar?: ReactNode;
  readonly footer?: ReactNode;
}

const isPrintable = (event: KeyboardEvent) =>
  event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;

function sameValue(a: unknown, b: unknown): boolean {
  const empty = (value: unknown) => value === null || value === undefined || value === '';
  if (empty(a) && empty(b)) return true;
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return Object.is(a, b);
}

const classes = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/**
 * The one editable grid every screen uses: a spreadsheet-like role="grid" with
 * a single tab stop that arrows, Home/End, PageUp/PageDown and Tab move; sort
 * by header, filter per column, resize columns; Enter or typing edits, Enter or
 * Tab saves at once through the API, Esc cancels; a value the record's schema
 * refuses, or the API refuses, stays in the cell with the reason beside it.
 */
export function EditableGrid<Row extends { readonly id: number }>(props: EditableGridProps<Row>) {
  const { label, rows, specs, schema, describe, onSave, onAdd, onDelete, selectedId, onActiveRowChange } = props;
  const gridId = useId();
  const headingId = `${gridId}-heading`;
  const status = useSaveStatus();
  const columns = useMemo(() => toColumns(specs), [specs]);
  const table = useAppTable({ data: rows, columns });
  const displayed = table.getRowModel().rows;
  const indexOf = useMemo(() => new Map(displayed.map((row, index) => [row.id, index])), [displayed]);
  const byId = useMemo(() => new Map(rows.map((row) => [String(row.id), row])), [rows]);

  const rootRef = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);
  const pendingRow = useRef<string | null>(null);
  const [scrollTick, setScrollTick] = useState(0);
  const [activeState, setActiveState] = useState<ActiveCell>({ row: '', col: 0 });
  const [editing, setEditing] = useState<EditingCell | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const [rowStates, setRowStates] = useState<ReadonlyMap<string, RowState>>(new Map());
  const [confirming, setConfirming] = useState<Row | null>(null);

  const colCount = specs.length;
  const isDataRow = (row: string) => row !== HEADER_ROW && row !== FILTER_ROW;

  // The tab stop: the chosen cell while its row is shown, else the selected or first row.
  let active = activeState;
  if (isDataRow(active.row) && !indexOf.has(active.row)) {
    const selected = selectedId === null || selectedId === undefined ? null : String(selectedId);
    const fallback = selected !== null && indexOf.has(selected) ? selected : (displayed[0]?.id ?? HEADER_ROW);
    active = { row: fallback, col: Math.min(active.col, Math.max(colCount - 1, 0)) };
  }
  const activeIndex = isDataRow(active.row) ? (indexOf.get(active.row) ?? -1) : -1;
  const activeRow = activeIndex >= 0 ? displayed[activeIndex]?.original : undefined;

  const activate = useCallback(
    (row: string, col: number, focus = true) => {
      setActiveState({ row, col });
      if (focus) {
        focusWanted.current = true;
        setScrollTick((tick) => tick + 1);
      }
      const record = isDataRow(row) ? byId.get(row) : undefined;
      if (record && onActiveRowChange) onActiveRowChange(record);
    },
    [byId, onActiveRowChange],
  );

  // Focus follows the tab stop after keyboard moves, edits and deletes (not on every render).
  useLayoutEffect(() => {
    if (!focusWanted.current) return;
    if (pendingRow.current !== null) {
      if (!indexOf.has(pendingRow.current)) return;
      const record = byId.get(pendingRow.current);
      pendingRow.current = null;
      if (record && onActiveRowChange) onActiveRowChange(record);
    }
    focusWanted.current = false;
    const element = rootRef.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(active.row, active.col)}"]`);
    element?.focus();
  });

  const setDraft = (key: string, draft: Draft | null) =>
    setDrafts((previous) => {
      const next = new Map(previous);
      if (draft) next.set(key, draft);
      else next.delete(key);
      return next;
    });
  const setRowState = (row: string, state: RowState) => setRowStates((previous) => new Map(previous).set(row, state));

  /** Checks a value with the record's schema, then saves it; a refusal stays in the cell with its reason. */
  const commitValue = async (rowKey: string, col: number, value: unknown, text: string): Promise<boolean> => {
    const record = byId.get(rowKey);
    const spec = specs[col];
    if (!record || !spec || !isEditable(spec)) return false;
    const key = cellKey(rowKey, col);
    const field = fieldOf(spec);
    if (sameValue(value, spec.value(record)) && !drafts.get(key)?.message) {
      setDraft(key, null);
      return true;
    }
    const message = validateCell(schema, record, field, value);
    if (message !== null) {
      setDraft(key, { text, message });
      setRowState(rowKey, 'failed');
      status.begin()({ ok: false, message: `${spec.header} of ${describe(record)}: ${message}` });
      return false;
    }
    setDraft(key, { text, message: null });
    setRowState(rowKey, 'saving');
    const outcome = await onSave(record, field, value);
    if (outcome.ok) {
      setDraft(key, null);
      setRowState(rowKey, 'saved');
      return true;
    }
    setDraft(key, { text, message: outcome.message });
    const other =
      outcome.field === undefined ? -1 : specs.findIndex((candidate) => fieldOf(candidate) === outcome.field);
    if (other >= 0 && other !== col) {
      setDraft(cellKey(rowKey, other), {
        text: displayOf(specs[other] as FieldSpec<Row>, record),
        message: outcome.message,
      });
    }
    setRowState(rowKey, 'failed');
    return false;
  };

  const startEdit = (rowKey: string, col: number, initial?: string) => {
    const record = byId.get(rowKey);
    const spec = specs[col];
    if (!record || !spec || !isEditable(spec)) return;
    if (spec.kind === 'boolean') {
      const next = !spec.value(record);
      void commitValue(rowKey, col, next, next ? 'Yes' : 'No');
      return;
    }
    const draft = drafts.get(cellKey(rowKey, col));
    const text = spec.kind === 'select' || initial === undefined ? (draft?.text ?? editTextOf(spec, record)) : initial;
    setEditing({ row: rowKey, col, text });
  };

  const endEdit = (end: EditEnd) => {
    const current = editing;
    if (!current) return;
    setEditing(null);
    if (end.kind === 'cancel') {
      activate(current.row, current.col);
      return;
    }
    const record = byId.get(current.row);
    const spec = specs[current.col];
    if (record && spec) void commitValue(current.row, current.col, parseText(spec, current.text, record), current.text);
    const nextCol =
      end.move === 'next'
        ? Math.min(current.col + 1, colCount - 1)
        : end.move === 'previous'
          ? Math.max(current.col - 1, 0)
          : current.col;
    activate(current.row, nextCol);
  };

  const add = async () => {
    if (!onAdd) return;
    table.resetColumnFilters();
    const created = await onAdd();
    if (!created.ok) return;
    const firstEditable = Math.max(
      0,
      specs.findIndex((spec) => isEditable(spec)),
    );
    pendingRow.current = String(created.value);
    setActiveState({ row: String(created.value), col: firstEditable });
    focusWanted.current = true;
    setScrollTick((tick) => tick + 1);
  };

  const askDelete = () => {
    if (onDelete && activeRow) setConfirming(activeRow);
  };

  const closeDelete = (deleted: boolean) => {
    const gone = confirming;
    setConfirming(null);
    if (deleted && gone) {
      const index = indexOf.get(String(gone.id)) ?? 0;
      const neighbour = displayed[index + 1] ?? displayed[index - 1];
      activate(neighbour ? neighbour.id : HEADER_ROW, active.col);
    } else {
      focusWanted.current = true;
      setScrollTick((tick) => tick + 1);
    }
  };

  const rowOrder = useMemo(() => [HEADER_ROW, FILTER_ROW, ...displayed.map((row) => row.id)], [displayed]);
  const moveTo = (position: number, col: number) => {
    const clamped = Math.max(0, Math.min(rowOrder.length - 1, position));
    activate(rowOrder[clamped] ?? HEADER_ROW, Math.max(0, Math.min(colCount - 1, col)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const position = rowOrder.indexOf(active.row);
    const inFilter = active.row === FILTER_ROW;
    const ctrl = event.ctrlKey || event.metaKey;
    const handled = () => event.preventDefault();
    if (ctrl && event.key === 'Insert' && onAdd) {
      handled();
      void add();
      return;
    }
    switch (event.key) {
      case 'ArrowUp':
        handled();
        moveTo(position - 1, active.col);
        return;
      case 'ArrowDown':
        handled();
        moveTo(position + 1, active.col);
        return;
      case 'PageUp':
        handled();
        moveTo(Math.max(2, position - 10), active.col);
        return;
      case 'PageDown':
        handled();
        moveTo(position + 10, active.col);
        return;
      case 'Tab': {
        const next = active.col + (event.shiftKey ? -1 : 1);
        if (next < 0 || next >= colCount) return; // leave the grid
        handled();
        moveTo(position, next);
        return;
      }
    }
    if (inFilter) return; // the filter input keeps its own keys
    const header = table.getHeaderGroups()[0]?.headers[active.col];
    switch (event.key) {
      case 'ArrowLeft':
        handled();
        if (event.altKey && active.row === HEADER_ROW && header) {
          table.setColumnSizing((sizes) => ({ ...sizes, [header.id]: Math.max(60, header.getSize() - 16) }));
          return;
        }
        moveTo(position, active.col - 1);
        return;
      case 'ArrowRight':
        handled();
        if (event.altKey && active.row === HEADER_ROW && header) {
          table.setColumnSizing((sizes) => ({ ...sizes, [header.id]: header.getSize() + 16 }));
          return;
        }
        moveTo(position, active.col + 1);
        return;
      case 'Home':
        handled();
        moveTo(ctrl ? 2 : position, 0);
        return;
      case 'End':
        handled();
        moveTo(ctrl ? rowOrder.length - 1 : position, colCount - 1);
        return;
    }
    if (active.row === HEADER_ROW) {
      if ((event.key === 'Enter' || event.key === ' ') && header) {
        handled();
        header.column.toggleSorting(undefined, event.shiftKey);
      }
      return;
    }
    const spec = specs[active.col];
    const key = cellKey(active.row, active.col);
    if (event.key === 'Enter' || event.key === 'F2') {
      handled();
      startEdit(active.row, active.col);
    } else if (event.key === ' ' && spec?.kind === 'boolean') {
      handled();
      startEdit(active.row, active.col);
    } else if (event.key === 'Delete' && onDelete) {
      handled();
      askDelete();
    } else if (event.key === 'Backspace') {
      handled();
      startEdit(active.row, active.col, '');
    } else if (event.key === 'Escape' && drafts.has(key)) {
      handled();
      setDraft(key, null);
    } else if (isPrintable(event) && spec && isEditable(spec)) {
      handled();
      startEdit(active.row, active.col, event.key);
    }
  };

  const pasteIntoCells = async (cells: string[][], rowIndex: number, colIndex: number) => {
    let below = 0;
    for (const [offset, line] of cells.entries()) {
      const row = displayed[rowIndex + offset];
      if (!row) {
        below += 1;
        continue;
      }
      for (const [step, text] of line.entries()) {
        const spec = specs[colIndex + step];
        if (!spec || !isEditable(spec)) continue;
        const value =
          spec.kind === 'select'
            ? (optionByLabel(spec.options ?? [], text)?.value ?? text)
            : parseText(spec, text, row.original);
        await commitValue(row.id, colIndex + step, value, text);
      }
    }
    if (below > 0) {
      status.begin()({
        ok: false,
        message: `${below} pasted line${below === 1 ? '' : 's'} fell below the last row and were not added; add rows first`,
      });
    }
  };

  const onPaste = (event: React.ClipboardEvent<HTMLDivElement>) => {
    if (editing || active.row === FILTER_ROW) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    const cells = parseTsv(text);
    const rowIndex = activeIndex >= 0 ? activeIndex : displayed.length;
    const colIndex = Math.max(0, active.col);
    if (props.onPasteBlock) {
      props.onPasteBlock({ cells, rowIndex, colIndex, rows: displayed.map((row) => row.original), specs });
    } else {
      void pasteIntoCells(cells, rowIndex, colIndex);
    }
  };

  const onCopy = (event: React.ClipboardEvent<HTMLDivElement>) => {
    if (editing || !activeRow) return;
    const spec = specs[active.col];
    if (!spec) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', displayOf(spec, activeRow));
  };

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const width = headers.reduce((sum, header) => sum + header.getSize(), 0);
  const selectedKey = selectedId === null || selectedId === undefined ? null : String(selectedId);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';

  return (
    <section className="grid-section" aria-labelledby={headingId}>
      <div className="grid-toolbar">
        <Heading id={headingId} className="grid-title">
          {label}
        </Heading>
        <span className="grid-count">
          {props.loading
            ? 'Loading…'
            : displayed.length === rows.length
              ? `${rows.length.toLocaleString('en-GB')} row${rows.length === 1 ? '' : 's'}`
              : `${displayed.length.toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')} rows`}
        </span>
        <span className="grid-toolbar-spacer" />
        {props.toolbar}
        {onAdd ? (
          <button type="button" className="button" onClick={() => void add()} title="Ctrl+Insert">
            {props.addLabel ?? 'Add row'}
          </button>
        ) : null}
        {onDelete ? (
          <button
            type="button"
            className="button"
            onClick={askDelete}
            disabled={!activeRow}
            title={activeRow ? `Delete ${describe(activeRow)} (Delete key)` : 'Pick a row to delete'}
          >
            Delete
          </button>
        ) : null}
      </div>
      {props.error ? (
        <p className="error-text" role="alert">
          Could not load {label.toLowerCase()}: {props.error}
        </p>
      ) : null}
      <div
        ref={rootRef}
        role="grid"
        aria-label={label}
        aria-rowcount={displayed.length + 2}
        aria-colcount={colCount}
        aria-busy={props.loading ? true : undefined}
        className="grid"
        style={{ height: props.height ?? 320 }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
      >
        <div role="rowgroup" className="grid-head" style={{ width }}>
          <div role="row" aria-rowindex={1} className="grid-row grid-header-row">
            {headers.map((header, col) => {
              const sorted = header.column.getIsSorted();
              return (
                <table.AppHeader header={header} key={header.id}>
                  {(h) => (
                    <div
                      role="columnheader"
                      aria-colindex={col + 1}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                      tabIndex={active.row === HEADER_ROW && active.col === col ? 0 : -1}
                      data-cell={cellKey(HEADER_ROW, col)}
                      className={classes('grid-header', active.row === HEADER_ROW && active.col === col && 'is-active')}
                      style={{ width: header.getSize() }}
                      title="Sort (Enter); resize with Alt+Left/Right"
                      onClick={(event) => {
                        activate(HEADER_ROW, col);
                        header.column.toggleSorting(undefined, event.shiftKey);
                      }}
                    >
                      <span className="header-label">{specs[col]?.header}</span>
                      <h.SortIndicator />
                      <h.ResizeHandle />
                    </div>
                  )}
                </table.AppHeader>
              );
            })}
          </div>
          <div role="row" aria-rowindex={2} className="grid-row grid-filter-row">
            {headers.map((header, col) => (
              <div
                role="gridcell"
                aria-colindex={col + 1}
                key={header.id}
                className="grid-filter-cell"
                style={{ width: header.getSize() }}
              >
                <input
                  type="search"
                  className="grid-filter"
                  aria-label={`Filter ${specs[col]?.header ?? ''}`}
                  placeholder="Filter…"
                  tabIndex={active.row === FILTER_ROW && active.col === col ? 0 : -1}
                  data-cell={cellKey(FILTER_ROW, col)}
                  value={(header.column.getFilterValue() as string | undefined) ?? ''}
                  onFocus={() => setActiveState({ row: FILTER_ROW, col })}
                  onChange={(event) =>
                    header.column.setFilterValue(event.target.value === '' ? undefined : event.target.value)
                  }
                />
              </div>
            ))}
          </div>
        </div>
        <GridBody
          rows={displayed}
          scrollRef={rootRef}
          activeIndex={activeIndex}
          scrollToActive={scrollTick}
          width={width}
          renderRow={(row, index, style) => {
            const state = rowStates.get(row.id);
            return (
              <div
                role="row"
                key={row.id}
                aria-rowindex={index + 3}
                aria-selected={onActiveRowChange ? row.id === (selectedKey ?? active.row) : undefined}
                data-row-id={row.id}
                data-state={state}
                className={classes('grid-row', 'grid-data-row', state && `row-${state}`, index % 2 === 1 && 'is-odd')}
                style={style}
              >
                {row.getAllCells().map((cell, col) => {
                  const spec = specs[col];
                  const key = cellKey(row.id, col);
                  const draft = drafts.get(key);
                  const isActive = active.row === row.id && active.col === col;
                  const isEditing = editing !== null && editing.row === row.id && editing.col === col;
                  const errorId = draft?.message ? `${gridId}-error-${key}` : undefined;
                  const editable = spec ? isEditable(spec) : false;
                  return (
                    <div
                      role="gridcell"
                      key={cell.id}
                      aria-colindex={col + 1}
                      aria-readonly={editable ? undefined : true}
                      aria-invalid={draft?.message ? true : undefined}
                      aria-describedby={errorId}
                      tabIndex={isActive && !isEditing ? 0 : -1}
                      data-cell={key}
                      data-column={spec?.id}
                      className={classes(
                        'grid-cell',
                        isActive && 'is-active',
                        spec?.align === 'end' && 'align-end',
                        !editable && 'is-readonly',
                        draft?.message && 'has-error',
                        draft && draft.message === null && 'is-saving',
                      )}
                      style={{ width: cell.column.getSize() }}
                      onClick={() => {
                        if (!isActive) activate(row.id, col);
                      }}
                      onDoubleClick={() => startEdit(row.id, col)}
                    >
                      {isEditing && spec ? (
                        <CellEditor
                          spec={spec}
                          text={editing.text}
                          label={`${spec.header}, ${describe(row.original)}`}
                          errorId={errorId}
                          onChange={(text) => setEditing({ ...editing, text })}
                          onEnd={endEdit}
                        />
                      ) : draft ? (
                        <span className="cell-text">{draft.text}</span>
                      ) : (
                        <table.AppCell cell={cell}>{(c) => <c.FlexRender />}</table.AppCell>
                      )}
                      {draft?.message ? (
                        <span id={errorId} className="cell-error">
                          {draft.message}
                        </span>
                      ) : null}
                    </div>
                  );
                })}
              </div>
            );
          }}
        />
        {!props.loading && displayed.length === 0 ? (
          <div role="row" className="grid-row grid-empty-row">
            <div role="gridcell" className="grid-empty">
              {rows.length === 0 ? (props.emptyText ?? 'Nothing here yet.') : 'No rows match the filters.'}
            </div>
          </div>
        ) : null}
      </div>
      {props.footer}
      {confirming ? (
        <DeleteDialog
          entity={props.deleteEntity ?? null}
          id={confirming.id}
          what={describe(confirming)}
          onConfirm={() => onDelete?.(confirming) ?? Promise.resolve({ ok: true, value: null })}
          onClose={closeDelete}
        />
      ) : null}
    </section>
  );
}
