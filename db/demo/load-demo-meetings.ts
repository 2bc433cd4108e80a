import type { Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import type { AgendaContent } from '../../shared/pack/agenda-content';
import { viewSpec } from '../../shared/views/view-spec';
import { insertAgendaItem } from '../repositories/agenda-items';
import type { Writer } from '../repositories/change-log';
import { insertMeeting } from '../repositories/meetings';
import type { Database } from '../schema/database';
import type { DemoItemContent } from './demo-files';
import { demoPaper } from './demo-papers';
import type { DemoFiles } from './read-demo-files';

/** Name → id for what the demo's views and meetings refer to; a miss names the file and row. */
export interface DemoNames {
  readonly indicator: (name: string, file: string, row: number) => number;
  readonly area: (name: string, file: string, row: number) => number;
  readonly period: (name: string, file: string, row: number) => number;
  /** "planKey ref". */
  readonly priority: (name: string, file: string, row: number) => number;
  readonly plan: (key: string, file: string, row: number) => number;
}

async function loadViews(
  trx: Transaction<Database>,
  writer: Writer,
  files: DemoFiles,
  names: DemoNames,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, view] of files.views.entries()) {
    const at = ['views.json', index + 1] as const;
    const periods =
      view.periods.mode === 'compare'
        ? {
            mode: 'compare' as const,
            baseId: names.period(view.periods.base, ...at),
            currentId: names.period(view.periods.current, ...at),
          }
        : { mode: 'trend' as const, periodIds: view.periods.periods.map((label) => names.period(label, ...at)) };
    const spec = viewSpec.parse({
      indicatorIds: view.indicators.map((name) => names.indicator(name, ...at)),
      areaIds: view.areas.map((name) => names.area(name, ...at)),
      comparators: view.comparators
        ? { from: 'list', areaIds: view.comparators.map((name) => names.area(name, ...at)) }
        : { from: 'stored' },
      periods,
      ...(view.columns ? { columns: view.columns } : {}),
    });
    // Like the rest of the demo, loaded as data rather than logged as edits.
    const { id } = await trx
      .insertInto('comparisonView')
      .values({ name: view.name, spec: JSON.stringify(spec), createdAt: writer.now(), updatedAt: writer.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(view.name, id);
  }
  return ids;
}

function contentOf(
  content: DemoItemContent,
  views: ReadonlyMap<string, number>,
  names: DemoNames,
  row: number,
): AgendaContent {
  const viewId = (name: string) => {
    const id = views.get(name);
    if (id === undefined) {
      throw new BoardpackError('not-found', `unknown view "${name}" (not in views.json)`, {
        file: 'meetings.json',
        row,
      });
    }
    return id;
  };
  switch (content.kind) {
    case 'paper':
      return { kind: 'paper', doc: demoPaper(content.paper) };
    case 'performance table':
      return { kind: 'performance table', viewId: viewId(content.view) };
    case 'chart':
      return {
        kind: 'chart',
        viewId: viewId(content.view),
        chart: content.chart,
        ...(content.indicator === undefined
          ? {}
          : { indicatorId: names.indicator(content.indicator, 'meetings.json', row) }),
      };
    case 'priority progress':
      return { kind: 'priority progress', priorityId: names.priority(content.priority, 'meetings.json', row) };
    case 'finance':
      return { kind: 'finance', planId: names.plan(content.plan, 'meetings.json', row) };
    case 'action log':
    case 'glossary':
      return { kind: content.kind };
  }
}

/**
 * The demo meetings, their agendas and the saved views their tables and charts
 * show, loaded in the demo's one transaction through the same repositories the
 * app writes with.
 */
export async function loadDemoMeetings(
  trx: Transaction<Database>,
  writer: Writer,
  files: DemoFiles,
  names: DemoNames,
): Promise<void> {
  const views = await loadViews(trx, writer, files, names);
  for (const [index, meeting] of files.meetings.entries()) {
    const row = index + 1;
    const saved = await insertMeeting(trx, writer, {
      title: meeting.title,
      board: meeting.board,
      heldOn: meeting.heldOn,
      startsAt: meeting.startsAt,
      periodId: meeting.period === undefined ? null : names.period(meeting.period, 'meetings.json', row),
      venue: meeting.venue,
      marking: meeting.marking,
      attendees: meeting.attendees,
      apologies: meeting.apologies,
    });
    for (const item of meeting.items) {
      await insertAgendaItem(trx, writer, saved.id, {
        title: item.title,
        presenter: item.presenter ?? null,
        minutes: item.minutes ?? null,
        content: contentOf(item.content, views, names, row),
      });
    }
    for (const action of meeting.actions) {
      await trx
        .insertInto('action')
        .values({
          meetingId: saved.id,
          agendaItemId: null,
          priorityId: action.priority === undefined ? null : names.priority(action.priority, 'meetings.json', row),
          description: action.description,
          owner: action.owner ?? null,
          dueOn: action.due ?? null,
          status: action.status,
          createdAt: writer.now(),
          closedOn: action.closedOn ?? null,
          source: action.source,
        })
        .execute();
    }
  }
}
