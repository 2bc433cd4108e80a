import { useId, useState } from 'react';
import { formatError } from '../../../shared/errors';
import type { ImportPurpose } from '../../../shared/imports';
import { useApi } from '../../data/api-context';
import { chosenPaths, chosenUploads, type ChosenFiles } from './import-files';

interface FileChoiceProps {
  readonly label: string;
  readonly purpose: ImportPurpose;
  /** The purpose of a second, folder button in the desktop app (police.uk months). */
  readonly folderPurpose?: ImportPurpose;
  readonly accept: string;
  readonly multiple?: boolean;
  /** The desktop app: the native dialog, files read where they are. Else uploads from the browser. */
  readonly nativeDialogs: boolean;
  readonly chosen: ChosenFiles | null;
  readonly onChosen: (chosen: ChosenFiles | null) => void;
}

/**
 * Choosing the file(s) to import: the native dialog in the desktop app (files of
 * any size, and folders), a file input in the browser preview (uploaded with the call).
 */
export function FileChoice(props: FileChoiceProps) {
  const api = useApi();
  const inputId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const choose = async (purpose: ImportPurpose) => {
    setProblem(null);
    const result = await api['files.chooseImport']({ purpose });
    if (!result.ok) return setProblem(formatError(result.error));
    if (result.value) props.onChosen(chosenPaths(result.value.paths, result.value.names));
  };

  const upload = async (files: FileList | null) => {
    setProblem(null);
    // The previous choice goes at once: nothing can run on it while the new file is read.
    props.onChosen(null);
    if (!files || files.length === 0) return;
    setReading(true);
    try {
      props.onChosen(await chosenUploads([...files]));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setReading(false);
    }
  };

  return (
    <div className="file-choice">
      {props.nativeDialogs ? (
        <div className="file-choice-buttons" role="group" aria-label={props.label}>
          <button type="button" className="button" onClick={() => void choose(props.purpose)}>
            {props.multiple ? 'Choose files…' : 'Choose a file…'}
          </button>
          {props.folderPurpose ? (
            <button type="button" className="button" onClick={() => void choose(props.folderPurpose ?? props.purpose)}>
              Choose a folder…
            </button>
          ) : null}
        </div>
      ) : (
        <div className="field">
          <label className="field-label" htmlFor={inputId}>
            {props.label}
          </label>
          <input
            id={inputId}
            type="file"
            className="file-input"
            accept={props.accept}
            multiple={props.multiple ?? false}
            onChange={(event) => void upload(event.target.files)}
          />
        </div>
      )}
      <p className="file-choice-names" aria-live="polite">
        {reading
          ? 'Reading the file…'
          : props.chosen
            ? `Chosen: ${props.chosen.names.join(', ')}`
            : props.nativeDialogs
              ? 'No file chosen.'
              : ''}
      </p>
      {problem ? (
        <p className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
