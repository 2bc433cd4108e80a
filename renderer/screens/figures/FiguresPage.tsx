import { useCallback, useMemo, useState } from 'react';
import { figureFields } from '../../../shared/api/records';
import type { Area, Figure, Indicator, Period } from '../../../shared/model';
import { useFigures, useRecords, type FigureFilter } from '../../data/queries';
import { EditableGrid } from '../../grid/EditableGrid';
import type { GridPaste } from '../../grid/grid-types';
import { parseTsv } from '../../grid/paste';
import { figureColumns } from './columns';
import { FilterCombo } from './FilterCombo';
import { makeLookups } from './lookups';
import { useFigureEditing } from './mutations';
import { blockOf, planFigurePaste, replanOver, type PastePlan, type PasteRequest } from './paste-plan';
import { PastePreviewDialog } from './PastePreviewDialog';

const NO_FILTER: FigureFilter = { indicatorId: null, areaId: null, periodId: null };

const byName = (rows: readonly { id: number; name?: string; label?: string }[]) =>
  rows.map((row) => ({ id: row.id, name: row.name ?? row.label ?? '' }));

/** Figures: filter by indicator, area and period; edit in place; paste blocks from a spreadsheet. */
export function FiguresPage() {
  const indicators = useRecords<Indicator>('indicators');
  const areas = useRecords<Area>('areas');
  const periods = useRecords<Period>('periods');
  const [filter, setFilter] = useState<FigureFilter>(NO_FILTER);
  const figures = useFigures(filter);
  const lookups = useMemo(
    () => makeLookups(indicators.rows, areas.rows, periods.rows),
    [indicators.rows, areas.rows, periods.rows],
  );
  const specs = useMemo(() => figureColumns(lookups), [lookups]);
  const describe = useMemo(
    () => (figure: Figure) =>
      `${lookups.indicators.get(figure.indicatorId)?.name ?? 'figure'}, ${lookups.areas.get(figure.areaId)?.name ?? ''}, ${
        lookups.periods.get(figure.periodId)?.label ?? ''
      }`,
    [lookups],
  );
  const editing = useFigureEditing(describe);
  // Stable props for the filters, which need not render again when the figures arrive.
  const indicatorOptions = useMemo(() => byName(indicators.rows), [indicators.rows]);
  const areaOptions = useMemo(() => byName(areas.rows), [areas.rows]);
  const periodOptions = useMemo(() => byName(periods.rows), [periods.rows]);
  const setIndicator = useCallback((indicatorId: number | null) => setFilter((f) => ({ ...f, indicatorId })), []);
  const setArea = useCallback((areaId: number | null) => setFilter((f) => ({ ...f, areaId })), []);
  const setPeriod = useCallback((periodId: number | null) => setFilter((f) => ({ ...f, periodId })), []);
  const [paste, setPaste] = useState<{ readonly request: PasteRequest; readonly plan: PastePlan } | null>(null);
  const [written, setWritten] = useState<string | null>(null);

  const preview = (cells: string[][], rowIndex: number, colIndex: number, rows: readonly Figure[]) => {
    setWritten(null);
    const request = { cells, rowIndex, colIndex, rows, loaded: figures.rows, filter, lookups };
    setPaste({ request, plan: planFigurePaste(request) });
  };

  /** Writes the previewed block; refused as stale, plans it again over the figures as saved now. */
  const writePaste = async (plan: PastePlan) => {
    const result = await editing.writeBlock(blockOf(plan));
    if (!result.ok && result.error.code === 'stale' && paste) {
      const saved = (await figures.refetch()).data?.rows ?? figures.rows;
      setPaste(replanOver(paste.request, plan, saved));
    }
    return result;
  };

  const onPasteBlock = (paste: GridPaste<Figure>) => preview(paste.cells, paste.rowIndex, paste.colIndex, paste.rows);

  /** A new figure on a free indicator/area/period, within the filters. */
  const addFigure = () => {
    const taken = new Set(figures.rows.map((f) => `${f.indicatorId}|${f.areaId}|${f.periodId}`));
    const pick = <T extends { id: number }>(fixed: number | null, all: readonly T[]) =>
      fixed === null ? all.map((item) => item.id) : [fixed];
    for (const indicatorId of pick(filter.indicatorId, indicators.rows))
      for (const periodId of pick(filter.periodId, [...periods.rows].reverse()))
        for (const areaId of pick(filter.areaId, areas.rows))
          if (!taken.has(`${indicatorId}|${areaId}|${periodId}`))
            return editing.add({
              indicatorId,
              areaId,
              periodId,
              value: 0,
              provisional: true,
              source: null,
              note: null,
            });
    return Promise.resolve({
      ok: false as const,
      error: {
        code: 'conflict' as const,
        message: 'every indicator, area and period in the filters already has a figure',
      },
    });
  };

  return (
    <div className="stack">
      <div className="filters" role="group" aria-label="Filter figures">
        <FilterCombo
          label="Indicator"
          allLabel="All indicators"
          options={indicatorOptions}
          value={filter.indicatorId}
          onChange={setIndicator}
        />
        <FilterCombo label="Area" allLabel="All areas" options={areaOptions} value={filter.areaId} onChange={setArea} />
        <FilterCombo
          label="Period"
          allLabel="All periods"
          options={periodOptions}
          value={filter.periodId}
          onChange={setPeriod}
        />
      </div>
      <p className="ok-text written" aria-live="polite">
        {written}
      </p>
      <EditableGrid<Figure>
        label="Figures"
        rows={figures.rows}
        specs={specs}
        schema={figureFields}
        describe={describe}
        onSave={editing.update}
        onAdd={addFigure}
        addLabel="Add figure"
        onDelete={editing.remove}
        deleteEntity={null}
        height={480}
        loading={figures.isPending}
        error={figures.error?.message ?? null}
        emptyText="No figures match: change the filters, add a figure, or paste rows below."
        onPasteBlock={onPasteBlock}
      />
      <section className="add-figures" aria-labelledby="add-figures-title">
        <h2 id="add-figures-title" className="grid-title">
          Add figures
        </h2>
        <p id="add-figures-help" className="help">
          Copy rows from Excel or LibreOffice with the columns <strong>indicator, area, period, value</strong> (and
          optionally status, source, note) and paste them here. Names match regardless of case; areas also match by
          alias; values may use thousands separators (1,108). You see every row before anything is written. A block
          pasted into the grid at a cell fills the columns from that cell rightwards and adds rows below the last one.
        </p>
        <textarea
          className="paste-area"
          aria-label="Add figures: paste rows here"
          aria-describedby="add-figures-help"
          placeholder="Paste rows here (Ctrl+V)"
          rows={3}
          value=""
          onChange={() => undefined}
          onPaste={(event) => {
            const text = event.clipboardData.getData('text/plain');
            if (!text) return;
            event.preventDefault();
            preview(parseTsv(text), figures.rows.length, 0, []);
          }}
        />
      </section>
      {paste ? (
        <PastePreviewDialog
          plan={paste.plan}
          onWrite={writePaste}
          onClose={(message) => {
            setPaste(null);
            setWritten(message ?? null);
          }}
        />
      ) : null}
    </div>
  );
}
