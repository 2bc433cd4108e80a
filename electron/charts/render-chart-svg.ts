import { Bar } from '@nivo/bar';
import { Line } from '@nivo/line';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ChartData } from '../../shared/charts/chart-data';
import type { ChartSize } from '../../shared/charts/chart-spec';
import { CHART_FONT_FAMILY, CHART_TEXT_COLOUR, chartProps } from '../../shared/charts/nivo-props';

/**
 * A chart as a standalone static SVG, drawn in Node with no browser: nivo's
 * fixed-size Line or Bar with animation off, rendered with renderToStaticMarkup;
 * the <svg> taken out of nivo's wrapping <div>, under a visible title, with
 * <title> and <desc> for screen readers and role="img". Inline style attributes
 * become SVG presentation attributes, so the file draws the same when a strict
 * CSP (style-src 'self') page embeds it inline. Text uses system fonts only.
 */

const TITLE_HEIGHT = 34;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** CSS properties nivo writes in style="" that SVG also takes as attributes. */
const PRESENTATION = new Set([
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'alignment-baseline',
  'shape-rendering',
  'mix-blend-mode',
  'visibility',
  'display',
  'pointer-events',
]);

/** style="fill:#333;font-size:11px" → fill="#333" font-size="11px"; other properties (cursor, outline) are dropped. */
export function styleToAttributes(markup: string): string {
  return markup.replace(/ style="([^"]*)"/g, (_, style: string) => {
    const attributes = style
      .split(';')
      .map((declaration): [string, string] | null => {
        const at = declaration.indexOf(':');
        return at < 0 ? null : [declaration.slice(0, at).trim(), declaration.slice(at + 1).trim()];
      })
      .filter((pair): pair is [string, string] => pair !== null && PRESENTATION.has(pair[0]) && pair[1] !== '')
      .map(([name, value]) => ` ${name}="${value}"`);
    return attributes.join('');
  });
}

/** The inside of the outermost <svg> element nivo drew. */
function innerSvg(markup: string): string {
  const open = markup.indexOf('<svg');
  const start = open < 0 ? -1 : markup.indexOf('>', open);
  const end = markup.lastIndexOf('</svg>');
  if (open < 0 || start < 0 || end < start) throw new Error('nivo drew no <svg>');
  return markup.slice(start + 1, end);
}

function drawn(data: ChartData, width: number, height: number): string {
  const chart = chartProps(data);
  const fixed = { width, height, animate: false, isInteractive: false, role: 'presentation' };
  // nivo's prop types are generic over the datum; the props come typed from nivo-props.ts.
  const component = (chart.kind === 'trend' ? Line : Bar) as unknown as ComponentType<Record<string, unknown>>;
  const extra = chart.kind === 'trend' ? { useMesh: false, enableSlices: false } : {};
  return renderToStaticMarkup(createElement(component, { ...chart.props, ...extra, ...fixed }));
}

/** The chart as an SVG document (UTF-8 text, no XML declaration needed). */
export function renderChartSvg(data: ChartData, size: ChartSize): string {
  const { width, height } = size;
  const inner = styleToAttributes(innerSvg(drawn(data, width, height - TITLE_HEIGHT)));
  const title = escapeXml(data.title);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` role="img" aria-labelledby="chart-title chart-desc" font-family="${CHART_FONT_FAMILY}">`,
    `<title id="chart-title">${title}</title>`,
    `<desc id="chart-desc">${escapeXml(data.summary)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="23" font-size="16" font-weight="700" fill="${CHART_TEXT_COLOUR}">${title}</text>`,
    `<g transform="translate(0,${TITLE_HEIGHT})">${inner}</g>`,
    '</svg>\n',
  ].join('');
}
