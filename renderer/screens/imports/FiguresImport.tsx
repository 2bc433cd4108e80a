import { useId, useMemo, useState } from 'react';
import { formatError } from '../../../shared/errors';
import type { FigureMappingInput } from '../../../shared/figure-mapping';
import { FIGURE_LAYOUTS, type FigureLayout, type UnknownNameData } from '../../../shared/imports';
import type { Area, Indicator, Period } from '../../../shared/model';
import { useRecords } from '../../data/queries';
import { LAYOUT_LABELS } from './column-roles';
import { FileChoice } from './FileChoice';
import type { ChosenFiles } from './import-files';
import { ImportSummary } from './ImportSummary';
import { JobStatus } from './JobStatus';
import { nameKey, withNameChoices, type NameChoice } from './name-choices';
import { PreviewTable } from './PreviewTable';
import { useFigurePreview, useSavedMappings, useSaveMapping } from './queries';
import { SaveMapping } from './SaveMapping';
import { UnknownNames } from './UnknownNames';
import { useImportJob } from './use-import-job';

/** Unknown names of every check so far, newest data for each, in the order first seen. */
function mergeUnknown(
  before: readonly UnknownNameData[],
  next: readonly UnknownNameData[],
): readonly UnknownNameData[] {
  const byKey = new Map(before.map((name) => [nameKey(name), name]));
  for (const name of next) byKey.set(nameKey(name), name);
  return [...byKey.values()];
}

/**
 * Figures from a CSV or XLSX file: choose the file, see its first rows with
 * each column's role, adjust the layout and columns (or use a saved mapping),
 * check every row with a dry run, settle each unknown name (create it, or map it
 * to an existing one), import in one transaction, and save the mapping for next
 * quarter.
 */
