import type { PackFileInfo } from '../../shared/api/notes-contract';
import { dateText } from '../screens/meetings/format';
import './reviewer-banner.css';

/** "Reviewer’s copy of “…” v1, exported 26 November 2026": what the open file is, on every screen. */
export function reviewerCopyText(pack: PackFileInfo): string {
  return `Reviewer’s copy of “${pack.meetingTitle}” v${pack.version}, exported ${dateText(pack.exportedAt.slice(0, 10))}`;
}

/**
 * Says, above every screen, that the open file is a reviewer's `.boardpack`
 * copy of one issued version: nothing in it can change but the notes.
 */
export function ReviewerBanner({ pack }: { pack: PackFileInfo }) {
  return (
    <div className="reviewer-banner" role="note" aria-label="Reviewer’s copy">
      <strong>{reviewerCopyText(pack)}</strong>: read-only except your notes
      {pack.reviewer ? <span className="reviewer-banner-who"> (notes are written as {pack.reviewer})</span> : null}.
    </div>
  );
}
