import { useId, useMemo, useState } from 'react';
import type { PackExportFormat } from '../../../shared/api/meetings-contract';
import { formatError } from '../../../shared/errors';
import type { BuiltPack, PackTable } from '../../../shared/pack/document';
import { useApi } from '../../data/api-context';
import { downloadFile } from '../../data/download';
import { usePlacedNotes } from './notes-queries';
import { itemOfSection } from './pack-problems';
import { PackPreview } from './PackPreview';
import { usePackBuild, usePackVersions } from './queries';
import { VersionsPanel } from './VersionsPanel';
import { useWrite } from './use-write';

interface PackPanelProps {
  readonly meetingId: number;
  /** Opens the agenda on an item (a problem's "Go to item"). */
  readonly onGoToItem: (itemId: number) => void;
}

type Message = { readonly kind: 'ok' | 'error'; readonly text: string } | null;

const FORMAT_LABELS: Readonly<Record<Exclude<PackExportFormat, 'csv'>, string>> = {
  pdf: 'PDF',
  docx: 'Word',
  html: 'HTML',
};

/** Every table in the document, in reading order, for the CSV export. */
function tablesOf(built: BuiltPack | undefined): PackTable[] {
  return (built?.document.sections ?? []).flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : [])),
  );
}

/**
 * The pack: what blocks it, Issue pack, export to PDF, Word, HTML and CSV (the
 * draft or an issued version, with its reviewers' shared notes if asked), the
 * preview exactly as the PDF prints it (an issued version's shared notes marked), and
 * the issued versions with their comparison.
 */
