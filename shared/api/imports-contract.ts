import { z } from 'zod';
import { figureMapping, mappingName, type SavedMapping } from '../figure-mapping';
import {
  FIGURE_LAYOUTS,
  IMPORT_PURPOSES,
  type ChosenFiles,
  type FigureFilePreviewData,
  type ImportOutcome,
} from '../imports';
import { method } from './contract-method';

/**
 * Imports run as jobs off the UI thread, each with its own connection to the
 * database and one transaction: the call returns when the job ends, its progress
 * arrives as 'job-progress' events with the caller's jobId, and 'jobs.cancel'
 * stops it with nothing written.
 */

const source = z.union([
  z.strictObject({ path: z.string().trim().min(1, 'choose a file') }),
  z.strictObject({
    fileName: z.string().trim().min(1).max(255),
    base64: z.string().max(96_000_000, 'a file uploaded to the preview is at most 64 MB'),
  }),
]);

const jobId = z.uuid({ error: 'a job id is a UUID' });

const figuresJob = z.strictObject({
  kind: z.literal('figures'),
  source,
  layout: z.enum(FIGURE_LAYOUTS).optional(),
  period: z.string().trim().min(1).optional(),
  indicator: z.string().trim().min(1).optional(),
  /** A saved column and name mapping (its own schema is checked when the job starts). */
  mapping: z.unknown().optional(),
  createMissing: z.boolean().optional(),
  dryRun: z.boolean().optional(),
});

const policeJob = z.strictObject({
  kind: z.literal('police'),
  /** A file or a folder, or several files chosen together (one job, one transaction). */
  source: z.union([source, z.array(source).min(1, 'choose a file').max(1000)]),
  lsoaLookup: source.optional(),
});

const populationJob = z.strictObject({ kind: z.literal('population'), source });

export const importJob = z.discriminatedUnion('kind', [figuresJob, policeJob, populationJob]);
export type ImportJob = z.output<typeof importJob>;

export const IMPORT_METHODS = {
  'imports.previewFigures': method<FigureFilePreviewData>()(
    figuresJob.omit({ kind: true, createMissing: true, dryRun: true }),
    { writes: false },
  ),
  'imports.run': method<ImportOutcome>()(z.strictObject({ jobId, job: importJob }), { writes: false }),
  'jobs.cancel': method<{ readonly cancelled: boolean }>()(z.strictObject({ jobId }), { writes: false }),

  /** Figure-import mappings saved by name, to reuse next quarter. */
  'mappings.list': method<SavedMapping[]>()(z.strictObject({}), { writes: false }),
  /** Saves a mapping by name: creates it, or replaces the one of that name (any case). */
  'mappings.save': method<SavedMapping>()(z.strictObject({ name: mappingName, mapping: figureMapping }), {
    writes: true,
  }),
  'mappings.delete': method<{ readonly deleted: number }>()(z.strictObject({ id: z.number().int().positive() }), {
    writes: true,
  }),

  /**
   * The desktop app's native file dialog, for files of any size and folders of
   * police.uk months: the chosen paths, or null when cancelled. The browser
   * preview has none (AppInfo.nativeFileDialogs is false) and uploads instead.
   */
  'files.chooseImport': method<ChosenFiles | null>()(z.strictObject({ purpose: z.enum(IMPORT_PURPOSES) }), {
    writes: false,
  }),
} as const;
