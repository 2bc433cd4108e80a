import type { AgendaItem, Meeting } from '../../../shared/api/meetings-contract';
import { BoardpackError } from '../../../shared/errors';
import {
  PACK_DOCUMENT_FORMAT,
  type BuiltPack,
  type PackAttachment,
  type PackProblem,
  type PackSection,
} from '../../../shared/pack/document';
import { fieldResolver } from '../../../shared/pack/fields';
import { getMeeting } from '../../../db/repositories/meetings';
import { getPartnership } from '../../../db/repositories/pack-sources';
import { listPeriods } from '../../../db/repositories/periods';
import type { Db } from '../../../db/schema/database';
import { renderChartSvg } from '../../charts/render-chart-svg';
import { actionLogSection } from './action-log-section';
import { attachmentSection } from './attachment-section';
import { chartSection } from './chart-section';
import { longDate, meetingDateText } from '../../../shared/date-text';
import { fieldRefsIn, loadFieldData } from './field-data';
import { financeSection } from './finance-section';
import { glossarySection } from './glossary-section';
import { paperSection } from './paper-section';
import { performanceSection } from './performance-section';
import { prioritySection } from './priority-section';
import type { ChartSvgRenderer, SectionContent, SectionContext } from './section-context';

export interface BuildOptions {
  /** ISO date-time stamped as the build's time. */
  readonly now: string;
  /** Draws charts; the static nivo SVG renderer unless given. */
  readonly chartSvg?: ChartSvgRenderer;
}

/** One agenda item's content, by its kind (the glossary is built after the rest). */
function contentOf(context: SectionContext): Promise<SectionContent> | SectionContent {
  const { content } = context.item;
  switch (content.kind) {
    case 'paper':
      return paperSection(context, content);
    case 'performance table':
      return performanceSection(context, content);
    case 'chart':
      return chartSection(context, content);
    case 'priority progress':
      return prioritySection(context, content);
    case 'finance':
      return financeSection(context, content);
    case 'action log':
      return actionLogSection(context);
    case 'attachment':
      return attachmentSection(context, content);
    case 'glossary':
      return { blocks: [], problems: [] };
  }
}

/** An item that cannot be built (its view or plan deleted) is a problem that names it, not a crash. */
async function safely(build: () => Promise<SectionContent> | SectionContent): Promise<SectionContent> {
  try {
    return await build();
  } catch (error) {
    if (!(error instanceof BoardpackError)) throw error;
    return {
      blocks: [{ kind: 'note', text: `This item could not be built: ${error.message}.` }],
      problems: [{ message: `this item could not be built: ${error.message}`, source: null }],
    };
  }
}

const sectionOf = (item: AgendaItem, content: SectionContent): PackSection => ({
  id: `item:${item.id}`,
  agendaItemId: item.id,
  number: item.position,
  title: item.title,
  kind: item.kind,
  presenter: item.presenter,
  minutes: item.minutes,
  blocks: content.blocks,
});

const papersOf = (meeting: Meeting) =>
  meeting.items.flatMap((item) => (item.content.kind === 'paper' ? item.content.doc.content : []));

/**
 * Builds a meeting's pack from live data: a cover (title, board, date and time,
 * venue, attendees, apologies) and one section per agenda item by its kind,
 * the glossary last so it can list only the terms the rest of the pack uses.
 * Everything that blocks export (a field that cannot be filled, an item whose
 * view or plan is gone) is collected in `problems`, by section.
 */
export async function buildPack(db: Db, meetingId: number, options: BuildOptions): Promise<BuiltPack> {
  const meeting = await getMeeting(db, meetingId);
  const [partnership, periods, fieldData] = await Promise.all([
    getPartnership(db),
    listPeriods(db),
    loadFieldData(db, fieldRefsIn(papersOf(meeting))),
  ]);
  const resolve = fieldResolver(fieldData);
  const chartSvg = options.chartSvg ?? renderChartSvg;
  const built = new Map<number, SectionContent>();
  for (const item of meeting.items.filter((candidate) => candidate.kind !== 'glossary')) {
    const context: SectionContext = {
      db,
      meeting,
      item,
      sectionId: `item:${item.id}`,
      resolve,
      chartSvg,
      homeAreaId: partnership.areaId,
    };
    built.set(item.id, await safely(() => contentOf(context)));
  }
  const others = meeting.items.flatMap((item) => {
    const content = built.get(item.id);
    return content ? [sectionOf(item, content)] : [];
  });
  for (const item of meeting.items.filter((candidate) => candidate.kind === 'glossary')) {
    built.set(item.id, await safely(() => glossarySection(db, others, `item:${item.id}`)));
  }
  const sections: PackSection[] = [];
  const problems: PackProblem[] = [];
  const attachments: PackAttachment[] = [];
  for (const item of meeting.items) {
    const content = built.get(item.id) ?? { blocks: [], problems: [] };
    const section = sectionOf(item, content);
    sections.push(section);
    if (content.attachment) attachments.push(content.attachment);
    for (const problem of content.problems) {
      problems.push({ sectionId: section.id, sectionTitle: section.title, ...problem });
    }
  }
  const board = meeting.board ?? partnership.name;
  const quarter = periods.find((period) => period.id === meeting.periodId)?.label ?? null;
  return {
    document: {
      format: PACK_DOCUMENT_FORMAT,
      meta: {
        meetingId: meeting.id,
        title: `${board}: ${longDate(meeting.heldOn)}`,
        partnership: partnership.name,
        board,
        heldOn: meeting.heldOn,
        quarter,
        venue: meeting.venue,
        marking: meeting.marking,
        version: null,
        issuedAt: null,
        builtAt: options.now,
      },
      cover: {
        title: meeting.title,
        subtitle:
          [meeting.title.includes(board) ? null : board, quarter ? `Reporting on ${quarter}` : null]
            .filter((part): part is string => part !== null)
            .join('. ') || null,
        dateText: meetingDateText(meeting.heldOn, meeting.startsAt),
        venue: meeting.venue,
        attendees: meeting.attendees,
        apologies: meeting.apologies,
      },
      sections,
      attachments,
    },
    problems,
  };
}
