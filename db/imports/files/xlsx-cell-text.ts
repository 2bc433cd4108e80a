/**
 * A worksheet cell as the text a person sees, so CSV and XLSX imports read the
 * same way: numbers in full, a percent-formatted 0.12 as "12%", dates as ISO
 * dates, rich text joined, a formula's result, an error as its code (#DIV/0!).
 */
export function xlsxCellText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (numFmt?.includes('%')) return `${Number((value * 100).toPrecision(12))}%`;
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const cell = value as {
      richText?: readonly { text: string }[];
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      text?: unknown;
      error?: string;
    };
    if (cell.richText) return cell.richText.map((run) => run.text).join('');
    if (cell.error !== undefined) return cell.error;
    if (cell.formula !== undefined || cell.sharedFormula !== undefined) return xlsxCellText(cell.result, numFmt);
    if (cell.text !== undefined) return xlsxCellText(cell.text, numFmt);
  }
  return '';
}
