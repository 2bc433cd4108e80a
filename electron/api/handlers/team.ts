import { BoardpackError } from '../../../shared/errors';
import type { HandlerTable } from '../context';

/** Where the database is fixed (the command line, a test's API): what to use instead. */
const FIXED_DATABASE =
  'this Boardpack works on the database it was started with; connect to a team database from the desktop app ' +
  '(File ▸ Connect to team database…) or start the preview with npm run preview -- --db postgres://…';

/** The team database (issue 9): the window switches to it through the capability main gives the context. */
export const teamHandlers = {
  'team.status': async (context) =>
    context.teamDatabase ? context.teamDatabase.status() : { canConnect: false, cannotRemember: FIXED_DATABASE },
  'team.connect': async (context, input) => {
    if (!context.teamDatabase) throw new BoardpackError('invalid-input', FIXED_DATABASE, { field: 'url' });
    return context.teamDatabase.connect(input.url, input.remember);
  },
} satisfies Partial<HandlerTable>;
