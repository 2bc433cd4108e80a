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
import { constructRow, type Row as TableRow, type RowData, type Table } from '@tanstack/react-table';
import type { z } from 'zod';
import type { Result } from '../../shared/api/result';
import { useSaveStatus } from '../app/status';
import type { Entity } from '../data/entities';
import type { SaveConflict, SaveOutcome } from '../data/mutations';
import type { EditEnd } from './CellEditor';
import { toColumns } from './columns';
import { DeleteDialog } from './DeleteDialog';
import type { GridFeatures } from './features';
import { displayOf, editTextOf, fieldOf, isEditable, optionByLabel, parseText, type FieldSpec } from './field-spec';
import { GridBody } from './GridBody';
import { GridHead, type AppHeaderComponent } from './GridHead';
import { GridRow } from './GridRow';
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
import { RowViewer, type ViewFilter, type ViewSort } from './row-view';
import { StaleConflict } from './StaleConflict';
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
  /**
   * Saves one field of `row`, the record as it was when the edit began (its
   * version is the one the save is made from). A stale refusal comes back
   * with the conflict, which the grid puts to the user beside the cell.
   */
  readonly onSave: (row: Row, field: string, value: unknown) => Promise<SaveOutcome<Row>>;
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

/** A record's row version, when its records carry one (issue 9). */
const versionOf = (row: unknown): number | undefined => {
  const version = (row as { readonly version?: unknown }).version;
  return typeof version === 'number' ? version : undefined;
};

/** A refused stale save, put to the user beside the cell it was typed in. */
interface OpenConflict<Row> {
  readonly rowKey: string;
  readonly col: number;
  readonly value: unknown;
  readonly text: string;
  readonly conflict: SaveConflict<Row>;
  readonly anchor: { current: Element | null };
}

/** The grid's rows of data are given to TanStack row by row (useTableRows), not as its data. */
const NO_ROWS: readonly never[] = [];

/** How many TanStack rows are kept before the older half is let go (a window is a few dozen rows). */
const KEPT_ROWS = 256;

/**
 * TanStack rows made for the records the grid renders, one per record and kept
 * while the record is rendered (a saved record is a new object, so it gets a
 * new row): the registered cell renderers read their cell through these. The
 * table is given no data, so it never builds a row for each of 100,000
 * records, and only the rows rendered lately are kept: scrolling through every
 * record does not keep a row and seven cells for each.
 */
function useTableRows<Row extends RowData>(
  table: Table<GridFeatures, Row> | undefined,
  columns: unknown,
): (record: Row, id: string) => TableRow<GridFeatures, Row> {
  // New columns make new cells: the rows are made again for them.
  const kept = useMemo(
    () => ({
      recent: new Map<Row, TableRow<GridFeatures, Row>>(),
      older: new Map<Row, TableRow<GridFeatures, Row>>(),
    }),
    [columns, table],
  );
  return (record, id) => {
    let row = kept.recent.get(record) ?? kept.older.get(record);
    if (!row) {
      if (!table) throw new Error('the grid has no columns');
      row = constructRow(table, id, record, 0, 0);
    }
    if (kept.recent.size >= KEPT_ROWS) {
      kept.older = kept.recent;
      kept.recent = new Map();
    }
    kept.recent.set(record, row);
    return row;
  };
}

