import { ACTIVITY_STATUSES, PLAN_STATUSES } from '../../../shared/domain';
import type { Activity, Area, Plan, Priority } from '../../../shared/model';
import type { FieldSpec } from '../../grid/field-spec';
import {
  dateField,
  enumOptions,
  longField,
  numberField,
  recordOptions,
  selectField,
  textField,
} from '../../grid/specs';

export const planColumns = (areas: readonly Area[]): FieldSpec<Plan>[] => [
  textField('title', 'Title', { size: 320 }),
  textField('key', 'Key', { size: 140 }),
  selectField(
    'areaId',
    'Area',
    recordOptions(areas, (area) => area.name),
    { nullable: true, size: 170 },
  ),
  dateField('startDate', 'Start'),
  dateField('endDate', 'End'),
  selectField('status', 'Status', enumOptions(PLAN_STATUSES), { size: 120 }),
  dateField('approvedOn', 'Approved on', { nullable: true, size: 130 }),
  textField('approvedBy', 'Approved by', { size: 200 }),
];

export const priorityColumns: FieldSpec<Priority>[] = [
  textField('ref', 'Number', { size: 90 }),
  longField('title', 'Title', { size: 380 }),
  textField('sponsor', 'Sponsor', { size: 200 }),
  longField('summary', 'Summary', { size: 300 }),
  numberField('position', 'Order', { size: 80 }),
  textField('printedRef', 'Printed number', { size: 130 }),
];

export const activityColumns: FieldSpec<Activity>[] = [
  longField('challenge', 'Challenge', { size: 220 }),
  longField('activity', 'Activity', { size: 300 }),
  longField('desiredOutcome', 'Desired outcome', { size: 240 }),
  longField('specificMeasure', 'Specific measure', { size: 220 }),
  longField('globalIndicator', 'Global indicator', { size: 200 }),
  textField('lead', 'Lead', { size: 160 }),
  selectField('status', 'Status', enumOptions(ACTIVITY_STATUSES), { size: 120 }),
  numberField('position', 'Order', { size: 80 }),
];
