import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardpack } from '../../helpers/run-boardpack';
import { tempDir } from '../../helpers/temp-files';

const MEETING = 'Safer and Stronger Bucks Partnership Board — March 2014';

async function demoDatabase(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'demo.db');
  expect((await boardpack('init', '--db', db, '--demo')).code).toBe(0);
  return { dir, db };
}

describe('boardpack meetings and boardpack pack', () => {
  it('lists the meetings with their issued versions, as a table and as JSON', async () => {
    const { db } = await demoDatabase();
    const table = await boardpack('meetings', '--db', db);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /1\s+2014-03-12\s+Safer and Stronger Bucks Partnership Board — March 2014\s+11\s+none/,
    );
    const json = await boardpack('meetings', '--db', db, '--format', 'json');
    expect(JSON.parse(json.stdout)).toEqual({
      meetings: [expect.objectContaining({ id: 1, title: MEETING, itemCount: 11, latestVersion: null, versions: [] })],
    });
  });

  it('writes the HTML pack of a meeting named by title, issuing it first when asked', async () => {
    const { dir, db } = await demoDatabase();
    const out = join(dir, 'pack.html');
    const run = await boardpack(
      'pack',
      '--db',
      db,
      '--meeting',
      MEETING.toLowerCase(),
      '--format',
      'html',
      '--out',
      out,
      '--issue',
    );
    expect(run).toMatchObject({ code: 0, stdout: `Wrote ${out}\n` });
    expect(run.stderr).toContain(`issued version 1 of "${MEETING}"`);
    const html = readFileSync(out, 'utf8');
    for (const number of ['1108', '886', '-222', '-20%', '-166', '-45%', '£277,000', '£246,000'])
      expect(html).toContain(number);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const listed = await boardpack('meetings', '--db', db, '--format', 'json');
    expect(JSON.parse(listed.stdout)).toMatchObject({ meetings: [{ versions: [1] }] });
  });

  it('writes one CSV per table of an issued version into a folder', async () => {
    const { dir, db } = await demoDatabase();
    expect(
      (
        await boardpack(
          'pack',
          '--db',
          db,
          '--meeting',
          '1',
          '--format',
          'html',
          '--out',
          join(dir, 'a.html'),
          '--issue',
        )
      ).code,
    ).toBe(0);
    const folder = join(dir, 'csv');
    const run = await boardpack(
      'pack',
      '--db',
      db,
      '--meeting',
      '1',
      '--version',
      '1',
      '--format',
      'csv',
      '--out',
      folder,
    );
    expect(run.code).toBe(0);
    const files = readdirSync(folder);
    expect(files.length).toBeGreaterThanOrEqual(10);
    const burglary = files.find((name) => name.startsWith('04-') && name.includes('domestic-burglary'));
    expect(burglary).toBeDefined();
    const csv = readFileSync(join(folder, burglary ?? ''), 'utf8');
    expect(csv).toContain('Wycombe');
    expect(csv).toContain('-166');
  });

  it('refuses an unknown meeting, format or version in one line with a non-zero exit', async () => {
    const { dir, db } = await demoDatabase();
    const out = join(dir, 'x.html');
    const unknown = await boardpack(
      'pack',
      '--db',
      db,
      '--meeting',
      'Board of nobody',
      '--format',
      'html',
      '--out',
      out,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^boardpack pack: field meeting: unknown meeting "Board of nobody"; did you mean/);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const format = await boardpack('pack', '--db', db, '--meeting', '1', '--format', 'rtf', '--out', out);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of pdf, docx, csv, html, not "rtf"');
    const version = await boardpack(
      'pack',
      '--db',
      db,
      '--meeting',
      '1',
      '--version',
      '4',
      '--format',
      'html',
      '--out',
      out,
    );
    expect(version.code).toBe(1);
    expect(version.stderr).toContain('this meeting has no issued version 4');
    expect(existsSync(out)).toBe(false);
  });
});
