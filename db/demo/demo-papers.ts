import type { PaperDoc, PaperNode } from '../../shared/pack/agenda-content';
import type { DemoPaperBlock } from './demo-files';

/**
 * The demo's papers are written as short blocks a reviewer can read beside the
 * source (`{ "paragraph": "… **bold** …" }`); the app stores TipTap's JSON.
 */

/** "a **b** *c*" → text nodes with bold and italic marks. */
function inline(text: string): PaperNode[] {
  return text
    .split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)
    .filter((part) => part !== '')
    .map((part): PaperNode => {
      if (part.startsWith('**')) return { type: 'text', text: part.slice(2, -2), marks: [{ type: 'bold' }] };
      if (part.startsWith('*')) return { type: 'text', text: part.slice(1, -1), marks: [{ type: 'italic' }] };
      return { type: 'text', text: part };
    });
}

const paragraph = (text: string): PaperNode => ({ type: 'paragraph', content: inline(text) });

const list = (type: 'bulletList' | 'orderedList', items: readonly string[]): PaperNode => ({
  type,
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

function node(block: DemoPaperBlock): PaperNode {
  if ('heading' in block) return { type: 'heading', attrs: { level: 2 }, content: inline(block.heading) };
  if ('paragraph' in block) return paragraph(block.paragraph);
  if ('bullets' in block) return list('bulletList', block.bullets);
  return list('orderedList', block.numbered);
}

export function demoPaper(blocks: readonly DemoPaperBlock[]): PaperDoc {
  return { type: 'doc', content: blocks.map(node) };
}
