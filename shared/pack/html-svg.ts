import { escapeHtml } from './html-escape';

/**
 * A chart's standalone SVG made fit to sit inline in the pack's HTML: no XML
 * prolog, no scripts, styles, foreign objects, event attributes or links out of
 * the drawing; its ids prefixed so two charts on one page never share one; and
 * its root named for screen readers by the chart's summary (role="img",
 * aria-label). The SVG comes from our own renderer (electron/charts/), so this
 * is a second line of defence, not a general-purpose sanitiser.
 */

const DROPPED = 'script|style|foreignObject|iframe|object|embed';
const DROPPED_EMPTY = new RegExp(`<(${DROPPED})\\b[^>]*\\/>`, 'gi');
const DROPPED_ELEMENTS = new RegExp(`<(${DROPPED})\\b[^>]*>[\\s\\S]*?<\\/\\1\\s*>`, 'gi');
const ANY_DROPPED = new RegExp(`<\\/?(${DROPPED})\\b`, 'i');
const EVENT_ATTRIBUTES = /\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const LINK_ATTRIBUTES = /\s+(?:xlink:)?href\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const ROOT_NAMING =
  /\s+(?:role|aria-labelledby|aria-describedby|aria-label|aria-hidden|focusable)\s*=\s*("[^"]*"|'[^']*')/gi;

const unquote = (value: string): string => value.replace(/^["']|["']$/g, '');

/** `prefix` must be made of letters, digits and hyphens ("chart-3"). */
export function inlineSvg(svg: string, summary: string, prefix: string): string | null {
  let markup = svg
    .replace(/<\?xml[\s\S]*?\?>/gi, '')
    .replace(/<!DOCTYPE[\s\S]*?>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(DROPPED_EMPTY, '')
    .replace(DROPPED_ELEMENTS, '')
    .replace(EVENT_ATTRIBUTES, '')
    // Only links within the drawing (#id) stay; anything else would leave the pack.
    .replace(LINK_ATTRIBUTES, (attribute, value: string) => (unquote(value).startsWith('#') ? attribute : ''))
    .replace(/url\(\s*(['"]?)(?!#)[^)]*\)/gi, 'none')
    .trim();
  // Anything left unclosed or nested oddly: the drawing is not inlined at all.
  if (ANY_DROPPED.test(markup) || !/^<svg[\s>]/i.test(markup) || !/<\/svg>\s*$/i.test(markup)) return null;

  const ids = new Set<string>();
  markup = markup.replace(/\sid\s*=\s*"([^"]*)"/g, (_, id: string) => {
    ids.add(id);
    return ` id="${prefix}-${id}"`;
  });
  markup = markup.replace(/url\(\s*['"]?#([^)'"]+)['"]?\s*\)/g, (whole, id: string) =>
    ids.has(id) ? `url(#${prefix}-${id})` : whole,
  );
  markup = markup.replace(/(href\s*=\s*")#([^"]+)"/g, (whole, start: string, id: string) =>
    ids.has(id) ? `${start}#${prefix}-${id}"` : whole,
  );

  const rootEnd = markup.indexOf('>');
  const root = markup.slice(0, rootEnd).replace(ROOT_NAMING, '').replace(/\/$/, '');
  const named = `${root} role="img" aria-label="${escapeHtml(summary)}" focusable="false"`;
  return `${named}${markup.slice(rootEnd)}`;
}
