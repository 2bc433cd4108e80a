import { useState } from 'react';
import type { PackVersionSummary } from '../../../shared/api/meetings-contract';
import { dateTimeText } from './format';
import { usePackCompare } from './queries';

interface VersionsPanelProps {
  readonly meetingId: number;
  readonly versions: readonly PackVersionSummary[];
}

const CHANGE_WORDS = { number: 'Number', text: 'Text', added: 'Added', removed: 'Removed' } as const;

/** The issued versions, and what changed between two of them or between one and the draft. */
export function VersionsPanel({ meetingId, versions }: VersionsPanelProps) {
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [pair, setPair] = useState<{ from: number; to: number | null } | null>(null);
  const comparison = usePackCompare(meetingId, pair);
  const fromNumber = from ?? versions.at(-1)?.number ?? null;

  return (
    <section className="pack-versions" aria-labelledby="pack-versions-heading">
      <h3 id="pack-versions-heading" className="section-title">
        Issued versions
      </h3>
      {versions.length === 0 ? (
        <p className="help">No version issued yet. Issue pack freezes the draft as v1 with the data it used.</p>
      ) : (
        <>
          <table className="plain-table versions-table">
            <caption className="visually-hidden">Issued versions of this pack</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Issued</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {[...versions].reverse().map((version) => (
                <tr key={version.id}>
                  <th scope="row">v{version.number}</th>
                  <td>{dateTimeText(version.issuedAt)}</td>
                  <td>{version.issuedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className="compare-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (fromNumber !== null) setPair({ from: fromNumber, to });
            }}
          >
            <label className="field field-inline">
              <span className="field-label">Compare</span>
              <select value={fromNumber ?? ''} onChange={(event) => setFrom(Number(event.target.value))}>
                {versions.map((version) => (
                  <option key={version.id} value={version.number}>
                    v{version.number}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field-inline">
              <span className="field-label">with</span>
              <select
                value={to ?? ''}
                onChange={(event) => setTo(event.target.value === '' ? null : Number(event.target.value))}
              >
                <option value="">the draft</option>
                {versions.map((version) => (
                  <option key={version.id} value={version.number}>
                    v{version.number}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button">
              Compare
            </button>
          </form>
        </>
      )}
      {comparison.error ? (
        <p className="error-text" role="alert">
          {comparison.error.message}
        </p>
      ) : null}
      {comparison.data ? (
        comparison.data.changes.length === 0 ? (
          <p className="ok-text" role="status">
            {comparison.data.from} and {comparison.data.to} say the same: no number or text differs.
          </p>
        ) : (
          <div className="compare-scroll">
            <table className="plain-table compare-table">
              <caption>
                What changed from {comparison.data.from} to {comparison.data.to}: {comparison.data.changes.length}{' '}
                {comparison.data.changes.length === 1 ? 'change' : 'changes'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Section</th>
                  <th scope="col">Where</th>
                  <th scope="col">Change</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {comparison.data.changes.map((change, index) => (
                  <tr key={index}>
                    <td>{change.sectionTitle}</td>
                    <td>{change.where}</td>
                    <td>{CHANGE_WORDS[change.kind]}</td>
                    <td className={change.kind === 'number' ? 'num' : undefined}>{change.before ?? '—'}</td>
                    <td className={change.kind === 'number' ? 'num' : undefined}>{change.after ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
