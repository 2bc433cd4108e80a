import type { ImportPurpose } from '../../shared/imports';

/** Chooses files (or a folder) to import; null when the person cancels. Electron's dialog in the app, a fake in tests. */
export interface FileChooser {
  chooseImport(purpose: ImportPurpose): Promise<readonly string[] | null>;
}

export interface ImportDialogSpec {
  readonly title: string;
  readonly buttonLabel: string;
  readonly filters: readonly { readonly name: string; readonly extensions: readonly string[] }[];
  readonly properties: readonly ('openFile' | 'openDirectory' | 'multiSelections')[];
}

const CSV = { name: 'CSV files', extensions: ['csv', 'txt'] };
const ALL = { name: 'All files', extensions: ['*'] };

/** What the native dialog shows for each purpose: its title, its filters, and whether it picks files or a folder. */
export const IMPORT_DIALOGS: Readonly<Record<ImportPurpose, ImportDialogSpec>> = {
  figures: {
    title: 'Choose a figures file to import',
    buttonLabel: 'Choose',
    filters: [{ name: 'Spreadsheets and CSV', extensions: ['csv', 'xlsx', 'txt', 'tsv'] }, ALL],
    properties: ['openFile'],
  },
  'police-files': {
    title: 'Choose police.uk street-level crime files',
    buttonLabel: 'Choose',
    filters: [CSV, ALL],
    properties: ['openFile', 'multiSelections'],
  },
  'police-folder': {
    title: 'Choose a folder of police.uk monthly files',
    buttonLabel: 'Choose folder',
    filters: [],
    properties: ['openDirectory'],
  },
  'lsoa-lookup': {
    title: 'Choose an LSOA lookup (LSOA code,Area)',
    buttonLabel: 'Choose',
    filters: [CSV, ALL],
    properties: ['openFile'],
  },
  population: {
    title: 'Choose a population file',
    buttonLabel: 'Choose',
    filters: [CSV, ALL],
    properties: ['openFile'],
  },
  boardnotes: {
    title: 'Choose a reviewer’s annotations file',
    buttonLabel: 'Import',
    filters: [{ name: 'Boardpack annotations', extensions: ['boardnotes'] }, ALL],
    properties: ['openFile'],
  },
};
