import { packTargets } from '../../../shared/notes/targets';
import { placeNotes, type PackNote } from '../../../shared/pack/pack-notes';
import { listAnnotations } from '../../../db/repositories/annotations';
import { issuedPack } from '../../../db/repositories/notes-targets';
import type { Db } from '../../../db/schema/database';

/**
 * An issued version's shared notes, placed and numbered for an export "with
 * the chair's shared notes": open and resolved ones (a resolved note says so),
 * private ones never. Of a note kept twice by an import (edited on both sides),
 * the one here stands until the conflict is settled.
 */
export async function reviewNotesFor(db: Db, meetingId: number, version: number): Promise<PackNote[]> {
  const [pack, notes] = await Promise.all([
    issuedPack(db, meetingId, version),
    listAnnotations(db, { meetingId, version, includeResolved: true }),
  ]);
  const shown = notes.filter((note) => note.shared && note.conflict?.kind !== 'incoming copy');
  return placeNotes(shown, packTargets(pack));
}