export function EditableGrid<Row extends { readonly id: number }>(props: EditableGridProps<Row>) {
  const { label, rows, specs, schema, describe, onSave, onAdd, onDelete, selectedId, onActiveRowChange } = props;
  const gridId = useId();
  const headingId = `${gridId}-heading`;
  const status = useSaveStatus();
  const columns = useMemo(() => toColumns(specs), [specs]);
  const table = useAppTable({ data: NO_ROWS, columns });
  // Sorting and filtering are the row view's (row-view.ts): an edit moves one row, not 100,000.
  const [viewer] = useState(() => new RowViewer<Row>());
  const sorting = table.state.sorting as readonly ViewSort[];
  const filters = table.state.columnFilters as readonly ViewFilter[];
  const view = viewer.sync(rows, specs, sorting, filters);
  const tableRowOf = useTableRows(table.getAllLeafColumns()[0]?.table, columns);

  const rootRef = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);
  const pendingRow = useRef<string | null>(null);
  const [scrollTick, setScrollTick] = useState(0);
  const [activeState, setActiveState] = useState<ActiveCell>({ row: '', col: 0 });
  const [editing, setEditing] = useState<EditingCell | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const [rowStates, setRowStates] = useState<ReadonlyMap<string, RowState>>(new Map());
  const [confirming, setConfirming] = useState<Row | null>(null);
  const [conflict, setConflict] = useState<OpenConflict<Row> | null>(null);
  // The record a cell's edit began on: its version is the one the save is made from.
  const editBase = useRef<Row | null>(null);
  // Each row's save in flight, so a row's saves go one after another.
  const rowSaves = useRef(new Map<string, Promise<unknown>>());
  // Each row's record as this grid last saved it, and the versions its own saves made.
  const ownSaves = useRef(new Map<string, { record: Row; versions: Set<number> }>());

  const colCount = specs.length;
  const isDataRow = (row: string) => row !== HEADER_ROW && row !== FILTER_ROW;

  const idAt = (position: number): string | undefined => {
    const record = view.rowAt(position);
    return record === undefined ? undefined : String(record.id);
  };
  const isShown = (row: string) => view.positionOf(row) >= 0;

  // The tab stop: the chosen cell while its row is shown, else the selected or first row.
  let active = activeState;
  let activeIndex = isDataRow(active.row) && active.row !== '' ? view.positionOf(active.row) : -1;
  if (isDataRow(active.row) && activeIndex < 0) {
    const selected = selectedId === null || selectedId === undefined ? null : String(selectedId);
    const selectedIndex = selected === null ? -1 : view.positionOf(selected);
    activeIndex = selectedIndex >= 0 ? selectedIndex : view.length > 0 ? 0 : -1;
    const col = Math.min(active.col, Math.max(colCount - 1, 0));
    active = { row: activeIndex >= 0 ? (idAt(activeIndex) ?? HEADER_ROW) : HEADER_ROW, col };
  }
  const activeRow = activeIndex >= 0 ? view.rowAt(activeIndex) : undefined;

  const activate = useCallback(
    (row: string, col: number, focus = true) => {
      setActiveState({ row, col });
      if (focus) {
        focusWanted.current = true;
        setScrollTick((tick) => tick + 1);
      }
      const record = isDataRow(row) ? view.byId(row) : undefined;
      if (record && onActiveRowChange) onActiveRowChange(record);
    },
    [view, onActiveRowChange],
  );

  // The head's handlers, stable so the memoised head does not render again with every row change.
  const latest = useRef({ activate, table });
  useLayoutEffect(() => {
    latest.current = { activate, table };
  });
  const onHeaderClick = useCallback((col: number, shiftKey: boolean) => {
    latest.current.activate(HEADER_ROW, col);
    latest.current.table.getHeaderGroups()[0]?.headers[col]?.column.toggleSorting(undefined, shiftKey);
  }, []);
  const onFilterFocus = useCallback((col: number) => setActiveState({ row: FILTER_ROW, col }), []);

  // Focus follows the tab stop after keyboard moves, edits and deletes (not on every render).
  useLayoutEffect(() => {
    if (!focusWanted.current) return;
    if (pendingRow.current !== null) {
      if (!isShown(pendingRow.current)) return;
      const record = view.byId(pendingRow.current);
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

  /**
   * The record a save is made from: the one the edit began on, or this grid's
   * own later save of it when every version since is one this grid saved (two
   * cells of a row edited in quick succession must not refuse each other).
   */
  const baseFor = (rowKey: string, base: Row): Row => {
    const mine = ownSaves.current.get(rowKey);
    const from = versionOf(base);
    const to = mine ? versionOf(mine.record) : undefined;
    if (!mine || from === undefined || to === undefined || to <= from) return base;
    for (let version = from + 1; version <= to; version += 1) if (!mine.versions.has(version)) return base;
    return mine.record;
  };

  const rememberSaved = (rowKey: string, saved: Row) => {
    const version = versionOf(saved);
    if (version === undefined) return;
    const mine = ownSaves.current.get(rowKey) ?? { record: saved, versions: new Set<number>() };
    mine.versions.add(version);
    if (version >= (versionOf(mine.record) ?? 0)) mine.record = saved;
    ownSaves.current.set(rowKey, mine);
  };

  /** Saves after the row's save in flight, if any, from the freshest record this grid may save from. */
  const saveInTurn = (rowKey: string, record: Row, field: string, value: unknown): Promise<SaveOutcome<Row>> => {
    const previous = rowSaves.current.get(rowKey);
    const saving = (async () => {
      await previous;
      const outcome = await onSave(baseFor(rowKey, record), field, value);
      if (outcome.ok && outcome.saved) rememberSaved(rowKey, outcome.saved);
      return outcome;
    })();
    rowSaves.current.set(rowKey, saving);
    void saving.then(() => {
      if (rowSaves.current.get(rowKey) === saving) rowSaves.current.delete(rowKey);
    });
    return saving;
  };

  /**
   * Checks a value with the record's schema, then saves it from `madeOn` (the
   * record the edit began on; the row as shown when not given); a refusal stays
   * in the cell with its reason, and a stale one asks the user beside the cell.
   */
  const commitValue = async (
    rowKey: string,
    col: number,
    value: unknown,
    text: string,
    madeOn?: Row,
  ): Promise<boolean> => {
    const record = madeOn ?? view.byId(rowKey);
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
    const outcome = await saveInTurn(rowKey, record, field, value);
    if (outcome.ok) {
      setDraft(key, null);
      setRowState(rowKey, 'saved');
      return true;
    }
    if (outcome.conflict) {
      setDraft(key, { text, message: outcome.message, conflict: true });
      setRowState(rowKey, 'failed');
      const cell = rootRef.current?.querySelector(`[data-cell="${key}"]`) ?? null;
      setConflict({ rowKey, col, value, text, conflict: outcome.conflict, anchor: { current: cell } });
      return false;
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
    const record = view.byId(rowKey);
    const spec = specs[col];
    if (!record || !spec || !isEditable(spec)) return;
    if (spec.kind === 'boolean') {
      const next = !spec.value(record);
      void commitValue(rowKey, col, next, next ? 'Yes' : 'No');
      return;
    }
    const draft = drafts.get(cellKey(rowKey, col));
    const text = spec.kind === 'select' || initial === undefined ? (draft?.text ?? editTextOf(spec, record)) : initial;
    editBase.current = record;
    setEditing({ row: rowKey, col, text });
  };

  /** Keep mine: the typed value saved again, deliberately over the version saved now. */
  const keepMine = () => {
    const open = conflict;
    if (!open) return;
    setConflict(null);
    activate(open.rowKey, open.col);
    void commitValue(open.rowKey, open.col, open.value, open.text, open.conflict.theirs);
  };

  /** Take theirs: the typed value dropped; the cell shows what is saved (already in the list). */
  const takeTheirs = () => {
    const open = conflict;
    if (!open) return;
    setConflict(null);
    setDraft(cellKey(open.rowKey, open.col), null);
    setRowState(open.rowKey, 'saved');
    activate(open.rowKey, open.col);
  };

  /** Closed without a choice: the typed value stays in the cell, refused, with the reason beside it. */
  const dismissConflict = () => {
    const open = conflict;
    if (!open) return;
    setConflict(null);
    const key = cellKey(open.rowKey, open.col);
    const draft = drafts.get(key);
    if (draft) setDraft(key, { text: draft.text, message: draft.message });
    activate(open.rowKey, open.col);
  };

  const endEdit = (end: EditEnd) => {
    const current = editing;
    if (!current) return;
    setEditing(null);
    if (end.kind === 'cancel') {
      activate(current.row, current.col);
      return;
    }
    const record = view.byId(current.row);
    const spec = specs[current.col];
    const base = editBase.current !== null && String(editBase.current.id) === current.row ? editBase.current : record;
    editBase.current = null;
    if (base && spec)
      void commitValue(current.row, current.col, parseText(spec, current.text, base), current.text, base);
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
      const index = Math.max(0, view.positionOf(String(gone.id)));
      activate(idAt(index + 1) ?? idAt(index - 1) ?? HEADER_ROW, active.col);
    } else {
      focusWanted.current = true;
      setScrollTick((tick) => tick + 1);
    }
  };

  // Keyboard positions: 0 is the header row, 1 the filter row, 2 onwards the shown rows.
  const lastPosition = view.length + 1;
  const rowAtPosition = (position: number): string =>
    position === 0 ? HEADER_ROW : position === 1 ? FILTER_ROW : (idAt(position - 2) ?? HEADER_ROW);
  const moveTo = (position: number, col: number) => {
    const clamped = Math.max(0, Math.min(lastPosition, position));
    activate(rowAtPosition(clamped), Math.max(0, Math.min(colCount - 1, col)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const position =
      active.row === HEADER_ROW ? 0 : active.row === FILTER_ROW ? 1 : activeIndex >= 0 ? activeIndex + 2 : -1;
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
        moveTo(ctrl ? lastPosition : position, colCount - 1);
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
      const row = view.rowAt(rowIndex + offset);
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
            : parseText(spec, text, row);
        await commitValue(String(row.id), colIndex + step, value, text);
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
    const rowIndex = activeIndex >= 0 ? activeIndex : view.length;
    const colIndex = Math.max(0, active.col);
    if (props.onPasteBlock) {
      props.onPasteBlock({ cells, rowIndex, colIndex, rows: view.shown(), specs });
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
  const sizesKey = headers.map((header) => header.getSize()).join(',');
  // One array of column widths for as long as no column is resized, so rows in view keep their props.
  const sizes = useMemo(() => sizesKey.split(',').map(Number), [sizesKey]);
  const rowsWithDrafts = useMemo(
    () => new Set([...drafts.keys()].map((key) => key.slice(0, key.lastIndexOf(':')))),
    [drafts],
  );
  const selectedKey = selectedId === null || selectedId === undefined ? null : String(selectedId);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';

  /** Clicks on data cells, for every row at once: found by the cell's data-cell attribute. */
  const cellOf = (target: EventTarget): { row: string; col: number } | null => {
    const element = target instanceof Element ? target.closest<HTMLElement>('[role="gridcell"][data-cell]') : null;
    const key = element?.dataset.cell;
    if (!key) return null;
    const split = key.lastIndexOf(':');
    const row = key.slice(0, split);
    return isDataRow(row) ? { row, col: Number(key.slice(split + 1)) } : null;
  };
  const onClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const cell = cellOf(event.target);
    if (cell && !(active.row === cell.row && active.col === cell.col)) activate(cell.row, cell.col);
  };
  const onDoubleClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const cell = cellOf(event.target);
    const inEditor = event.target instanceof Element && event.target.closest('.cell-editor') !== null;
    if (cell && !inEditor) startEdit(cell.row, cell.col);
  };

  const rowElementId = (id: string) => `${gridId}-row-${id}`;
  const renderRow = (index: number, top: number, slot: string) => {
    const record = view.rowAt(index);
    if (!record) return null;
    const id = String(record.id);
    const isEdited = editing !== null && editing.row === id;
    return (
      <GridRow<Row>
        key={slot}
        elementId={rowElementId(id)}
        row={tableRowOf(record, id)}
        index={index}
        top={top}
        sizes={sizes}
        specs={specs}
        gridId={gridId}
        activeCol={active.row === id ? active.col : -1}
        editing={isEdited ? editing : null}
        drafts={rowsWithDrafts.has(id) ? drafts : null}
        state={rowStates.get(id)}
        selected={onActiveRowChange ? id === (selectedKey ?? active.row) : undefined}
        {...(isEdited
          ? {
              editorLabel: `${specs[editing.col]?.header ?? ''}, ${describe(record)}`,
              onEditText: (text: string) => setEditing({ ...editing, text }),
              onEditEnd: endEdit,
            }
          : {})}
      />
    );
  };

  return (
    <section className="grid-section" aria-labelledby={headingId}>
      <div className="grid-toolbar">
        <Heading id={headingId} className="grid-title">
          {label}
        </Heading>
        <span className="grid-count">
          {props.loading
            ? 'Loading…'
            : view.length === rows.length
              ? `${rows.length.toLocaleString('en-GB')} row${rows.length === 1 ? '' : 's'}`
              : `${view.length.toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')} rows`}
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
        aria-rowcount={view.length + 2}
        aria-colcount={colCount}
        aria-busy={props.loading ? true : undefined}
        className="grid"
        style={{ height: props.height ?? 320 }}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onDoubleClick={onDoubleClick}
        onPaste={onPaste}
        onCopy={onCopy}
      >
        <GridHead<Row>
          AppHeader={table.AppHeader as AppHeaderComponent<Row>}
          headers={headers}
          specs={specs}
          width={width}
          sizes={sizes}
          activeHeader={active.row === HEADER_ROW ? active.col : -1}
          activeFilter={active.row === FILTER_ROW ? active.col : -1}
          sorting={table.state.sorting}
          filters={table.state.columnFilters}
          resizing={table.state.columnResizing}
          onHeaderClick={onHeaderClick}
          onFilterFocus={onFilterFocus}
        />
        <GridBody
          count={view.length}
          idAt={idAt}
          scrollRef={rootRef}
          activeIndex={activeIndex}
          scrollToActive={scrollTick}
          width={width}
          renderRow={renderRow}
          rowElementId={rowElementId}
        />
        {!props.loading && view.length === 0 ? (
          <div role="row" className="grid-row grid-empty-row">
            <div role="gridcell" className="grid-empty">
              {rows.length === 0 ? (props.emptyText ?? 'Nothing here yet.') : 'No rows match the filters.'}
            </div>
          </div>
        ) : null}
      </div>
      {props.footer}
      {conflict && specs[conflict.col] ? (
        <StaleConflict<Row>
          anchor={conflict.anchor}
          what={describe(conflict.conflict.theirs)}
          spec={specs[conflict.col] as FieldSpec<Row>}
          specs={specs}
          conflict={conflict.conflict}
          yours={conflict.text}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
          onDismiss={dismissConflict}
        />
      ) : null}
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
