import { z } from 'zod';
import { chartSpec } from '../charts/chart-spec';
import type { ChartSvg } from '../charts/chart-svg';
import type { ViewFile } from '../views/view-file';
import { viewName, viewSource, viewSpec, type SavedView } from '../views/view-spec';
import type { EvaluatedView } from '../views/view-table';
import { method } from './contract-method';
import { version } from './fields';

/**
 * Comparison views saved by name (issue 5, point 4) and charts drawn from them
 * (point 5). Spread into CONTRACT; handlers in electron/api/handlers/views.ts and
 * charts.ts.
 */

const id = z.number().int().positive();

export const VIEW_METHODS = {
  'views.list': method<SavedView[]>()(z.strictObject({}), { writes: false }),
  'views.get': method<SavedView>()(z.strictObject({ id }), { writes: false }),
  /** Saves a new view; its indicators, areas and periods must exist, and its name be new (any case). */
  'views.create': method<SavedView>()(z.strictObject({ name: viewName, spec: viewSpec }), { writes: true }),
  /**
   * Renames a view and/or replaces its spec. With `version` (the view's version
   * the edit was made from), refused as 'stale' when someone saved it since.
   */
  'views.update': method<SavedView>()(
    z.strictObject({ id, version: version.optional(), name: viewName.optional(), spec: viewSpec.optional() }),
    { writes: true },
  ),
  'views.delete': method<{ readonly deleted: number }>()(z.strictObject({ id, version: version.optional() }), {
    writes: true,
  }),
  /** A saved view (by id) or an unsaved spec, evaluated into its table. */
  'views.evaluate': method<EvaluatedView>()(viewSource, { writes: false }),
  /** The evaluated view as CSV text (numbers as numbers, text safe from formula injection). */
  'views.exportCsv': method<ViewFile>()(viewSource, { writes: false }),
  /** The evaluated view as an XLSX workbook, base64 (numeric cells with number formats). */
  'views.exportXlsx': method<ViewFile>()(viewSource, { writes: false }),
  /** A chart spec drawn as a static SVG, the same drawing the pack and the command line use. */
  'charts.svg': method<ChartSvg>()(chartSpec, { writes: false }),
} as const;
