import { useState } from 'react';
import { FileChoice } from './FileChoice';
import type { ChosenFiles } from './import-files';
import { ImportSummary } from './ImportSummary';
import { JobStatus } from './JobStatus';
import { useImportJob } from './use-import-job';

/**
 * police.uk street-level crime: one or more monthly files (or, in the desktop
 * app, a folder of them), an optional LSOA lookup, one job in one transaction.
 */
export function PoliceImport({ nativeDialogs }: { readonly nativeDialogs: boolean }) {
  const [files, setFiles] = useState<ChosenFiles | null>(null);
  const [lookup, setLookup] = useState<ChosenFiles | null>(null);
  const job = useImportJob();
  const state = job.state;
  const outcome = state.kind === 'finished' ? state.outcome : null;
  const summary = outcome?.status === 'done' && outcome.summary.kind === 'police' ? outcome.summary : null;
  const lookupSource = lookup?.sources[0];

  const run = () => {
    if (!files) return;
    void job.run({
      kind: 'police',
      source: [...files.sources],
      ...(lookupSource ? { lsoaLookup: lookupSource } : {}),
    });
  };

  return (
    <div className="import-flow">
      <section className="import-step" aria-labelledby="police-files-heading">
        <h3 id="police-files-heading" className="import-step-title">
          1. The files
        </h3>
        <p className="help">
          Street-level crime files as police.uk publishes them, one a month. Crimes are counted by crime type, area and
          month; a month imported again replaces itself.
        </p>
        <FileChoice
          label="police.uk street-level files (CSV)"
          purpose="police-files"
          folderPurpose="police-folder"
          accept=".csv"
          multiple
          nativeDialogs={nativeDialogs}
          chosen={files}
          onChosen={(chosen) => {
            setFiles(chosen);
            job.reset();
          }}
        />
        <FileChoice
          label="LSOA lookup (optional: LSOA code,Area)"
          purpose="lsoa-lookup"
          accept=".csv"
          nativeDialogs={nativeDialogs}
          chosen={lookup}
          onChosen={setLookup}
        />
        <p className="help">
          Without a lookup, each LSOA goes to the area named by its local authority (&quot;Wycombe 012A&quot; →
          Wycombe).
        </p>
      </section>
      <section className="import-step" aria-labelledby="police-run-heading">
        <h3 id="police-run-heading" className="import-step-title">
          2. Import
        </h3>
        <div className="import-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={!files || state.kind === 'running'}
            onClick={run}
          >
            Import crimes
          </button>
        </div>
        <JobStatus
          state={state}
          label={files?.names.join(', ') ?? 'police.uk files'}
          onCancel={() => void job.cancel()}
        />
        {summary ? <ImportSummary summary={summary} /> : null}
      </section>
    </div>
  );
}
