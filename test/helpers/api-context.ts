import type { Kysely } from 'kysely';
import { afterAll } from 'vitest';
import { loadDemoDataset } from '../../db/demo/load-demo';
import type { Database } from '../../db/schema/database';
import type { ApiEvent } from '../../shared/api/result';
import type { InputOf, MethodName, OutputOf } from '../../shared/api/contract';
import type { ErrorData } from '../../shared/errors';
import { dispatch, type DispatchContext } from '../../electron/api/dispatch';
import { JobRunner, spawnTypeScriptWorker } from '../../electron/jobs/job-runner';
import { playwrightPrinter } from '../../electron/pack/pdf/playwright-printer';
import type { PdfPrinter } from '../../electron/pack/pdf-printer';
import { newDatabase } from './temp-files';

/** Calls through the real dispatcher on one context. */
export interface ApiCaller {
  /** Calls a method through dispatch, the path every transport takes; throws on an error result. */
  call<Name extends MethodName>(name: Name, input: InputOf<Name>): Promise<OutputOf<Name>>;
  /** Calls a method expecting it to fail; returns the error. */
  fail(name: string, input: unknown): Promise<ErrorData>;
}

export interface TestApi extends ApiCaller {
  readonly db: Kysely<Database>;
  readonly events: ApiEvent[];
}

/** `call` and `fail` on a dispatch context: a person's session in tests. */
export function callerOn(context: DispatchContext): ApiCaller {
  return {
    async call(name, input) {
      const result = await dispatch(context, name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async fail(name, input) {
      const result = await dispatch(context, name, input);
      if (result.ok) throw new Error(`${name} succeeded but was expected to fail`);
      return result.error;
    },
  };
}

/** One printer for the test file's contexts: it launches Chromium on the first PDF only, and closes when the file ends. */
let printer: PdfPrinter | null = null;
afterAll(async () => {
  await printer?.close();
  printer = null;
});

/** A fresh database (with the demo dataset unless `empty`) behind the real dispatcher. */
export async function apiOnDatabase(options: { empty?: boolean } = {}): Promise<TestApi> {
  const { db, location } = await newDatabase();
  if (!options.empty) await loadDemoDataset(db, { actor: 'test', now: () => '2026-11-26T09:00:00.000Z' });
  const events: ApiEvent[] = [];
  const jobs = new JobRunner(spawnTypeScriptWorker, (event) => events.push(event));
  printer ??= playwrightPrinter();
  const context: DispatchContext = {
    jobs,
    db,
    writer: { actor: 'secretary', now: () => '2026-11-26T10:00:00.000Z' },
    databaseLocation: location,
    version: '0.0.0-test',
    emit: (event) => events.push(event),
    printer,
  };
  return { db, events, ...callerOn(context) };
}
