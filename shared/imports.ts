import type { ErrorData, ErrorWhere } from './errors';
import type { FigureMappingInput } from './figure-mapping';

/** What the app asks an import to read: a file on this computer, or one uploaded to the preview. */
export type ImportSource =
  { readonly path: string } | { readonly fileName: string; /** The file's bytes, base64. */ readonly base64: string };

/** What the desktop app's native file dialog is opened for: each has its own title, filters and file/folder choice. */
export const IMPORT_PURPOSES = [
  'figures',
  'police-files',
  'police-folder',
  'lsoa-lookup',
  'population',
  /** A reviewer's `.boardnotes` file to merge (exchange.importNotes). */
  'boardnotes',
] as const;
export type ImportPurpose = (typeof IMPORT_PURPOSES)[number];

/** Files (or one folder) chosen in the native dialog: full paths for the import, names to show. */
export interface ChosenFiles {
  readonly paths: readonly string[];
  readonly names: readonly string[];
}

export { FIGURE_LAYOUTS, type FigureLayout } from './figure-mapping';

/** A name in a file that matches nothing in the database, with the nearest that do. */
export interface UnknownNameData {
  readonly kind: 'indicator' | 'area' | 'period';
  readonly name: string;
  readonly mappedTo: string | null;
  readonly where: ErrorWhere;
  readonly suggestions: readonly string[];
}

export interface FigureImportSummary {
  readonly kind: 'figures';
  readonly dryRun: boolean;
  readonly rowsRead: number;
  readonly figuresRead: number;
  readonly skipped: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Printed differences, % changes and totals checked against the computed ones. */
  readonly checks: readonly { readonly message: string; readonly agrees: boolean }[];
  readonly createdNames: {
    readonly indicators: readonly string[];
    readonly areas: readonly string[];
    readonly periods: readonly string[];
  };
  /** The mapping as used (layout, columns, the one indicator or period, names): to save and reuse next quarter. */
  readonly mapping: FigureMappingInput;
}

/** A name in a police.uk import's report (a place outside the areas, a crime type) and the rows it stands for. */
export interface NamedRows {
  readonly name: string;
  readonly rows: number;
}

/**
 * Names with their rows, most rows first, at most POLICE_SUMMARY_NAMES of them (a big file can name
 * thousands): `moreNames` names holding `moreRows` rows were left off the list, never out of the counts.
 */
export interface TopNamedRows {
  readonly names: readonly NamedRows[];
  readonly moreNames: number;
  readonly moreRows: number;
}

/** How many names a police.uk import summary lists in each of its reports. */
export const POLICE_SUMMARY_NAMES = 50;

export interface PoliceImportSummary {
  readonly kind: 'police';
  readonly months: readonly string[];
  readonly rowsRead: number;
  readonly rowsCounted: number;
  readonly rowsOutsideAreas: number;
  readonly rowsWithoutLsoa: number;
  /** Rows outside the partnership's areas, by the local authority (or LSOA) name they fall in. */
  readonly outsideAreas: TopNamedRows;
  /** Rows with no LSOA, by crime type (all months together). */
  readonly withoutLsoa: TopNamedRows;
  /** Crime types seen for the first time, each now counted by its own "<crime type> (police.uk)" indicator. */
  readonly newCrimeTypes: readonly string[];
  /** Month and roll-up figures written. */
  readonly figures: { readonly created: number; readonly updated: number; readonly unchanged: number };
}

export interface PopulationImportSummary {
  readonly kind: 'population';
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** How an import ended: done, stopped on names the database does not know, or cancelled (nothing written). */
export type ImportOutcome =
  | { readonly status: 'done'; readonly summary: FigureImportSummary | PoliceImportSummary | PopulationImportSummary }
  | { readonly status: 'unknown-names'; readonly unknown: readonly UnknownNameData[] }
  | { readonly status: 'cancelled' };

export interface FigureFilePreviewData {
  readonly format: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Which column is what, as the import would read it; null with `problem` when it cannot tell. */
  readonly plan: FigureColumnPlan | null;
  readonly problem: ErrorData | null;
}

/** A column of a figures file: its position and its header. */
export interface PlanColumn {
  readonly index: number;
  readonly name: string;
}

/** Which column of a figures file is what (db/imports/figures/column-plan.ts decides it). */
export type FigureColumnPlan =
  | {
      readonly layout: 'long';
      readonly indicator: PlanColumn;
      readonly area: PlanColumn;
      readonly period: PlanColumn;
      readonly value: PlanColumn;
      readonly note: PlanColumn | null;
      readonly provisional: PlanColumn | null;
    }
  | {
      readonly layout: 'wide-period';
      readonly area: PlanColumn;
      readonly indicator: string;
      readonly periods: readonly PlanColumn[];
      readonly difference: PlanColumn | null;
      readonly change: PlanColumn | null;
      readonly ignored: readonly PlanColumn[];
    }
  | {
      readonly layout: 'wide-indicator';
      readonly area: PlanColumn;
      readonly period: string;
      readonly indicators: readonly PlanColumn[];
      readonly ignored: readonly PlanColumn[];
    };
