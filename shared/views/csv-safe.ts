/**
 * Spreadsheet formula injection (OWASP, "CSV Injection"): a CSV cell that
 * starts with =, +, -, @, a tab or a carriage return can run as a formula when
 * the file is opened in Excel or LibreOffice. Such text gets a leading
 * apostrophe. Numbers are written as numbers, so a plain -166 stays -166; a text
 * that is exactly a number as a table prints it ("-166", "9.6", "-9%", "+1,108",
 * "-£1,250") is one too, holds nothing a spreadsheet could run, and is left
 * alone. Every CSV the app writes goes through here; XLSX files need no prefix,
 * since their text is written as string cells, which a spreadsheet never runs.
 */

const RISKY_START = /^[=+\-@\t\r]/;
const PRINTED_NUMBER = /^[+-]?£?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

export function csvSafe(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (PRINTED_NUMBER.test(value)) return value;
  return RISKY_START.test(value) ? `'${value}` : value;
}
