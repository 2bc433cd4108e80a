import type { Meeting } from '../../shared/api/meetings-contract';
import type { PackBlock, PackDocument, PackTable } from '../../shared/pack/document';
import type { TestApi } from './api-context';

/** A demo meeting, found by its title, as the API returns it. */
export async function meetingTitled(api: TestApi, title: string): Promise<Meeting> {
  const meetings = await api.call('meetings.list', {});
  const found = meetings.find((meeting) => meeting.title === title);
  if (!found) throw new Error(`the demo meeting "${title}" is missing`);
  return api.call('meetings.get', { id: found.id });
}

/** The pack's section of that title. */
export function section(document: PackDocument, title: string) {
  const found = document.sections.find((candidate) => candidate.title === title);
  if (!found) throw new Error(`no section "${title}"`);
  return found;
}

export const tablesOf = (blocks: readonly PackBlock[]): PackTable[] =>
  blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));

/** A table as rows of printed cells. */
export const printed = (table: PackTable | undefined): string[][] =>
  table?.rows.map((row) => row.cells.map((cell) => cell.text)) ?? [];
