import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../../electron/bridge/server';
import { RENDERER_CSP } from '../../../../electron/security/csp';
import { loadDemoDataset } from '../../../../db/demo/load-demo';
import { newDatabase, tempDir } from '../../../helpers/temp-files';

let bridge: Bridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

async function start(withStatic = false) {
  const { db, location } = await newDatabase();
  await loadDemoDataset(db, { actor: 'test', now: () => '2026-11-26T09:00:00.000Z' });
  let staticDir: string | undefined;
  if (withStatic) {
    staticDir = join(tempDir(), 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Boardpack</title>');
  }
  bridge = await startBridge({
    context: {
      db,
      writer: { actor: 'bridge', now: () => '2026-11-26T10:00:00.000Z' },
      databaseLocation: location,
      version: '1.0.0',
    },
    ...(staticDir ? { staticDir } : {}),
  });
  return { bridge, db };
}

const post = (b: Bridge, name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${b.url}/api/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the HTTP bridge', () => {
  it('listens on 127.0.0.1 only, on a free port, and gives the page its token in the fragment', async () => {
    const { bridge } = await start();
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.pageUrl).toBe(`${bridge.url}/#token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a contract call with a result', async () => {
    const { bridge } = await start();
    const response = await post(bridge, 'app.info', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      value: { version: '1.0.0', partnership: 'Safer Buckinghamshire Board' },
    });
  });

  it('refuses a request without the token, or with a wrong one, and writes nothing', async () => {
    const { bridge, db } = await start();
    const missing = await fetch(`${bridge.url}/api/glossary.create`, {
      method: 'POST',
      body: JSON.stringify({ term: 'X', definition: 'Y' }),
    });
    expect(missing.status).toBe(401);
    const wrong = await post(
      bridge,
      'glossary.create',
      { term: 'X', definition: 'Y' },
      { authorization: 'Bearer not-the-token' },
    );
    expect(wrong.status).toBe(401);
    expect(await db.selectFrom('glossaryTerm').selectAll().where('term', '=', 'X').execute()).toEqual([]);
  });

  it('refuses a request from another origin', async () => {
    const { bridge } = await start();
    const response = await post(bridge, 'app.info', {}, { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });

  it('returns errors as data with where, as Electron does', async () => {
    const { bridge } = await start();
    const response = await post(bridge, 'periods.create', {
      label: 'Q1',
      kind: 'quarter',
      startDate: '2024-06-30',
      endDate: '2024-04-01',
      note: null,
    });
    expect(await response.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'the end date must not be before the start date',
        where: { field: 'endDate' },
      },
    });
  });

  it('streams "data changed" to the page after a write', async () => {
    const { bridge } = await start();
    const controller = new AbortController();
    const stream = await fetch(`${bridge.url}/api/events?token=${bridge.token}`, { signal: controller.signal });
    const reader = stream.body!.getReader();
    await reader.read(); // ": connected"
    await post(bridge, 'glossary.create', { term: 'VAWG', definition: 'Violence against women and girls' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe(
      `data: ${JSON.stringify({ type: 'data-changed', tables: ['glossary'] })}\n\n`,
    );
    controller.abort();
  });

  it('refuses the event stream without the token', async () => {
    const { bridge } = await start();
    expect((await fetch(`${bridge.url}/api/events`)).status).toBe(401);
  });

  it('serves the renderer with the strict Content-Security-Policy', async () => {
    const { bridge } = await start(true);
    const response = await fetch(`${bridge.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-(inline|eval)/);
    expect(await response.text()).toContain('<title>Boardpack</title>');
  });
});
