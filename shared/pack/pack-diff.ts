/**
 * What changed between two versions of a pack (or a version and the live
 * draft): each number and each piece of text, by where it stands, so the
 * secretary can say "v2 corrects the burglary total" with the evidence.
 */
export interface PackChange {
  /** "item:12" — the section the change is in. */
  readonly sectionId: string;
  readonly sectionTitle: string;
  /** Where in the section: "Table 'Domestic burglary', row Wycombe, column % change" or "Paragraph 2". */
  readonly where: string;
  readonly kind: 'number' | 'text' | 'added' | 'removed';
  readonly before: string | null;
  readonly after: string | null;
}

export interface PackDiff {
  /** "v1". */
  readonly from: string;
  /** "v2", or "draft". */
  readonly to: string;
  readonly changes: readonly PackChange[];
}
