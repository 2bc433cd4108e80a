import { describe, expect, it } from 'vitest';
import type { PaperDoc, PaperNode } from '../../../shared/pack/agenda-content';
import type { FieldResolver } from '../../../shared/pack/fields';
import { paperBlocks } from '../../../shared/pack/paper-blocks';

const text = (value: string, ...marks: string[]): PaperNode => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks: marks.map((type) => ({ type })) } : {}),
});
const paragraph = (...content: PaperNode[]): PaperNode => ({ type: 'paragraph', content });
const doc = (...content: PaperNode[]): PaperDoc => ({ type: 'doc', content });

/** Fills in one known field; any other field is a problem. */
const resolve: FieldResolver = (source) =>
  source === '{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2013"}}'
    ? { text: '886' }
    : { problem: `cannot fill ${source}` };
const context = { sectionId: 'item:7', title: 'Performance', resolve };

describe('paperBlocks', () => {
  it('turns headings, paragraphs with bold, italic and links, and lists into pack blocks', () => {
    const { blocks } = paperBlocks(
      doc(
        { type: 'heading', attrs: { level: 1 }, content: [text('Burglary')] },
        { type: 'heading', attrs: { level: 3 }, content: [text('By area')] },
        paragraph(
          text('Burglary '),
          text('fell', 'bold'),
          text(' sharply', 'italic'),
          { type: 'text', text: ' (source)', marks: [{ type: 'link', attrs: { href: 'https://www.police.uk/' } }] },
          { type: 'text', text: ' unsafe', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
        ),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph(text('Aylesbury'))] },
            {
              type: 'listItem',
              content: [
                paragraph(text('Wycombe')),
                { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('IOM'))] }] },
              ],
            },
          ],
        },
        { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('First'))] }] },
      ),
      context,
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Burglary' },
      { kind: 'heading', level: 3, text: 'By area' },
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'Burglary ' },
          { kind: 'text', text: 'fell', bold: true },
          { kind: 'text', text: ' sharply', italic: true },
          { kind: 'text', text: ' (source)', link: 'https://www.police.uk/' },
          { kind: 'text', text: ' unsafe' },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ kind: 'text', text: 'Aylesbury' }],
          [{ kind: 'text', text: 'Wycombe' }],
          [{ kind: 'text', text: 'IOM' }],
        ],
      },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'First' }]] },
    ]);
  });

  it('splits fields into field inlines, a field split over styled runs included, and reports each field', () => {
    const { blocks, fields } = paperBlocks(
      doc(
        paragraph(
          text('There were '),
          text('{{figure "Domestic burglary" ', 'bold'),
          text('"Total Bucks" "Apr-Dec 2013"}} burglaries and {{figure "Burglary" "Mars" "2013"}}.'),
        ),
      ),
      context,
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'There were ' },
          {
            kind: 'field',
            source: '{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2013"}}',
            text: '886',
            problem: null,
          },
          { kind: 'text', text: ' burglaries and ' },
          {
            kind: 'field',
            source: '{{figure "Burglary" "Mars" "2013"}}',
            text: null,
            problem: 'cannot fill {{figure "Burglary" "Mars" "2013"}}',
          },
          { kind: 'text', text: '.' },
        ],
      },
    ]);
    expect(fields.map((field) => field.text ?? field.problem)).toEqual([
      '886',
      'cannot fill {{figure "Burglary" "Mars" "2013"}}',
    ]);
  });

  it('makes a simple table with its first row as the header, numbers right-aligned with their values', () => {
    const cell = (value: string): PaperNode => ({ type: 'tableCell', content: [paragraph(text(value))] });
    const row = (...cells: string[]): PaperNode => ({ type: 'tableRow', content: cells.map(cell) });
    const { blocks } = paperBlocks(
      doc({
        type: 'table',
        content: [
          row('Area', 'Burglaries', 'Change'),
          row('Wycombe', '201', '-45%'),
          row('Total', '{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2013"}}', '-20%'),
        ],
      }),
      context,
    );
    expect(blocks).toEqual([
      {
        kind: 'table',
        table: {
          id: 'item:7:paper-table:1',
          caption: 'Performance: table 1',
          columns: [
            { header: 'Area', numeric: false },
            { header: 'Burglaries', numeric: true },
            { header: 'Change', numeric: true },
          ],
          rows: [
            {
              id: 'row:1',
              kind: 'body',
              cells: [{ text: 'Wycombe' }, { text: '201', value: 201 }, { text: '-45%', value: -45 }],
            },
            {
              id: 'row:2',
              kind: 'body',
              cells: [{ text: 'Total' }, { text: '886', value: 886 }, { text: '-20%', value: -20 }],
            },
          ],
          notes: [],
        },
      },
    ]);
  });

  it('says what it left out instead of dropping it silently', () => {
    const { blocks } = paperBlocks(
      doc(
        { type: 'image', attrs: { src: 'x.png' } },
        paragraph(text('Before'), { type: 'mention', attrs: { id: 'x' } }),
        { type: 'horizontalRule' },
      ),
      context,
    );
    expect(blocks).toEqual([
      { kind: 'note', text: 'Left out of the pack from the paper: image (not something a pack can print).' },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Before' }] },
      { kind: 'note', text: 'Left out of the pack from a paragraph: mention (not something a pack can print).' },
      { kind: 'note', text: 'Left out of the pack from the paper: horizontalRule (not something a pack can print).' },
    ]);
  });
});
