import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database';
import { dispatch } from '../../../electron/api/dispatch';
import { boardpack } from '../../helpers/run-boardpack';
import { newLocation, tempDir } from '../../helpers/temp-files';

const MEETING = 'Safer and Stronger Bucks Partnership Board — March 2014';
const BROKEN = '{{figure "Domestic burglery" "Total Bucks" "Apr-Dec 2013"}}';

/** The demo database on this run's engine, and a folder for what the commands write. */
async function demoDatabase(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = await newLocation();
  expect((await boardpack('init', '--db', db, '--demo')).code).toBe(0);
  return { dir, db };
}

/** Adds a paper whose field names an indicator that does not exist, through the app's own dispatch. */
async function addBrokenPaper(location: string): Promise<void> {
  const opened = await openDatabase(location);
  try {
    const writer = { actor: 'test', now: () => new Date().toISOString() };
    const result = await dispatch(
      { db: opened.db, writer, databaseLocation: location, version: 'test' },
      'agenda.create',
      {
        meetingId: 1,
        title: 'Late paper',
        content: {
          kind: 'paper',
          doc: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: `There were ${BROKEN}.` }] }],
          },
        },
      },
    );
    expect(result.ok).toBe(true);
  } finally {
    await opened.close();
  }
}

/** The issued version numbers `boardpack meetings` lists for the March 2014 meeting. */
async function issuedVersions(db: string): Promise<number[]> {
  const listed = JSON.parse((await boardpack('meetings', '--db', db, '--format', 'json')).stdout) as {
    meetings: { title: string; versions: number[] }[];
  };
  const meeting = listed.meetings.find((candidate) => candidate.title === MEETING);
  if (!meeting) throw new Error(`boardpack meetings does not list "${MEETING}"`);
  return meeting.versions;
}

describe('boardpack meetings', () => {
  it('lists the meetings with their issued versions, as a table and as JSON', async () => {
    const { db } = await demoDatabase();
    const table = await boardpack('meetings', '--db', db);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /1\s+2014-03-12\s+Safer and Stronger Bucks Partnership Board — March 2014\s+11\s+none/,
    );
    const json = await boardpack('meetings', '--db', db, '--format', 'json');
    expect(JSON.parse(json.stdout)).toEqual({
      meetings: expect.arrayContaining([
        expect.objectContaining({ id: 1, title: MEETING, itemCount: 11, latestVersion: null, versions: [] }),
      ]) as unknown,
    });
  });
});

describe('boardpack issue', () => {
  it('freezes the next version of a meeting named by id or title and prints its number', async () => {
    const { db } = await demoDatabase();
    const first = await boardpack('issue', '--db', db, '--meeting', MEETING.toLowerCase());
    expect(first).toEqual({ code: 0, stdout: `issued v1 of "${MEETING}"\n`, stderr: '' });
    const second = await boardpack('issue', '--db', db, '--meeting', '1', '--format', 'json');
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({
      meeting: MEETING,
      version: 2,
      issuedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/) as string,
    });
    const table = await boardpack('meetings', '--db', db);
    expect(table.stdout).toMatch(/March 2014\s+11\s+v1, v2/);
  });

  it('refuses, in one line naming each problem, a pack with a broken data reference', async () => {
    const { dir, db } = await demoDatabase();
    expect((await boardpack('issue', '--db', db, '--meeting', '1')).code).toBe(0);
    await addBrokenPaper(db);
    const refused = await boardpack('issue', '--db', db, '--meeting', '1');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      /^boardpack issue: .*the pack cannot be issued while it has 1 problem: Late paper: /,
    );
    expect(refused.stderr).toContain(`the field ${BROKEN} cannot be filled: unknown indicator "Domestic burglery"`);
    expect(await issuedVersions(db)).toEqual([1]);
    // The draft cannot be exported either, but the version issued before the break still can.
    const draft = join(dir, 'draft.html');
    const blocked = await boardpack('export', '--db', db, '--meeting', '1', '--format', 'html', '--out', draft);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('the pack cannot be exported while it has 1 problem: Late paper');
    expect(existsSync(draft)).toBe(false);
    const issued = join(dir, 'v1.html');
    const v1 = await boardpack(
      'export',
      '--db',
      db,
      '--meeting',
      '1',
      '--version',
      '1',
      '--format',
      'html',
      '--out',
      issued,
    );
    expect(v1.code, v1.stderr).toBe(0);
    expect(readFileSync(issued, 'utf8')).not.toContain('Late paper');
  });

  it('refuses an unknown meeting or output format', async () => {
    const { db } = await demoDatabase();
    const unknown = await boardpack('issue', '--db', db, '--meeting', 'Board of nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^boardpack issue: field meeting: unknown meeting "Board of nobody"; did you mean/);
    const format = await boardpack('issue', '--db', db, '--meeting', '1', '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of text, json, not "xml"');
    expect(await issuedVersions(db)).toEqual([]);
  });
});

describe('boardpack export', () => {
  it('writes the HTML pack of the draft, reporting progress on stderr', async () => {
    const { dir, db } = await demoDatabase();
    const out = join(dir, 'pack.html');
    const run = await boardpack(
      'export',
      '--db',
      db,
      '--meeting',
      MEETING.toLowerCase(),
      '--format',
      'html',
      '--out',
      out,
    );
    expect(run).toEqual({
      code: 0,
      stdout: `Wrote ${out}\n`,
      stderr: `building the html pack of "${MEETING}" (draft)\n`,
    });
    const html = readFileSync(out, 'utf8');
    for (const number of ['1108', '886', '-222', '-20%', '-166', '-45%', '£277,000', '£246,000'])
      expect(html).toContain(number);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await issuedVersions(db)).toEqual([]);
  });

  it('writes one CSV per table of an issued version into a folder', async () => {
    const { dir, db } = await demoDatabase();
    expect((await boardpack('issue', '--db', db, '--meeting', '1')).code).toBe(0);
    const folder = join(dir, 'csv');
    const run = await boardpack(
      'export',
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
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(folder);
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(run.stdout).toBe(`Wrote ${files.length} files to ${folder}\n`);
    expect(run.stderr).toContain(`building the csv pack of "${MEETING}" (version 1)\n`);
    for (const name of files) expect(run.stderr).toContain(`wrote ${join(folder, name)}\n`);
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
      'export',
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
    expect(unknown.stderr).toMatch(/^boardpack export: field meeting: unknown meeting "Board of nobody"; did you mean/);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const format = await boardpack('export', '--db', db, '--meeting', '1', '--format', 'rtf', '--out', out);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of pdf, docx, csv, html, not "rtf"');
    const version = await boardpack(
      'export',
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
    const issue = await boardpack('export', '--db', db, '--meeting', '1', '--format', 'html', '--out', out, '--issue');
    expect(issue.code).toBe(2);
    expect(issue.stderr).toContain("Unknown option '--issue'");
    expect(existsSync(out)).toBe(false);
  });

  it('is the only way to export: there is no `boardpack pack` left', async () => {
    const { dir, db } = await demoDatabase();
    const run = await boardpack('pack', '--db', db, '--meeting', '1', '--format', 'html', '--out', join(dir, 'p.html'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^boardpack: unknown command "pack" \(commands: .*\bissue, export\b/);
  });
});
