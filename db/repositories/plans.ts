import type { Activity, Plan, Priority } from '../../shared/model';
import type { Db } from '../schema/database';
import type { ActivityRow, PlanRow, PriorityRow } from '../schema/plan.table';
import { engineOf } from '../engine';

function toPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    version: row.version,
    key: row.key,
    title: row.title,
    areaId: row.areaId,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    approvedOn: row.approvedOn,
    approvedBy: row.approvedBy,
  };
}

function toPriority(row: PriorityRow): Priority {
  return {
    id: row.id,
    version: row.version,
    planId: row.planId,
    position: row.position,
    ref: row.ref,
    printedRef: row.printedRef,
    title: row.title,
    summary: row.summary,
    sponsor: row.sponsor,
  };
}

function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    version: row.version,
    priorityId: row.priorityId,
    position: row.position,
    challenge: row.challenge,
    activity: row.activity,
    desiredOutcome: row.desiredOutcome,
    specificMeasure: row.specificMeasure,
    globalIndicator: row.globalIndicator,
    lead: row.lead,
    status: row.status,
  };
}

/** Plans, newest first. */
export async function listPlans(db: Db): Promise<Plan[]> {
  const rows = await db
    .selectFrom('plan')
    .selectAll()
    .orderBy('startDate', 'desc')
    .orderBy(engineOf(db).byteOrder('key'))
    .execute();
  return rows.map(toPlan);
}

export async function listPriorities(db: Db, planId: number): Promise<Priority[]> {
  const rows = await db.selectFrom('priority').selectAll().where('planId', '=', planId).orderBy('position').execute();
  return rows.map(toPriority);
}

export async function listActivities(db: Db, priorityId: number): Promise<Activity[]> {
  const rows = await db
    .selectFrom('activity')
    .selectAll()
    .where('priorityId', '=', priorityId)
    .orderBy('position')
    .execute();
  return rows.map(toActivity);
}
