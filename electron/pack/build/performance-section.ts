import type { AgendaContentOf } from '../../../shared/pack/agenda-content';
import { evaluateViewSource } from '../../../db/services/evaluate-view';
import { plainContent, type SectionContent, type SectionContext } from './section-context';
import { viewPackTable } from './view-pack-table';

/** A saved comparison view, evaluated now by the engine, as a table with its notes. */
export async function performanceSection(
  context: SectionContext,
  content: AgendaContentOf<'performance table'>,
): Promise<SectionContent> {
  const view = await evaluateViewSource(context.db, { id: content.viewId });
  return plainContent([{ kind: 'table', table: viewPackTable(view, `${context.sectionId}:table:1`) }]);
}
