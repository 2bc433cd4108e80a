import { describe, expect, it } from 'vitest';
import type { PackBlock, PackInline } from '../../../shared/pack/document';
import { apiOnDatabase, type TestApi } from '../../helpers/api-context';
import { meetingTitled, printed, section, tablesOf } from '../../helpers/pack-document';

const MEETING = 'Safer Buckinghamshire Board — July 2022';

const meetingOf = (api: TestApi) => meetingTitled(api, MEETING);

const inlineText = (inlines: readonly PackInline[]) => inlines.map((inline) => inline.text ?? '').join('');

/** Each paragraph and list item of a section as the text it prints, fields filled in. */
const lines = (blocks: readonly PackBlock[]): string[] =>
  blocks.flatMap((block) => {
    if (block.kind === 'paragraph') return [inlineText(block.inlines)];
    if (block.kind === 'list') return block.items.map(inlineText);
    return [];
  });

const fieldsOf = (blocks: readonly PackBlock[]): PackInline[] =>
  blocks.flatMap((block) => {
    const inlines = block.kind === 'paragraph' ? block.inlines : block.kind === 'list' ? block.items.flat() : [];
    return inlines.filter((inline) => inline.kind === 'field');
  });

describe('the demo meeting: Safer Buckinghamshire Board, July 2022', () => {
  it('builds one section per agenda item, in order, with no problems', async () => {
    const api = await apiOnDatabase();
    const meeting = await meetingOf(api);
    const { document, problems } = await api.call('pack.build', { meetingId: meeting.id });
    expect(problems).toEqual([]);
    expect(document.cover).toMatchObject({ title: MEETING, dateText: 'Wednesday 13 July 2022, 14:00' });
    expect(meeting.items).toHaveLength(17);
    expect(document.sections.map((entry) => [entry.number, entry.title, entry.kind])).toEqual(
      meeting.items.map((item, index) => [index + 1, item.title, item.content.kind]),
    );
    expect(document.sections.map((entry) => entry.kind)).toEqual([
      'paper',
      'paper',
      'performance table',
      'chart',
      'chart',
      'paper',
      'performance table',
      'priority progress',
      'priority progress',
      'priority progress',
      'priority progress',
      'priority progress',
      'paper',
      'paper',
      'paper',
      'action log',
      'glossary',
    ]);
    // The crime-statistics paper binds 20 numbers and the survey paper 14; every one resolved.
    const fields = document.sections.flatMap((entry) => fieldsOf(entry.blocks));
    expect(fields).toHaveLength(34);
    expect(fields.filter((field) => field.kind === 'field' && (field.text === null || field.problem !== null))).toEqual(
      [],
    );
  });

  it('prints the report’s crime rates against England and the South East', async () => {
    const api = await apiOnDatabase();
    const { document } = await api.call('pack.build', { meetingId: (await meetingOf(api)).id });
    const rows = printed(tablesOf(section(document, 'Crime rates with England and South East').blocks)[0]);
    expect(rows).toHaveLength(7);
    expect(rows).toContainEqual([
      'Violent and sexual offences rate',
      'Buckinghamshire',
      '21.9',
      '26.3',
      '+4.4',
      '+20%',
      'lower than England (31.6) and South East (34.9)',
    ]);
    expect(rows).toContainEqual(
      expect.arrayContaining(['Vehicle crime rate', '5.0', '5.3', 'higher than England (5) and South East (4.6)']),
    );
    expect(rows).toContainEqual(
      expect.arrayContaining(['Burglary rate', '7.8', '6.7', 'lower than England (9) and South East (8)']),
    );

    const text = lines(section(document, 'Crime statistics 2021/22').blocks).join('\n');
    expect(text).toContain('the rate fell to 8.0 in 2021/22 (-12% on 2020/21)');
    expect(text).toContain('lower than England (19.4) and the South East (15.8)');
    expect(text).toContain('Violent and sexual offences: 26.3, up from 17.4 in 2018/19');
  });

  it('draws the violent and sexual offences and burglary trends with the comparators', async () => {
    const api = await apiOnDatabase();
    const { document } = await api.call('pack.build', { meetingId: (await meetingOf(api)).id });
    const [violence] = section(document, 'Violent and sexual offences trend').blocks;
    const [burglary] = section(document, 'Burglary trend').blocks;
    if (violence?.kind !== 'chart' || burglary?.kind !== 'chart') throw new Error('the chart items draw no chart');
    expect(violence.chart.svg).toMatch(/^<svg[^>]*role="img"/);
    expect(violence.chart.table.rows).toContainEqual(['Buckinghamshire', '17.4', '18.9', '21.9', '26.3']);
    expect(violence.chart.table.rows).toContainEqual(['England', '–', '–', '–', '31.6']);
    expect(burglary.chart.table.rows).toContainEqual(['Buckinghamshire', '11.8', '11.7', '7.8', '6.7']);
  });

  it('gives the survey results in the paper and the 2020 comparison in the table', async () => {
    const api = await apiOnDatabase();
    const { document } = await api.call('pack.build', { meetingId: (await meetingOf(api)).id });
    const text = lines(section(document, 'What you told us: the resident survey 2021').blocks);
    expect(text[0]).toContain('The survey received 1041 responses; 98% of respondents live in Buckinghamshire');
    expect(text).toContain('Fraud/scams (including online): 69%');
    expect(text).toContain('Speeding: 77%');
    const rows = printed(tablesOf(section(document, 'Resident survey: concerns compared with 2020').blocks)[0]);
    expect(rows).toEqual([
      ['Concern about criminal damage', 'Buckinghamshire', '36%', '43%', '+7 pp', '+7 pp'],
      ['Concern about robbery', 'Buckinghamshire', '36%', '30%', '-6 pp', '-6 pp'],
      ['Concern about begging and vagrancy', 'Buckinghamshire', '34%', '33%', '-1 pp', '-1 pp'],
    ]);
  });

  it('reports progress on each of the five priorities, PCC funding and the actions', async () => {
    const api = await apiOnDatabase();
    const { document } = await api.call('pack.build', { meetingId: (await meetingOf(api)).id });
    const progress = document.sections.filter((entry) => entry.kind === 'priority progress');
    expect(progress.map((entry) => entry.title.slice(0, 10))).toEqual([
      'Priority 1',
      'Priority 2',
      'Priority 3',
      'Priority 4',
      'Priority 5',
    ]);
    const priority4 = JSON.stringify(progress[3]?.blocks);
    expect(priority4).toContain('There are 441 trained Domestic Abuse Champions');
    expect(priority4).toContain('There were 277 referrals');
    expect(lines(section(document, 'Police and Crime Commissioner funding').blocks)).toEqual(
      expect.arrayContaining(['2022/23: £436,567', '2023/24: £486,132', '2024/25: £537,585']),
    );
    const actions = printed(tablesOf(section(document, 'Action log').blocks)[0]).map((row) => row[0]);
    expect(actions).toContain('Agree the refreshed Violence Reduction Plan');
  });

  it('exports as HTML, DOCX and the CSV of each table', async () => {
    const api = await apiOnDatabase();
    const meeting = await meetingOf(api);
    const html = await api.call('pack.export', { meetingId: meeting.id, format: 'html' });
    expect(html.encoding).toBe('utf8');
    expect(html.content).toContain(MEETING);
    expect(html.content).toContain('lower than England (31.6) and South East (34.9)');
    const docx = await api.call('pack.export', { meetingId: meeting.id, format: 'docx' });
    expect(docx.encoding).toBe('base64');
    expect(Buffer.from(docx.content, 'base64').subarray(0, 2).toString()).toBe('PK');
    const { document } = await api.call('pack.build', { meetingId: meeting.id });
    const table = tablesOf(section(document, 'Crime rates with England and South East').blocks)[0];
    if (!table) throw new Error('no crime-rate table');
    const csv = await api.call('pack.export', { meetingId: meeting.id, format: 'csv', tableId: table.id });
    expect(csv.content).toContain('Violent and sexual offences rate,Buckinghamshire,21.9,26.3');
  });
});
