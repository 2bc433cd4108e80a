const YES = new Set(['yes', 'y', 'true', '1', 'provisional', 'p']);
const NO = new Set(['', 'no', 'n', 'false', '0']);

/** A yes/no cell ("provisional" column): true, false, or null when it is neither. */
export function readFlagCell(raw: string): boolean | null {
  const text = raw.trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}
