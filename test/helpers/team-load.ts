import { performance } from 'node:perf_hooks';
import { openDatabase, type OpenDatabase } from '../../db/open-database';
import { dispatch, type DispatchContext } from '../../electron/api/dispatch';
import type { Figure } from '../../shared/model';

/**
 * The team database under load (issue 9 point 6): many clients, each with its
 * own connection pool and its own dispatch context (as many laptops would
 * have), saving figures through the real API at once. Half of every client's
 * edits go to the same few "hot" figures that everyone edits, the other half
 * to figures of its own. Each client saves from the version it last saw; a
 * stale save is refused and the client, told, carries on from the version the
 * refusal shows, as the app does when the user keeps their value.
 *
 * Then it proves no update was lost: every accepted save is in the change log
 * exactly once, in an unbroken old → new chain per figure that ends at the
 * figure's value, and every refused save was told 'stale'.
 */

export interface LoadOptions {
  readonly url: string;
  readonly clients: number;
  readonly editsPerClient: number;
  /** The figures every client edits (the first by id); the others are shared out, one slice per client. */
  readonly hotFigures: number;
}

export interface LoadResult {
  readonly edits: number;
  readonly accepted: number;
  readonly refused: number;
  readonly acceptedHot: number;
  readonly acceptedCold: number;
  readonly latency: { readonly p50Ms: number; readonly p95Ms: number; readonly maxMs: number };
  readonly elapsedMs: number;
  /** Problems found by the checks; empty when no update was lost. */
  readonly problems: readonly string[];
}

interface Save {
  readonly client: number;
  readonly figureId: number;
  readonly value: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

/** A small deterministic generator, so a failing run can be repeated. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

async function runClient(
  options: LoadOptions,
  client: number,
  hot: readonly number[],
  cold: readonly number[],
  versions: ReadonlyMap<number, number>,
  latencies: number[],
  accepted: Save[],
): Promise<number> {
  const database = await openDatabase(options.url);
  const context: DispatchContext = {
    db: database.db,
    writer: { actor: `client-${client}`, now: () => new Date().toISOString() },
    databaseLocation: options.url,
    version: 'load-test',
  };
  const known = new Map(versions);
  const random = generator(client * 7919 + 1);
  let refused = 0;
  try {
    for (let edit = 0; edit < options.editsPerClient; edit += 1) {
      const pool = edit % 2 === 0 ? hot : cold;
      const figureId = pool[Math.floor(random() * pool.length)] ?? 0;
      // Unique per save, so the change log names exactly which save it holds.
      const value = client * 1_000_000 + edit + 1;
      const started = performance.now();
      const result = await dispatch(context, 'figures.update', {
        id: figureId,
        version: known.get(figureId) ?? 1,
        changes: { value },
      });
      latencies.push(performance.now() - started);
      if (result.ok) {
        accepted.push({ client, figureId, value });
        known.set(figureId, (result.value as Figure).version);
      } else if (result.error.code === 'stale') {
        refused += 1;
        const current = result.error.current?.record as Figure | undefined;
        if (current === undefined)
          throw new Error(`a stale save of figure ${figureId} did not show the figure as it is`);
        known.set(figureId, current.version);
      } else {
        throw new Error(`client ${client}, edit ${edit}: ${result.error.code}: ${result.error.message}`);
      }
    }
  } finally {
    await database.close();
  }
  return refused;
}

/** Checks the change log against the accepted saves and the figures as they ended. */
async function lostUpdates(
  database: OpenDatabase,
  accepted: readonly Save[],
  start: ReadonlyMap<number, { value: number; version: number }>,
): Promise<string[]> {
  const problems: string[] = [];
  const log = await database.db
    .selectFrom('changeLog')
    .select(['id', 'actor', 'rowId', 'oldValues', 'newValues'])
    .where('tableName', '=', 'figure')
    .where('operation', '=', 'update')
    .where('actor', 'like', 'client-%')
    .orderBy('id')
    .execute();
  if (log.length !== accepted.length) {
    problems.push(`${accepted.length} saves were accepted but the change log holds ${log.length}`);
  }
  const logged = new Set(log.map((entry) => `${entry.actor}:${entry.rowId}:${readValue(entry.newValues)}`));
  for (const save of accepted) {
    if (!logged.has(`client-${save.client}:${save.figureId}:${save.value}`)) {
      problems.push(`client ${save.client}'s accepted save of ${save.value} to figure ${save.figureId} is not logged`);
    }
  }
  const chains = new Map<number, { old: number; new: number }[]>();
  for (const entry of log) {
    const id = Number(entry.rowId);
    const chain = chains.get(id) ?? [];
    chain.push({ old: readValue(entry.oldValues), new: readValue(entry.newValues) });
    chains.set(id, chain);
  }
  const ended = await database.db.selectFrom('figure').select(['id', 'value', 'version']).execute();
  for (const figure of ended) {
    const before = start.get(figure.id);
    if (before === undefined) continue;
    const chain = chains.get(figure.id) ?? [];
    let value = before.value;
    for (const [step, link] of chain.entries()) {
      if (link.old !== value) {
        problems.push(`figure ${figure.id}: save ${step + 1} replaced ${link.old}, but the figure held ${value}`);
      }
      value = link.new;
    }
    if (figure.value !== value)
      problems.push(`figure ${figure.id} holds ${figure.value}, its last logged save ${value}`);
    if (figure.version !== before.version + chain.length) {
      problems.push(
        `figure ${figure.id} is at version ${figure.version} after ${chain.length} saves from ${before.version}`,
      );
    }
  }
  return problems;
}

function readValue(json: string | null): number {
  const parsed = json === null ? null : (JSON.parse(json) as { value?: unknown });
  return typeof parsed?.value === 'number' ? parsed.value : Number.NaN;
}

/** Runs the load against a team database that already holds figures. */
export async function runTeamLoad(options: LoadOptions): Promise<LoadResult> {
  const database = await openDatabase(options.url);
  try {
    const figures = await database.db.selectFrom('figure').select(['id', 'value', 'version']).orderBy('id').execute();
    const needed = options.hotFigures + options.clients;
    if (figures.length < needed)
      throw new Error(`the load needs ${needed} figures; the database has ${figures.length}`);
    const start = new Map(figures.map((figure) => [figure.id, { value: figure.value, version: figure.version }]));
    const versions = new Map(figures.map((figure) => [figure.id, figure.version]));
    const hot = figures.slice(0, options.hotFigures).map((figure) => figure.id);
    const rest = figures.slice(options.hotFigures).map((figure) => figure.id);
    const slice = Math.floor(rest.length / options.clients);
    const latencies: number[] = [];
    const accepted: Save[] = [];
    const began = performance.now();
    const refusedByClient = await Promise.all(
      Array.from({ length: options.clients }, (_, client) =>
        runClient(
          options,
          client + 1,
          hot,
          rest.slice(client * slice, (client + 1) * slice),
          versions,
          latencies,
          accepted,
        ),
      ),
    );
    const elapsedMs = performance.now() - began;
    const hotSet = new Set(hot);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      edits: options.clients * options.editsPerClient,
      accepted: accepted.length,
      refused: refusedByClient.reduce((sum, count) => sum + count, 0),
      acceptedHot: accepted.filter((save) => hotSet.has(save.figureId)).length,
      acceptedCold: accepted.filter((save) => !hotSet.has(save.figureId)).length,
      latency: { p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), maxMs: sorted.at(-1) ?? 0 },
      elapsedMs,
      problems: await lostUpdates(database, accepted, start),
    };
  } finally {
    await database.close();
  }
}
