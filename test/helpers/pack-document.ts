import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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

/** A command from a Debian package the tests read PDFs with; missing, it fails saying which package to install. */
export function run(command: string, debianPackage: string, args: readonly string[]): string {
  const found = ['/usr/bin', '/usr/local/bin', '/bin'].some((dir) => existsSync(join(dir, command)));
  if (!found)
    throw new Error(
      `${command} is not installed: install Debian's ${debianPackage} package (sudo apt-get install -y ${debianPackage})`,
    );
  // Its complaints about the file (poppler's "Syntax Error: …") are not the test's output.
  return execFileSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** One page's text as pdftotext reads it (`layout`: columns kept apart by spaces). */
export const pdftotext = (file: string, page: number, layout = false): string =>
  run('pdftotext', 'poppler-utils', [
    ...(layout ? ['-layout'] : []),
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    '-',
  ]);

export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const pdfPageCount = (file: string): number =>
  Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', 'poppler-utils', [file]))?.[1]);

export interface OutlineEntry {
  /** 0 for an agenda item, 1 for a heading or an attachment beneath it. */
  readonly depth: number;
  readonly title: string;
  readonly page: number;
}

/** The PDF's bookmarks, as mutool prints them, in order. */
export function outlineOf(file: string): OutlineEntry[] {
  return run('mutool', 'mupdf-tools', ['show', file, 'outline'])
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const match = /^[|+-]\t(\t*)"(.*)"\t#page=(\d+)/.exec(line);
      if (!match) throw new Error(`an outline line mutool printed oddly: ${line}`);
      return { depth: (match[1] ?? '').length, title: match[2] ?? '', page: Number(match[3]) };
    });
}

/** The page number the contents page (page 2, read with its layout) prints for agenda item `number`. */
export function contentsPageOf(file: string, number: number | string): number {
  const line = pdftotext(file, 2, true)
    .split('\n')
    .find((entry) => new RegExp(`^\\s*${number}\\s{2,}\\S`).test(entry));
  return Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
}

/**
 * Every number a table of the section prints (its cells, and the figures under
 * its charts), as the words pdftotext reads: "1,108", "-45%", "+4.4", "£436,567".
 */
export function tableNumbers(blocks: readonly PackBlock[]): string[] {
  const cells = blocks.flatMap((block) => {
    if (block.kind === 'table') return block.table.rows.flatMap((row) => row.cells.map((cell) => cell.text));
    if (block.kind === 'chart') return block.chart.table.rows.flat();
    return [];
  });
  return cells.flatMap((text) => text.match(/[-+−]?£?\d[\d,.]*%?/g) ?? []);
}
