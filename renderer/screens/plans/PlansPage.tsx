import { useMemo, useState } from 'react';
import { activityFields, planFields, priorityFields } from '../../../shared/api/records';
import type { Activity, Area, Plan, Priority } from '../../../shared/model';
import { useRecords } from '../../data/queries';
import { nextNumber, RecordGrid, today } from '../shared/RecordGrid';
import { activityColumns, planColumns, priorityColumns } from './columns';

const describePlan = (plan: Plan) => `plan "${plan.title}"`;
const describePriority = (priority: Priority) => `priority ${priority.ref}`;
const describeActivity = (activity: Activity) => `activity ${activity.position}`;

function uniqueKey(plans: readonly Plan[]): string {
  const keys = new Set(plans.map((plan) => plan.key));
  let n = 1;
  while (keys.has(`new-plan-${n}`)) n += 1;
  return `new-plan-${n}`;
}

/**
 * Plans, master to detail: pick a plan (move to its row) to see its priorities;
 * pick a priority to see its activities.
 */
export function PlansPage() {
  const areas = useRecords<Area>('areas');
  const plans = useRecords<Plan>('plans');
  const [planId, setPlanId] = useState<number | null>(null);
  const [priorityId, setPriorityId] = useState<number | null>(null);
  const plan = plans.rows.find((candidate) => candidate.id === planId) ?? plans.rows[0] ?? null;
  const priorities = useRecords<Priority>('priorities', plan ? { planId: plan.id } : undefined, plan !== null);
  const priority =
    priorities.rows.find((candidate) => candidate.id === priorityId) ??
    [...priorities.rows].sort((a, b) => a.position - b.position)[0] ??
    null;
  const planSpecs = useMemo(() => planColumns(areas.rows), [areas.rows]);
  const priorityWhere = useMemo(() => (plan ? { planId: plan.id } : undefined), [plan]);
  const activityWhere = useMemo(() => (priority ? { priorityId: priority.id } : undefined), [priority]);

  return (
    <div className="stack">
      <RecordGrid<Plan>
        entity="plans"
        label="Plans"
        addLabel="Add plan"
        specs={planSpecs}
        schema={planFields}
        describe={describePlan}
        height={190}
        selectedId={plan?.id ?? null}
        onActiveRowChange={(row) => {
          if (row.id !== plan?.id) setPriorityId(null);
          setPlanId(row.id);
        }}
        newRecord={(rows) => {
          const start = today();
          return {
            key: uniqueKey(rows),
            title: 'New plan',
            areaId: null,
            startDate: start,
            endDate: `${Number(start.slice(0, 4)) + 1}${start.slice(4)}`,
            status: 'draft',
            approvedOn: null,
            approvedBy: null,
          };
        }}
      />
      <RecordGrid<Priority>
        entity="priorities"
        label="Priorities"
        addLabel="Add priority"
        specs={priorityColumns}
        schema={priorityFields}
        describe={describePriority}
        {...(priorityWhere ? { where: priorityWhere } : {})}
        enabled={plan !== null}
        height={250}
        selectedId={priority?.id ?? null}
        onActiveRowChange={(row) => setPriorityId(row.id)}
        emptyText={plan ? `${plan.title} has no priorities yet: add priority to start.` : 'Pick a plan first.'}
        newRecord={(rows) => {
          if (!plan) return null;
          const position = nextNumber(rows.map((row) => row.position));
          return {
            planId: plan.id,
            position,
            ref: String(position),
            printedRef: null,
            title: 'New priority',
            summary: null,
            sponsor: null,
          };
        }}
      />
      <RecordGrid<Activity>
        entity="activities"
        label="Activities"
        addLabel="Add activity"
        specs={activityColumns}
        schema={activityFields}
        describe={describeActivity}
        {...(activityWhere ? { where: activityWhere } : {})}
        enabled={priority !== null}
        height={300}
        emptyText={
          priority ? `Priority ${priority.ref} has no activities yet: add activity to start.` : 'Pick a priority first.'
        }
        newRecord={(rows) =>
          priority
            ? {
                priorityId: priority.id,
                position: nextNumber(rows.map((row) => row.position)),
                challenge: null,
                activity: 'New activity',
                desiredOutcome: null,
                specificMeasure: null,
                globalIndicator: null,
                lead: null,
                status: 'not started',
              }
            : null
        }
      />
    </div>
  );
}
