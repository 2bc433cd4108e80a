import type { NotesImportResult } from '../api/notes-contract';

/**
 * What importing a `.boardnotes` file did, in one sentence for a person: the
 * app's status line and the File menu's message say it the same way.
 * "Added 3, updated 1, 1 kept twice (edited on both sides), 0 deleted, 16 unchanged"
 */
export function notesImportText(
  result: Pick<NotesImportResult, 'added' | 'updated' | 'conflicted' | 'deleted' | 'unchanged'>,
): string {
  return [
    `Added ${result.added}`,
    `updated ${result.updated}`,
    `${result.conflicted} kept twice (edited on both sides)`,
    `${result.deleted} deleted`,
    `${result.unchanged} unchanged`,
  ].join(', ');
}

/** Whose notes on what: "Jane Chair’s notes on version 1 of “Safer … March 2014”". */
export function notesImportSource(result: Pick<NotesImportResult, 'reviewer' | 'version' | 'meetingTitle'>): string {
  const whose = result.reviewer ? `${result.reviewer}’s notes` : 'Notes';
  return `${whose} on version ${result.version} of “${result.meetingTitle}”`;
}
