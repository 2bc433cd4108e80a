import type { HandlerTable } from '../context';

export const appHandlers = {
  'app.info': async (context) => {
    const partnership = await context.db.selectFrom('partnership').select('name').orderBy('id').executeTakeFirst();
    return {
      version: context.version,
      databasePath: context.databasePath,
      partnership: partnership?.name ?? null,
      nativeFileDialogs: context.fileChooser !== undefined,
    };
  },
} satisfies Partial<HandlerTable>;
