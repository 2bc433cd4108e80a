import { createHash } from 'node:crypto';
import { packStyle } from '../../shared/pack/html-style';

/**
 * The pack preview's one stylesheet, allowed by its hash: the Meetings screen shows the pack in a
 * sandboxed <iframe srcdoc>, which inherits this policy, and its <style> is exactly packStyle('preview').
 */
const PACK_PREVIEW_STYLE = `'sha256-${createHash('sha256').update(packStyle('preview'), 'utf8').digest('base64')}'`;

/**
 * The renderer's Content-Security-Policy, one string for both places that serve
 * the page: Electron's session (a response header on the app's own files) and
 * the HTTP bridge of the browser preview. Nothing remote, no inline script, no
 * eval; React sets styles through the CSSOM, which a style-src policy does not block.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${PACK_PREVIEW_STYLE}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
