import type { z } from 'zod';

/**
 * Checks one cell's new value against the whole record's schema (so cross-field
 * rules such as "the end date must not be before the start date" apply) and
 * returns the message to show at the cell, or null when the value is fine.
 * Problems with other fields of an old record are left to the API.
 */
export function validateCell(schema: z.ZodType, row: object, field: string, value: unknown): string | null {
  const result = schema.safeParse({ ...row, [field]: value });
  if (result.success) return null;
  const issues = result.error.issues;
  const own = issues.find((issue) => issue.path[0] === field) ?? issues.find((issue) => issue.code === 'custom');
  return own ? own.message : null;
}
