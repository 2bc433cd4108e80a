import type { Generated, Insertable, Selectable } from 'kysely';
import type {
  ActionStatus,
  AgendaItemKind,
  AnnotationKind,
  IsoDate,
  IsoDateTime,
  Marking,
  Rag,
} from '../../shared/domain';

export interface MeetingTable {
  id: Generated<number>;
  title: string;
  heldOn: IsoDate;
  periodId: number | null;
  venue: string | null;
  marking: Marking;
  createdAt: IsoDateTime;
  /** The board that meets (migration 0005); the partnership's board when null. */
  board: string | null;
  /** "10:00" (migration 0005). */
  startsAt: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

/** Who attends a meeting and who sends apologies, in the order the cover lists them (migration 0005). */
export interface MeetingPersonTable {
  id: Generated<number>;
  meetingId: number;
  attendance: 'attending' | 'apologies';
  position: number;
  name: string;
  role: string | null;
}

/** A partner's PDF kept in the database, never changed once added (migration 0005). */
export interface AttachmentTable {
  id: Generated<number>;
  title: string;
  fileName: string;
  pages: number;
  bytes: number;
  sha256: string;
  blob: Uint8Array;
  createdAt: IsoDateTime;
}

export interface AgendaItemTable {
  id: Generated<number>;
  meetingId: number;
  position: number;
  kind: AgendaItemKind;
  title: string;
  presenter: string | null;
  minutes: number | null;
  /** The item's content as JSON, shaped by its kind. */
  content: string;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

/** An issued pack: its data frozen as a numbered version. */
export interface PackVersionTable {
  id: Generated<number>;
  meetingId: number;
  number: number;
  issuedAt: IsoDateTime;
  snapshot: string;
  /** Who issued it (migration 0005). */
  issuedBy: Generated<string>;
  /** The PackDocument format the snapshot was built with (migration 0005). */
  format: Generated<number>;
}

export interface AnnotationTable {
  /** A UUID, so notes made on another machine keep their identity. */
  id: string;
  meetingId: number;
  packVersionId: number | null;
  targetKind: string;
  targetRef: string;
  author: string;
  kind: AnnotationKind;
  rag: Rag | null;
  text: string;
  /** 1 when shared with the secretary, 0 when private to its author. */
  shared: number;
  /** 1 once resolved. */
  resolved: number;
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** The version last exchanged with a reviewer's file; null for a note never exchanged (migration 0006). */
  syncedVersion: number | null;
  /** On the incoming copy of a note edited on both sides: the local note it conflicts with (migration 0006). */
  conflictOf: string | null;
  /** On a note edited here that its author deleted: the version they deleted (migration 0006). */
  conflictDeletedVersion: number | null;
}

export interface ActionTable {
  id: Generated<number>;
  meetingId: number | null;
  agendaItemId: number | null;
  priorityId: number | null;
  description: string;
  owner: string | null;
  dueOn: IsoDate | null;
  status: ActionStatus;
  createdAt: IsoDateTime;
  closedOn: IsoDate | null;
  source: string | null;
  /** The partner who owns it, when the owner is one (migration 0007); `owner` keeps the name. */
  ownerPartnerId: Generated<number | null>;
  /** The person who owns it, when the owner is one (migration 0007); `owner` keeps the name. */
  ownerPersonId: Generated<number | null>;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export type MeetingRow = Selectable<MeetingTable>;
export type NewMeeting = Insertable<MeetingTable>;
export type MeetingPersonRow = Selectable<MeetingPersonTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type PackVersionRow = Selectable<PackVersionTable>;
export type AgendaItemRow = Selectable<AgendaItemTable>;
export type NewAgendaItem = Insertable<AgendaItemTable>;
export type AnnotationRow = Selectable<AnnotationTable>;
export type ActionRow = Selectable<ActionTable>;
export type NewAction = Insertable<ActionTable>;
