import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppRequest } from '../../../electron/app/app-protocol';
import { isAllowedRequestUrl } from '../../../electron/app/web-policy';
import { RENDERER_CSP } from '../../../electron/security/csp';
import { tempDir } from '../../helpers/temp-files';

let root: string;
let secret: string;

beforeEach(() => {
  const dir = tempDir();
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Boardpack</title>');
  writeFileSync(join(root, 'assets', 'app.css'), 'body { margin: 0 }');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'not for the renderer');
});

const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

describe('resolveAppFile', () => {
  it('maps app://boardpack/ paths to files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://boardpack/')).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
      fallback: false,
    });
    expect(resolveAppFile(root, 'app://boardpack/assets/app.css')).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'app.css'),
      fallback: false,
    });
    expect(resolveAppFile(root, 'app://boardpack/assets/my%20chart.png')).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'my chart.png'),
      fallback: false,
    });
  });

  it('gives index.html for a screen path (no extension) of the single-page app', () => {
    expect(resolveAppFile(root, 'app://boardpack/plans/3')).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
      fallback: true,
    });
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://boardpack/..%2Fsecret.txt',
      'app://boardpack/assets/..%2F..%2Fsecret.txt',
      'app://boardpack/%2e%2e%2fsecret.txt',
    ]) {
      expect(resolveAppFile(root, url), url).toEqual({ kind: 'refused', status: 403 });
    }
    // The URL parser itself folds dot segments (plain or %2E-encoded) at the root: they stay inside.
    expect(resolveAppFile(root, 'app://boardpack/assets/%2E%2E/%2E%2E/secret.txt')).toEqual({
      kind: 'file',
      path: join(root, 'secret.txt'),
      fallback: false,
    });
    expect(resolveAppFile(root, 'app://boardpack/..%5csecret.txt')).toEqual({ kind: 'refused', status: 400 });
    expect(resolveAppFile(root, 'app://boardpack/index.html%00.png')).toEqual({ kind: 'refused', status: 400 });
    expect(resolveAppFile(root, 'app://boardpack/%E0%A4%A')).toEqual({ kind: 'refused', status: 400 });
  });

  it('serves nothing for another host or scheme', () => {
    expect(resolveAppFile(root, 'app://evil/index.html')).toEqual({ kind: 'refused', status: 404 });
    expect(resolveAppFile(root, 'https://boardpack/index.html')).toEqual({ kind: 'refused', status: 404 });
    expect(resolveAppFile(root, 'not a url')).toEqual({ kind: 'refused', status: 400 });
  });
});

describe('serveAppRequest', () => {
  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await get('app://boardpack/assets/app.css');
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'text/css; charset=utf-8',
      'content-security-policy': RENDERER_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    expect(await response.text()).toBe('body { margin: 0 }');
    expect((await get('app://boardpack/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('puts the CSP on refusals too', async () => {
    const cases: [string, string, number][] = [
      ['app://boardpack/..%2Fsecret.txt', 'GET', 403],
      ['app://boardpack/assets/none.js', 'GET', 404],
      ['app://evil/index.html', 'GET', 404],
      ['app://boardpack/index.html', 'POST', 405],
    ];
    for (const [url, method, status] of cases) {
      const response = await get(url, method);
      expect([url, response.status]).toEqual([url, status]);
      expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
      expect(await response.text()).not.toContain('not for the renderer');
    }
  });

  it('does not follow a folder to a file outside it', async () => {
    mkdirSync(join(root, 'deep'));
    const response = await get(`app://boardpack/deep/${'..%2F'.repeat(3)}secret.txt`);
    expect(response.status).toBe(403);
  });

  it('serves a link inside the folder only by the name inside it, never what it points outside to', async () => {
    symlinkSync(join(root, 'assets'), join(root, 'alias'), 'dir');
    expect((await get('app://boardpack/alias/app.css')).status).toBe(200);
    expect((await get('app://boardpack/alias/..%2F..%2Fsecret.txt')).status).toBe(403);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://boardpack/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('isAllowedRequestUrl', () => {
  it('lets the window load its own origin and inline images, nothing remote', () => {
    expect(isAllowedRequestUrl('app://boardpack/index.html')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://boardpack/5b1c')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(isAllowedRequestUrl('https://fonts.example/font.woff2')).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/')).toBe(false);
    expect(isAllowedRequestUrl('ws://127.0.0.1:9229/')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedRequestUrl('app://boardpack.evil/index.html')).toBe(false);
  });
});
