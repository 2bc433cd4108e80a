import { describe, expect, it } from 'vitest';
import { packTargets } from '../../../shared/notes/targets';
import { renderPackHtml } from '../../../shared/pack/render-html';
import { placeNotes, type NoteToPlace } from '../../../shared/pack/pack-notes';
import { BURGLARY_TABLE_ID, samplePack } from '../../fixtures/pack/sample-pack';

const pack = samplePack();
const targets = packTargets({ document: pack, priorities: new Map() });

const note = (id: string, target: string, extra: Partial<NoteToPlace> = {}): NoteToPlace => ({
  id,
  target,
  author: 'Chair',
  kind: 'comment',
  rag: null,
  text: `Note ${id}`,
  resolved: false,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  ...extra,
});

/** The HTML of the row with this id in the burglary table. */
function burglaryRow(html: string, rowId: string): string {
  const table = html.slice(html.indexOf(`data-table-id="${BURGLARY_TABLE_ID}"`));
  const start = table.indexOf(`data-row-id="${rowId}"`);
  return table.slice(start, table.indexOf('</tr>', start));
}

describe('reviewers’ notes in the pack', () => {
  const notes = placeNotes(
    [
      note('c', `figure:${BURGLARY_TABLE_ID}/area:5/5`, { kind: 'question', text: 'Why <-45%>?' }),
      note('b', `row:${BURGLARY_TABLE_ID}/total`, { kind: 'proposed rag', rag: 'amber', text: 'Only just green' }),
      note('a', 'item:11'),
      note('gone', 'item:999'),
    ],
    targets,
  );

  it('numbers the notes in reading order and leaves out a note whose element is not in the pack', () => {
    expect(notes.map((placed) => [placed.number, placed.id])).toEqual([
      [1, 'a'],
      [2, 'c'],
      [3, 'b'],
    ]);
    expect(notes[1]?.targetLabel).toMatch(/Wycombe, % change \(-45%\)$/);
  });

  it('marks each element beside its text and lists the item’s notes at its end, escaped', () => {
    const html = renderPackHtml(pack, { mode: 'print', notes });
    const section = html.slice(
      html.indexOf('data-section-id="item:11"'),
      html.indexOf('</section>', html.indexOf('data-section-id="item:11"')),
    );
    expect(section).toMatch(
      /<h1 [^>]*>.*<sup class="note-mark"><a href="#note-1" aria-label="Note 1">N1<\/a><\/sup><\/span><\/h1>/,
    );
    expect(burglaryRow(html, 'area:5')).toContain('<td class="num">-45%<sup class="note-mark"><a href="#note-2"');
    expect(burglaryRow(html, 'total')).toMatch(
      /<th scope="row"[^>]*>Total Bucks<sup class="note-mark"><a href="#note-3"/,
    );
    const box = section.slice(section.indexOf('<aside class="pack-notes"'));
    expect(box).toContain('Reviewers’ notes on this item');
    expect(box).toContain('<span class="pack-note-kind">Question for the meeting</span>');
    expect(box).toContain('<p class="pack-note-text">Why &lt;-45%&gt;?</p>');
    expect(box).toContain(
      '<span class="pack-note-kind rag-amber"><span class="rag-swatch" aria-hidden="true"></span>Proposed RAG: Amber</span>',
    );
    expect(box).toContain('<p class="pack-note-by">Chair, 21 November 2026</p>');
    // Within the item's box a note says what it is on without the item's name again.
    expect(box).toContain('<span class="pack-note-on">on this item</span>');
    expect(box).toMatch(/<span class="pack-note-on">on Wycombe, % change \(-45%\)<\/span>/);
    expect(html).not.toContain('Note gone');
  });

  it('renders exactly as before without notes', () => {
    const plain = renderPackHtml(pack, { mode: 'print' });
    expect(renderPackHtml(pack, { mode: 'print', notes: [] })).toBe(plain);
    expect(plain).not.toContain('<sup class="note-mark"');
    expect(plain).not.toContain('<aside class="pack-notes"');
  });
});
