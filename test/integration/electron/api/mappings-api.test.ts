import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch, type DispatchContext } from '../../../../electron/api/dispatch';
import type { FileChooser } from '../../../../electron/app/import-dialogs';
import type { ImportPurpose } from '../../../../shared/imports';
import { apiOnDatabase, type TestApi } from '../../../helpers/api-context';
import { newDatabase } from '../../../helpers/temp-files';

/** Saved figure-import mappings through the real dispatch, on a real SQLite file. */

const violence2014 = {
  layout: 'wide-period',
  indicator: 'Violence against the person',
  columns: { area: 'Police Area' },
  names: { periods: { '2012': 'Apr-Dec 2012', '2013': 'Apr-Dec 2013' }, areas: { 'Total Bucks': 'Buckinghamshire' } },
} as const;

async function logged(api: TestApi): Promise<{ operation: string; rowId: string }[]> {
  return api.db
    .selectFrom('changeLog')
    .select(['operation', 'rowId'])
    .where('tableName', '=', 'importMapping')
    .orderBy('id')
    .execute();
}

describe('mappings.save and mappings.list', () => {
  it('saves a mapping by name and lists it back as the import reads it, with its layout', async () => {
    const api = await apiOnDatabase({ empty: true });
    const saved = await api.call('mappings.save', { name: 'Police quarterly violence', mapping: violence2014 });
    expect(saved).toMatchObject({ name: 'Police quarterly violence', layout: 'wide-period' });
    expect(saved.mapping).toMatchObject({
      ...violence2014,
      ignore: [],
      names: { indicators: {}, periods: violence2014.names.periods, areas: violence2014.names.areas },
    });
    expect(await api.call('mappings.list', {})).toEqual([saved]);
    expect(await logged(api)).toEqual([{ operation: 'insert', rowId: String(saved.id) }]);
    expect(api.events).toContainEqual({ type: 'data-changed', tables: ['mappings'] });
  });

  it('replaces the mapping of the same name, whatever its case, keeping its id; the same mapping again writes nothing', async () => {
    const api = await apiOnDatabase({ empty: true });
    const first = await api.call('mappings.save', { name: 'Violence', mapping: violence2014 });
    const replaced = await api.call('mappings.save', {
      name: 'VIOLENCE',
      mapping: { ...violence2014, ignore: ['Region'] },
    });
    expect(replaced).toMatchObject({ id: first.id, name: 'VIOLENCE', mapping: { ignore: ['Region'] } });
    expect(await api.call('mappings.list', {})).toHaveLength(1);
    await api.call('mappings.save', { name: 'VIOLENCE', mapping: { ...violence2014, ignore: ['Region'] } });
    expect(await logged(api)).toEqual([
      { operation: 'insert', rowId: String(first.id) },
      { operation: 'update', rowId: String(first.id) },
    ]);
  });

  it('lists several mappings by name', async () => {
    const api = await apiOnDatabase({ empty: true });
    await api.call('mappings.save', { name: 'ONS by CSP', mapping: { layout: 'wide-indicator', period: '2021/22' } });
    await api.call('mappings.save', { name: 'Council long file', mapping: {} });
    expect((await api.call('mappings.list', {})).map((saved) => [saved.name, saved.layout])).toEqual([
      ['Council long file', null],
      ['ONS by CSP', 'wide-indicator'],
    ]);
  });

  it('refuses a mapping that does not parse, naming the field, and writes nothing', async () => {
    const api = await apiOnDatabase({ empty: true });
    expect(
      await api.fail('mappings.save', {
        name: 'Broken',
        mapping: { layout: 'sideways' },
      }),
    ).toMatchObject({ code: 'invalid-input', where: { field: 'mapping.layout' } });
    expect(
      await api.fail('mappings.save', {
        name: 'Broken',
        mapping: { names: { periods: { '2013': { create: { label: '2013', start: '2013-04-01' } } } } },
      }),
    ).toMatchObject({
      code: 'invalid-input',
      message: 'give both start and end, or neither (then they come from the label)',
      where: { field: 'mapping.names.periods.2013.create' },
    });
    expect(await api.fail('mappings.save', { name: '  ', mapping: {} })).toMatchObject({
      code: 'invalid-input',
      message: 'give the mapping a name',
      where: { field: 'name' },
    });
    expect(await api.call('mappings.list', {})).toEqual([]);
    expect(await logged(api)).toEqual([]);
  });

  it('refuses a damaged stored mapping by name rather than use it half-understood', async () => {
    const api = await apiOnDatabase({ empty: true });
    await api.call('mappings.save', { name: 'Hand edited', mapping: {} });
    await api.db.updateTable('importMapping').set({ mapping: '{"layout":"diagonal"}' }).execute();
    expect(await api.fail('mappings.list', {})).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('the saved mapping "Hand edited" is damaged'),
      where: { field: 'mapping.layout' },
    });
  });
});

