import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../../../../db/demo/load-demo';
import type { Database } from '../../../../db/schema/database';
import { localWriter } from '../../../../db/writer';
import { suiteDatabase } from '../../../helpers/temp-files';

/**
 * Reads a freshly loaded demo database back and checks it against the two source
 * documents in ../shared/seeds/: numbers, names, and the links between them.
 */
let db: Kysely<Database>;

beforeAll(async () => {
  db = (await suiteDatabase()).db;
  await loadDemoDataset(db, localWriter('test'));
});

async function figure(indicator: string, area: string, period: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('figure')
    .innerJoin('indicator', 'indicator.id', 'figure.indicatorId')
    .innerJoin('area', 'area.id', 'figure.areaId')
    .innerJoin('period', 'period.id', 'figure.periodId')
    .select('figure.value')
    .where('indicator.name', '=', indicator)
    .where('area.name', '=', area)
    .where('period.label', '=', period)
    .executeTakeFirst();
  return row?.value;
}

async function priorities(planKey: string) {
  return db
    .selectFrom('priority')
    .innerJoin('plan', 'plan.id', 'priority.planId')
    .select(['priority.id', 'priority.ref', 'priority.printedRef', 'priority.title', 'priority.sponsor'])
    .where('plan.key', '=', planKey)
    .orderBy('priority.position')
    .execute();
}

/** Which delivery group delivers which priority of a plan. */
async function deliveryGroupLinks(planKey: string) {
  return db
    .selectFrom('deliveryGroupPriority')
    .innerJoin('deliveryGroup', 'deliveryGroup.id', 'deliveryGroupPriority.deliveryGroupId')
    .innerJoin('priority', 'priority.id', 'deliveryGroupPriority.priorityId')
    .innerJoin('plan', 'plan.id', 'priority.planId')
    .select(['deliveryGroup.name', 'priority.ref'])
    .where('plan.key', '=', planKey)
    .execute();
}

async function activitiesOf(planKey: string, ref: string) {
  return db
    .selectFrom('activity')
    .innerJoin('priority', 'priority.id', 'activity.priorityId')
    .innerJoin('plan', 'plan.id', 'priority.planId')
    .selectAll('activity')
    .where('plan.key', '=', planKey)
    .where('priority.ref', '=', ref)
    .orderBy('activity.position')
    .execute();
}

