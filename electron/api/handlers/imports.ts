import { basename } from 'node:path';
import { BoardpackError, type ErrorWhere } from '../../../shared/errors';
import type { ImportOutcome, ImportSource } from '../../../shared/imports';
import { parseFigureMapping } from '../../../db/imports/figures/figure-mapping';
import { deleteMapping, listMappings, saveMapping } from '../../../db/repositories/import-mappings';
import { previewFigureFile } from '../../../db/imports/figures/preview-figure-file';
import type { FileImportJob } from '../../jobs/run-import-job';
import { sourceFile, type SourceFile } from '../../jobs/source-file';
import { writing, type HandlerContext, type HandlerTable } from '../context';

function jobsOf(context: HandlerContext) {
  if (!context.jobs) throw new BoardpackError('internal', 'imports cannot run here: no job runner');
  return context.jobs;
}

/**
 * An upload is read from a temp copy; what the person sees names the file they
 * chose, not the temp path: in `where`, in messages and in unknown names.
 */
class UploadNames {
  readonly #names = new Map<string, string>();

  add(source: ImportSource, file: SourceFile): string {
    if ('fileName' in source) this.#names.set(file.path, source.fileName);
    return file.path;
  }

  text(text: string): string {
    let named = text;
    for (const [path, name] of this.#names) named = named.replaceAll(path, name);
    return named;
  }

  where<Where extends ErrorWhere | undefined>(where: Where): Where {
    return where?.file === undefined ? where : { ...where, file: this.text(where.file) };
  }

  error(error: unknown): unknown {
    return error instanceof BoardpackError
      ? new BoardpackError(error.code, this.text(error.message), this.where(error.where))
      : error;
  }

  outcome(outcome: ImportOutcome): ImportOutcome {
    return outcome.status === 'unknown-names'
      ? { ...outcome, unknown: outcome.unknown.map((name) => ({ ...name, where: this.where(name.where) })) }
      : outcome;
  }
}

export const importHandlers = {
  'imports.previewFigures': async (_context, input) => {
    const file = sourceFile(input.source);
    const names = new UploadNames();
    names.add(input.source, file);
    try {
      const preview = await previewFigureFile(file.path, {
        ...(input.mapping === undefined ? {} : { mapping: parseFigureMapping(input.mapping) }),
        ...(input.layout === undefined ? {} : { layout: input.layout }),
        ...(input.period === undefined ? {} : { period: input.period }),
        ...(input.indicator === undefined ? {} : { indicator: input.indicator }),
      });
      return {
        format: preview.format,
        header: preview.header.cells,
        rows: preview.rows.map((row) => row.cells),
        plan: preview.plan,
        problem: preview.problem && {
          ...preview.problem,
          message: names.text(preview.problem.message),
          ...(preview.problem.where ? { where: names.where(preview.problem.where) } : {}),
        },
      };
    } catch (error) {
      throw names.error(error);
    } finally {
      file.dispose();
    }
  },

  'imports.run': async (context, { jobId, job }) => {
    const files: SourceFile[] = [];
    const names = new UploadNames();
    const fileOf = (source: ImportSource) => {
      const file = sourceFile(source);
      files.push(file);
      return names.add(source, file);
    };
    try {
      const fileJob: FileImportJob =
        job.kind === 'figures'
          ? {
              kind: 'figures',
              file: fileOf(job.source),
              ...(job.layout === undefined ? {} : { layout: job.layout }),
              ...(job.period === undefined ? {} : { period: job.period }),
              ...(job.indicator === undefined ? {} : { indicator: job.indicator }),
              ...(job.mapping === undefined ? {} : { mapping: job.mapping }),
              ...(job.createMissing === undefined ? {} : { createMissing: job.createMissing }),
              ...(job.dryRun === undefined ? {} : { dryRun: job.dryRun }),
            }
          : job.kind === 'police'
            ? {
                kind: 'police',
                path: Array.isArray(job.source) ? job.source.map(fileOf) : fileOf(job.source),
                ...(job.lsoaLookup === undefined ? {} : { lsoaLookup: fileOf(job.lsoaLookup) }),
              }
            : { kind: 'population', file: fileOf(job.source) };
      const outcome = await jobsOf(context).run(jobId, {
        databaseLocation: context.databaseLocation,
        actor: context.writer.actor,
        job: fileJob,
      });
      if (outcome.status === 'done')
        context.emit?.({ type: 'data-changed', tables: ['figures', 'indicators', 'areas', 'periods'] });
      return names.outcome(outcome);
    } catch (error) {
      throw names.error(error);
    } finally {
      for (const file of files) file.dispose();
    }
  },

  'jobs.cancel': (context, { jobId }) => Promise.resolve({ cancelled: jobsOf(context).cancel(jobId) }),

  'mappings.list': (context) => listMappings(context.db),
  'mappings.save': (context, input) => saveMapping(writing(context.db), context.writer, input),
  'mappings.delete': async (context, input) => ({
    deleted: await deleteMapping(writing(context.db), context.writer, input.id),
  }),

  'files.chooseImport': async (context, { purpose }) => {
    if (!context.fileChooser) {
      throw new BoardpackError(
        'invalid-input',
        'files are chosen with the native dialog only in the desktop app; here, upload the file instead',
        { field: 'purpose' },
      );
    }
    const paths = await context.fileChooser.chooseImport(purpose);
    return paths === null || paths.length === 0 ? null : { paths, names: paths.map((path) => basename(path)) };
  },
} satisfies Partial<HandlerTable>;
