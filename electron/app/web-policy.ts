import { isAppUrl } from './app-protocol';

/**
 * What the window may load: its own origin, and the data:/blob: images its CSP
 * allows. Every remote or file URL is cancelled before a request leaves.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:';
}
