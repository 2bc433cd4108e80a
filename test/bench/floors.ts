import BetterSqlite3 from 'better-sqlite3';
import type { SyntheticShape } from './synthetic-database';

/**
 * Floors: the same work done the fastest way SQLite allows (one prepared
 * statement, no query builder), measured in the same run, so a figure can be
 * read as a ratio that noise on a shared machine does not move much.
 */

/** Inserts shape.areas × indicators × periods figures into an empty table through one prepared statement. */
export function insertFloor(path: string, shape: SyntheticShape): number {
  const sqlite = new BetterSqlite3(path);
  try {
    sqlite.exec(`create table figure_floor (
      id integer primary key, indicator_id integer not null, area_id integer not null, period_id integer not null,
      value real not null, provisional integer not null, source text, note text, updated_at text not null,
      unique (indicator_id, area_id, period_id))`);
    const insert = sqlite.prepare(
      'insert into figure_floor (indicator_id, area_id, period_id, value, provisional, updated_at) values (?, ?, ?, ?, 0, ?)',
    );
    const now = new Date().toISOString();
    let written = 0;
    sqlite.transaction(() => {
      for (let i = 1; i <= shape.indicators; i += 1)
        for (let a = 1; a <= shape.areas; a += 1)
          for (let p = 1; p <= shape.periods; p += 1) {
            insert.run(i, a, p, (a * 7919 + i * 104729 + p * 1299709) % 997, now);
            written += 1;
          }
    })();
    return written;
  } finally {
    sqlite.close();
  }
}

/** Reads one indicator's figures for two periods, every area, through one prepared statement. */
export function selectFloor(sqlite: BetterSqlite3.Database, indicatorId: number, periodIds: [number, number]): number {
  return sqlite
    .prepare('select area_id, period_id, value, provisional from figure where indicator_id = ? and period_id in (?, ?)')
    .all(indicatorId, ...periodIds).length;
}
