import type { AgendaContentOf } from '../../../shared/pack/agenda-content';
import { paperBlocks } from '../../../shared/pack/paper-blocks';
import type { SectionContent, SectionContext } from './section-context';

/** A paper: its rich text as blocks, each field filled in or named as a problem. */
export function paperSection(context: SectionContext, content: AgendaContentOf<'paper'>): SectionContent {
  const { blocks, fields } = paperBlocks(content.doc, {
    sectionId: context.sectionId,
    title: context.item.title,
    resolve: context.resolve,
  });
  return {
    blocks,
    problems: fields.flatMap((field) =>
      field.problem === null
        ? []
        : [{ message: `the field ${field.source} cannot be filled: ${field.problem}`, source: field.source }],
    ),
  };
}
