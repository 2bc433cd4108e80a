import type { Kysely, Transaction } from 'kysely';
import type { ActionUpdateTable } from './action-update.table';
import type { AreaAliasTable, AreaComparatorTable, AreaTable, PopulationTable } from './area.table';
import type { ChangeLogTable } from './change-log.table';
import type { ComparisonViewTable } from './comparison-view.table';
import type { AnnotationTombstoneTable, DatabaseIdentityTable, PackFileTable } from './exchange.table';
import type { FundingLineTable, GrantAwardTable, StatedTotalSourceTable, StatedTotalTable } from './funding.table';
import type { GlossaryTermTable } from './glossary.table';
import type { ImportMappingTable } from './import-mapping.table';
import type {
  FigureTable,
  IndicatorPriorityTable,
  IndicatorTable,
  StatedComparisonTable,
  TargetTable,
} from './indicator.table';
import type {
  ActionTable,
  AgendaItemTable,
  AnnotationTable,
  AttachmentTable,
  MeetingPersonTable,
  MeetingTable,
  PackVersionTable,
} from './meeting.table';
import type { PartnerTable, PartnershipTable, PersonTable } from './partnership.table';
import type { PeriodTable } from './period.table';
import type { PoliceCountTable, PoliceCrimeTypeTable, PoliceMonthTable } from './police.table';
import type {
  ActivityTable,
  DeliveryGroupPriorityTable,
  DeliveryGroupTable,
  PlanTable,
  PriorityTable,
  ProgressUpdateTable,
} from './plan.table';
import type { TeamMemberTable } from './team-member.table';

/** Every table of a Boardpack database, as Kysely sees it (camelCase; snake_case in SQL). */
export interface Database {
  partnership: PartnershipTable;
  partner: PartnerTable;
  person: PersonTable;
  area: AreaTable;
  areaAlias: AreaAliasTable;
  areaComparator: AreaComparatorTable;
  population: PopulationTable;
  period: PeriodTable;
  plan: PlanTable;
  priority: PriorityTable;
  activity: ActivityTable;
  progressUpdate: ProgressUpdateTable;
  deliveryGroup: DeliveryGroupTable;
  deliveryGroupPriority: DeliveryGroupPriorityTable;
  indicator: IndicatorTable;
  indicatorPriority: IndicatorPriorityTable;
  figure: FigureTable;
  target: TargetTable;
  statedComparison: StatedComparisonTable;
  fundingLine: FundingLineTable;
  statedTotal: StatedTotalTable;
  statedTotalSource: StatedTotalSourceTable;
  grantAward: GrantAwardTable;
  meeting: MeetingTable;
  agendaItem: AgendaItemTable;
  packVersion: PackVersionTable;
  annotation: AnnotationTable;
  annotationTombstone: AnnotationTombstoneTable;
  databaseIdentity: DatabaseIdentityTable;
  packFile: PackFileTable;
  action: ActionTable;
  actionUpdate: ActionUpdateTable;
  glossaryTerm: GlossaryTermTable;
  changeLog: ChangeLogTable;
  policeCrimeType: PoliceCrimeTypeTable;
  policeMonth: PoliceMonthTable;
  policeCount: PoliceCountTable;
  comparisonView: ComparisonViewTable;
  importMapping: ImportMappingTable;
  meetingPerson: MeetingPersonTable;
  attachment: AttachmentTable;
  teamMember: TeamMemberTable;
}

/** A connection or a transaction: repositories work inside either. */
export type Db = Kysely<Database> | Transaction<Database>;
