import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { BoardpackError } from '../../shared/errors';
import { readCsvRows } from '../files/read-csv-rows';
import { zodIssueWhere } from '../files/zod-where';
import {
  actionRow,
  areasFile,
  deliveryGroupsFile,
  figureRow,
  fundingFile,
  glossaryRow,
  indicatorsFile,
  meetingsFile,
  partnershipFile,
  periodsFile,
  planFile,
  populationRow,
  statedComparisonRow,
  targetRow,
  viewsFile,
} from './demo-files';

/** Everything in resources/demo/, read and validated, not yet resolved against each other. */
export interface DemoFiles {
  readonly partnership: z.output<typeof partnershipFile>;
  readonly areas: z.output<typeof areasFile>;
  readonly periods: z.output<typeof periodsFile>;
  readonly indicators: z.output<typeof indicatorsFile>;
  readonly plans: z.output<typeof planFile>[];
  readonly deliveryGroups: z.output<typeof deliveryGroupsFile>;
  readonly funding: z.output<typeof fundingFile>;
  readonly figures: z.output<typeof figureRow>[];
  readonly statedComparisons: z.output<typeof statedComparisonRow>[];
  readonly targets: z.output<typeof targetRow>[];
  readonly populations: z.output<typeof populationRow>[];
  readonly glossary: z.output<typeof glossaryRow>[];
  readonly actions: z.output<typeof actionRow>[];
  readonly views: z.output<typeof viewsFile>;
  readonly meetings: z.output<typeof meetingsFile>;
}

function readJson<Schema extends z.ZodType>(dir: string, file: string, schema: Schema): z.output<Schema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    throw new BoardpackError('invalid-input', (error as Error).message, { file });
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BoardpackError('invalid-input', issue?.message ?? 'invalid file', {
      file,
      ...zodIssueWhere(issue, 'field'),
    });
  }
  return result.data;
}

function readCsv<Schema extends z.ZodType>(dir: string, file: string, row: Schema): z.output<Schema>[] {
  return readCsvRows(file, readFileSync(join(dir, file), 'utf8'), row);
}

export function readDemoFiles(dir: string): DemoFiles {
  const planFiles = readdirSync(join(dir, 'plans'))
    .filter((name) => name.endsWith('.json'))
    .sort();
  return {
    partnership: readJson(dir, 'partnership.json', partnershipFile),
    areas: readJson(dir, 'areas.json', areasFile),
    periods: readJson(dir, 'periods.json', periodsFile),
    indicators: readJson(dir, 'indicators.json', indicatorsFile),
    plans: planFiles.map((name) => readJson(dir, join('plans', name), planFile)),
    deliveryGroups: readJson(dir, 'delivery-groups.json', deliveryGroupsFile),
    funding: readJson(dir, 'funding.json', fundingFile),
    figures: readCsv(dir, 'figures.csv', figureRow),
    statedComparisons: readCsv(dir, 'stated-comparisons.csv', statedComparisonRow),
    targets: readCsv(dir, 'targets.csv', targetRow),
    populations: readCsv(dir, 'populations.csv', populationRow),
    glossary: readCsv(dir, 'glossary.csv', glossaryRow),
    actions: readCsv(dir, 'actions.csv', actionRow),
    views: readJson(dir, 'views.json', viewsFile),
    meetings: readJson(dir, 'meetings.json', meetingsFile),
  };
}
