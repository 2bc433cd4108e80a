import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../security/csp';

/**
 * The renderer is served from the app's own files through a privileged custom
 * scheme, app://boardpack/, never file://: every response carries the CSP
 * header, only files under the renderer folder are served, and nothing else
 * (no other host, no path outside the folder) is.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'boardpack';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Electron's privileges for the scheme: a standard, secure origin that fetch works
 * against. Vite's page loads its scripts as `<script type="module" crossorigin>`,
 * CORS-mode requests, which Chromium makes only on CORS-enabled schemes; no response
 * carries Access-Control-Allow-Origin, so no other origin can read the app's files.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** True for a URL of the app's own origin (app://boardpack/...). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export type AppFileTarget =
  | { readonly kind: 'file'; readonly path: string; readonly fallback: boolean }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404 };

/**
 * The file under `rootDir` a request URL names. Refused: another scheme or host,
 * an undecodable path, a NUL byte or backslash, and any path that resolves
 * outside the folder (however it is spelled or encoded).
 */
export function resolveAppFile(rootDir: string, url: string): AppFileTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'refused', status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'refused', status: 400 };
  const root = resolve(rootDir);
  const path = resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { kind: 'refused', status: 403 };
  }
  // A path without an extension is a screen of the single-page app: it gets index.html.
  return extname(path) === ''
    ? { kind: 'file', path: resolve(root, 'index.html'), fallback: true }
    : { kind: 'file', path, fallback: false };
}

/** The headers every response of the app's origin carries, errors included. */
export function appHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = {};
  headers['content-type'] = contentType;
  headers['content-security-policy'] = RENDERER_CSP;
  headers['x-content-type-options'] = 'nosniff';
  headers['referrer-policy'] = 'no-referrer';
  headers['cache-control'] = 'no-cache';
  return headers;
}

const refusal = (status: number, text: string) =>
  new Response(text, { status, headers: appHeaders('text/plain; charset=utf-8') });

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The protocol handler's answer to one request: the file with the CSP header, or a refusal. */
export async function serveAppRequest(
  rootDir: string,
  request: { readonly url: string; readonly method: string },
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
  const target = resolveAppFile(rootDir, request.url);
  if (target.kind === 'refused') return refusal(target.status, target.status === 403 ? 'forbidden' : 'not found');
  if (!(await isFile(target.path))) return refusal(404, 'not found');
  const body = request.method === 'HEAD' ? null : await readFile(target.path);
  return new Response(body, { status: 200, headers: appHeaders(contentTypeFor(target.path)) });
}
