import type { z } from 'zod';

/** Where a zod issue points, as a column (CSV) or a dotted field path (JSON). */
export function zodIssueWhere(
  issue: z.core.$ZodIssue | undefined,
  as: 'column' | 'field',
): { column?: string; field?: string } {
  if (!issue || issue.path.length === 0) return {};
  const path = issue.path.map(String).join('.');
  return as === 'column' ? { column: path } : { field: path };
}
