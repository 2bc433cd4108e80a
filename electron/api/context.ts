import type { Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/api/contract';
import type { Writer } from '../../db/repositories/change-log';
import type { Database, Db } from '../../db/schema/database';
import type { ApiEvent } from '../../shared/api/result';
import type { FileChooser } from '../app/import-dialogs';
import type { JobRunner } from '../jobs/job-runner';
import type { PdfPrinter } from '../pack/pdf-printer';
import type { TeamDatabaseConnected, TeamDatabaseStatus } from '../../shared/api/team-contract';

/** Switching the window to a team database: the desktop app and the preview give handlers this (app/team-*.ts). */
export interface TeamDatabaseAccess {
  status(): Promise<TeamDatabaseStatus>;
  connect(url: string, remember: boolean): Promise<TeamDatabaseConnected>;
}

/** What every handler is given: the open database (a transaction for writes), who writes, and the app's facts. */
export interface HandlerContext {
  readonly db: Db;
  readonly writer: Writer;
  readonly databaseLocation: string;
  readonly version: string;
  /** Runs imports off the UI thread; absent where no job may run. */
  readonly jobs?: JobRunner;
  /** The native file dialog for imports; absent outside the desktop app (the preview uploads instead). */
  readonly fileChooser?: FileChooser;
  /** Tells open screens that data changed, for handlers whose writes happen elsewhere (a job). */
  readonly emit?: (event: ApiEvent) => void;
  /** Prints the pack's HTML to PDF (Chromium); absent where no PDF can be made. */
  readonly printer?: PdfPrinter;
  /** Switches the window to a team database (File ▸ Connect to team database…); absent where the database is fixed. */
  readonly teamDatabase?: TeamDatabaseAccess;
}

/** A handler: a plain function of the context and the parsed input. No Electron here. */
export type Handler<Name extends MethodName> = (
  context: HandlerContext,
  input: ParsedInputOf<Name>,
) => Promise<OutputOf<Name>>;

export type HandlerTable = { readonly [Name in MethodName]: Handler<Name> };

/** The transaction a write handler runs in; dispatch opens it for every method marked as writing. */
export function writing(db: Db): Transaction<Database> {
  if (!db.isTransaction) throw new BoardpackError('internal', 'a write ran outside a transaction');
  return db as Transaction<Database>;
}