export function FiguresImport({ nativeDialogs }: { readonly nativeDialogs: boolean }) {
  const ids = {
    layout: useId(),
    area: useId(),
    one: useId(),
    ask: useId(),
    sheet: useId(),
    saved: useId(),
    names: useId(),
  };
  const [file, setFile] = useState<ChosenFiles | null>(null);
  const [mapping, setMappingState] = useState<FigureMappingInput>({});
  const [unknown, setUnknown] = useState<readonly UnknownNameData[]>([]);
  const [choices, setChoices] = useState<ReadonlyMap<string, NameChoice>>(new Map());
  const [savedId, setSavedId] = useState('');
  const job = useImportJob();
  const preview = useFigurePreview(file, mapping);
  const saved = useSavedMappings();
  const saveMapping = useSaveMapping();
  const indicators = useRecords<Indicator>('indicators');
  const areas = useRecords<Area>('areas');
  const periods = useRecords<Period>('periods');
  const existing = useMemo(
    () => ({
      indicator: indicators.rows.map((row) => ({ id: row.id, name: row.name })),
      area: areas.rows.map((row) => ({ id: row.id, name: row.name, aliases: row.aliases })),
      period: periods.rows.map((row) => ({ id: row.id, name: row.label })),
    }),
    [indicators.rows, areas.rows, periods.rows],
  );

  const source = file?.sources[0];
  const data = preview.data;
  const problem = data?.problem ?? null;
  const layout: FigureLayout | null =
    mapping.layout ??
    data?.plan?.layout ??
    (problem?.where?.field === 'period'
      ? 'wide-indicator'
      : problem?.where?.field === 'indicator'
        ? 'wide-period'
        : null);
  // A wide file that needs its one indicator (or period) named: a question for the person, not an error.
  const missingOne = problem?.where?.row === undefined ? missingName(problem?.where?.field) : null;
  const header = data?.header ?? [];
  const ignored = new Set(mapping.ignore ?? []);

  /** Any change to what the import reads: the last check no longer holds. */
  const setMapping = (next: FigureMappingInput) => {
    setMappingState(next);
    job.reset();
  };
  const choose = (chosen: ChosenFiles | null) => {
    setFile(chosen);
    setUnknown([]);
    setChoices(new Map());
    job.reset();
  };
  const applySaved = (id: string) => {
    setSavedId(id);
    const chosen = saved.mappings.find((candidate) => String(candidate.id) === id);
    setUnknown([]);
    setChoices(new Map());
    setMapping(chosen ? chosen.mapping : {});
  };
  const columns = (area: string) => {
    const rest = without(mapping.columns ?? {}, 'area');
    setMapping({ ...mapping, columns: area === '' ? rest : { ...rest, area } });
  };
  const optional = (key: 'layout' | 'indicator' | 'period' | 'sheet', value: string) => {
    const rest = without(mapping, key);
    setMapping(value.trim() === '' ? rest : { ...rest, [key]: value });
  };
  const toggleIgnore = (name: string, on: boolean) =>
    setMapping({ ...mapping, ignore: on ? [...ignored, name] : [...ignored].filter((item) => item !== name) });

  const effective = withNameChoices(mapping, unknown, choices);
  const run = async (dryRun: boolean) => {
    if (!source) return;
    const outcome = await job.run({ kind: 'figures', source, mapping: effective, dryRun });
    if (outcome?.status === 'unknown-names') setUnknown((before) => mergeUnknown(before, outcome.unknown));
  };

  const state = job.state;
  const outcome = state.kind === 'finished' ? state.outcome : null;
  const summary = outcome?.status === 'done' && outcome.summary.kind === 'figures' ? outcome.summary : null;
  const checked = summary?.dryRun === true;
  const imported = summary !== null && !summary.dryRun;
  const running = state.kind === 'running';
  const stillUnknown =
    outcome?.status === 'unknown-names'
      ? outcome.unknown.filter((name) => !choices.has(nameKey(name))).length
      : unknown.filter((name) => !choices.has(nameKey(name))).length;

  return (
    <div className="import-flow">
      <section className="import-step" aria-labelledby="figures-file-heading">
        <h3 id="figures-file-heading" className="import-step-title">
          1. The file
        </h3>
        <FileChoice
          label="Figures file (CSV or XLSX)"
          purpose="figures"
          accept=".csv,.txt,.tsv,.xlsx"
          nativeDialogs={nativeDialogs}
          chosen={file}
          onChosen={choose}
        />
        <div className="field">
          <label className="field-label" htmlFor={ids.saved}>
            Use a saved mapping
          </label>
          <select id={ids.saved} value={savedId} onChange={(event) => applySaved(event.target.value)}>
            <option value="">None: read the header</option>
            {saved.mappings.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
      </section>

      {file ? (
        <section className="import-step" aria-labelledby="figures-columns-heading">
          <h3 id="figures-columns-heading" className="import-step-title">
            2. The columns
          </h3>
          <div className="import-controls">
            <div className="field">
              <label className="field-label" htmlFor={ids.layout}>
                Layout
              </label>
              <select id={ids.layout} value={mapping.layout ?? ''} onChange={(e) => optional('layout', e.target.value)}>
                <option value="">
                  Detect{data?.plan && !mapping.layout ? ` (${LAYOUT_LABELS[data.plan.layout]})` : ''}
                </option>
                {FIGURE_LAYOUTS.map((option) => (
                  <option key={option} value={option}>
                    {LAYOUT_LABELS[option]}
                  </option>
                ))}
              </select>
            </div>
            {layout !== 'long' ? (
              <div className="field">
                <label className="field-label" htmlFor={ids.area}>
                  Area column
                </label>
                <select id={ids.area} value={mapping.columns?.area ?? ''} onChange={(e) => columns(e.target.value)}>
                  <option value="">Detect{data?.plan ? ` (${data.plan.area.name})` : ''}</option>
                  {header
                    .filter((name) => name.trim() !== '')
                    .map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                </select>
              </div>
            ) : null}
            {layout === 'wide-period' ? (
              <div className="field">
                <label className="field-label" htmlFor={ids.one}>
                  Indicator (the file has one column per period)
                </label>
                <input
                  id={ids.one}
                  className="text-input"
                  list={`${ids.one}-names`}
                  aria-describedby={missingOne ? ids.ask : undefined}
                  value={mapping.indicator ?? ''}
                  onChange={(e) => optional('indicator', e.target.value)}
                />
                <datalist id={`${ids.one}-names`}>
                  {existing.indicator.map((option) => (
                    <option key={option.id} value={option.name} />
                  ))}
                </datalist>
              </div>
            ) : null}
            {layout === 'wide-indicator' ? (
              <div className="field">
                <label className="field-label" htmlFor={ids.one}>
                  Period (the file has one column per indicator)
                </label>
                <input
                  id={ids.one}
                  className="text-input"
                  list={`${ids.one}-names`}
                  aria-describedby={missingOne ? ids.ask : undefined}
                  value={mapping.period ?? ''}
                  onChange={(e) => optional('period', e.target.value)}
                />
                <datalist id={`${ids.one}-names`}>
                  {existing.period.map((option) => (
                    <option key={option.id} value={option.name} />
                  ))}
                </datalist>
              </div>
            ) : null}
            {data?.format === 'xlsx' ? (
              <div className="field">
                <label className="field-label" htmlFor={ids.sheet}>
                  Worksheet (the first when empty)
                </label>
                <input
                  id={ids.sheet}
                  className="text-input"
                  value={mapping.sheet ?? ''}
                  onChange={(e) => optional('sheet', e.target.value)}
                />
              </div>
            ) : null}
          </div>
          {layout !== 'long' && header.length > 0 ? (
            <fieldset className="import-ignore">
              <legend>Columns to ignore</legend>
              {header
                .filter((name) => name.trim() !== '' && name !== data?.plan?.area.name)
                .map((name) => (
                  <label key={name} className="choice">
                    <input
                      type="checkbox"
                      checked={ignored.has(name)}
                      onChange={(event) => toggleIgnore(name, event.target.checked)}
                    />
                    {name}
                  </label>
                ))}
            </fieldset>
          ) : null}
          {preview.error ? (
            <p className="error-text" role="alert">
              {preview.error.message}
            </p>
          ) : null}
          {missingOne ? (
            <p className="import-ask" id={ids.ask}>
              {MISSING_ONE_TEXT[missingOne]}
            </p>
          ) : problem ? (
            <p className="error-text import-problem" role="alert">
              {formatError(problem)}
            </p>
          ) : null}
          {data ? (
            <>
              <p className="help">
                {data.format === 'xlsx' ? 'An XLSX workbook' : `A CSV file (${delimiterName(data.format)})`}
                {data.plan ? `, read as ${LAYOUT_LABELS[data.plan.layout].toLowerCase()}` : ''}.
              </p>
              <PreviewTable header={data.header} rows={data.rows} plan={data.plan} />
            </>
          ) : preview.isFetching ? (
            <p className="help">Reading the first rows…</p>
          ) : null}
        </section>
      ) : null}

      {file ? (
        <section className="import-step" aria-labelledby="figures-check-heading">
          <h3 id="figures-check-heading" className="import-step-title">
            3. Check and import
          </h3>
          {unknown.length > 0 ? (
            <UnknownNames
              unknown={unknown}
              existing={existing}
              choices={choices}
              onChoose={(key, choice) => {
                const next = new Map(choices);
                if (choice) next.set(key, choice);
                else next.delete(key);
                setChoices(next);
                job.reset();
              }}
            />
          ) : null}
          <div className="import-actions">
            <button
              type="button"
              className="button"
              disabled={running || problem !== null || !data}
              onClick={() => void run(true)}
            >
              {unknown.length > 0 ? 'Check again' : 'Check'}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={running || !checked || imported}
              onClick={() => void run(false)}
            >
              Import
            </button>
            {unknown.length > 0 && stillUnknown > 0 ? (
              <span className="help">
                {stillUnknown === 1 ? 'One name needs' : `${stillUnknown} names need`} a choice.
              </span>
            ) : null}
          </div>
          <JobStatus state={state} label={file.names.join(', ')} onCancel={() => void job.cancel()} />
          {summary ? (
            <section aria-labelledby="figures-summary-heading" className="import-summary">
              <h4 id="figures-summary-heading" className="import-subtitle">
                {summary.dryRun ? 'What the import would do (nothing written yet)' : 'Imported'}
              </h4>
              <ImportSummary summary={summary} />
            </section>
          ) : null}
          {imported && summary ? (
            <SaveMapping
              defaultName={saved.mappings.find((candidate) => String(candidate.id) === savedId)?.name ?? ''}
              saving={saveMapping.isPending}
              onSave={async (name) => {
                const stored = await saveMapping.mutateAsync({ name, mapping: summary.mapping });
                setSavedId(String(stored.id));
                return stored.name;
              }}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

const MISSING_ONE_TEXT = {
  indicator:
    'This file has one column per period, so all its figures are for one indicator: name it under "Indicator" above (an existing one, or a new name to create).',
  period:
    'This file has one column per indicator, so all its figures are for one period: name it under "Period" above (an existing one, or a new name to create).',
} as const;

/** The one name a wide file needs from the person, when that is what stops the preview. */
function missingName(field: string | undefined): keyof typeof MISSING_ONE_TEXT | null {
  return field === 'indicator' || field === 'period' ? field : null;
}

/** A copy without one key (an optional mapping field left to the header again). */
function without<Value extends object>(value: Value, key: keyof Value): Value {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as Value;
}

function delimiterName(format: string): string {
  return format === 'csv;' ? 'semicolons' : format === 'csv-tab' ? 'tabs' : 'commas';
}
