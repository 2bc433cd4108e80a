import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api/contract';
import type { LocatedTarget } from '../../../shared/notes/targets';
import { apiOnDatabase, type TestApi } from '../../helpers/api-context';
import { tempPath } from '../../helpers/temp-files';

/**
 * "With the chair's shared notes": an issued version exported with its
 * reviewers' shared notes beside their elements, in every format that prints
 * (HTML, Word, PDF), and never a private note.
 */

const MARCH_2014 = 1;
const QUESTION = 'Why did Wycombe fall so much more than the other areas?';
const PROPOSAL = 'Green against the target, but the county trend is flattening.';
const PRIVATE = 'Ask the police lead about this before the meeting.';

let api: TestApi;

const bytes = (file: { content: string; encoding: 'utf8' | 'base64' }) => Buffer.from(file.content, file.encoding);

// A fresh database for each test (the helper closes it after each): v1 issued, two shared notes and a private one.
beforeEach(async () => {
  api = await apiOnDatabase();
  await api.call('pack.issue', { meetingId: MARCH_2014 });
  const targets: LocatedTarget[] = await api.call('annotations.targets', { meetingId: MARCH_2014, version: 1 });
  const find = (test: (target: LocatedTarget) => boolean) => {
    const found = targets.find(test);
    if (!found) throw new Error('the March 2014 pack has no such element');
    return found.target;
  };
  const wycombeChange = find((target) => target.kind === 'figure' && /Wycombe, % change \(-45%\)$/.test(target.label));
  const total = find(
    (target) =>
      target.kind === 'row' && target.target.startsWith('row:item:4:table:1/') && /: Total/.test(target.label),
  );
  const firstItem = find((target) => target.kind === 'item');
  const add = (input: Omit<InputOf<'annotations.add'>, 'meetingId' | 'version' | 'author'>) =>
    api.call('annotations.add', { meetingId: MARCH_2014, version: 1, author: 'Cllr Jane Chair', ...input });
  await add({ target: wycombeChange, kind: 'question', text: QUESTION });
  await add({ target: total, kind: 'proposed rag', rag: 'amber', text: PROPOSAL });
  await add({ target: firstItem, text: PRIVATE, shared: false });
}, 60_000);

describe('pack.export with notes', () => {
  it('puts the shared notes, never the private one, beside their elements in the HTML', async () => {
    const html = bytes(
      await api.call('pack.export', { meetingId: MARCH_2014, version: 1, format: 'html', withNotes: true }),
    ).toString('utf8');
    expect(html).toContain(QUESTION);
    expect(html).toMatch(/Proposed RAG: Amber<\/span> <span class="pack-note-on">on Total [^<]+<\/span>/);
    expect(html).not.toContain(PRIVATE);
    expect(html.match(/<sup class="note-mark">/g)).toHaveLength(2);
    const plain = bytes(await api.call('pack.export', { meetingId: MARCH_2014, version: 1, format: 'html' })).toString(
      'utf8',
    );
    expect(plain).not.toContain(QUESTION);
  });

  it('puts them in the Word file', async () => {
    const file = await api.call('pack.export', { meetingId: MARCH_2014, version: 1, format: 'docx', withNotes: true });
    const xml = await (await JSZip.loadAsync(bytes(file))).file('word/document.xml')?.async('string');
    expect(xml).toContain(QUESTION);
    expect(xml).toContain('Question for the meeting');
    expect(xml).not.toContain(PRIVATE);
  });

  it('puts them in the PDF', async () => {
    const file = await api.call('pack.export', { meetingId: MARCH_2014, version: 1, format: 'pdf', withNotes: true });
    const path = tempPath('with-notes.pdf');
    writeFileSync(path, bytes(file));
    const text = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain(QUESTION);
    expect(text).toContain('Reviewers’ notes on this item');
    expect(text).not.toContain(PRIVATE);
  }, 120_000);

  it('refuses notes on the live draft, naming the field', async () => {
    expect(await api.fail('pack.export', { meetingId: MARCH_2014, format: 'html', withNotes: true })).toMatchObject({
      code: 'invalid-input',
      where: { field: 'withNotes' },
    });
  });
});
