/**
 * The exchange files' names and versions. A `.boardnotes` file starts with its
 * marker and format version, so even a cut-off file says what it was; a
 * `.boardpack` file is a Boardpack database whose pack_file row carries its format.
 */
export const NOTES_FILE_MARKER = 'boardpack-notes';
export const NOTES_FILE_FORMAT = 1;
export const NOTES_FILE_EXTENSION = '.boardnotes';

export const PACK_FILE_FORMAT = 1;
export const PACK_FILE_EXTENSION = '.boardpack';
