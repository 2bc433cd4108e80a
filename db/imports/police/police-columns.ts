import { BoardpackError } from '../../../shared/errors';
import { normaliseName, suggestion } from '../../../shared/names';

/** The police.uk street-level columns the count needs, by position in one file's header. */
export interface PoliceColumns {
  readonly month: number;
  readonly reportedBy: number;
  readonly lsoaCode: number;
  readonly lsoaName: number;
  readonly crimeType: number;
  readonly count: number;
}

export const POLICE_HEADER = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
] as const;

/**
 * Finds the columns by name (in any order; others are ignored), refusing a
 * file that lacks one: it is not a police.uk street-level crime file.
 */
export function policeColumns(file: string, row: number, header: readonly string[]): PoliceColumns {
  const names = header.map((cell) => normaliseName(cell));
  const find = (name: string): number => {
    const index = names.indexOf(normaliseName(name));
    if (index === -1) {
      throw new BoardpackError(
        'invalid-input',
        `not a police.uk street-level crime file: no "${name}" column${suggestion(name, header)}`,
        { file, row },
      );
    }
    return index;
  };
  return {
    month: find('Month'),
    reportedBy: find('Reported by'),
    lsoaCode: find('LSOA code'),
    lsoaName: find('LSOA name'),
    crimeType: find('Crime type'),
    count: header.length,
  };
}
