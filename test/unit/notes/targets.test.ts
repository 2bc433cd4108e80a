import { describe, expect, it } from 'vitest';
import type { PackDocument, PackSection } from '../../../shared/pack/document';
import {
  locateTarget,
  packTargets,
  parseTarget,
  targetFromParts,
  targetRef,
  targetText,
  type AnnotatablePack,
} from '../../../shared/notes/targets';

const burglary: PackSection = {
  id: 'item:4',
  agendaItemId: 4,
  number: 4,
  title: 'Domestic burglary by Local Policing Area',
  kind: 'performance table',
  presenter: null,
  minutes: null,
  blocks: [
    {
      kind: 'table',
      table: {
        id: 'item:4:table:1',
        caption: 'Domestic burglary, Apr-Dec 2012 to Apr-Dec 2013',
        columns: [
          { header: 'Area', numeric: false },
          { header: 'Apr-Dec 2012', numeric: true },
          { header: 'Apr-Dec 2013', numeric: true },
          { header: 'RAG', numeric: false },
        ],
        rows: [
          {
            id: '6:area:7',
            kind: 'body',
            cells: [{ text: 'Wycombe' }, { text: '367', value: 367 }, { text: '201', value: 201 }, { text: 'Green' }],
          },
          {
            id: '6:total',
            kind: 'total',
            cells: [{ text: 'Total Buckinghamshire' }, { text: '1108' }, { text: '886' }, { text: 'Green' }],
          },
        ],
        notes: [],
      },
    },
  ],
};

const priority: PackSection = {
  id: 'item:8',
  agendaItemId: 8,
  number: 8,
  title: 'Measures of success: reducing acquisitive crime',
  kind: 'priority progress',
  presenter: null,
  minutes: null,
  blocks: [
    { kind: 'facts', facts: [{ label: 'Priority', value: '6.2 Reducing acquisitive crime and reducing reoffending' }] },
    {
      kind: 'table',
      table: {
        id: 'item:8:table:1',
        caption: 'Activities and measures of success',
        columns: [{ header: 'Activity', numeric: false }],
        rows: [{ id: 'activity:9', kind: 'body', cells: [{ text: 'Maintain reductions in domestic burglary' }] }],
        notes: [],
      },
    },
  ],
};

const finance: PackSection = {
  id: 'item:9',
  agendaItemId: 9,
  number: 9,
  title: 'Spending plan',
  kind: 'finance',
  presenter: null,
  minutes: null,
  blocks: [
    {
      kind: 'table',
      table: {
        id: 'item:9:table:2',
        caption: 'Totals by funding source',
        columns: [
          { header: 'Source', numeric: false },
          { header: 'Total', numeric: true },
        ],
        rows: [{ id: 'source:CSF/PCC', kind: 'body', cells: [{ text: 'CSF/PCC' }, { text: '£501,000' }] }],
        notes: [],
      },
    },
  ],
};

const document = {
  format: 1,
  meta: {} as PackDocument['meta'],
  cover: {} as PackDocument['cover'],
  sections: [burglary, priority, finance],
  attachments: [],
} satisfies PackDocument;

const pack: AnnotatablePack = { document, priorities: new Map([['item:8', 16]]) };