describe('mappings.delete', () => {
  it('deletes a saved mapping and logs it; a second delete says it is gone', async () => {
    const api = await apiOnDatabase({ empty: true });
    const saved = await api.call('mappings.save', { name: 'Violence', mapping: violence2014 });
    expect(await api.call('mappings.delete', { id: saved.id })).toEqual({ deleted: 1 });
    expect(await api.call('mappings.list', {})).toEqual([]);
    expect((await logged(api)).map((entry) => entry.operation)).toEqual(['insert', 'delete']);
    expect(await api.fail('mappings.delete', { id: saved.id })).toMatchObject({
      code: 'not-found',
      where: { field: 'id' },
    });
  });
});

describe('the mapping an import used, to save', () => {
  it('comes back in the figures summary and, saved, imports the same file again with nothing to ask', async () => {
    const api = await apiOnDatabase();
    const csv = [
      'Police Area,2012,2013,Difference,% Change',
      'Aylesbury,976,"1,074",98,10%',
      'Chiltern & South Bucks,720,684,-36,-5%',
      'Wycombe,"1,003",994,-9,-1%',
      'Total Bucks,"2,699","2,752",53,2%',
    ].join('\r\n');
    const source = { fileName: 'violence-2014.csv', base64: Buffer.from(csv).toString('base64') };
    const first = await api.call('imports.run', {
      jobId: randomUUID(),
      job: { kind: 'figures', source, mapping: violence2014, dryRun: true },
    });
    if (first.status !== 'done' || first.summary.kind !== 'figures') throw new Error(`not done: ${first.status}`);
    expect(first.summary.mapping).toMatchObject({
      layout: 'wide-period',
      indicator: 'Violence against the person',
      columns: { area: 'Police Area' },
      names: { areas: { 'Total Bucks': 'Buckinghamshire' } },
    });
    const saved = await api.call('mappings.save', { name: 'Violence 2014', mapping: first.summary.mapping });
    const [listed] = await api.call('mappings.list', {});
    const again = await api.call('imports.run', {
      jobId: randomUUID(),
      job: { kind: 'figures', source, mapping: listed?.mapping, dryRun: true },
    });
    expect(listed?.id).toBe(saved.id);
    expect(again).toMatchObject({ status: 'done', summary: { figuresRead: 8, unchanged: 8, created: 0 } });
  });
});

/** A fake of Electron's dialog: answers what the test says, and remembers what it was asked. */
function fakeChooser(answer: readonly string[] | null): FileChooser & { asked: ImportPurpose[] } {
  const asked: ImportPurpose[] = [];
  return {
    asked,
    chooseImport: (purpose) => {
      asked.push(purpose);
      return Promise.resolve(answer);
    },
  };
}

async function contextWith(fileChooser?: FileChooser): Promise<DispatchContext> {
  const { db, location } = await newDatabase();
  return {
    db,
    writer: { actor: 'secretary', now: () => '2026-11-26T10:00:00.000Z' },
    databaseLocation: location,
    version: '0.0.0-test',
    ...(fileChooser ? { fileChooser } : {}),
  };
}

