import { fileURLToPath } from 'node:url';
import type { Kysely, Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import { normaliseName } from '../../shared/names';
import type { Database } from '../schema/database';
import { recordChanges, type Writer } from '../repositories/change-log';
import { upsertFigures } from '../repositories/figures';
import { loadDemoMeetings } from './load-demo-meetings';
import { readDemoFiles, type DemoFiles } from './read-demo-files';

/** The demo dataset shipped with the app: the two Buckinghamshire documents. */
export const DEMO_DIR = fileURLToPath(new URL('../../resources/demo/', import.meta.url));

export interface DemoSummary {
  readonly plans: number;
  readonly priorities: number;
  readonly activities: number;
  readonly figures: number;
}

/** Name → id, matched as people type names; the where of a miss names the file. */
class Lookup {
  private readonly ids = new Map<string, number>();
  constructor(private readonly what: string) {}

  add(name: string, id: number): void {
    const key = normaliseName(name);
    if (this.ids.has(key)) throw new BoardpackError('conflict', `${this.what} "${name}" is listed twice`);
    this.ids.set(key, id);
  }

  get(name: string, file: string, row?: number, column?: string): number {
    const id = this.ids.get(normaliseName(name));
    if (id === undefined) {
      throw new BoardpackError('not-found', `unknown ${this.what} "${name}"`, {
        file,
        ...(row === undefined ? {} : { row }),
        ...(column === undefined ? {} : { column }),
      });
    }
    return id;
  }
}

/**
 * Loads the demo dataset into an empty database, in one transaction: either all
 * of it is there afterwards or none of it.
 */
export async function loadDemoDataset(
  db: Kysely<Database>,
  writer: Writer,
  dir: string = DEMO_DIR,
): Promise<DemoSummary> {
  const files = readDemoFiles(dir);
  return db.transaction().execute((trx) => loadFiles(trx, writer, files));
}

async function loadFiles(trx: Transaction<Database>, writer: Writer, files: DemoFiles): Promise<DemoSummary> {
  const existing = await trx.selectFrom('plan').select('id').limit(1).execute();
  if (existing.length > 0) {
    throw new BoardpackError('conflict', 'the demo dataset can only be loaded into an empty database');
  }

  const areas = new Lookup('area');
  for (const area of files.areas) {
    const parentId = area.parent === undefined ? null : areas.get(area.parent, 'areas.json');
    const { id } = await trx
      .insertInto('area')
      .values({ name: area.name, kind: area.kind, parentId, code: area.code ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    areas.add(area.name, id);
    for (const alias of area.aliases) {
      await trx.insertInto('areaAlias').values({ alias, areaId: id }).execute();
      areas.add(alias, id);
    }
  }
  for (const area of files.areas) {
    let position = 0;
    for (const comparator of area.comparators) {
      position += 1;
      await trx
        .insertInto('areaComparator')
        .values({
          areaId: areas.get(area.name, 'areas.json'),
          comparatorId: areas.get(comparator, 'areas.json'),
          position,
        })
        .execute();
    }
  }

  const periods = new Lookup('period');
  for (const period of files.periods) {
    const { id } = await trx
      .insertInto('period')
      .values({
        label: period.label,
        kind: period.kind,
        startDate: period.start,
        endDate: period.end,
        note: period.note ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    periods.add(period.label, id);
  }

  const partnership = files.partnership;
  await trx
    .insertInto('partnership')
    .values({
      name: partnership.name,
      shortName: partnership.shortName,
      areaId: areas.get(partnership.area, 'partnership.json'),
    })
    .execute();
  const partners = new Lookup('partner');
  for (const partner of partnership.partners) {
    const { id } = await trx
      .insertInto('partner')
      .values({
        name: partner.name,
        shortName: partner.shortName ?? null,
        kind: partner.kind,
        boardMember: partner.boardMemberOf.length > 0 ? 1 : 0,
        source: partner.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    partners.add(partner.name, id);
  }
  for (const person of partnership.people) {
    await trx
      .insertInto('person')
      .values({
        name: person.name,
        role: person.role,
        partnerId: person.partner === undefined ? null : partners.get(person.partner, 'partnership.json'),
        source: person.source,
      })
      .execute();
  }

  const plans = new Lookup('plan');
  const priorities = new Lookup('priority');
  let priorityCount = 0;
  let activityCount = 0;
  const now = writer.now();
  for (const plan of files.plans) {
    const file = `plans/${plan.key}.json`;
    const { id: planId } = await trx
      .insertInto('plan')
      .values({
        key: plan.key,
        title: plan.title,
        areaId: areas.get(plan.area, file),
        startDate: plan.start,
        endDate: plan.end,
        status: plan.status,
        approvedOn: plan.approvedOn ?? null,
        approvedBy: plan.approvedBy ?? null,
        source: plan.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    plans.add(plan.key, planId);
    let position = 0;
    for (const priority of plan.priorities) {
      position += 1;
      const { id: priorityId } = await trx
        .insertInto('priority')
        .values({
          planId,
          position,
          ref: priority.ref,
          printedRef: priority.printedRef ?? null,
          title: priority.title,
          summary: priority.summary ?? null,
          sponsor: priority.sponsor ?? null,
          source: priority.source,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      priorities.add(`${plan.key} ${priority.ref}`, priorityId);
      priorityCount += 1;
      let activityPosition = 0;
      for (const activity of priority.activities) {
        activityPosition += 1;
        await trx
          .insertInto('activity')
          .values({
            priorityId,
            position: activityPosition,
            challenge: activity.challenge ?? null,
            activity: activity.activity,
            desiredOutcome: activity.desiredOutcome ?? null,
            specificMeasure: activity.specificMeasure ?? null,
            globalIndicator: activity.globalIndicator ?? null,
            lead: activity.lead ?? null,
            status: activity.status ?? 'not started',
            source: activity.source,
          })
          .execute();
        activityCount += 1;
      }
      for (const update of priority.progress) {
        await trx
          .insertInto('progressUpdate')
          .values({
            priorityId,
            activityId: null,
            periodId: periods.get(update.period, file),
            text: update.text,
            author: update.author ?? null,
            createdAt: now,
            source: update.source,
          })
          .execute();
      }
    }
  }

  for (const group of files.deliveryGroups) {
    const { id } = await trx
      .insertInto('deliveryGroup')
      .values({
        name: group.name,
        purpose: group.purpose,
        cadence: group.cadence ?? null,
        lead: group.lead ?? null,
        source: group.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const priority of group.priorities) {
      await trx
        .insertInto('deliveryGroupPriority')
        .values({ deliveryGroupId: id, priorityId: priorities.get(priority, 'delivery-groups.json') })
        .execute();
    }
  }

  const indicators = new Lookup('indicator');
  for (const indicator of files.indicators) {
    const { id } = await trx
      .insertInto('indicator')
      .values({
        name: indicator.name,
        unit: indicator.unit,
        ratePer: indicator.ratePer ?? null,
        denominator: indicator.denominator ?? null,
        polarity: indicator.polarity,
        source: indicator.source,
        definition: indicator.definition,
        partnerId: indicator.owner === undefined ? null : partners.get(indicator.owner, 'indicators.json'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    indicators.add(indicator.name, id);
    for (const priority of indicator.priorities) {
      await trx
        .insertInto('indicatorPriority')
        .values({ indicatorId: id, priorityId: priorities.get(priority, 'indicators.json') })
        .execute();
    }
  }

  const figures = files.figures.map((figure, index) => ({
    indicatorId: indicators.get(figure.indicator, 'figures.csv', index + 2, 'indicator'),
    areaId: areas.get(figure.area, 'figures.csv', index + 2, 'area'),
    periodId: periods.get(figure.period, 'figures.csv', index + 2, 'period'),
    value: figure.value,
    provisional: figure.provisional,
    source: figure.source,
    note: figure.note,
  }));
  await upsertFigures(trx, writer, figures);

  for (const [index, stated] of files.statedComparisons.entries()) {
    const at = (column: string) => [`stated-comparisons.csv`, index + 2, column] as const;
    await trx
      .insertInto('statedComparison')
      .values({
        indicatorId: indicators.get(stated.indicator, ...at('indicator')),
        areaId: areas.get(stated.area, ...at('area')),
        basePeriodId: periods.get(stated.base, ...at('base')),
        currentPeriodId: periods.get(stated.current, ...at('current')),
        difference: stated.difference,
        changePercent: stated.change_percent,
        source: stated.source,
      })
      .execute();
  }

  for (const [index, target] of files.targets.entries()) {
    const at = (column: string) => ['targets.csv', index + 2, column] as const;
    await trx
      .insertInto('target')
      .values({
        indicatorId: indicators.get(target.indicator, ...at('indicator')),
        areaId: areas.get(target.area, ...at('area')),
        periodId: periods.get(target.period, ...at('period')),
        basePeriodId: target.base === null ? null : periods.get(target.base, ...at('base')),
        kind: target.kind,
        value: target.value,
        note: target.note,
        source: target.source,
      })
      .execute();
  }

  for (const [index, population] of files.populations.entries()) {
    await trx
      .insertInto('population')
      .values({
        areaId: areas.get(population.area, 'populations.csv', index + 2, 'area'),
        year: population.year,
        residents: population.residents,
        households: population.households,
        source: population.source,
      })
      .execute();
  }

  for (const line of files.funding.lines) {
    await trx
      .insertInto('fundingLine')
      .values({
        planId: plans.get(line.plan, 'funding.json'),
        year: line.year,
        priorityId: priorities.get(line.priority, 'funding.json'),
        activityId: null,
        description: line.activity,
        amountPence: line.amount,
        fundingSource: line.fundingSource,
        confirmed: line.confirmed ? 1 : 0,
        note: line.note ?? null,
        source: line.source,
      })
      .execute();
  }
  for (const total of files.funding.statedTotals) {
    const { id } = await trx
      .insertInto('statedTotal')
      .values({
        planId: plans.get(total.plan, 'funding.json'),
        year: total.year,
        label: total.label,
        fundingSource: total.fundingSource,
        amountPence: total.amount,
        source: total.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const covered of total.covers) {
      await trx.insertInto('statedTotalSource').values({ statedTotalId: id, fundingSource: covered }).execute();
    }
  }
  for (const grant of files.funding.grants) {
    await trx
      .insertInto('grantAward')
      .values({
        funder: grant.funder,
        recipient: grant.recipient,
        year: grant.year,
        amountPence: grant.amount,
        purpose: grant.purpose,
        statedChangePercent: grant.statedChangePercent ?? null,
        statedChangePence: grant.statedChange ?? null,
        source: grant.source,
      })
      .execute();
  }

  for (const term of files.glossary) {
    await trx.insertInto('glossaryTerm').values(term).execute();
  }

  for (const [index, action] of files.actions.entries()) {
    await trx
      .insertInto('action')
      .values({
        meetingId: null,
        agendaItemId: null,
        priorityId: priorities.get(action.priority, 'actions.csv', index + 2, 'priority'),
        description: action.description,
        owner: action.owner,
        dueOn: action.due,
        status: action.status,
        createdAt: now,
        closedOn: null,
        source: action.source,
      })
      .execute();
  }

  await loadDemoMeetings(trx, writer, files, {
    indicator: (name, file, row) => indicators.get(name, file, row),
    area: (name, file, row) => areas.get(name, file, row),
    period: (name, file, row) => periods.get(name, file, row),
    priority: (name, file, row) => priorities.get(name, file, row),
    plan: (key, file, row) => plans.get(key, file, row),
  });

  await recordChanges(trx, writer, [
    { table: 'partnership', rowId: 'demo', operation: 'insert', old: null, new: { loaded: 'demo dataset' } },
  ]);
  return { plans: files.plans.length, priorities: priorityCount, activities: activityCount, figures: figures.length };
}
