import { BoardpackError } from '../../shared/errors';
import type { PackBlock, PackDocument, PackField, PackInline } from '../../shared/pack/document';

/** Where an unresolved field stands: its section, and the field itself. */
export interface UnresolvedField {
  readonly sectionNumber: number;
  readonly sectionTitle: string;
  readonly field: PackField;
}

function blockInlines(block: PackBlock): readonly PackInline[] {
  if (block.kind === 'paragraph') return block.inlines;
  if (block.kind === 'list') return block.items.flat();
  return [];
}

/** Every field of the document that has no value, in document order. */
export function unresolvedFields(document: PackDocument): readonly UnresolvedField[] {
  return document.sections.flatMap((section) =>
    section.blocks
      .flatMap(blockInlines)
      .filter((inline): inline is PackField => inline.kind === 'field' && inline.text === null)
      .map((field) => ({ sectionNumber: section.number, sectionTitle: section.title, field })),
  );
}

const describe = ({ sectionNumber, sectionTitle, field }: UnresolvedField): string =>
  `${field.source} in item ${sectionNumber} "${sectionTitle}"${field.problem ? ` (${field.problem})` : ''}`;

/**
 * A pack with a field that refers to no figure is never exported: a blank where
 * a number should be would reach the board. The error names every such field.
 */
export function refuseUnresolvedFields(document: PackDocument): void {
  const unresolved = unresolvedFields(document);
  const first = unresolved[0];
  if (!first) return;
  const named = unresolved.map(describe).join('; ');
  throw new BoardpackError(
    'invalid-input',
    `The pack cannot be exported: ${unresolved.length === 1 ? 'a field refers' : `${unresolved.length} fields refer`} to no figure: ${named}`,
    { field: first.field.source },
  );
}
