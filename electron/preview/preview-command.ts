import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeLocation } from '../../shared/database-location';
import { BoardpackError, formatError } from '../../shared/errors';
import { userDataFolder } from '../cli/start-app';
import { startPreview } from './run-preview';

/** Runs the preview until interrupted; errors are one line, never a stack trace. */
export async function runPreviewCommand(argv: readonly string[]): Promise<number> {
  let db: string | undefined;
  let port: number | undefined;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { db: { type: 'string' }, port: { type: 'string' } },
      strict: true,
    });
    db = values.db;
    port = values.port === undefined ? undefined : Number(values.port);
  } catch (error) {
    process.stderr.write(
      `boardpack preview: ${(error as Error).message}\nUsage: npm run preview [-- --db FILE|postgres://…] [--port N]\n`,
    );
    return 2;
  }
  const location = db ?? join(userDataFolder(), 'boardpack.db');
  try {
    const preview = await startPreview({
      location,
      createDemo: db === undefined,
      ...(port === undefined ? {} : { port }),
    });
    // A team database's URL may hold a password: it is printed without it.
    process.stdout.write(
      `Boardpack preview of ${describeLocation(location)}\nOpen ${preview.bridge.pageUrl}\n(Ctrl+C stops it)\n`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await preview.close();
    return 0;
  } catch (error) {
    const message = error instanceof BoardpackError ? formatError(error.toData()) : (error as Error).message;
    process.stderr.write(`boardpack preview: ${message}\n`);
    return 1;
  }
}
