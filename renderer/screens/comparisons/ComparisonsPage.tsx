import { useMemo, useState } from 'react';
import { buildChartData } from '../../../shared/charts/chart-data';
import { CHART_KIND_LABELS, CHART_KINDS, defaultChartKind, type ChartKind } from '../../../shared/charts/chart-spec';
import { formatError } from '../../../shared/errors';
import type { Area, Indicator, Period } from '../../../shared/model';
import type { ViewFile } from '../../../shared/views/view-file';
import type { EvaluatedView } from '../../../shared/views/view-table';
import type { Result } from '../../../shared/api/result';
import { ChartFigure } from '../../charts/ChartFigure';
import { useApi } from '../../data/api-context';
import { useRecords } from '../../data/queries';
import { downloadFile } from '../../data/download';
import { draftOf, EMPTY_DRAFT, specOf, type ViewDraft } from './draft';
import { useEvaluatedView, useSavedViews } from './queries';
import { ViewControls, type ViewMessage } from './ViewControls';
import { ViewDefinitions } from './ViewDefinitions';
import { ViewEditor } from './ViewEditor';
import { ViewGrid } from './ViewGrid';
import './comparisons.css';

/**
 * Comparison views: pick a saved view or start a new one, choose what it shows,
 * and read it as a table (every figure computed by the comparison engine), with
 * its chart and the table behind the chart; save, rename or delete the view;
 * export the table to CSV or XLSX and the chart to SVG.
 */
export function ComparisonsPage() {
  const api = useApi();
  const indicators = useRecords<Indicator>('indicators');
  const areas = useRecords<Area>('areas');
  const periods = useRecords<Period>('periods');
  const saved = useSavedViews();

  const [draft, setDraft] = useState<ViewDraft>(EMPTY_DRAFT);
  const [message, setMessage] = useState<ViewMessage>(null);
  const [chartChoice, setChartChoice] = useState<ChartKind | null>(null);
  const [chartIndicator, setChartIndicator] = useState<number | null>(null);

  const periodOrder = useMemo(() => periods.rows.map((period) => period.id), [periods.rows]);
  const built = useMemo(() => specOf(draft, periodOrder), [draft, periodOrder]);
  const spec = 'spec' in built ? built.spec : null;
  const evaluation = useEvaluatedView(spec, draft.name.trim() === '' ? null : draft.name.trim());
  const view = spec ? evaluation.data : undefined;

  const edit = (next: ViewDraft) => {
    setDraft(next);
    setMessage(null);
  };

  const open = (value: string) => {
    setChartChoice(null);
    setChartIndicator(null);
    const chosen = saved.views.find((candidate) => String(candidate.id) === value);
    edit(chosen ? draftOf(chosen) : EMPTY_DRAFT);
  };

  const exportFile = async (work: () => Promise<Result<ViewFile>>) => {
    const result = await work();
    if (!result.ok) return setMessage({ kind: 'error', text: formatError(result.error) });
    downloadFile(result.value);
    setMessage({ kind: 'ok', text: `Exported ${result.value.fileName}.` });
  };

  const source = spec ? { spec, ...(draft.name.trim() === '' ? {} : { name: draft.name.trim() }) } : null;
  const chartKind = chartChoice ?? defaultChartKind(draft.mode);
  const chartIndicatorId =
    view && view.indicators.some((indicator) => indicator.id === chartIndicator)
      ? (chartIndicator ?? undefined)
      : view?.indicators[0]?.id;

  return (
    <div className="comparisons">
      <section className="view-editor" aria-labelledby="view-editor-heading">
        <ViewControls
          key={draft.savedId ?? 'new'}
          draft={draft}
          built={built}
          views={saved.views}
          message={message}
          onOpen={open}
          onEdit={edit}
          onDraft={setDraft}
          onMessage={setMessage}
        />
        <ViewEditor
          draft={draft}
          onChange={edit}
          indicators={indicators.rows}
          areas={areas.rows}
          periods={periods.rows}
        />
      </section>

      <section className="view-result" aria-labelledby="view-result-heading">
        <div className="grid-toolbar">
          <h2 id="view-result-heading" className="section-title">
            {draft.name.trim() === '' ? 'Unsaved view' : draft.name.trim()}
          </h2>
          <span className="grid-toolbar-spacer" />
          <button
            type="button"
            className="button"
            disabled={!source}
            onClick={() => source && void exportFile(() => api['views.exportCsv'](source))}
          >
            Export CSV
          </button>
          <button
            type="button"
            className="button"
            disabled={!source}
            onClick={() => source && void exportFile(() => api['views.exportXlsx'](source))}
          >
            Export XLSX
          </button>
        </div>
        {!spec ? (
          <p className="help">{'problem' in built ? built.problem : ''} The table appears here as soon as it can.</p>
        ) : evaluation.error ? (
          <p className="error-text" role="alert">
            {evaluation.error.message}
          </p>
        ) : !view ? (
          <p className="help">Working out the table…</p>
        ) : (
          <ViewResult
            view={view}
            chartKind={chartKind}
            chartIndicatorId={chartIndicatorId}
            onChartKind={setChartChoice}
            onChartIndicator={setChartIndicator}
            onExportSvg={() =>
              source &&
              void exportFile(async () => {
                const result = await api['charts.svg']({
                  kind: chartKind,
                  view: source,
                  ...(chartIndicatorId === undefined ? {} : { indicatorId: chartIndicatorId }),
                });
                return result.ok
                  ? {
                      ok: true,
                      value: {
                        fileName: result.value.fileName,
                        mimeType: 'image/svg+xml',
                        encoding: 'utf8',
                        content: result.value.svg,
                      },
                    }
                  : result;
              })
            }
          />
        )}
      </section>
    </div>
  );
}

