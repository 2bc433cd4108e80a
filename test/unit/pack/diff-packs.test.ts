import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPacks } from '../../../shared/pack/diff-packs';
import type { PackDocument, PackSection } from '../../../shared/pack/document';

const burglary = (wycombe: string, total: string): PackSection => ({
  id: 'item:4',
  agendaItemId: 4,
  number: 2,
  title: 'Domestic burglary',
  kind: 'performance table',
  presenter: null,
  minutes: null,
  blocks: [
    {
      kind: 'table',
      table: {
        id: 'item:4:table:1',
        caption: 'Domestic burglary',
        columns: [
          { header: 'Area', numeric: false },
          { header: 'Difference', numeric: true },
        ],
        rows: [
          { id: '6:area:5', kind: 'body', cells: [{ text: 'Wycombe' }, { text: wycombe, value: Number(wycombe) }] },
          { id: '6:total', kind: 'total', cells: [{ text: 'Total' }, { text: total, value: Number(total) }] },
        ],
        notes: [],
      },
    },
  ],
});

const paper = (figure: string, sentence: string): PackSection => ({
  id: 'item:2',
  agendaItemId: 2,
  number: 1,
  title: 'Performance',
  kind: 'paper',
  presenter: 'Analyst',
  minutes: 10,
  blocks: [
    { kind: 'heading', level: 2, text: 'Burglary' },
    {
      kind: 'paragraph',
      inlines: [
        { kind: 'text', text: sentence },
        {
          kind: 'field',
          source: '{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2013"}}',
          text: figure,
          problem: null,
        },
      ],
    },
  ],
});

const pack = (sections: PackSection[]): PackDocument => ({
  format: 1,
  meta: {
    meetingId: 1,
    title: 'Board',
    partnership: 'Safer Bucks',
    board: 'Board',
    heldOn: '2014-03-12',
    quarter: null,
    venue: null,
    marking: 'OFFICIAL',
    version: null,
    issuedAt: null,
    builtAt: '2026-01-01T00:00:00.000Z',
  },
  cover: {
    title: 'Board',
    subtitle: null,
    dateText: 'Wednesday 12 March 2014',
    venue: null,
    attendees: [],
    apologies: [],
  },
  sections,
  attachments: [],
});

describe('diffPacks', () => {
  it('lists each changed number of a table and a field, and changed text, by where it stands', () => {
    const diff = diffPacks(
      pack([paper('886', 'There were '), burglary('-166', '-222')]),
      pack([paper('900', 'In all there were '), burglary('-116', '-222')]),
      { from: 'v1', to: 'draft' },
    );
    expect(diff.from).toBe('v1');
    expect(diff.to).toBe('draft');
    expect(diff.changes).toEqual([
      {
        sectionId: 'item:2',
        sectionTitle: 'Performance',
        where: 'Paragraph 1',
        kind: 'text',
        // The sentence as the reader sees it, with the field's value.
        before: 'There were 886',
        after: 'In all there were 900',
      },
      {
        sectionId: 'item:2',
        sectionTitle: 'Performance',
        where: 'Paragraph 1, field: Domestic burglary, Total Bucks, Apr-Dec 2013',
        kind: 'number',
        before: '886',
        after: '900',
      },
      {
        sectionId: 'item:4',
        sectionTitle: 'Domestic burglary',
        where: "Table 'Domestic burglary', row Wycombe, column Difference",
        kind: 'number',
        before: '-166',
        after: '-116',
      },
    ]);
  });

  it('lists sections and table rows added and removed', () => {
    const grown = burglary('-166', '-222');
    const table = grown.blocks[0];
    const withRow: PackSection = {
      ...grown,
      blocks: [
        table?.kind === 'table'
          ? {
              kind: 'table',
              table: {
                ...table.table,
                rows: [
                  ...table.table.rows,
                  { id: '6:area:9', kind: 'body', cells: [{ text: 'Aylesbury' }, { text: '-24' }] },
                ],
              },
            }
          : { kind: 'page-break' },
      ],
    };
    const diff = diffPacks(pack([paper('886', 'x'), grown]), pack([withRow]), { from: 'v1', to: 'v2' });
    expect(diff.changes.map((change) => [change.kind, change.where, change.before, change.after])).toEqual([
      ['added', "Table 'Domestic burglary', row Aylesbury", null, 'Aylesbury | -24'],
      ['removed', 'Section', 'Performance', null],
    ]);
  });

  it('finds no change between a pack and itself, and one per changed figure', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), (a, b) => {
        const before = pack([burglary(String(a), '-222')]);
        expect(diffPacks(before, before, { from: 'v1', to: 'v1' }).changes).toEqual([]);
        const changes = diffPacks(before, pack([burglary(String(b), '-222')]), { from: 'v1', to: 'v2' }).changes;
        expect(changes).toHaveLength(a === b ? 0 : 1);
        if (a !== b) expect(changes[0]).toMatchObject({ kind: 'number', before: String(a), after: String(b) });
      }),
    );
  });
});
