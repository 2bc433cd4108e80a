import { BoardpackError } from '../../../shared/errors';
import type { BuiltPack, PackProblem } from '../../../shared/pack/document';
import { getMeeting } from '../../../db/repositories/meetings';
import { getPackVersionDocument } from '../../../db/repositories/pack-versions';
import type { Db } from '../../../db/schema/database';
import { buildPack, type BuildOptions } from './build-pack';

/**
 * The pack asked for: an issued version's frozen document (built once, so its
 * numbers never move and it has no problems), or the live draft built now.
 */
export async function packFor(
  db: Db,
  source: { readonly meetingId: number; readonly version?: number | undefined },
  options: BuildOptions,
): Promise<BuiltPack> {
  if (source.version === undefined) return buildPack(db, source.meetingId, options);
  await getMeeting(db, source.meetingId);
  return { document: await getPackVersionDocument(db, source.meetingId, source.version), problems: [] };
}

/** "Performance paper: the field {{…}} cannot be filled: unknown indicator …". */
export const describeProblem = (problem: PackProblem): string => `${problem.sectionTitle}: ${problem.message}`;

/** Refuses to issue or export a pack with problems, naming each by section (and field). */
export function refuseProblems(pack: BuiltPack, doing: string): void {
  const [first] = pack.problems;
  if (!first) return;
  const count = pack.problems.length;
  throw new BoardpackError(
    'invalid-input',
    `the pack cannot be ${doing} while it has ${count} problem${count === 1 ? '' : 's'}: ${pack.problems
      .map(describeProblem)
      .join('; ')}`,
    { field: first.source ?? first.sectionId },
  );
}
