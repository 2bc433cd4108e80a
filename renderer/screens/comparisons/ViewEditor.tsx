import { useId } from 'react';
import type { Area, Indicator, Period } from '../../../shared/model';
import { VIEW_COLUMN_LABELS, VIEW_COLUMNS } from '../../../shared/views/view-spec';
import type { ViewDraft } from './draft';
import { MultiPick } from './MultiPick';

interface ViewEditorProps {
  readonly draft: ViewDraft;
  readonly onChange: (draft: ViewDraft) => void;
  readonly indicators: readonly Indicator[];
  readonly areas: readonly Area[];
  readonly periods: readonly Period[];
}

const UNIT_WORDS: Readonly<Record<Indicator['unit'], string>> = {
  count: 'count',
  rate: 'rate',
  percent: 'percent',
  money: '£',
};

/** What a view shows: indicators, areas and their comparators, periods, columns and totals. */
export function ViewEditor({ draft, onChange, indicators, areas, periods }: ViewEditorProps) {
  const id = useId();
  const set = (changes: Partial<ViewDraft>) => onChange({ ...draft, ...changes });
  const indicatorOptions = indicators.map((indicator) => ({
    id: indicator.id,
    name: indicator.name,
    detail: `(${UNIT_WORDS[indicator.unit]})`,
  }));
  const areaOptions = areas.map((area) => ({ id: area.id, name: area.name, detail: `(${area.kind})` }));
  const periodOptions = periods.map((period) => ({ id: period.id, name: period.label }));

  return (
    <div className="view-editor-fields">
      <div className="editor-column">
        <MultiPick
          label="Indicators"
          options={indicatorOptions}
          selected={draft.indicatorIds}
          onChange={(indicatorIds) => set({ indicatorIds })}
          searchable
        />
      </div>

      <div className="editor-column">
        <MultiPick
          label="Areas (rows, in the order chosen)"
          options={areaOptions}
          selected={draft.areaIds}
          onChange={(areaIds) => set({ areaIds })}
        />
        <fieldset className="editor-fieldset">
          <legend>Compared with</legend>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-comparators`}
              checked={draft.comparatorsFrom === 'stored'}
              onChange={() => set({ comparatorsFrom: 'stored' })}
            />
            Each area&apos;s own comparators (England, South East…)
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-comparators`}
              checked={draft.comparatorsFrom === 'list'}
              onChange={() => set({ comparatorsFrom: 'list' })}
            />
            These, for every area:
          </label>
          {draft.comparatorsFrom === 'list' ? (
            <MultiPick
              label="Comparator areas"
              options={areaOptions}
              selected={draft.comparatorIds}
              onChange={(comparatorIds) => set({ comparatorIds })}
            />
          ) : null}
        </fieldset>
      </div>

      <div className="editor-column">
        <fieldset className="editor-fieldset">
          <legend>Periods</legend>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={draft.mode === 'compare'}
              onChange={() => set({ mode: 'compare' })}
            />
            Two periods: base and current
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={draft.mode === 'trend'}
              onChange={() => set({ mode: 'trend' })}
            />
            A trend over several periods
          </label>
          {draft.mode === 'compare' ? (
            <div className="period-pair">
              <label className="field">
                <span className="field-label">Base period</span>
                <select
                  value={draft.baseId ?? ''}
                  onChange={(event) => set({ baseId: event.target.value === '' ? null : Number(event.target.value) })}
                >
                  <option value="">Choose…</option>
                  {periods.map((period) => (
                    <option key={period.id} value={period.id}>
                      {period.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">Current period</span>
                <select
                  value={draft.currentId ?? ''}
                  onChange={(event) =>
                    set({ currentId: event.target.value === '' ? null : Number(event.target.value) })
                  }
                >
                  <option value="">Choose…</option>
                  {periods.map((period) => (
                    <option key={period.id} value={period.id}>
                      {period.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : (
            <MultiPick
              label="Trend periods (shown in date order)"
              options={periodOptions}
              selected={draft.trendIds}
              onChange={(trendIds) => set({ trendIds })}
              chosenOrder="list"
            />
          )}
        </fieldset>

        <fieldset className="editor-fieldset">
          <legend>Columns</legend>
          {VIEW_COLUMNS.map((column) => (
            <label key={column} className="choice">
              <input
                type="checkbox"
                checked={draft.columns.includes(column)}
                onChange={(event) =>
                  set({
                    columns: event.target.checked
                      ? [...draft.columns, column]
                      : draft.columns.filter((chosen) => chosen !== column),
                  })
                }
              />
              {VIEW_COLUMN_LABELS[column]}
            </label>
          ))}
          <label className="choice">
            <input type="checkbox" checked={draft.totals} onChange={(event) => set({ totals: event.target.checked })} />
            Totals row where the areas make a whole (counts summed; rates are the whole area&apos;s own figure)
          </label>
        </fieldset>
      </div>
    </div>
  );
}
