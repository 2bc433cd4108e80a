import { listBackups, restoreBackup, takeBackup, type Backup } from '../../../db/backups';
import { openDatabase } from '../../../db/open-database';
import { openSqliteFile } from '../../../db/sqlite/sqlite-file';
import { describeLocation, parseLocation } from '../../../shared/database-location';
import { BoardpackError } from '../../../shared/errors';
import { requireOption, textOrJsonFormat, type CliOutput, type Command, type CommandGroup } from '../command';

const formatOption = { format: { type: 'string' } } as const;

/** The database file `--db` names. A team database is backed up by its server's own tools, not by Boardpack. */
function databaseFile(values: Record<string, string | boolean | undefined>): string {
  const location = parseLocation(requireOption(values, 'db'));
  if (location.engine === 'sqlite') return location.path;
  throw new BoardpackError(
    'invalid-input',
    `${describeLocation(location.url)} is a team database: its PostgreSQL server backs it up (pg_dump), not Boardpack. ` +
      'Backups here are of database files',
    { field: 'db' },
  );
}

function print(out: CliOutput, values: Record<string, string | boolean | undefined>, backups: readonly Backup[]): void {
  if (textOrJsonFormat(values) === 'json') {
    out.stdout(`${JSON.stringify(backups, null, 2)}\n`);
    return;
  }
  for (const backup of backups) {
    out.stdout(
      `${backup.takenAt}  ${backup.reason.padEnd(28)}  ${String(backup.bytes).padStart(10)} bytes  ${backup.file}\n`,
    );
  }
}

const list: Command = {
  summary: "list the database's backups, newest first",
  usage: 'boardpack backup list --db FILE [--format text|json]',
  options: { db: { type: 'string' }, ...formatOption },
  run(values, out) {
    const path = databaseFile(values);
    const backups = listBackups(path);
    if (backups.length === 0 && textOrJsonFormat(values) === 'text') out.stdout(`no backups of ${path} yet\n`);
    else print(out, values, backups);
    return Promise.resolve(0);
  },
};

const create: Command = {
  summary: 'back the database up now (the newest 10 backups are kept)',
  usage: 'boardpack backup create --db FILE [--format text|json]',
  options: { db: { type: 'string' }, ...formatOption },
  async run(values, out) {
    const path = databaseFile(values);
    textOrJsonFormat(values);
    // Opened as the app opens it first, so a file that is not ours, or is damaged, is refused with its reason.
    const opened = await openDatabase(path);
    await opened.close();
    const sqlite = openSqliteFile(path, { create: false });
    try {
      print(out, values, [await takeBackup(sqlite, path, 'manual', new Date())]);
    } finally {
      sqlite.close();
    }
    return 0;
  },
};

const restore: Command = {
  summary: 'put a backup back (the current file is backed up first)',
  usage: 'boardpack backup restore --db FILE (--file BACKUP | --latest) [--format text|json]',
  options: { db: { type: 'string' }, file: { type: 'string' }, latest: { type: 'boolean' }, ...formatOption },
  async run(values, out) {
    const path = databaseFile(values);
    const chosen =
      typeof values.file === 'string' ? values.file : values.latest ? listBackups(path)[0]?.file : undefined;
    if (chosen === undefined) {
      throw new BoardpackError(
        'invalid-input',
        values.latest
          ? `no backups of ${path} to restore`
          : 'give --file BACKUP (see `boardpack backup list`) or --latest',
        { field: 'file' },
      );
    }
    const format = textOrJsonFormat(values);
    const safety = await restoreBackup(path, chosen, new Date());
    if (format === 'json') out.stdout(`${JSON.stringify({ restored: chosen, safetyBackup: safety.file })}\n`);
    else out.stdout(`restored ${chosen} into ${path}; the file as it was is kept in ${safety.file}\n`);
    return 0;
  },
};

export const backupCommands: CommandGroup = {
  summary: 'list, create and restore backups of a database',
  subcommands: { list, create, restore },
};
