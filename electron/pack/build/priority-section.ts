import type { AgendaContentOf } from '../../../shared/pack/agenda-content';
import type { PackBlock, PackTable } from '../../../shared/pack/document';
import { ragWord } from '../../../shared/views/build-view-table';
import { listActivities } from '../../../db/repositories/plans';
import { getPriorityWithPlan, listPriorityProgress, type ProgressEntry } from '../../../db/repositories/pack-sources';
import type { Activity } from '../../../shared/model';
import { outcomeFigures } from './outcome-figures';
import { plainContent, type SectionContent, type SectionContext } from './section-context';

/**
 * A priority's progress: the priority and its RAG as facts, its activities with
 * desired outcome and measure (the plan's measures of success), the latest
 * progress updates up to the meeting, and its outcome figures.
 */

function activitiesTable(activities: readonly Activity[], id: string): PackTable {
  const headers = ['Activity', 'Desired outcome', 'Specific measure', 'Global indicator', 'Lead', 'Status'];
  return {
    id,
    caption: 'Activities and measures of success',
    columns: headers.map((header) => ({ header, numeric: false })),
    rows: activities.map((activity) => ({
      id: `activity:${activity.id}`,
      kind: 'body',
      cells: [
        activity.activity,
        activity.desiredOutcome,
        activity.specificMeasure,
        activity.globalIndicator,
        activity.lead,
        activity.status,
      ].map((text) => ({ text: text ?? '' })),
    })),
    notes: [],
  };
}

/** The updates of the latest period that has any, up to the meeting's date. */
function latestProgress(entries: readonly ProgressEntry[], heldOn: string): ProgressEntry[] {
  const due = entries.filter((entry) => entry.periodEnd <= heldOn);
  const last = due[due.length - 1];
  return last ? due.filter((entry) => entry.periodLabel === last.periodLabel) : [];
}

export async function prioritySection(
  context: SectionContext,
  content: AgendaContentOf<'priority progress'>,
): Promise<SectionContent> {
  const { db, meeting, sectionId } = context;
  const { priority, plan } = await getPriorityWithPlan(db, content.priorityId);
  const [activities, progress, outcomes] = await Promise.all([
    listActivities(db, priority.id),
    listPriorityProgress(db, priority.id),
    outcomeFigures(db, {
      priorityId: priority.id,
      areaId: context.homeAreaId,
      heldOn: meeting.heldOn,
      id: `${sectionId}:table:2`,
    }),
  ]);
  const latest = latestProgress(progress, meeting.heldOn);
  const blocks: PackBlock[] = [
    {
      kind: 'facts',
      facts: [
        {
          label: 'Priority',
          value: `${priority.ref} ${priority.title}${priority.printedRef ? ` (printed as ${priority.printedRef} in the plan)` : ''}`,
        },
        { label: 'Plan', value: plan.title },
        ...(priority.sponsor ? [{ label: 'Sponsor', value: priority.sponsor }] : []),
        { label: 'RAG', value: outcomes.rag ? ragWord(outcomes.rag) : 'Not judged (no outcome figures to compare)' },
      ],
    },
  ];
  if (priority.summary) blocks.push({ kind: 'paragraph', inlines: [{ kind: 'text', text: priority.summary }] });
  blocks.push({ kind: 'heading', level: 2, text: 'Activities' });
  blocks.push(
    activities.length > 0
      ? { kind: 'table', table: activitiesTable(activities, `${sectionId}:table:1`) }
      : { kind: 'note', text: 'No activities are recorded for this priority.' },
  );
  blocks.push({ kind: 'heading', level: 2, text: latest[0] ? `Progress, ${latest[0].periodLabel}` : 'Progress' });
  blocks.push(
    latest.length > 0
      ? {
          kind: 'list',
          ordered: false,
          items: latest.map((entry) => [
            ...(entry.activity ? [{ kind: 'text' as const, text: `${entry.activity}: `, bold: true }] : []),
            { kind: 'text' as const, text: entry.author ? `${entry.text} (${entry.author})` : entry.text },
          ]),
        }
      : { kind: 'note', text: 'No progress update is recorded for this priority up to the meeting.' },
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Outcome figures' });
  blocks.push(
    outcomes.table
      ? { kind: 'table', table: outcomes.table }
      : { kind: 'note', text: 'No indicator of this priority has a figure for the area up to the meeting.' },
  );
  return plainContent(blocks);
}
