import { readFileSync, writeFileSync } from 'node:fs';
import { BoardpackError } from '../../../shared/errors';
import { figureMapping, type FigureMapping, type FigureMappingInput } from '../../../shared/figure-mapping';
import { zodIssueWhere } from '../../files/zod-where';

/** The schema lives in shared/ (the API's mappings.save checks it too): one schema. */
export {
  figureMapping,
  LAYOUTS,
  type AreaTarget,
  type FigureMapping,
  type FigureMappingInput,
  type IndicatorTarget,
  type Layout,
  type PeriodTarget,
} from '../../../shared/figure-mapping';

/** A mapping object (from the UI, or JSON already read), validated; problems name the field. */
export function parseFigureMapping(raw: unknown, file?: string): FigureMapping {
  const result = figureMapping.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BoardpackError('invalid-input', `mapping: ${issue?.message ?? 'invalid'}`, {
      ...(file === undefined ? {} : { file }),
      ...zodIssueWhere(issue, 'field'),
    });
  }
  return result.data;
}

/** Reads and validates a saved mapping file. */
export function loadFigureMapping(path: string): FigureMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BoardpackError(
      missing ? 'not-found' : 'invalid-input',
      missing ? `no such mapping file: ${path}` : `the mapping is not JSON: ${(error as Error).message}`,
      { file: path },
    );
  }
  return parseFigureMapping(raw, path);
}

/** Writes a mapping for next quarter's import. */
export function saveFigureMapping(path: string, mapping: FigureMappingInput): void {
  writeFileSync(path, `${JSON.stringify(mapping, null, 2)}\n`);
}
