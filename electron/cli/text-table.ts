/** A plain-text table with a rule under the header, for terminals and logs. */
export function renderTextTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { readonly alignRight?: readonly number[] } = {},
): string {
  const right = new Set(options.alignRight ?? []);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        right.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
