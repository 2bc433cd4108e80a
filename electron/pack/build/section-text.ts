import type { PackBlock, PackInline, PackSection } from '../../../shared/pack/document';

const inlineText = (inlines: readonly PackInline[]) =>
  inlines.map((inline) => (inline.kind === 'text' ? inline.text : (inline.text ?? ''))).join('');

function blockText(block: PackBlock): string {
  switch (block.kind) {
    case 'heading':
    case 'note':
      return block.text;
    case 'paragraph':
      return inlineText(block.inlines);
    case 'list':
      return block.items.map(inlineText).join('\n');
    case 'facts':
      return block.facts.map((fact) => `${fact.label} ${fact.value}`).join('\n');
    case 'table':
      return [
        block.table.caption,
        ...block.table.columns.map((column) => column.header),
        ...block.table.rows.flatMap((row) => row.cells.map((cell) => cell.text)),
        ...block.table.notes,
      ].join('\n');
    case 'chart':
      return [block.chart.title, block.chart.summary, ...block.chart.table.rows.flat()].join('\n');
    case 'page-break':
      return '';
  }
}

/** Every word a section prints: its title and its blocks' text. */
export function sectionText(section: PackSection): string {
  return [section.title, ...section.blocks.map(blockText)].join('\n');
}