describe('the demo dataset: the Safer Bucks Plan 2014-15', () => {
  it.each([
    ['Violence against the person', 'Aylesbury', 976, 1074],
    ['Violence against the person', 'Chiltern & South Bucks', 720, 684],
    ['Violence against the person', 'Wycombe', 1003, 994],
    ['Violence against the person', 'Buckinghamshire', 2699, 2752],
    ['Domestic burglary', 'Aylesbury', 260, 236],
    ['Domestic burglary', 'Chiltern & South Bucks', 481, 449],
    ['Domestic burglary', 'Wycombe', 367, 201],
    ['Domestic burglary', 'Buckinghamshire', 1108, 886],
  ])('holds %s in %s: %i in Apr-Dec 2012 and %i in Apr-Dec 2013', async (indicator, area, base, current) => {
    expect(await figure(indicator, area, 'Apr-Dec 2012')).toBe(base);
    expect(await figure(indicator, area, 'Apr-Dec 2013')).toBe(current);
  });

  it('keeps the printed Wycombe burglary difference of -116 as a stated figure, not as data', async () => {
    const stated = await db
      .selectFrom('statedComparison')
      .innerJoin('area', 'area.id', 'statedComparison.areaId')
      .innerJoin('indicator', 'indicator.id', 'statedComparison.indicatorId')
      .select(['statedComparison.difference', 'statedComparison.changePercent'])
      .where('area.name', '=', 'Wycombe')
      .where('indicator.name', '=', 'Domestic burglary')
      .executeTakeFirstOrThrow();
    expect(stated).toEqual({ difference: -116, changePercent: -45 });
  });

  it('sets the burglary target of a 2% decrease on the county, measured from Apr-Dec 2012', async () => {
    const target = await db
      .selectFrom('target')
      .innerJoin('area', 'area.id', 'target.areaId')
      .innerJoin('period as base', 'base.id', 'target.basePeriodId')
      .innerJoin('period as current', 'current.id', 'target.periodId')
      .select(['target.kind', 'target.value', 'area.name', 'base.label as base', 'current.label as current'])
      .executeTakeFirstOrThrow();
    expect(target).toEqual({
      kind: 'percent change',
      value: -2,
      name: 'Buckinghamshire',
      base: 'Apr-Dec 2012',
      current: 'Apr-Dec 2013',
    });
  });

  it('knows the county by the name the tables print, "Total Bucks"', async () => {
    const alias = await db
      .selectFrom('areaAlias')
      .innerJoin('area', 'area.id', 'areaAlias.areaId')
      .select('area.name')
      .where('areaAlias.alias', '=', 'Total Bucks')
      .executeTakeFirstOrThrow();
    expect(alias.name).toBe('Buckinghamshire');
  });

  it('lists the seven 2013/14 countywide priorities in order', async () => {
    const rows = await priorities('sbp-2013-14');
    expect(rows.map((row) => row.title)).toEqual([
      'Reducing violence both in a community and a domestic setting',
      'Reducing acquisitive crime and reoffending',
      'Reducing anti-social behaviour',
      'Tackling the negative impact of drug and alcohol misuse',
      'Addressing concerns and issues related to gangs',
      'Dealing with concerns around hate crime reporting, rogue traders, sexual exploitation of children',
      'Achieving better cohesion in communities',
    ]);
  });

  it('numbers the eight 2014/15 priorities 6.1 to 6.8 and keeps the misprinted 5.x numbers', async () => {
    const rows = await priorities('sbp-2014-15');
    expect(rows.map((row) => row.ref)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8']);
    expect(rows.map((row) => row.printedRef)).toEqual([null, '5.2', null, null, '5.5', '5.6', '5.7', '5.8']);
    expect(rows[0]?.title).toBe('Reducing violence');
    expect(rows[7]?.title).toBe('Protecting the vulnerable');
  });

  it('holds each bullet of 6.1 Reducing violence as an activity', async () => {
    const activities = await activitiesOf('sbp-2014-15', '6.1');
    expect(activities.map((activity) => activity.activity)).toEqual(
      expect.arrayContaining([
        'Work with partners to reduce night time economy violence against the person',
        'Support the commissioning and development of interventions for perpetrators',
        'Setting up of structures to jointly commission domestic violence interventions.',
      ]),
    );
  });

  it('holds every row of Appendix 2 "Measures of success" with its five columns', async () => {
    const rows = await db.selectFrom('activity').selectAll().where('challenge', 'is not', null).orderBy('id').execute();
    expect(rows).toHaveLength(15);
    const marac = rows.find((row) => row.activity === 'Support continuation of effective MARAC IDVAs');
    expect(marac).toMatchObject({
      challenge: 'Reduce violence',
      desiredOutcome:
        'Increase safety of high risk DV victims by co-ordinating delivery of support plan in partnership',
      specificMeasure: 'Reduce the assessed level of risk of high risk DV victims managed through the MARAC',
      globalIndicator: 'Reduction in violence against the person',
    });
    const iom = rows.find((row) =>
      row.activity.startsWith('Partnership capacity and support for Integrated Offender Management'),
    );
    expect(iom).toMatchObject({
      specificMeasure: 'Reduced reoffending of IOM cohort',
      globalIndicator: 'Reduction in acquisitive crime',
    });
    const volunteers = rows.find((row) => row.activity.startsWith('Work with voluntary sector'));
    expect(volunteers?.globalIndicator).toBe(
      'An increase in the number of volunteers active in improving their local communities',
    );
  });

  it('files each Appendix 2 challenge under the priority it belongs to', async () => {
    const challengeToRef = await db
      .selectFrom('activity')
      .innerJoin('priority', 'priority.id', 'activity.priorityId')
      .select(['activity.challenge', 'priority.ref'])
      .where('activity.challenge', 'is not', null)
      .distinct()
      .execute();
    expect(challengeToRef).toEqual(
      expect.arrayContaining([
        { challenge: 'Reduce violence', ref: '6.1' },
        { challenge: 'Reducing anti-social behaviour', ref: '6.3' },
        { challenge: 'Building community capacity', ref: '6.7' },
      ]),
    );
  });

  it('holds the Appendix 1 district partnership priorities of all four districts', async () => {
    const plans = await db
      .selectFrom('plan')
      .innerJoin('area', 'area.id', 'plan.areaId')
      .select(['plan.key', 'area.name', 'area.kind'])
      .where('area.kind', '=', 'district')
      .orderBy('area.name')
      .execute();
    expect(plans.map((plan) => plan.name)).toEqual([
      'Aylesbury Vale District',
      'Chiltern District',
      'South Bucks District',
      'Wycombe District',
    ]);
    const southBucks = await priorities('south-bucks-csp-2013-14');
    expect(southBucks).toHaveLength(6);
    expect(southBucks[0]?.title).toBe('Reduce burglary');
    expect(southBucks[5]?.title).toMatch(/casualties occurring on our roads/);
    const aylesburyVale = await priorities('av-csp-2013-14');
    expect(aylesburyVale[0]?.title).toBe('Safe and secure town centres');
  });

  it('links the 2014/15 strategy groups to the priorities they deliver', async () => {
    const links = await deliveryGroupLinks('sbp-2014-15');
    expect(links).toEqual(
      expect.arrayContaining([
        { name: 'Domestic and Community Violence Strategy Group', ref: '6.1' },
        { name: 'Reducing Re-offending Strategy Group', ref: '6.2' },
        { name: 'Anti-social Behaviour Steering Group', ref: '6.3' },
        { name: 'Drug and Alcohol Action Team, Joint Commissioning Advisory Group', ref: '6.4' },
      ]),
    );
  });

  it('holds every 2014/15 spending line in pence, with the stated totals beside them', async () => {
    const lines = await db.selectFrom('fundingLine').select(['amountPence', 'fundingSource']).execute();
    const sum = (sources: string[]) =>
      lines.filter((line) => sources.includes(line.fundingSource)).reduce((total, line) => total + line.amountPence, 0);
    expect(sum(['CSF/PCC'])).toBe(50_100_000);
    expect(sum(['BCC', 'BCC Trading Standards'])).toBe(27_700_000);
    expect(lines.find((line) => line.fundingSource === 'CADEX')?.amountPence).toBe(30_000_000);
    const totals = await db.selectFrom('statedTotal').select(['fundingSource', 'amountPence']).orderBy('id').execute();
    expect(totals).toEqual([
      { fundingSource: 'BCC', amountPence: 24_600_000 },
      { fundingSource: 'PCC', amountPence: 50_100_000 },
    ]);
  });

  it('holds the PCC allocation of £501,717 for 2014/15 and its stated 6.14% (£32,800) reduction', async () => {
    const grant = await db
      .selectFrom('grantAward')
      .selectAll()
      .where('year', '=', '2014/15')
      .where('funder', 'like', '%Police and Crime Commissioner%')
      .executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ amountPence: 50_171_700, statedChangePercent: -6.14, statedChangePence: -3_280_000 });
  });

  it('holds IDVA clients: 347 in 2012/13 and 438 in the first three quarters of 2013/14', async () => {
    expect(await figure('IDVA clients supported', 'Buckinghamshire', '2012/13')).toBe(347);
    expect(await figure('IDVA clients supported', 'Buckinghamshire', 'Apr-Dec 2013')).toBe(438);
  });

  it('holds the mid-2012 population estimate of 511,500', async () => {
    const population = await db
      .selectFrom('population')
      .innerJoin('area', 'area.id', 'population.areaId')
      .select(['population.residents', 'population.year'])
      .where('area.name', '=', 'Buckinghamshire')
      .executeTakeFirstOrThrow();
    expect(population).toEqual({ residents: 511_500, year: 2012 });
  });

  it('holds the whole glossary, IDVA and SSBPB among it', async () => {
    const terms = await db.selectFrom('glossaryTerm').selectAll().execute();
    const definition = (term: string) => terms.find((entry) => entry.term === term)?.definition;
    expect(definition('IDVA')).toBe('Independent Domestic Violence Advocate');
    expect(definition('SSBPB')).toBe('Safer and Stronger Bucks Partnership Board');
    expect(definition('GMAP')).toBe('Gangs Multi Agency Panel');
    for (const term of ['ASB', 'CAADA', 'CSF', 'CSP', 'DAAT', 'DV', 'DVA', 'IOM', 'LPA', 'MARAC', 'NPS', 'PCC']) {
      expect(definition(term), term).toBeDefined();
    }
  });
});

