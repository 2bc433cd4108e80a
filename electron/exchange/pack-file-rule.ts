import { BoardpackError } from '../../shared/errors';
import type { MethodName } from '../../shared/api/contract';
import { getPackFile } from '../../db/repositories/exchange-identity';
import type { Db } from '../../db/schema/database';
import { PACK_FILE_EXTENSION } from './exchange-formats';
import { packFileInfo } from './export-notes';

/**
 * A reviewer's pack file is read-only except for annotations. Dispatch asks
 * here before every method that writes (and every job that does), so the rule
 * holds on every transport (the app, the preview's bridge, the command line)
 * without anyone having to remember it: the file's pack_file row decides.
 */

/** What a reviewer may change in their pack file. */
const REVIEWER_WRITES: ReadonlySet<MethodName> = new Set<MethodName>([
  'annotations.add',
  'annotations.edit',
  'annotations.resolve',
  'annotations.delete',
  'exchange.exportNotes',
]);

/** Methods that do not write in dispatch's transaction but start a job that writes with its own connection. */
const WRITES_IN_A_JOB: ReadonlySet<MethodName> = new Set<MethodName>(['imports.run']);

export async function refuseWriteToPackFile(db: Db, name: MethodName, writes: boolean): Promise<void> {
  if (!(writes || WRITES_IN_A_JOB.has(name)) || REVIEWER_WRITES.has(name)) return;
  if (!(await getPackFile(db))) return;
  const info = await packFileInfo(db);
  throw new BoardpackError(
    'read-only',
    `this is a reviewer's pack file (${PACK_FILE_EXTENSION}) of version ${info?.version ?? ''} of "${info?.meetingTitle ?? ''}": only annotations can be added or changed in it`,
  );
}
