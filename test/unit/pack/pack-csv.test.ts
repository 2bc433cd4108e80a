import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { packTableCsv, packTables } from '../../../electron/pack/csv/pack-csv';
import { BoardpackError } from '../../../shared/errors';
import type { PackDocument, PackTable } from '../../../shared/pack/document';
import { ACTION_COUNT, ACTION_LOG_TABLE_ID, BURGLARY_TABLE_ID, samplePack } from '../../fixtures/pack/sample-pack';

/** The CSV's records, BOM and all checked, as csv-parse reads them. */
function records(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('\r\n');
  const rows: string[][] = parse(csv, { bom: true });
  return rows;
}

/** The sample pack with one more section holding the given table. */
function withTable(table: PackTable): PackDocument {
  const pack = samplePack();
  return {
    ...pack,
    sections: [
      ...pack.sections,
      {
        id: 'item:99',
        agendaItemId: 99,
        number: 9,
        title: 'Partner submission',
        kind: 'paper',
        presenter: null,
        minutes: null,
        blocks: [{ kind: 'table', table }],
      },
    ],
  };
}

describe('packTables', () => {
  it('lists every table of the pack in document order, chart tables included, with a file name each', () => {
    const tables = packTables(samplePack());
    expect(tables.map((table) => table.id)).toEqual([
      BURGLARY_TABLE_ID,
      'item:12:chart:table',
      'item:13:table:1',
      'item:14:table:1',
      ACTION_LOG_TABLE_ID,
    ]);
    expect(tables[0]).toEqual({
      id: BURGLARY_TABLE_ID,
      caption: 'Domestic burglary by police area, Apr-Dec 2012 and Apr-Dec 2013',
      fileName: '02-item-12-table-1-domestic-burglary-by-police-area-apr-dec-2012-and-apr-dec-2013.csv',
    });
    const names = tables.map((table) => table.fileName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^\d\d-[a-z0-9-]+\.csv$/);
  });
});