describe('the demo dataset: the Safer Buckinghamshire Board Annual Report 2021/22', () => {
  it('holds the six partners on the board', async () => {
    const partners = await db.selectFrom('partner').select('name').where('boardMember', '=', 1).orderBy('id').execute();
    expect(partners.map((partner) => partner.name)).toEqual([
      'Buckinghamshire Council',
      'Thames Valley Police',
      'Buckinghamshire & Milton Keynes Fire and Rescue Service',
      'Buckinghamshire Clinical Commissioning Group',
      'National Probation Service – Buckinghamshire & Oxfordshire',
      'Office of the Police and Crime Commissioner',
    ]);
  });

  it('holds the five 2020-23 priorities, each with its Priority Sponsor role', async () => {
    const rows = await priorities('sbp-2020-23');
    expect(rows.map((row) => row.ref)).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[0]?.title).toMatch(/^Building community resilience/);
    expect(rows[3]?.title).toMatch(/^Tackling domestic violence and abuse/);
    expect(rows.every((row) => row.sponsor?.startsWith('Priority Sponsor'))).toBe(true);
  });

  it.each([
    ['Anti-social behaviour rate', ['9.6', '9.5', '9.1', '8.0'], 19.4, 15.8],
    ['Burglary rate', ['11.8', '11.7', '7.8', '6.7'], 9, 8],
    ['Drug crime rate', ['1.6', '1.7', '2.3', '2.0'], 2.6, 2.3],
    ['Robbery rate', ['0.5', '0.5', '0.3', '0.3'], 0.9, 0.5],
    ['Vehicle crime rate', ['6.6', '6.7', '5.0', '5.3'], 5, 4.6],
    ['Violent and sexual offences rate', ['17.4', '18.9', '21.9', '26.3'], 31.6, 34.9],
  ])(
    'holds the %s for 2018/19 to 2021/22 and England and South East for 2021/22',
    async (indicator, years, england, southEast) => {
      const periods = ['2018/19', '2019/20', '2020/21', '2021/22'];
      for (const [index, period] of periods.entries()) {
        expect(await figure(indicator, 'Buckinghamshire', period), period).toBe(Number(years[index]));
      }
      expect(await figure(indicator, 'England', '2021/22')).toBe(england);
      expect(await figure(indicator, 'South East', '2021/22')).toBe(southEast);
    },
  );

  it('measures burglary per 1,000 households and the other crime rates per 1,000 residents', async () => {
    const rates = await db
      .selectFrom('indicator')
      .select(['name', 'ratePer', 'denominator'])
      .where('unit', '=', 'rate')
      .execute();
    expect(rates.find((rate) => rate.name === 'Burglary rate')).toMatchObject({
      ratePer: 1000,
      denominator: 'households',
    });
    expect(rates.find((rate) => rate.name === 'Robbery rate')).toMatchObject({
      ratePer: 1000,
      denominator: 'residents',
    });
  });

  it('compares Buckinghamshire with England, then South East', async () => {
    const comparators = await db
      .selectFrom('areaComparator')
      .innerJoin('area as subject', 'subject.id', 'areaComparator.areaId')
      .innerJoin('area as comparator', 'comparator.id', 'areaComparator.comparatorId')
      .select(['subject.name as subject', 'comparator.name as comparator'])
      .orderBy('areaComparator.position')
      .execute();
    expect(comparators).toEqual([
      { subject: 'Buckinghamshire', comparator: 'England' },
      { subject: 'Buckinghamshire', comparator: 'South East' },
    ]);
  });

  it('holds the 2021 survey concerns as percentages, with 2020 where the report gives it', async () => {
    expect(await figure('Concern about fraud/scams (including online)', 'Buckinghamshire', 'Survey 2021')).toBe(69);
    expect(await figure('Concern about speeding', 'Buckinghamshire', 'Survey 2021')).toBe(77);
    expect(await figure('Concern about criminal damage', 'Buckinghamshire', 'Survey 2020')).toBe(36);
    expect(await figure('Concern about criminal damage', 'Buckinghamshire', 'Survey 2021')).toBe(43);
    expect(await figure('Concern about robbery', 'Buckinghamshire', 'Survey 2020')).toBe(36);
    expect(await figure('Concern about robbery', 'Buckinghamshire', 'Survey 2021')).toBe(30);
    expect(await figure('Concern about begging and vagrancy', 'Buckinghamshire', 'Survey 2020')).toBe(34);
    expect(await figure('Survey responses', 'Buckinghamshire', 'Survey 2021')).toBe(1041);
    const unit = await db
      .selectFrom('indicator')
      .select('unit')
      .where('name', '=', 'Concern about robbery')
      .executeTakeFirstOrThrow();
    expect(unit.unit).toBe('percent');
  });

  it('holds first-time entrants per 100,000: 153 then 132', async () => {
    expect(await figure('First time entrants rate', 'Buckinghamshire', 'Oct 2019-Sep 2020')).toBe(153);
    expect(await figure('First time entrants rate', 'Buckinghamshire', 'Oct 2020-Sep 2021')).toBe(132);
  });

  it.each([
    ['Street Warden incidents dealt with', 1600, '1'],
    ['Knives handed in at the Aylesbury Knife Amnesty bin', 295, '2'],
    ['Blue Light pathway clients', 14, '3'],
    ['Trained Domestic Abuse Champions', 441, '4'],
    ['IDVA referrals', 277, '4'],
    ['Young people engaged with YOS Youth Workers', 177, '5'],
    ['RESET ex-offenders supported into accommodation', 21, '5'],
  ])('holds the outcome "%s" (%i) under priority %s', async (indicator, value, ref) => {
    const row = await db
      .selectFrom('figure')
      .innerJoin('indicator', 'indicator.id', 'figure.indicatorId')
      .innerJoin('indicatorPriority', 'indicatorPriority.indicatorId', 'indicator.id')
      .innerJoin('priority', 'priority.id', 'indicatorPriority.priorityId')
      .innerJoin('plan', 'plan.id', 'priority.planId')
      .select(['figure.value', 'priority.ref'])
      .where('indicator.name', '=', indicator)
      .where('plan.key', '=', 'sbp-2020-23')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ value, ref });
  });

  it('links the 2021/22 delivery groups to the priorities they deliver', async () => {
    const links = await deliveryGroupLinks('sbp-2020-23');
    expect(links).toEqual(
      expect.arrayContaining([
        { name: 'Crime and Anti-Social Behaviour Sub-Group', ref: '1' },
        { name: 'Serious Violence Task Force', ref: '2' },
        { name: 'Joint Modern Slavery and Exploitation Sub-Group', ref: '2' },
        { name: 'Drug and Alcohol Strategic Group', ref: '3' },
        { name: 'Domestic Abuse Board', ref: '4' },
      ]),
    );
  });

  it('holds the PCC grants for 2022/23, 2023/24 and 2024/25 and the DA Act allocation', async () => {
    const grants = await db
      .selectFrom('grantAward')
      .select(['year', 'amountPence', 'funder'])
      .orderBy('year')
      .execute();
    const pcc = grants.filter(
      (grant) => grant.funder.includes('Police and Crime Commissioner') && grant.year >= '2022/23',
    );
    expect(pcc.map((grant) => [grant.year, grant.amountPence])).toEqual([
      ['2022/23', 43_656_700],
      ['2023/24', 48_613_200],
      ['2024/25', 53_758_500],
    ]);
    expect(grants.some((grant) => grant.year === '2021/22' && grant.amountPence === 85_491_700)).toBe(true);
  });

  it('holds every "What\'s next for 2022/23" action under its priority, open', async () => {
    const actions = await db
      .selectFrom('action')
      .innerJoin('priority', 'priority.id', 'action.priorityId')
      .select(['priority.ref', 'action.description', 'action.status'])
      .execute();
    expect(actions).toHaveLength(18);
    const count = (ref: string) => actions.filter((action) => action.ref === ref).length;
    expect([count('1'), count('2'), count('3'), count('4'), count('5')]).toEqual([4, 3, 3, 5, 3]);
    expect(actions.every((action) => action.status === 'open')).toBe(true);
    expect(actions.map((action) => action.description)).toContain(
      'Commission a Perpetrator programme based on successful pilots e.g. Drive project.',
    );
  });

  it('records the load in the change log', async () => {
    const entries = await db.selectFrom('changeLog').select(['actor', 'tableName']).execute();
    expect(entries.filter((entry) => entry.tableName === 'figure').length).toBeGreaterThanOrEqual(124);
    expect(entries.every((entry) => entry.actor === 'test')).toBe(true);
  });
});

describe('loadDemoDataset', () => {
  it('refuses a database that already holds a plan, and writes nothing', async () => {
    const before = await db
      .selectFrom('figure')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(loadDemoDataset(db, localWriter('test'))).rejects.toMatchObject({ code: 'conflict' });
    const after = await db
      .selectFrom('figure')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
