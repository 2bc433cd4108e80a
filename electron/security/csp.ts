/**
 * The renderer's Content-Security-Policy, one string for both places that serve
 * the page: Electron's session (a response header on the app's own files) and
 * the HTTP bridge of the browser preview. Nothing remote, no inline script, no
 * eval; React sets styles through the CSSOM, which a style-src policy does not block.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
