import { useMemo, useState } from 'react';
import { deliveryGroupFields } from '../../../shared/api/records';
import type { DeliveryGroup, Plan, Priority } from '../../../shared/model';
import { useDeliveryGroupPriorities, useRecords } from '../../data/queries';
import type { FieldSpec } from '../../grid/field-spec';
import { longField, readonlyField, textField } from '../../grid/specs';
import { RecordGrid } from '../shared/RecordGrid';
import { DeliveredPriorities } from './DeliveredPriorities';

const NONE: readonly number[] = [];

/** Delivery groups, and which priorities each delivers (chosen from a multi-select list). */
export function DeliveryGroupsPage() {
  const groups = useRecords<DeliveryGroup>('deliveryGroups');
  const plans = useRecords<Plan>('plans');
  const priorities = useRecords<Priority>('priorities');
  const { links } = useDeliveryGroupPriorities();
  const [groupId, setGroupId] = useState<number | null>(null);
  const group = groups.rows.find((candidate) => candidate.id === groupId) ?? groups.rows[0] ?? null;

  const planKey = useMemo(() => new Map(plans.rows.map((plan) => [plan.id, plan.key])), [plans.rows]);
  const priorityName = useMemo(
    () =>
      new Map(
        priorities.rows.map((priority) => [
          priority.id,
          `${planKey.get(priority.planId) ?? ''} ${priority.ref}`.trim(),
        ]),
      ),
    [priorities.rows, planKey],
  );
  const delivered = useMemo(() => {
    const map = new Map<number, number[]>();
    for (const link of links)
      map.set(link.deliveryGroupId, [...(map.get(link.deliveryGroupId) ?? []), link.priorityId]);
    return map;
  }, [links]);

  const specs = useMemo<FieldSpec<DeliveryGroup>[]>(
    () => [
      textField('name', 'Name', { size: 260 }),
      longField('purpose', 'Purpose', { size: 360 }),
      textField('cadence', 'Meets', { size: 140 }),
      textField('lead', 'Lead', { size: 200 }),
      readonlyField(
        'priorities',
        'Priorities delivered',
        (row) => (delivered.get(row.id) ?? []).map((id) => priorityName.get(id) ?? `#${id}`).join(', '),
        { size: 260 },
      ),
    ],
    [delivered, priorityName],
  );

  const sortedPriorities = useMemo(
    () =>
      [...priorities.rows].sort(
        (a, b) => (planKey.get(a.planId) ?? '').localeCompare(planKey.get(b.planId) ?? '') || a.position - b.position,
      ),
    [priorities.rows, planKey],
  );

  return (
    <div className="split">
      <RecordGrid<DeliveryGroup>
        entity="deliveryGroups"
        label="Delivery groups"
        addLabel="Add delivery group"
        specs={specs}
        schema={deliveryGroupFields}
        describe={(row) => row.name}
        height={520}
        selectedId={group?.id ?? null}
        onActiveRowChange={(row) => setGroupId(row.id)}
        newRecord={(rows) => {
          const names = new Set(rows.map((row) => row.name));
          let n = 1;
          while (names.has(`New delivery group ${n}`)) n += 1;
          return { name: `New delivery group ${n}`, purpose: 'What the group is for', cadence: null, lead: null };
        }}
      />
      <section className="side-panel" aria-labelledby="delivers-title">
        <h2 id="delivers-title" className="grid-title">
          {group ? `Priorities ${group.name} delivers` : 'Priorities delivered'}
        </h2>
        {group ? (
          <DeliveredPriorities
            key={group.id}
            group={group}
            delivered={delivered.get(group.id) ?? NONE}
            priorities={sortedPriorities}
            priorityName={priorityName}
          />
        ) : (
          <p className="help">Add a delivery group first.</p>
        )}
      </section>
    </div>
  );
}
