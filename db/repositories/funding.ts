import type { FundingLine, Grant, StatedTotal } from '../../shared/model';
import type { Db } from '../schema/database';
import type { FundingLineRow, GrantAwardRow, StatedTotalRow } from '../schema/funding.table';
import { engineOf } from '../engine';

function toFundingLine(row: FundingLineRow): FundingLine {
  return {
    id: row.id,
    version: row.version,
    planId: row.planId,
    year: row.year,
    priorityId: row.priorityId,
    description: row.description,
    amountPence: row.amountPence,
    fundingSource: row.fundingSource,
    confirmed: row.confirmed === 1,
    note: row.note,
  };
}

function toStatedTotal(row: StatedTotalRow, covers: readonly string[]): StatedTotal {
  return {
    id: row.id,
    planId: row.planId,
    year: row.year,
    label: row.label,
    fundingSource: row.fundingSource,
    amountPence: row.amountPence,
    covers,
  };
}

function toGrant(row: GrantAwardRow): Grant {
  return {
    id: row.id,
    version: row.version,
    funder: row.funder,
    recipient: row.recipient,
    year: row.year,
    amountPence: row.amountPence,
    purpose: row.purpose,
    statedChangePercent: row.statedChangePercent,
    statedChangePence: row.statedChangePence,
  };
}

export async function listFundingLines(db: Db, planId?: number): Promise<FundingLine[]> {
  let select = db.selectFrom('fundingLine').selectAll();
  if (planId !== undefined) select = select.where('planId', '=', planId);
  const rows = await select.orderBy('id').execute();
  return rows.map(toFundingLine);
}

export async function listStatedTotals(db: Db): Promise<StatedTotal[]> {
  const [rows, sources] = await Promise.all([
    db.selectFrom('statedTotal').selectAll().orderBy('id').execute(),
    db.selectFrom('statedTotalSource').selectAll().orderBy(engineOf(db).byteOrder('fundingSource')).execute(),
  ]);
  return rows.map((row) =>
    toStatedTotal(
      row,
      sources.filter((source) => source.statedTotalId === row.id).map((source) => source.fundingSource),
    ),
  );
}

export async function listGrants(db: Db): Promise<Grant[]> {
  const rows = await db.selectFrom('grantAward').selectAll().orderBy('year').orderBy('id').execute();
  return rows.map(toGrant);
}

/** The lines a stated total covers: same plan and year, one of its funding sources. */
export function linesCoveredBy(total: StatedTotal, lines: readonly FundingLine[]): FundingLine[] {
  return lines.filter(
    (line) => line.planId === total.planId && line.year === total.year && total.covers.includes(line.fundingSource),
  );
}
