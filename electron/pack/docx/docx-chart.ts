import { AlignmentType, ImageRun, Paragraph, type FileChild } from 'docx';
import type { PackChart, PackDocument } from '../../../shared/pack/document';
import { chartPng } from './chart-png';
import { TEXT_WIDTH_PX } from './docx-styles';
import { chartTableDocx } from './docx-table';

/**
 * A chart as a picture, at most the text's width, with its title and summary
 * as the picture's alt text, kept on the page with the table of its numbers
 * printed beneath it for readers who cannot see it.
 */
export type ChartPictures = ReadonlyMap<PackChart, Uint8Array>;

/** Every chart of the document as a PNG, drawn side by side. */
export async function chartPictures(document: PackDocument): Promise<ChartPictures> {
  const charts = document.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === 'chart' ? [block.chart] : [])),
  );
  const pictures = await Promise.all(charts.map((chart) => chartPng(chart.svg, chart.width)));
  return new Map(charts.map((chart, index) => [chart, pictures[index] ?? new Uint8Array()]));
}

export function chartDocx(chart: PackChart, pictures: ChartPictures): FileChild[] {
  const picture = pictures.get(chart);
  if (!picture) throw new Error(`chart ${chart.id} was not drawn`);
  const scale = Math.min(1, TEXT_WIDTH_PX / chart.width);
  const image = new ImageRun({
    type: 'png',
    data: picture,
    transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
    altText: { name: chart.id, title: chart.title, description: chart.summary },
  });
  return [
    new Paragraph({
      children: [image],
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 200, after: 120 },
    }),
    ...chartTableDocx(chart.table),
  ];
}
