/**
 * A synthetic board pack of about 100 pages for the export benchmarks (issue 6,
 * point 9): 30 papers of about a page of text each, 40 performance tables and 20
 * charts, built from the sample pack's parts so it prints like a real one.
 */
import type { PackBlock, PackDocument, PackSection, PackTable } from '../../shared/pack/document';
import { samplePack } from '../fixtures/pack/sample-pack';

const SENTENCE =
  'The partnership reviewed the quarter’s figures with each delivery group, agreed where the trend needs ' +
  'attention and asked partners to report back on the actions they will take before the next meeting. ';

const areas = ['Aylesbury Vale', 'Chiltern', 'South Bucks', 'Wycombe', 'Total Bucks'];

function table(index: number): PackTable {
  return {
    id: `item:${1000 + index}:table:1`,
    caption: `Indicator ${index + 1} by area, 2020/21 and 2021/22`,
    columns: [
      { header: 'Area', numeric: false },
      { header: '2020/21', numeric: true },
      { header: '2021/22', numeric: true },
      { header: 'Difference', numeric: true },
      { header: '% change', numeric: true },
    ],
    rows: Array.from({ length: 12 }, (_, row) => {
      const base = 200 + ((index * 37 + row * 53) % 400);
      const current = base + ((row * 17 + index) % 60) - 30;
      return {
        id: `row:${row}`,
        kind: row === 11 ? ('total' as const) : ('body' as const),
        cells: [
          { text: `${areas[row % areas.length] ?? ''} ${row + 1}`, value: null },
          { text: String(base), value: base },
          { text: String(current), value: current },
          { text: String(current - base), value: current - base },
          { text: `${Math.round(((current - base) / base) * 100)}%`, value: (current - base) / base },
        ],
      };
    }),
    notes: ['Source: synthetic figures for the benchmark.'],
  };
}

export function syntheticPack(): PackDocument {
  const sample = samplePack();
  const chartBlock = sample.sections.flatMap((section) => section.blocks).find((block) => block.kind === 'chart');
  if (!chartBlock) throw new Error('the sample pack has no chart');
  const sections: PackSection[] = [];
  const add = (kind: PackSection['kind'], title: string, blocks: readonly PackBlock[]) =>
    sections.push({
      id: `item:${1000 + sections.length}`,
      agendaItemId: 1000 + sections.length,
      number: sections.length + 1,
      kind,
      title,
      presenter: 'Community Safety Manager',
      minutes: 10,
      blocks,
    });
  for (let paper = 0; paper < 30; paper++) {
    add('paper', `Paper ${paper + 1}`, [
      { kind: 'heading', level: 2, text: 'Summary' },
      ...Array.from({ length: 6 }, () => ({
        kind: 'paragraph' as const,
        inlines: [{ kind: 'text' as const, text: SENTENCE.repeat(3) }],
      })),
    ]);
  }
  for (let index = 0; index < 40; index += 2) {
    add('performance table', `Performance tables ${index / 2 + 1}`, [
      { kind: 'table', table: table(index) },
      { kind: 'table', table: table(index + 1) },
    ]);
  }
  for (let chart = 0; chart < 20; chart++) {
    add('chart', `Chart ${chart + 1}`, [
      { ...chartBlock, chart: { ...chartBlock.chart, id: `item:${2000 + chart}:chart` } },
    ]);
  }
  return { ...sample, sections, attachments: [] };
}
