import type { Kysely } from 'kysely';
import { engineOf } from '../engine';
import {
  checkStatedDifference,
  checkStatedPercentChange,
  checkStatedReduction,
  checkStatedTotal,
  type StatedCheck,
} from '../../shared/comparison';
import { listAreas } from '../repositories/areas';
import { linesCoveredBy, listFundingLines, listGrants, listStatedTotals } from '../repositories/funding';
import { listIndicators } from '../repositories/indicators';
import { listPeriods } from '../repositories/periods';
import { listPlans } from '../repositories/plans';
import { listStatedComparisons } from '../repositories/targets';
import type { Database } from '../schema/database';
import type { CheckReport, Finding, FindingKind, FindingStatus } from '../../shared/model';

export type { CheckReport, Finding, FindingKind, FindingStatus };

const fromCheck = (kind: FindingKind, check: StatedCheck): Finding => ({
  kind,
  status: check.agrees ? 'ok' : 'mismatch',
  message: check.message,
});
const status = (ok: boolean): FindingStatus => (ok ? 'ok' : 'mismatch');

/** The engine's word on the stored data: a file's pages, or (null) a server that checks its own. */
function integrityFinding(integrity: readonly string[] | null): Finding {
  if (integrity === null) {
    return {
      kind: 'integrity',
      status: 'unchecked',
      message: 'integrity check: a team database’s storage is checked by its PostgreSQL server, not by Boardpack',
    };
  }
  const intact = integrity.length === 1 && integrity[0] === 'ok';
  return {
    kind: 'integrity',
    status: status(intact),
    message: intact ? 'integrity check: ok' : `integrity check: ${integrity.join('; ')}`,
  };
}

/**
 * Everything `boardpack check` reports: the database's integrity (a file's
 * pages; a team database's storage is its server's to check) and foreign keys,
 * then every printed total, difference, % change and stated reduction checked
 * against what the stored figures and lines compute to, and every stored area
 * total checked against the sum of its parts.
 */
export async function checkDatabase(db: Kysely<Database>): Promise<CheckReport> {
  const findings: Finding[] = [];
  const integrity = await engineOf(db).checkIntegrity(db);
  const found = integrityFinding(integrity.integrity);
  const intact = found.status !== 'mismatch';
  findings.push(found);
  findings.push({
    kind: 'foreign key',
    status: status(integrity.foreignKeyViolations.length === 0),
    message:
      integrity.foreignKeyViolations.length === 0
        ? 'foreign keys: ok'
        : `foreign keys: ${integrity.foreignKeyViolations
            .map((v) => `${v.table} row ${v.rowid ?? '?'} refers to a missing ${v.parent}`)
            .join('; ')}`,
  });
  if (!intact) return { corrupt: true, findings };

  const [plans, lines, totals, grants] = await Promise.all([
    listPlans(db),
    listFundingLines(db),
    listStatedTotals(db),
    listGrants(db),
  ]);
  for (const total of totals) {
    const parts = linesCoveredBy(total, lines).map((line) => line.amountPence);
    const plan = plans.find((p) => p.id === total.planId)?.title ?? 'plan';
    findings.push(
      fromCheck(
        'stated total',
        checkStatedTotal(
          `${plan}, ${total.year}, ${total.fundingSource} ${total.label.toLowerCase()}`,
          parts,
          total.amountPence,
          {
            unit: 'money',
          },
        ),
      ),
    );
  }
  for (const grant of grants) {
    if (grant.statedChangePercent === null || grant.statedChangePence === null) continue;
    findings.push(
      fromCheck(
        'stated grant change',
        // Stored signed (a reduction is negative); the check reads a reduction as positive.
        checkStatedReduction(
          `${grant.funder} grant to ${grant.recipient}, ${grant.year}`,
          grant.amountPence,
          -grant.statedChangePercent,
          -grant.statedChangePence,
          { unit: 'money' },
        ),
      ),
    );
  }

  const [areas, indicators, periods, stated] = await Promise.all([
    listAreas(db),
    listIndicators(db),
    listPeriods(db),
    listStatedComparisons(db),
  ]);
  const figures = await db.selectFrom('figure').select(['indicatorId', 'areaId', 'periodId', 'value']).execute();
  const valueOf = new Map(figures.map((f) => [`${f.indicatorId}:${f.areaId}:${f.periodId}`, f.value]));
  const nameOf = <T extends { id: number }>(list: readonly T[], id: number, name: (t: T) => string) => {
    const found = list.find((entry) => entry.id === id);
    return found ? name(found) : `#${id}`;
  };
  for (const printed of stated) {
    const base = valueOf.get(`${printed.indicatorId}:${printed.areaId}:${printed.basePeriodId}`);
    const current = valueOf.get(`${printed.indicatorId}:${printed.areaId}:${printed.currentPeriodId}`);
    const label = [
      nameOf(indicators, printed.indicatorId, (i) => i.name),
      nameOf(areas, printed.areaId, (a) => a.name),
      `${nameOf(periods, printed.basePeriodId, (p) => p.label)} to ${nameOf(periods, printed.currentPeriodId, (p) => p.label)}`,
    ].join(', ');
    if (base === undefined || current === undefined) {
      findings.push({
        kind: 'stated comparison',
        status: 'unchecked',
        message: `${label}: printed ${[
          printed.difference === null ? null : `difference ${printed.difference}`,
          printed.changePercent === null ? null : `change ${printed.changePercent}%`,
        ]
          .filter(Boolean)
          .join(' and ')}, but no base and current figures are stored to check them against`,
      });
      continue;
    }
    if (printed.difference !== null) {
      findings.push(fromCheck('stated comparison', checkStatedDifference(label, base, current, printed.difference)));
    }
    if (printed.changePercent !== null) {
      findings.push(
        fromCheck('stated comparison', checkStatedPercentChange(label, base, current, printed.changePercent)),
      );
    }
  }

  // A stored total for an area (a county) against the sum of its parts, for counts,
  // where every part of one kind (every police area) has a figure.
  for (const indicator of indicators.filter((i) => i.unit === 'count' || i.unit === 'money')) {
    for (const period of periods) {
      for (const parent of areas) {
        const total = valueOf.get(`${indicator.id}:${parent.id}:${period.id}`);
        if (total === undefined) continue;
        const children = areas.filter((area) => area.parentId === parent.id);
        for (const kind of new Set(children.map((child) => child.kind))) {
          const parts = children
            .filter((child) => child.kind === kind)
            .map((child) => valueOf.get(`${indicator.id}:${child.id}:${period.id}`));
          if (parts.some((part) => part === undefined)) continue;
          findings.push(
            fromCheck(
              'area total',
              checkStatedTotal(
                `${indicator.name}, ${parent.name}, ${period.label} (sum of ${kind}s)`,
                parts as number[],
                total,
              ),
            ),
          );
        }
      }
    }
  }
  return { corrupt: false, findings };
}
