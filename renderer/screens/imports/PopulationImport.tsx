import { useState } from 'react';
import { FileChoice } from './FileChoice';
import type { ChosenFiles } from './import-files';
import { ImportSummary } from './ImportSummary';
import { JobStatus } from './JobStatus';
import { useImportJob } from './use-import-job';

/** Populations by area and year (area,year,residents,households[,young people]); rates are recomputed. */
export function PopulationImport({ nativeDialogs }: { readonly nativeDialogs: boolean }) {
  const [file, setFile] = useState<ChosenFiles | null>(null);
  const job = useImportJob();
  const state = job.state;
  const outcome = state.kind === 'finished' ? state.outcome : null;
  const summary = outcome?.status === 'done' && outcome.summary.kind === 'population' ? outcome.summary : null;
  const source = file?.sources[0];
  return (
    <div className="import-flow">
      <section className="import-step" aria-labelledby="population-heading">
        <h3 id="population-heading" className="import-step-title">
          Population file
        </h3>
        <p className="help">
          A CSV with the header area,year,residents,households (and optionally young people). Every rate computed from a
          count and a population is worked out again.
        </p>
        <FileChoice
          label="Population file (CSV)"
          purpose="population"
          accept=".csv"
          nativeDialogs={nativeDialogs}
          chosen={file}
          onChosen={(chosen) => {
            setFile(chosen);
            job.reset();
          }}
        />
        <div className="import-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={!source || state.kind === 'running'}
            onClick={() => source && void job.run({ kind: 'population', source })}
          >
            Import populations
          </button>
        </div>
        <JobStatus state={state} label={file?.names.join(', ') ?? 'populations'} onCancel={() => void job.cancel()} />
        {summary ? <ImportSummary summary={summary} /> : null}
      </section>
    </div>
  );
}