interface ViewResultProps {
  readonly view: EvaluatedView;
  readonly chartKind: ChartKind;
  readonly chartIndicatorId: number | undefined;
  readonly onChartKind: (kind: ChartKind) => void;
  readonly onChartIndicator: (id: number) => void;
  readonly onExportSvg: () => void;
}

/** The evaluated view: its table, the notes under it, and its chart. */
function ViewResult({
  view,
  chartKind,
  chartIndicatorId,
  onChartKind,
  onChartIndicator,
  onExportSvg,
}: ViewResultProps) {
  const chart = useMemo(
    () => buildChartData(view, { kind: chartKind, indicatorId: chartIndicatorId }),
    [view, chartKind, chartIndicatorId],
  );
  const provisional = view.rows.some((row) => row.provisional);
  return (
    <>
      <p className="view-title">
        {view.title}
        {view.indicators.length === 1 && view.indicators[0] ? (
          <span className="cell-muted">
            {' '}
            · {view.indicators[0].unitText}, {view.indicators[0].polarity}
          </span>
        ) : null}
      </p>
      <ViewGrid view={view} caption={`${view.name ?? 'Unsaved view'}: ${view.title}`} />
      {view.notes.length > 0 || provisional ? (
        <ul className="view-notes">
          {provisional ? (
            <li>
              <span className="provisional-mark" aria-hidden="true">
                p
              </span>{' '}
              marks a provisional figure.
            </li>
          ) : null}
          {view.notes.map((note) => (
            <li key={note} className={note.startsWith('Printed figure disagrees') ? 'note-flag' : undefined}>
              {note}
            </li>
          ))}
        </ul>
      ) : null}
      <ViewDefinitions indicators={view.indicators} />

      <section className="view-chart" aria-labelledby="view-chart-heading">
        <div className="grid-toolbar">
          <h3 id="view-chart-heading" className="section-title">
            Chart
          </h3>
          <span className="grid-toolbar-spacer" />
          <button type="button" className="button" onClick={onExportSvg}>
            Export SVG
          </button>
        </div>
        <div className="chart-controls">
          <fieldset className="editor-fieldset chart-kinds">
            <legend>Chart</legend>
            {CHART_KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input type="radio" name="chart-kind" checked={chartKind === kind} onChange={() => onChartKind(kind)} />
                {CHART_KIND_LABELS[kind]}
              </label>
            ))}
          </fieldset>
          {view.indicators.length > 1 && chartKind !== 'rag-summary' ? (
            <label className="field">
              <span className="field-label">Indicator charted</span>
              <select value={chartIndicatorId ?? ''} onChange={(event) => onChartIndicator(Number(event.target.value))}>
                {view.indicators.map((indicator) => (
                  <option key={indicator.id} value={indicator.id}>
                    {indicator.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        <ChartFigure data={chart} />
        {chartKind === 'rag-summary' ? (
          <p className="help">
            Each indicator counts once under each priority it serves, with the RAG of its totals row, else its only
            area, else its worst area; RAG is against the target, or the direction and a 2% tolerance.
          </p>
        ) : null}
      </section>
    </>
  );
}
