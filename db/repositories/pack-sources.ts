import type { IsoDate } from '../../shared/domain';
import { BoardpackError } from '../../shared/errors';
import type { Plan, Priority } from '../../shared/model';
import type { Db } from '../schema/database';
import { engineOf } from '../engine';

/**
 * The reads the board pack needs that no other repository makes: a priority
 * with its plan, its progress updates and outcome indicators, the glossary,
 * and the partnership. The actions an action log shows are a meeting's actions
 * (actions.ts listMeetingActions), the list its Actions panel shows.
 */

export interface PriorityWithPlan {
  readonly priority: Priority;
  readonly plan: Pick<Plan, 'id' | 'title' | 'startDate' | 'endDate'>;
}

export async function getPriorityWithPlan(db: Db, priorityId: number): Promise<PriorityWithPlan> {
  const row = await db
    .selectFrom('priority')
    .innerJoin('plan', 'plan.id', 'priority.planId')
    .selectAll('priority')
    .select(['plan.title as planTitle', 'plan.startDate', 'plan.endDate'])
    .where('priority.id', '=', priorityId)
    .executeTakeFirst();
  if (!row) {
    throw new BoardpackError('not-found', `there is no priority #${priorityId}; it may have been deleted`, {
      field: 'priorityId',
    });
  }
  const { planTitle, startDate, endDate, ...priority } = row;
  return {
    priority,
    plan: { id: priority.planId, title: planTitle, startDate, endDate },
  };
}

export interface ProgressEntry {
  readonly text: string;
  readonly author: string | null;
  readonly periodLabel: string;
  readonly periodEnd: IsoDate;
  /** The activity it reports on, or null for the priority as a whole. */
  readonly activity: string | null;
}

/** Progress updates on a priority and on its activities, oldest period first. */
export async function listPriorityProgress(db: Db, priorityId: number): Promise<ProgressEntry[]> {
  const rows = await db
    .selectFrom('progressUpdate')
    .innerJoin('period', 'period.id', 'progressUpdate.periodId')
    .leftJoin('activity', 'activity.id', 'progressUpdate.activityId')
    .select([
      'progressUpdate.text',
      'progressUpdate.author',
      'period.label as periodLabel',
      'period.endDate as periodEnd',
      'activity.activity',
    ])
    .where((eb) =>
      eb.or([eb('progressUpdate.priorityId', '=', priorityId), eb('activity.priorityId', '=', priorityId)]),
    )
    .orderBy('period.endDate')
    .orderBy('progressUpdate.id')
    .execute();
  return rows.map((row) => ({ ...row, activity: row.activity ?? null }));
}

/** The indicators that evidence a priority, by name. */
export async function listPriorityIndicatorIds(db: Db, priorityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('indicatorPriority')
    .innerJoin('indicator', 'indicator.id', 'indicatorPriority.indicatorId')
    .select('indicator.id')
    .where('indicatorPriority.priorityId', '=', priorityId)
    .orderBy(engineOf(db).byteOrder('indicator.name'))
    .execute();
  return rows.map((row) => row.id);
}

/** The periods an indicator has a figure for in an area, ending on or before a date, by end date. */
export async function listFigurePeriodIds(
  db: Db,
  indicatorId: number,
  areaId: number,
  endingBy: IsoDate,
): Promise<number[]> {
  const rows = await db
    .selectFrom('figure')
    .innerJoin('period', 'period.id', 'figure.periodId')
    .select('period.id')
    .where('figure.indicatorId', '=', indicatorId)
    .where('figure.areaId', '=', areaId)
    .where('period.endDate', '<=', endingBy)
    .orderBy('period.endDate')
    .orderBy('period.startDate', 'desc')
    .execute();
  return rows.map((row) => row.id);
}

export async function listGlossaryTerms(db: Db): Promise<{ readonly term: string; readonly definition: string }[]> {
  return db.selectFrom('glossaryTerm').select(['term', 'definition']).orderBy(engineOf(db).byteOrder('term')).execute();
}

export interface PartnershipFacts {
  readonly name: string;
  readonly areaId: number | null;
}

export async function getPartnership(db: Db): Promise<PartnershipFacts> {
  const row = await db.selectFrom('partnership').select(['name', 'areaId']).orderBy('id').executeTakeFirst();
  return row ?? { name: 'Community Safety Partnership', areaId: null };
}