export function PackPanel({ meetingId, onGoToItem }: PackPanelProps) {
  const api = useApi();
  const write = useWrite();
  const [version, setVersion] = useState<number | null>(null);
  const { versions } = usePackVersions(meetingId);
  const draft = usePackBuild(meetingId);
  const shown = usePackBuild(meetingId, version);
  const [message, setMessage] = useState<Message>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [tableId, setTableId] = useState<string>('');
  const [withNotes, setWithNotes] = useState(false);
  // An issued version's preview marks the notes an export with them prints: shared ones, open and resolved.
  const notes = usePlacedNotes(meetingId, version, { includeResolved: true, sharedOnly: true });
  const reasonId = useId();

  const problems = draft.data?.problems ?? [];
  const built = shown.data;
  const tables = useMemo(() => tablesOf(built), [built]);
  const chosenTable = tables.find((table) => table.id === tableId) ?? tables[0];
  const blocked = version === null && problems.length > 0;

  const issue = async () => {
    setWorking('issue');
    const result = await write('pack.issue', { meetingId });
    setWorking(null);
    if (!result.ok) return setMessage({ kind: 'error', text: formatError(result.error) });
    setMessage({ kind: 'ok', text: `Issued version ${result.value.number}.` });
  };

  const exportAs = async (format: PackExportFormat, label: string) => {
    setWorking(label);
    setMessage(null);
    const result = await api['pack.export']({
      meetingId,
      format,
      ...(version === null ? {} : { version, withNotes: withNotes && format !== 'csv' }),
      ...(format === 'csv' && chosenTable ? { tableId: chosenTable.id } : {}),
    });
    setWorking(null);
    if (!result.ok) return setMessage({ kind: 'error', text: `The export was refused: ${formatError(result.error)}` });
    downloadFile(result.value);
    setMessage({ kind: 'ok', text: `Exported ${result.value.fileName}.` });
  };

  return (
    <div className="pack-panel">
      <section className="pack-actions" aria-labelledby="pack-actions-heading">
        <div className="grid-toolbar">
          <h3 id="pack-actions-heading" className="section-title">
            Issue and export
          </h3>
          <span className="grid-toolbar-spacer" />
          <label className="field field-inline">
            <span className="field-label">Pack</span>
            <select
              value={version ?? ''}
              onChange={(event) => setVersion(event.target.value === '' ? null : Number(event.target.value))}
            >
              <option value="">Draft (live data)</option>
              {versions.map((candidate) => (
                <option key={candidate.id} value={candidate.number}>
                  Version {candidate.number} (issued)
                </option>
              ))}
            </select>
          </label>
        </div>

        {draft.isPending ? <p className="help">Building the pack…</p> : null}
        {draft.error ? (
          <p className="error-text" role="alert">
            The pack could not be built: {draft.error.message}
          </p>
        ) : null}
        {problems.length > 0 ? (
          <div className="pack-problems" role="region" aria-labelledby="pack-problems-heading">
            <h4 id="pack-problems-heading" className="problems-title">
              {problems.length === 1
                ? '1 problem blocks issuing and export'
                : `${problems.length} problems block issuing and export`}
            </h4>
            <ul className="problem-list">
              {problems.map((problem, index) => {
                const itemId = itemOfSection(draft.data, problem.sectionId);
                return (
                  <li key={index}>
                    {itemId !== null ? (
                      <button
                        type="button"
                        className="link-button"
                        title="Open this item in the agenda"
                        onClick={() => onGoToItem(itemId)}
                      >
                        {problem.sectionTitle}
                      </button>
                    ) : (
                      <strong>{problem.sectionTitle}</strong>
                    )}
                    : {problem.message}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : draft.data ? (
          <p className="ok-text">Nothing blocks this pack: it can be issued and exported.</p>
        ) : null}

        <div className="pack-buttons">
          <button
            type="button"
            className="button button-primary"
            disabled={problems.length > 0 || !draft.data || working !== null}
            aria-describedby={problems.length > 0 ? reasonId : undefined}
            onClick={() => void issue()}
          >
            {working === 'issue' ? 'Issuing…' : `Issue pack as v${(versions.at(-1)?.number ?? 0) + 1}`}
          </button>
          <span className="pack-divider" aria-hidden="true" />
          {version === null ? null : (
            <label className="pack-with-notes">
              <input type="checkbox" checked={withNotes} onChange={(event) => setWithNotes(event.target.checked)} />
              With reviewers’ shared notes
            </label>
          )}
          {(Object.keys(FORMAT_LABELS) as (keyof typeof FORMAT_LABELS)[]).map((format) => (
            <button
              key={format}
              type="button"
              className="button"
              disabled={blocked || !built || working !== null}
              aria-describedby={blocked ? reasonId : undefined}
              onClick={() => void exportAs(format, FORMAT_LABELS[format])}
            >
              {working === FORMAT_LABELS[format]
                ? `Exporting ${FORMAT_LABELS[format]}…`
                : `Export ${FORMAT_LABELS[format]}`}
            </button>
          ))}
          <span className="pack-divider" aria-hidden="true" />
          <label className="field field-inline">
            <span className="field-label">Table</span>
            <select
              value={chosenTable?.id ?? ''}
              disabled={tables.length === 0}
              onChange={(event) => setTableId(event.target.value)}
            >
              {tables.length === 0 ? <option value="">No tables in this pack</option> : null}
              {tables.map((table) => (
                <option key={table.id} value={table.id}>
                  {table.caption}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={blocked || !chosenTable || working !== null}
            aria-describedby={blocked ? reasonId : undefined}
            onClick={() => void exportAs('csv', 'CSV')}
          >
            {working === 'CSV' ? 'Exporting CSV…' : 'Export CSV'}
          </button>
        </div>
        {problems.length > 0 ? (
          <p id={reasonId} className="help">
            {version === null
              ? 'Issuing and exporting the draft wait until the problems above are put right.'
              : 'Issuing waits until the problems above are put right; an issued version exports as it was issued.'}
          </p>
        ) : null}
        <div role="status" aria-live="polite" className="pack-message">
          {message?.kind === 'ok' ? <p className="ok-text">{message.text}</p> : null}
        </div>
        <div role="alert" className="pack-message">
          {message?.kind === 'error' ? <p className="error-text">{message.text}</p> : null}
        </div>
      </section>

      <section className="pack-preview-section" aria-labelledby="pack-preview-heading">
        <div className="grid-toolbar">
          <h3 id="pack-preview-heading" className="section-title">
            Preview{version === null ? ' of the draft' : ` of version ${version}`}
            {notes.placed.length > 0
              ? ` with ${notes.placed.length} shared ${notes.placed.length === 1 ? 'note' : 'notes'}`
              : ''}
          </h3>
          {shown.isFetching ? <span className="grid-count">Updating…</span> : null}
        </div>
        {shown.error ? <p className="error-text">{shown.error.message}</p> : null}
        {built ? (
          <PackPreview document={built.document} notes={notes.placed} />
        ) : (
          <p className="help">The preview appears once the pack is built.</p>
        )}
      </section>

      <VersionsPanel meetingId={meetingId} versions={versions} />
    </div>
  );
}
