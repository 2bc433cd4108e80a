import { APP_ORIGIN, isAppUrl } from './app-protocol';

/**
 * What the window may load: its own origin, and the data:/blob: images its CSP
 * allows. Every remote or file URL is cancelled before a request leaves.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:';
}

/**
 * Which downloads the desktop app lets through to Electron's save dialog: only a
 * blob: URL made by the app's own page (blob:app://boardpack/…), which is how the
 * renderer offers an exported file. Every other download (remote, file:, data:,
 * a blob of another origin) is cancelled.
 */
export function isAllowedDownloadUrl(url: string): boolean {
  if (!/^blob:/i.test(url)) return false;
  const inner = url.slice('blob:'.length);
  return isAppUrl(inner) && inner.startsWith(APP_ORIGIN + '/');
}
