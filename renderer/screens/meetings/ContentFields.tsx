import { useMemo } from 'react';
import { CHART_KIND_LABELS, CHART_KINDS, type ChartKind } from '../../../shared/charts/chart-spec';
import type { Indicator, Plan, Priority } from '../../../shared/model';
import type { AgendaContent } from '../../../shared/pack/agenda-content';
import { useRecords } from '../../data/queries';
import { useSavedViews } from '../comparisons/queries';
import { AttachmentPicker } from './AttachmentPicker';
import { KIND_HELP } from './item-kinds';

interface ContentFieldsProps {
  /** Any kind but a paper (a paper has its own editor). */
  readonly content: AgendaContent;
  readonly onChange: (content: AgendaContent) => void;
}

/** What a table, chart, priority progress, finance, action log, glossary or attachment item shows. */
export function ContentFields({ content, onChange }: ContentFieldsProps) {
  const views = useSavedViews();
  const plans = useRecords<Plan>('plans');
  const priorities = useRecords<Priority>('priorities');
  const indicators = useRecords<Indicator>('indicators');

  const viewPick = (viewId: number, onPick: (viewId: number) => void) => (
    <label className="field">
      <span className="field-label">Comparison view</span>
      <select value={viewId} onChange={(event) => onPick(Number(event.target.value))}>
        {views.views.some((view) => view.id === viewId) ? null : <option value={viewId}>(a deleted view)</option>}
        {views.views.map((view) => (
          <option key={view.id} value={view.id}>
            {view.name}
          </option>
        ))}
      </select>
    </label>
  );

  const chartView = content.kind === 'chart' ? views.views.find((view) => view.id === content.viewId) : undefined;
  const chartIndicators = useMemo(
    () => (chartView ? indicators.rows.filter((indicator) => chartView.spec.indicatorIds.includes(indicator.id)) : []),
    [chartView, indicators.rows],
  );

  const priority =
    content.kind === 'priority progress'
      ? priorities.rows.find((candidate) => candidate.id === content.priorityId)
      : undefined;

  return (
    <div className="content-fields">
      <p className="help">{KIND_HELP[content.kind]}</p>
      {content.kind === 'performance table'
        ? viewPick(content.viewId, (viewId) => onChange({ ...content, viewId }))
        : null}
      {content.kind === 'chart' ? (
        <div className="content-row">
          {viewPick(content.viewId, (viewId) => {
            onChange({ kind: 'chart', chart: content.chart, viewId });
          })}
          <label className="field">
            <span className="field-label">Chart kind</span>
            <select
              value={content.chart}
              onChange={(event) => onChange({ ...content, chart: event.target.value as ChartKind })}
            >
              {CHART_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {CHART_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </label>
          {content.chart !== 'rag-summary' && chartIndicators.length > 1 ? (
            <label className="field">
              <span className="field-label">Indicator charted</span>
              <select
                value={content.indicatorId ?? ''}
                onChange={(event) => {
                  const rest = { kind: 'chart', viewId: content.viewId, chart: content.chart } as const;
                  onChange(event.target.value === '' ? rest : { ...rest, indicatorId: Number(event.target.value) });
                }}
              >
                <option value="">The view&apos;s first indicator</option>
                {chartIndicators.map((indicator) => (
                  <option key={indicator.id} value={indicator.id}>
                    {indicator.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      ) : null}
      {content.kind === 'priority progress' ? (
        <div className="content-row">
          <label className="field">
            <span className="field-label">Plan</span>
            <select
              value={priority?.planId ?? ''}
              onChange={(event) => {
                const first = priorities.rows.find((candidate) => candidate.planId === Number(event.target.value));
                if (first) onChange({ ...content, priorityId: first.id });
              }}
            >
              {plans.rows.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Priority</span>
            <select
              value={content.priorityId}
              onChange={(event) => onChange({ ...content, priorityId: Number(event.target.value) })}
            >
              {priorities.rows
                .filter((candidate) => candidate.planId === priority?.planId)
                .map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.printedRef ?? candidate.ref} {candidate.title}
                  </option>
                ))}
            </select>
          </label>
        </div>
      ) : null}
      {content.kind === 'finance' ? (
        <label className="field">
          <span className="field-label">Plan</span>
          <select
            value={content.planId}
            onChange={(event) => onChange({ ...content, planId: Number(event.target.value) })}
          >
            {plans.rows.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {content.kind === 'attachment' ? (
        <AttachmentPicker
          attachmentId={content.attachmentId}
          onChange={(attachmentId) => onChange({ ...content, attachmentId })}
        />
      ) : null}
    </div>
  );
}
