import { HeadingLevel, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import type { PackBlock, PackSection } from '../../../shared/pack/document';
import { NO_NOTES, type PackNotes } from '../../../shared/pack/pack-notes';
import { chartDocx, type ChartPictures } from './docx-chart';
import { noteMarkRuns, sectionNotesDocx } from './docx-notes';
import { inlineRuns } from './docx-inlines';
import { BULLETS, MUTED_COLOUR, NUMBERS } from './docx-styles';
import { packTableDocx } from './docx-table';

/**
 * A pack section in Word: a Heading 1 with its agenda number and title on a new
 * page, who presents it and for how long, then its blocks. Each ordered list is
 * its own numbering instance, so it starts again at 1.
 */

export function sectionHeadingText(section: Pick<PackSection, 'number' | 'title'>): string {
  return `${section.number}. ${section.title}`;
}

function byline(section: PackSection): string | null {
  const parts = [
    ...(section.presenter ? [`Presented by ${section.presenter}`] : []),
    ...(section.minutes !== null ? [`${section.minutes} minutes`] : []),
  ];
  return parts.length === 0 ? null : parts.join(' · ');
}

export class SectionWriter {
  private readonly pictures: ChartPictures;
  private readonly notes: PackNotes;
  private lists = 0;

  constructor(pictures: ChartPictures, notes: PackNotes = NO_NOTES) {
    this.pictures = pictures;
    this.notes = notes;
  }

  section(section: PackSection): FileChild[] {
    const line = byline(section);
    return [
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new TextRun(sectionHeadingText(section)), ...noteMarkRuns(this.notes.onSection(section.id))],
      }),
      ...(line ? [new Paragraph({ children: [new TextRun({ text: line, italics: true, color: MUTED_COLOUR })] })] : []),
      ...section.blocks.flatMap((block) => this.block(block)),
      ...sectionNotesDocx(section, this.notes.inSection(section.id)),
    ];
  }

  private block(block: PackBlock): FileChild[] {
    switch (block.kind) {
      case 'heading':
        return [
          new Paragraph({
            heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            text: block.text,
          }),
        ];
      case 'paragraph':
        return [new Paragraph({ children: inlineRuns(block.inlines) })];
      case 'list': {
        const instance = ++this.lists;
        return block.items.map(
          (item) =>
            new Paragraph({
              children: inlineRuns(item),
              numbering: { reference: block.ordered ? NUMBERS : BULLETS, level: 0, instance },
              spacing: { after: 60 },
            }),
        );
      }
      case 'table':
        return packTableDocx(block.table, this.notes);
      case 'chart':
        return chartDocx(block.chart, this.pictures);
      case 'facts':
        return block.facts.map(
          (fact) =>
            new Paragraph({
              children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)],
              spacing: { after: 80 },
            }),
        );
      case 'note':
        return [new Paragraph({ style: 'PackNote', text: block.text })];
      case 'page-break':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  }
}
