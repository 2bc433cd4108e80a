import type { AgendaItem, Meeting } from '../../../shared/api/meetings-contract';
import type { ChartData } from '../../../shared/charts/chart-data';
import type { ChartSize } from '../../../shared/charts/chart-spec';
import type { PackAttachment, PackBlock } from '../../../shared/pack/document';
import type { FieldResolver } from '../../../shared/pack/fields';
import type { Db } from '../../../db/schema/database';

/** Draws a chart's data as a standalone SVG document (electron/charts/render-chart-svg.ts in the app). */
export type ChartSvgRenderer = (data: ChartData, size: ChartSize) => string;

/** What every section builder is given. */
export interface SectionContext {
  readonly db: Db;
  readonly meeting: Meeting;
  readonly item: AgendaItem;
  /** "item:12". */
  readonly sectionId: string;
  readonly resolve: FieldResolver;
  readonly chartSvg: ChartSvgRenderer;
  /** The partnership's own area (Buckinghamshire): outcome figures are its figures. */
  readonly homeAreaId: number | null;
}

/** Something in a section that stops the pack being exported: the message, and the field as written if a field. */
export interface SectionProblem {
  readonly message: string;
  readonly source: string | null;
}

/** A built section's blocks, what blocks its export, and the attachment it appends (attachment items). */
export interface SectionContent {
  readonly blocks: readonly PackBlock[];
  readonly problems: readonly SectionProblem[];
  readonly attachment?: PackAttachment;
}

/** Content with no problems. */
export const plainContent = (blocks: readonly PackBlock[]): SectionContent => ({ blocks, problems: [] });
