import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/database';
import type { NewFigure } from '../../db/schema/indicator.table';

export interface SyntheticShape {
  readonly areas: number;
  readonly indicators: number;
  readonly periods: number;
}

/** 300 areas × 60 indicators × 56 periods: 1,008,000 figures, a decade of monthly data for a large county. */
export const MILLION: SyntheticShape = { areas: 300, indicators: 60, periods: 56 };

const CHUNK = 3000;

/** A deterministic count that drifts by area, indicator and period, so no two rows are alike. */
function syntheticValue(area: number, indicator: number, period: number): number {
  return ((area * 7919 + indicator * 104729 + period * 1299709) % 997) + 3;
}

/**
 * Fills an empty database with a synthetic partnership of the given shape through
 * Kysely's multi-row inserts, in one transaction. Returns how many figures it wrote.
 */
export async function buildSyntheticDatabase(db: Kysely<Database>, shape: SyntheticShape): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id: countyId } = await trx
      .insertInto('area')
      .values({ name: 'Synthetic County', kind: 'county', parentId: null, code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const areaIds: number[] = [];
    for (let a = 0; a < shape.areas; a += 1) {
      const { id } = await trx
        .insertInto('area')
        .values({ name: `Area ${a + 1}`, kind: 'lsoa', parentId: countyId, code: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      areaIds.push(id);
    }
    const indicatorIds: number[] = [];
    for (let i = 0; i < shape.indicators; i += 1) {
      const { id } = await trx
        .insertInto('indicator')
        .values({
          name: `Indicator ${i + 1}`,
          unit: 'count',
          ratePer: null,
          denominator: null,
          polarity: i % 2 === 0 ? 'lower is better' : 'higher is better',
          source: 'synthetic',
          definition: 'synthetic benchmark data',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      indicatorIds.push(id);
    }
    const periodIds: number[] = [];
    for (let p = 0; p < shape.periods; p += 1) {
      const year = 2020 + Math.floor(p / 12);
      const month = String((p % 12) + 1).padStart(2, '0');
      const { id } = await trx
        .insertInto('period')
        .values({
          label: `${year}-${month}`,
          kind: 'month',
          startDate: `${year}-${month}-01`,
          endDate: `${year}-${month}-28`,
          note: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      periodIds.push(id);
    }
    const updatedAt = new Date().toISOString();
    let batch: NewFigure[] = [];
    let written = 0;
    const flush = async () => {
      if (batch.length > 0) {
        await trx.insertInto('figure').values(batch).execute();
        written += batch.length;
        batch = [];
      }
    };
    for (const [i, indicatorId] of indicatorIds.entries()) {
      for (const [a, areaId] of areaIds.entries()) {
        for (const [p, periodId] of periodIds.entries()) {
          batch.push({
            indicatorId,
            areaId,
            periodId,
            value: syntheticValue(a, i, p),
            provisional: 0,
            source: null,
            note: null,
            updatedAt,
          });
          if (batch.length >= CHUNK) await flush();
        }
      }
    }
    await flush();
    return written;
  });
}
