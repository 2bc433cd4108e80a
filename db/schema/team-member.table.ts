import type { Insertable, Selectable } from 'kysely';
import type { IsoDateTime } from '../../shared/domain';

export type TeamRole = 'secretary' | 'analyst' | 'reader';

/** A login of a team database and what its role lets it do (migration 0009; db/postgres/team-roles.ts). */
export interface TeamMemberTable {
  /** The PostgreSQL role the person logs in as. */
  login: string;
  role: TeamRole;
  /** An analyst's partner: they write the figures of the indicators it owns. Null for the other roles. */
  partnerId: number | null;
  createdAt: IsoDateTime;
}

export type TeamMemberRow = Selectable<TeamMemberTable>;
export type NewTeamMember = Insertable<TeamMemberTable>;