describe('annotation targets', () => {
  it('parses each kind and writes it back the same', () => {
    const texts = [
      'item:12',
      'priority:9',
      'activity:31',
      'row:item:4:table:1/6:total',
      'figure:item:4:table:1/6:area:7/3',
      'row:item:9:table:2/source:CSF/PCC',
      'figure:item:9:table:2/source:CSF/PCC/2',
    ];
    for (const text of texts) expect(targetText(parseTarget(text))).toBe(text);
    expect(parseTarget('figure:item:9:table:2/source:CSF/PCC/2')).toEqual({
      kind: 'figure',
      tableId: 'item:9:table:2',
      rowId: 'source:CSF/PCC',
      column: 2,
    });
    const figure = parseTarget(' figure:item:4:table:1/6:total/2 ');
    expect(targetFromParts(figure.kind, targetRef(figure))).toEqual(figure);
  });

  it('refuses text that names no kind of element, saying which forms it takes', () => {
    for (const text of ['', 'item', 'item:x', 'item:0', 'chapter:2', 'row:item:4:table:1', 'figure:a/b/c']) {
      expect(() => parseTarget(text)).toThrow(
        expect.objectContaining({ code: 'invalid-input', where: { field: 'target' } }),
      );
    }
    expect(() => parseTarget('section:3')).toThrow('use item:N, priority:N, activity:N, row:TABLE/ROW or figure:');
  });

  it('finds each element and names it as the pack prints it', () => {
    expect(locateTarget(pack, 'item:4')).toMatchObject({
      sectionId: 'item:4',
      label: 'Item 4 Domestic burglary by Local Policing Area',
    });
    expect(locateTarget(pack, 'priority:16')).toMatchObject({
      sectionId: 'item:8',
      label: 'Priority 6.2 Reducing acquisitive crime and reducing reoffending (item 8)',
    });
    expect(locateTarget(pack, 'activity:9')).toMatchObject({
      sectionId: 'item:8',
      tableId: 'item:8:table:1',
      label: 'Activity "Maintain reductions in domestic burglary" (item 8)',
    });
    expect(locateTarget(pack, 'row:item:4:table:1/6:total').label).toBe(
      'Item 4 Domestic burglary by Local Policing Area: Total Buckinghamshire in "Domestic burglary, Apr-Dec 2012 to Apr-Dec 2013"',
    );
    expect(locateTarget(pack, 'figure:item:4:table:1/6:area:7/3')).toMatchObject({
      column: 3,
      label: 'Item 4 Domestic burglary by Local Policing Area: Wycombe, Apr-Dec 2013 (201)',
    });
    expect(locateTarget(pack, 'figure:item:9:table:2/source:CSF/PCC/2').label).toBe(
      'Item 9 Spending plan: CSF/PCC, Total (£501,000)',
    );
  });

  it('names a row of activities by its activity, the one id the app shows for it', () => {
    expect(locateTarget(pack, 'row:item:8:table:1/activity:9').target).toBe('activity:9');
  });

  it('refuses an element the pack does not have, naming it', () => {
    const refusals: [string, string][] = [
      ['item:5', 'cannot annotate "item:5": this pack has no agenda item item:5'],
      ['priority:9', 'cannot annotate "priority:9": no priority-progress item of this pack shows that priority'],
      ['activity:10', 'cannot annotate "activity:10": no table of this pack lists that activity'],
      [
        'row:item:4:table:2/6:total',
        'cannot annotate "row:item:4:table:2/6:total": this pack has no table "item:4:table:2"',
      ],
      ['row:item:4:table:1/6:area:9', 'table "Domestic burglary, Apr-Dec 2012 to Apr-Dec 2013" has no row "6:area:9"'],
      ['figure:item:4:table:1/6:total/9', 'has 4 columns'],
      [
        'figure:item:4:table:1/6:total/4',
        'column 4 (RAG) of table "Domestic burglary, Apr-Dec 2012 to Apr-Dec 2013" holds no figures',
      ],
    ];
    for (const [text, message] of refusals) {
      expect(() => locateTarget(pack, text)).toThrow(
        expect.objectContaining({ code: 'not-found', where: { field: 'target' } }),
      );
      expect(() => locateTarget(pack, text)).toThrow(message);
    }
  });

  it('lists every element in reading order, each one locate finds again', () => {
    const targets = packTargets(pack).map((target) => target.target);
    expect(targets).toEqual([
      'item:4',
      'row:item:4:table:1/6:area:7',
      'figure:item:4:table:1/6:area:7/2',
      'figure:item:4:table:1/6:area:7/3',
      'row:item:4:table:1/6:total',
      'figure:item:4:table:1/6:total/2',
      'figure:item:4:table:1/6:total/3',
      'item:8',
      'priority:16',
      'activity:9',
      'item:9',
      'row:item:9:table:2/source:CSF/PCC',
      'figure:item:9:table:2/source:CSF/PCC/2',
    ]);
    for (const target of packTargets(pack)) expect(locateTarget(pack, target.target)).toEqual(target);
  });
});
