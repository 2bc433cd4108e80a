/**
 * Text into HTML: every string the pack prints goes through escapeHtml (element
 * text and attribute values alike), and every link a paper carries through
 * safeHref, so a paper can never smuggle markup, scripts or odd URL schemes
 * into the preview, the exported HTML or the PDF.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in element text and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The URL when it is an absolute http(s) or mailto link, else null (the text then prints without a link). */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  // Control characters and whitespace inside a URL are how "java\tscript:" slips past scheme checks.
  const controlOrSpace = Array.from(trimmed).some((character) => character <= ' ' || character === '\u007f');
  if (trimmed === '' || controlOrSpace || /\s/.test(trimmed)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined || !ALLOWED_SCHEMES.has(scheme)) return null;
  if (scheme !== 'mailto:' && !/^https?:\/\/[^/?#\s]+/i.test(trimmed)) return null;
  return trimmed;
}
