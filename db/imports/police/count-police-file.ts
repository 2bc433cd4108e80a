import { BoardpackError } from '../../../shared/errors';
import { readCommaLines } from '../files/comma-lines';
import { parseMonthLabel } from '../periods/period-labels';
import type { ProgressTracker } from '../progress';
import { policeColumns, type PoliceColumns } from './police-columns';
import { addTo, countCrime, newMonthTally, type MonthTally } from './police-tally';
import type { LsoaAreas } from './lsoa-areas';

/**
 * Streams one police.uk street-level file and counts its rows into `tallies`
 * (keyed by month and force): by crime type and area when the LSOA lies in one
 * of the partnership's areas, by local authority name when it lies outside
 * them, by crime type when the row has no LSOA. Anti-social behaviour rows have
 * no Crime ID and count like any other. Memory holds the tallies, never the rows.
 */
export async function countPoliceFile(
  file: string,
  areas: LsoaAreas,
  tallies: Map<string, MonthTally>,
  tracker: ProgressTracker,
  bytesBefore: number,
): Promise<void> {
  let columns: PoliceColumns | null = null;
  let lastMonth = '';
  let lastForce = '';
  let tally: MonthTally | null = null;
  const counter = { bytesRead: 0 };
  const mine = new Set<string>();
  await readCommaLines(
    file,
    (cells, row) => {
      if (columns === null) {
        columns = policeColumns(file, row, cells);
        return;
      }
      if (cells.length !== columns.count) {
        throw new BoardpackError(
          'invalid-input',
          `this row has ${cells.length} cells but the header has ${columns.count}`,
          {
            file,
            row,
          },
        );
      }
      const month = cells[columns.month] ?? '';
      const force = cells[columns.reportedBy] ?? '';
      if (tally === null || month !== lastMonth || force !== lastForce) {
        if (parseMonthLabel(month) === null) {
          throw new BoardpackError('invalid-input', `"${month}" is not a month written YYYY-MM`, {
            file,
            row,
            column: 'Month',
          });
        }
        const key = `${month}\u0000${force}`;
        tally = tallies.get(key) ?? null;
        if (tally !== null && !mine.has(key)) {
          throw new BoardpackError(
            'conflict',
            `${month} from ${force} is in two files: ${tally.file} and ${file}; import one of them`,
            { file, row, column: 'Month' },
          );
        }
        if (tally === null) {
          tally = newMonthTally(month, force, file);
          tallies.set(key, tally);
          mine.add(key);
        }
        lastMonth = month;
        lastForce = force;
      }
      tally.rowsRead += 1;
      tracker.rowsRead += 1;
      const crimeType = (cells[columns.crimeType] ?? '').trim();
      if (crimeType === '')
        throw new BoardpackError('invalid-input', 'no crime type', { file, row, column: 'Crime type' });
      const code = cells[columns.lsoaCode] ?? '';
      const name = cells[columns.lsoaName] ?? '';
      if (code === '' && name === '') {
        tally.rowsWithoutLsoa += 1;
        addTo(tally.withoutLsoa, crimeType);
        return;
      }
      const place = areas.place(code, name);
      if ('areaId' in place) countCrime(tally, crimeType, place.areaId);
      else {
        tally.rowsOutsideAreas += 1;
        addTo(tally.outside, place.outside);
      }
    },
    {
      counter,
      afterChunk: () => {
        tracker.bytesRead = bytesBefore + counter.bytesRead;
        tracker.checkCancelled();
        tracker.report('reading');
      },
    },
  );
  if (columns === null) throw new BoardpackError('invalid-input', 'the file is empty', { file });
}
