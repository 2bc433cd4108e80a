import { BoardpackError } from '../../../shared/errors';
import { parseFigureMapping } from '../../../db/imports/figures/figure-mapping';
import { previewFigureFile } from '../../../db/imports/figures/preview-figure-file';
import type { FileImportJob } from '../../jobs/run-import-job';
import { sourceFile, type SourceFile } from '../../jobs/source-file';
import type { HandlerContext, HandlerTable } from '../context';

function jobsOf(context: HandlerContext) {
  if (!context.jobs) throw new BoardpackError('internal', 'imports cannot run here: no job runner');
  return context.jobs;
}

export const importHandlers = {
  'imports.previewFigures': async (_context, input) => {
    const file = sourceFile(input.source);
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
        problem: preview.problem,
      };
    } finally {
      file.dispose();
    }
  },

  'imports.run': async (context, { jobId, job }) => {
    const files: SourceFile[] = [];
    const fileOf = (source: Parameters<typeof sourceFile>[0]) => {
      const file = sourceFile(source);
      files.push(file);
      return file.path;
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
                path: fileOf(job.source),
                ...(job.lsoaLookup === undefined ? {} : { lsoaLookup: fileOf(job.lsoaLookup) }),
              }
            : { kind: 'population', file: fileOf(job.source) };
      const outcome = await jobsOf(context).run(jobId, {
        databasePath: context.databasePath,
        actor: context.writer.actor,
        job: fileJob,
      });
      if (outcome.status === 'done')
        context.emit?.({ type: 'data-changed', tables: ['figures', 'indicators', 'areas', 'periods'] });
      return outcome;
    } finally {
      for (const file of files) file.dispose();
    }
  },

  'jobs.cancel': (context, { jobId }) => Promise.resolve({ cancelled: jobsOf(context).cancel(jobId) }),
} satisfies Partial<HandlerTable>;
