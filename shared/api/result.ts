import type { ErrorData } from '../errors';
import type { InputOf, MethodName, OutputOf } from './contract';

/** Results cross the boundary as data: Electron's invoke drops custom error fields, and `where` must survive. */
export type Result<Value> =
  { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly error: ErrorData };

/** Events from main to the renderer. */
export type ApiEvent =
  /** Records changed (by this window, another, or a job): open screens refresh. */
  | { readonly type: 'data-changed'; readonly tables: readonly string[] }
  /** A long job's progress. */
  | {
      readonly type: 'job-progress';
      readonly jobId: string;
      /** Rows read so far. */
      readonly done: number;
      /** Rows in all, when known. */
      readonly total: number | null;
      /** How far through the input, 0 to 1, when its size is known. */
      readonly fraction: number | null;
      readonly ratePerSecond: number | null;
      readonly secondsLeft: number | null;
      readonly stage: 'reading' | 'writing';
    }
  /** A menu item asks the window to show one of its dialogs (File ▸ Connect to team database…). */
  | { readonly type: 'show-dialog'; readonly dialog: 'connect-team-database' };

/** The renderer's whole door to data: one function per contract method, and the event stream. */
export type BoardpackApi = {
  readonly [Name in MethodName]: (input: InputOf<Name>) => Promise<Result<OutputOf<Name>>>;
} & {
  readonly onEvent: (listener: (event: ApiEvent) => void) => () => void;
};
