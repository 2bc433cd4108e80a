import type { ErrorData, ErrorWhere } from './errors';

/** What the app asks an import to read: a file on this computer, or one uploaded to the preview. */
export type ImportSource =
  { readonly path: string } | { readonly fileName: string; /** The file's bytes, base64. */ readonly base64: string };

export const FIGURE_LAYOUTS = ['long', 'wide-period', 'wide-indicator'] as const;
export type FigureLayout = (typeof FIGURE_LAYOUTS)[number];

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
}

export interface PoliceImportSummary {
  readonly kind: 'police';
  readonly months: readonly string[];
  readonly rowsRead: number;
  readonly rowsCounted: number;
  readonly rowsOutsideAreas: number;
  readonly rowsWithoutLsoa: number;
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
  readonly plan: unknown;
  readonly problem: ErrorData | null;
}