describe('packTableCsv', () => {
  it('writes the header row and each row, numbers bare as the pack prints them', () => {
    const rows = records(packTableCsv(samplePack(), BURGLARY_TABLE_ID));
    expect(rows[0]).toEqual([
      'Police area',
      'Apr-Dec 2012',
      'Apr-Dec 2013',
      'Difference',
      '% change',
      'Target',
      'RAG',
      'Provisional',
    ]);
    expect(rows.slice(1)).toEqual([
      ['Aylesbury', '260', '236', '-24', '-9', '–', 'Green', ''],
      ['Chiltern & South Bucks', '481', '449', '-32', '-7', '–', 'Green', ''],
      ['Wycombe', '367', '201', '-166', '-45', '–', 'Green', 'provisional'],
      ['Total Bucks', '1108', '886', '-222', '-20', '-2', 'Green', ''],
    ]);
  });

  it('writes money as the pounds printed, and leaves out the Provisional column when no figure is', () => {
    const rows = records(packTableCsv(samplePack(), 'item:14:table:1'));
    expect(rows[0]).toEqual(['Priority', 'Source', 'Amount']);
    expect(rows.at(-1)).toEqual(['Total', 'BCC', '277000']);
    expect(rows[1]).toEqual(['Reducing violence', 'CSF/PCC', '75000']);
  });

  it('writes a rate with its decimals and a comparator row like any other', () => {
    const rows = records(packTableCsv(samplePack(), 'item:13:table:1'));
    expect(rows).toEqual([
      ['Area', '2021/22'],
      ['Buckinghamshire', '6.7'],
      ['England', '9'],
      ['South East', '8'],
    ]);
  });

  it('writes a chart’s table of figures', () => {
    const rows = records(packTableCsv(samplePack(), 'item:12:chart:table'));
    expect(rows).toEqual([
      ['Area', 'Apr-Dec 2012', 'Apr-Dec 2013'],
      ['Aylesbury', '260', '236'],
      ['Chiltern & South Bucks', '481', '449'],
      ['Wycombe', '367', '201'],
    ]);
  });

  it('writes every row of a long table, text cells as their text', () => {
    const rows = records(packTableCsv(samplePack(), ACTION_LOG_TABLE_ID));
    expect(rows).toHaveLength(ACTION_COUNT + 1);
    expect(rows[0]).toEqual(['Ref', 'Action', 'Owner', 'Due', 'Status']);
    expect(rows[1]?.slice(0, 3)).toEqual([
      'A001',
      'Report IOM cohort reoffending rates to the board (1)',
      'Community Safety Manager',
    ]);
    const log = samplePack()
      .sections.flatMap((section) => section.blocks)
      .find((block) => block.kind === 'table' && block.table.id === ACTION_LOG_TABLE_ID);
    if (log?.kind !== 'table') throw new Error('the sample pack has no action log');
    expect(rows.slice(1)).toEqual(log.table.rows.map((row) => row.cells.map((cell) => cell.text)));
  });

  it('neutralises text a spreadsheet would run as a formula, in headings and cells, and keeps numbers as numbers', () => {
    const csv = packTableCsv(
      withTable({
        id: 'item:99:table:1',
        caption: '=HYPERLINK("http://evil.example","Click")',
        columns: [
          { header: '=HYPERLINK("http://evil.example","Area")', numeric: false },
          { header: 'Count', numeric: true },
          { header: '@Note', numeric: false },
        ],
        rows: [
          {
            id: 'row:1',
            kind: 'body',
            cells: [
              { text: '=HYPERLINK("http://evil.example","Wycombe")' },
              { text: '+1+cmd|calc', value: 1 },
              { text: '-2+3' },
            ],
          },
          {
            id: 'row:2',
            kind: 'body',
            cells: [{ text: 'Aylesbury' }, { text: '-166', value: -166 }, { text: '\tTab' }],
          },
        ],
        notes: [],
      }),
      'item:99:table:1',
    );
    expect(csv).not.toMatch(/(^|[,\n])"?=/);
    const rows = records(csv);
    expect(rows).toEqual([
      ['\'=HYPERLINK("http://evil.example","Area")', 'Count', "'@Note"],
      ['\'=HYPERLINK("http://evil.example","Wycombe")', '1', "'-2+3"],
      ['Aylesbury', '-166', "'\tTab"],
    ]);
  });

  it('writes a numeric cell without a number as its text, made safe', () => {
    const rows = records(
      packTableCsv(
        withTable({
          id: 'item:99:table:1',
          caption: 'Violence against the person',
          columns: [
            { header: 'Area', numeric: false },
            { header: '% change', numeric: true },
          ],
          rows: [
            { id: 'a', kind: 'body', cells: [{ text: 'Wycombe' }, { text: 'no base figure', value: null }] },
            { id: 'b', kind: 'body', cells: [{ text: 'Aylesbury' }, { text: '-', value: null }] },
          ],
          notes: [],
        }),
        'item:99:table:1',
      ),
    );
    expect(rows.slice(1)).toEqual([
      ['Wycombe', 'no base figure'],
      ['Aylesbury', "'-"],
    ]);
  });

  it('refuses an unknown table, listing the tables there are, nearest first', () => {
    const attempt = () => packTableCsv(samplePack(), 'item:14:table:2');
    expect(attempt).toThrow(BoardpackError);
    try {
      attempt();
    } catch (error) {
      const refused = error as BoardpackError;
      expect(refused.code).toBe('not-found');
      expect(refused.where).toEqual({ field: 'tableId' });
      expect(refused.message).toMatch(/^No table "item:14:table:2" in the pack; its tables are "item:14:table:1", /);
      for (const id of [BURGLARY_TABLE_ID, 'item:12:chart:table', 'item:13:table:1', ACTION_LOG_TABLE_ID]) {
        expect(refused.message).toContain(`"${id}"`);
      }
    }
  });

  it('says so when the pack has no tables at all', () => {
    expect(() => packTableCsv({ ...samplePack(), sections: [] }, 'item:1:table:1')).toThrow(
      'No table "item:1:table:1" in the pack; this pack has no tables',
    );
  });
});
