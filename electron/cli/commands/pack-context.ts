import { BoardpackError } from '../../../shared/errors';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { Meeting } from '../../../shared/api/meetings-contract';
import { findMeeting } from '../../../db/repositories/meetings';
import { openDatabase } from '../../../db/open-database';
import { localWriter } from '../../../db/writer';
import { dispatch, type DispatchContext } from '../../api/dispatch';
import { playwrightPrinter } from '../../pack/pdf/playwright-printer';

/** What `boardpack issue` and `boardpack export` work on: the dispatch context and the meeting named. */
export interface PackContext {
  readonly context: DispatchContext;
  readonly meeting: Meeting;
}

/**
 * Opens the database, finds the meeting by id or title, runs `work`, then closes
 * the database (and Chromium, when the work prints a PDF) whatever happens.
 */
export async function withPackContext<T>(
  options: { readonly db: string; readonly meeting: string; readonly printsPdf?: boolean },
  work: (pack: PackContext) => Promise<T>,
): Promise<T> {
  const opened = await openDatabase(options.db);
  const printer = options.printsPdf ? playwrightPrinter() : undefined;
  try {
    const context: DispatchContext = {
      db: opened.db,
      writer: localWriter(),
      databaseLocation: options.db,
      version: 'command line',
      ...(printer ? { printer } : {}),
    };
    return await work({ context, meeting: await findMeeting(opened.db, options.meeting) });
  } finally {
    await printer?.close();
    await opened.close();
  }
}

/** Calls a contract method through dispatch, the path the app takes; an error result is thrown as it came. */
export async function call<Name extends MethodName>(
  context: DispatchContext,
  name: Name,
  input: InputOf<Name>,
): Promise<OutputOf<Name>> {
  const result = await dispatch(context, name, input);
  if (!result.ok) throw new BoardpackError(result.error.code, result.error.message, result.error.where);
  return result.value as OutputOf<Name>;
}
