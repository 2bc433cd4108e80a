import { useMemo } from 'react';
import type { PackDocument } from '../../../shared/pack/document';
import type { PackNote } from '../../../shared/pack/pack-notes';
import { renderPackHtml } from '../../../shared/pack/render-html';

interface PackPreviewProps {
  readonly document: PackDocument;
  /** Reviewers' notes to mark beside their elements and box at the end of each item (an issued version's). */
  readonly notes?: readonly PackNote[];
}

/**
 * The pack exactly as the PDF prints it, in a sandboxed <iframe srcdoc> (no
 * scripts; its one stylesheet is allowed by hash in the CSP), with the notes
 * given marked N1, N2 … at their elements. The Pack and Notes tabs both show it.
 */
export function PackPreview({ document, notes }: PackPreviewProps) {
  const html = useMemo(
    () => renderPackHtml(document, { mode: 'preview', ...(notes && notes.length > 0 ? { notes } : {}) }),
    [document, notes],
  );
  return <iframe className="pack-preview" title="Pack preview" sandbox="" srcDoc={html} />;
}
