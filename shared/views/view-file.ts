/** A file made for the user to save: its suggested name, type and content (text, or base64 for binary files). */
export interface ViewFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly encoding: 'utf8' | 'base64';
  readonly content: string;
}
