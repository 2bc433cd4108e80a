import type { BuiltPack, PackProblem } from '../../../shared/pack/document';

/** The agenda item a pack section was built from. */
export function itemOfSection(built: BuiltPack | undefined, sectionId: string): number | null {
  return built?.document.sections.find((section) => section.id === sectionId)?.agendaItemId ?? null;
}

/** The pack's problems by the agenda item they are in. */
export function problemsByItem(built: BuiltPack | undefined): Map<number, PackProblem[]> {
  const byItem = new Map<number, PackProblem[]>();
  for (const problem of built?.problems ?? []) {
    const itemId = itemOfSection(built, problem.sectionId);
    if (itemId === null) continue;
    byItem.set(itemId, [...(byItem.get(itemId) ?? []), problem]);
  }
  return byItem;
}
