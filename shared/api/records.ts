import { z } from 'zod';
import {
  ACTIVITY_STATUSES,
  AREA_KINDS,
  PARTNER_KINDS,
  PERIOD_KINDS,
  PLAN_STATUSES,
  POLARITIES,
  RATE_DENOMINATORS,
  UNITS,
} from '../domain';
import { figureValue, id, isoDate, optionalIsoDate, optionalText, pence, position, requiredText } from './fields';

/**
 * The fields of every record the workspace edits. Each entity has a shape (its
 * fields, used whole to create and partly to describe an update) and a schema
 * (the shape plus cross-field rules such as "a period ends after it starts"),
 * which checks a new record and an update merged over the stored row. The
 * renderer validates a cell with the same schema the main process parses with.
 */

const startBeforeEnd = (record: { startDate: string; endDate: string }) => record.startDate <= record.endDate;
const START_BEFORE_END = { message: 'the end date must not be before the start date', path: ['endDate'] };

export const planShape = {
  key: requiredText('key', 60).regex(/^[a-z0-9][a-z0-9-]*$/, 'a key is lower-case letters, digits and hyphens'),
  title: requiredText('title'),
  areaId: id.nullable(),
  startDate: isoDate('start date'),
  endDate: isoDate('end date'),
  status: z.enum(PLAN_STATUSES),
  approvedOn: optionalIsoDate('approved on'),
  approvedBy: optionalText(200),
};
export const planFields = z.object(planShape).refine(startBeforeEnd, START_BEFORE_END);

export const priorityShape = {
  planId: id,
  position,
  ref: requiredText('number', 20),
  printedRef: optionalText(20),
  title: requiredText('title', 1000),
  summary: optionalText(),
  sponsor: optionalText(300),
};
export const priorityFields = z.object(priorityShape);

export const activityShape = {
  priorityId: id,
  position,
  challenge: optionalText(1000),
  activity: requiredText('activity', 2000),
  desiredOutcome: optionalText(2000),
  specificMeasure: optionalText(2000),
  globalIndicator: optionalText(2000),
  lead: optionalText(300),
  status: z.enum(ACTIVITY_STATUSES),
};
export const activityFields = z.object(activityShape);

export const deliveryGroupShape = {
  name: requiredText('name', 300),
  purpose: requiredText('purpose', 5000),
  cadence: optionalText(200),
  lead: optionalText(300),
};
export const deliveryGroupFields = z.object(deliveryGroupShape);

export const partnerShape = {
  name: requiredText('name', 300),
  shortName: optionalText(60),
  kind: z.enum(PARTNER_KINDS),
  boardMember: z.boolean(),
};
export const partnerFields = z.object(partnerShape);

export const personShape = {
  name: optionalText(200),
  role: requiredText('role', 300),
  partnerId: id.nullable(),
};
export const personFields = z.object(personShape);

export const areaShape = {
  name: requiredText('name', 200),
  kind: z.enum(AREA_KINDS),
  parentId: id.nullable(),
  code: optionalText(20),
};
export const areaFields = z.object(areaShape);

export const periodShape = {
  label: requiredText('label', 60),
  kind: z.enum(PERIOD_KINDS),
  startDate: isoDate('start date'),
  endDate: isoDate('end date'),
  note: optionalText(1000),
};
export const periodFields = z.object(periodShape).refine(startBeforeEnd, START_BEFORE_END);

export const indicatorShape = {
  name: requiredText('name', 300),
  unit: z.enum(UNITS),
  ratePer: z.number().int().positive('per must be a positive whole number').nullable(),
  denominator: z.enum(RATE_DENOMINATORS).nullable(),
  polarity: z.enum(POLARITIES),
  source: optionalText(500),
  definition: optionalText(),
  /** The partner that owns the indicator's figures: on a team database its analysts enter them. */
  partnerId: id.nullable(),
};
export const indicatorFields = z
  .object(indicatorShape)
  .refine((indicator) => (indicator.unit === 'rate') === (indicator.ratePer !== null), {
    message: 'a rate needs "per" (1,000 or 100,000); other units have none',
    path: ['ratePer'],
  });

export const figureShape = {
  indicatorId: id,
  areaId: id,
  periodId: id,
  value: figureValue,
  provisional: z.boolean(),
  source: optionalText(500),
  note: optionalText(1000),
};
export const figureFields = z.object(figureShape);

export const fundingLineShape = {
  planId: id,
  year: requiredText('year', 20),
  priorityId: id.nullable(),
  description: requiredText('description', 2000),
  amountPence: pence,
  fundingSource: requiredText('funding source', 100),
  confirmed: z.boolean(),
  note: optionalText(1000),
};
export const fundingLineFields = z.object(fundingLineShape);

export const grantShape = {
  funder: requiredText('funder', 300),
  recipient: requiredText('recipient', 300),
  year: requiredText('year', 20),
  amountPence: pence,
  purpose: requiredText('purpose', 2000),
  statedChangePercent: z.number().finite().nullable(),
  statedChangePence: pence.nullable(),
};
export const grantFields = z.object(grantShape);

export const glossaryShape = {
  term: requiredText('term', 60),
  definition: requiredText('definition', 1000),
};
export const glossaryFields = z.object(glossaryShape);

/** What deleting a record would also remove, or why it cannot be deleted. */
export interface DeleteImpact {
  /** "3 priorities", "12 activities": what the database would remove with it. */
  readonly alsoRemoves: readonly string[];
  /** Set when the record cannot be deleted while others refer to it. */
  readonly blockedBy: string | null;
}
