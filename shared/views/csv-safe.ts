/**
 * Spreadsheet formula injection: a CSV cell that starts with =, +, -, @, a tab or
 * a carriage return can run as a formula when the file is opened in Excel or
 * LibreOffice. Such text gets a leading apostrophe (shown by neither). Numbers are
 * written as numbers, so a plain -166 stays -166; a text that is exactly a plain
 * number ("-166", "9.6") is one too, and is left alone.
 */

const RISKY_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvSafe(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (PLAIN_NUMBER.test(value)) return value;
  return RISKY_START.test(value) ? `'${value}` : value;
}
