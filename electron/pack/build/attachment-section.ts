import type { AgendaContentOf } from '../../../shared/pack/agenda-content';
import { getAttachment } from '../../../db/repositories/attachments';
import type { SectionContent, SectionContext } from './section-context';

/** A partner's PDF: listed here, appended to the PDF export after the last agenda item. */
export async function attachmentSection(
  context: SectionContext,
  content: AgendaContentOf<'attachment'>,
): Promise<SectionContent> {
  const attachment = await getAttachment(context.db, content.attachmentId);
  const pages = `${attachment.pages} page${attachment.pages === 1 ? '' : 's'}`;
  return {
    blocks: [
      {
        kind: 'facts',
        facts: [
          { label: 'Document', value: attachment.title },
          { label: 'File', value: attachment.fileName },
          { label: 'Length', value: pages },
        ],
      },
      {
        kind: 'note',
        text: `${attachment.title} (${pages}) is appended to the PDF of this pack, after the last agenda item.`,
      },
    ],
    problems: [],
    attachment: {
      sectionId: context.sectionId,
      title: attachment.title,
      fileName: attachment.fileName,
      pages: attachment.pages,
      attachmentId: attachment.id,
    },
  };
}
