import { describeLocation, isPostgresUrl } from '../../../shared/database-location';
import type { HandlerTable } from '../context';

export const appHandlers = {
  'app.info': async (context) => {
    const partnership = await context.db.selectFrom('partnership').select('name').orderBy('id').executeTakeFirst();
    return {
      version: context.version,
      databaseLocation: describeLocation(context.databaseLocation),
      engine: isPostgresUrl(context.databaseLocation) ? 'postgres' : 'sqlite',
      partnership: partnership?.name ?? null,
      nativeFileDialogs: context.fileChooser !== undefined,
    };
  },
} satisfies Partial<HandlerTable>;
