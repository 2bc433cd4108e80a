import type { ChartKind } from './chart-spec';

/** A chart drawn as a standalone SVG document, with the words that describe it. */
export interface ChartSvg {
  readonly kind: ChartKind;
  readonly title: string;
  /** What the chart shows, in a sentence or two (the SVG's <desc>). */
  readonly summary: string;
  readonly width: number;
  readonly height: number;
  readonly fileName: string;
  readonly svg: string;
}
