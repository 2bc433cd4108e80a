import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../../../db/open-database';
import { dispatch, type DispatchContext } from '../../../electron/api/dispatch';
import { JobRunner, spawnTypeScriptWorker } from '../../../electron/jobs/job-runner';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { ErrorData } from '../../../shared/errors';
import { postgresUrlFor } from '../../helpers/test-engine';

/**
 * A person at work on a team database: the app's real dispatch on a
 * connection made with their own login (so PostgreSQL sees their role), and a
 * plain SQL client on the same login, for what the app would never send.
 */
export interface TeamSession {
  readonly login: string;
  readonly url: string;
  readonly database: OpenDatabase;
  call<Name extends MethodName>(name: Name, input: InputOf<Name>): Promise<OutputOf<Name>>;
  fail(name: MethodName, input: unknown): Promise<ErrorData>;
  /** Runs one statement as this login outside the app; resolves with its result or rejects with PostgreSQL's error. */
  sql(text: string, values?: readonly unknown[]): Promise<pg.QueryResult>;
  close(): Promise<void>;
}

export async function openTeamSession(database: string, login: string, password: string): Promise<TeamSession> {
  const url = postgresUrlFor(database, { name: login, password });
  const opened = await openDatabase(url);
  const jobs = new JobRunner(spawnTypeScriptWorker, () => {});
  const context: DispatchContext = {
    db: opened.db,
    writer: { actor: `${login} at their desk`, now: () => new Date().toISOString() },
    databaseLocation: url,
    version: '0.0.0-test',
    jobs,
  };
  const client = new pg.Client(url);
  await client.connect();
  return {
    login,
    url,
    database: opened,
    async call(name, input) {
      const result = await dispatch(context, name, input);
      if (!result.ok) throw new Error(`${login}: ${name} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async fail(name, input) {
      const result = await dispatch(context, name, input);
      if (result.ok) throw new Error(`${login}: ${name} succeeded but was expected to be refused`);
      return result.error;
    },
    sql: (text, values = []) => client.query(text, [...values]),
    async close() {
      await client.end();
      await opened.close();
    },
  };
}

/** The SQLSTATE a statement fails with, or "ok" and its row count. */
export async function outcomeOf(statement: Promise<pg.QueryResult>): Promise<string> {
  try {
    const result = await statement;
    return `ok ${result.rowCount ?? 0}`;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : (error as Error).message;
  }
}
