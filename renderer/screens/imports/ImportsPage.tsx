import { useState } from 'react';
import { useAppInfo } from '../../data/queries';
import { FiguresImport } from './FiguresImport';
import { PoliceImport } from './PoliceImport';
import { PopulationImport } from './PopulationImport';
import './imports.css';

const KINDS = [
  { id: 'figures', label: 'Figures (CSV or XLSX)' },
  { id: 'police', label: 'police.uk street-level crime' },
  { id: 'population', label: 'Population' },
] as const;

type Kind = (typeof KINDS)[number]['id'];

/**
 * Imports: figures from partners' spreadsheets, police.uk crime files and
 * populations. Each runs as a job off the UI thread with progress and Cancel;
 * a cancelled or refused import writes nothing.
 */
export function ImportsPage() {
  const [kind, setKind] = useState<Kind>('figures');
  const info = useAppInfo();
  const nativeDialogs = info.data?.nativeFileDialogs ?? false;
  return (
    <div className="imports">
      <fieldset className="import-kinds">
        <legend>What to import</legend>
        {KINDS.map((option) => (
          <label key={option.id} className="choice">
            <input
              type="radio"
              name="import-kind"
              value={option.id}
              checked={kind === option.id}
              onChange={() => setKind(option.id)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {info.isPending ? (
        <p className="help">Loading…</p>
      ) : kind === 'figures' ? (
        <FiguresImport nativeDialogs={nativeDialogs} />
      ) : kind === 'police' ? (
        <PoliceImport nativeDialogs={nativeDialogs} />
      ) : (
        <PopulationImport nativeDialogs={nativeDialogs} />
      )}
    </div>
  );
}