describe('files.chooseImport', () => {
  it('answers the chosen paths and their names, for the purpose asked', async () => {
    const chooser = fakeChooser(['/home/sec/police/2024-04', '/home/sec/police/2024-05']);
    const context = await contextWith(chooser);
    expect(await dispatch(context, 'files.chooseImport', { purpose: 'police-folder' })).toEqual({
      ok: true,
      value: { paths: ['/home/sec/police/2024-04', '/home/sec/police/2024-05'], names: ['2024-04', '2024-05'] },
    });
    expect(chooser.asked).toEqual(['police-folder']);
  });

  it('answers null when the dialog is cancelled', async () => {
    const context = await contextWith(fakeChooser(null));
    expect(await dispatch(context, 'files.chooseImport', { purpose: 'figures' })).toEqual({ ok: true, value: null });
  });

  it('refuses a purpose it does not know, naming the field', async () => {
    const chooser = fakeChooser(['/x.csv']);
    const context = await contextWith(chooser);
    expect(await dispatch(context, 'files.chooseImport', { purpose: 'passwords' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', where: { field: 'purpose' } },
    });
    expect(chooser.asked).toEqual([]);
  });

  it('says where there is no native dialog (the browser preview), and app.info says so too', async () => {
    const context = await contextWith();
    expect(await dispatch(context, 'files.chooseImport', { purpose: 'figures' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('upload the file instead') },
    });
    expect(await dispatch(context, 'app.info', {})).toMatchObject({ ok: true, value: { nativeFileDialogs: false } });
    expect(await dispatch(await contextWith(fakeChooser(null)), 'app.info', {})).toMatchObject({
      ok: true,
      value: { nativeFileDialogs: true },
    });
  });
});

describe('several police.uk files in one job', () => {
  it('counts every file given in one transaction', async () => {
    const api = await apiOnDatabase();
    const header =
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
    const month = (month: string, rows: number) => ({
      fileName: `${month}-thames-valley-street.csv`,
      base64: Buffer.from(
        [
          header,
          ...Array.from(
            { length: rows },
            (_, index) =>
              `id${month}${index},${month},Thames Valley Police,Thames Valley Police,-0.75,51.63,On or near High Street,E01017001,Wycombe 001A,Burglary,Under investigation,`,
          ),
        ].join('\n'),
      ).toString('base64'),
    });
    const outcome = await api.call('imports.run', {
      jobId: randomUUID(),
      job: { kind: 'police', source: [month('2024-04', 3), month('2024-05', 2)] },
    });
    expect(outcome).toMatchObject({
      status: 'done',
      summary: { kind: 'police', months: ['2024-04', '2024-05'], rowsRead: 5, rowsCounted: 5 },
    });
  });
});

describe('an uploaded file in what the person sees', () => {
  it('is named as chosen, not by its temp copy, in unknown names and in errors', async () => {
    const api = await apiOnDatabase();
    const upload = (text: string) => ({ fileName: 'council.csv', base64: Buffer.from(text).toString('base64') });
    const outcome = await api.call('imports.run', {
      jobId: randomUUID(),
      job: {
        kind: 'figures',
        source: upload('indicator,area,period,value\nDomestic burglary,Wycomb,Apr-Dec 2013,201\n'),
      },
    });
    expect(outcome).toMatchObject({
      status: 'unknown-names',
      unknown: [{ name: 'Wycomb', where: { file: 'council.csv', row: 2, column: 'area' } }],
    });
    expect(
      await api.fail('imports.run', {
        jobId: randomUUID(),
        job: {
          kind: 'figures',
          source: upload('indicator,area,period,value\nDomestic burglary,Wycombe,Apr-Dec 2013,lots\n'),
        },
      }),
    ).toMatchObject({ code: 'invalid-input', where: { file: 'council.csv', row: 2, column: 'value' } });
    const preview = await api.call('imports.previewFigures', { source: upload('Area,2012\nWycombe,1\n') });
    expect(preview.problem).toMatchObject({ where: { file: 'council.csv', field: 'indicator' } });
  });
});
