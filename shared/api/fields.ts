import { z } from 'zod';

/** Field schemas every editable record uses, so a cell and the API agree on what is valid. */

export const id = z.number().int().positive();

/** The version of a row an edit was made from (issue 9): a save from an older one is refused as stale. */
export const version = z
  .number({ error: 'a save names the version of the row it was made from' })
  .int()
  .positive('a version starts at 1');

/** Required text: trimmed, not empty. */
export const requiredText = (label: string, max = 500) =>
  z.string().trim().min(1, `${label} is required`).max(max, `${label} is at most ${max} characters`);

/** Optional text: trimmed; empty means none. */
export const optionalText = (max = 5000) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .nullable()
    .transform((value) => (value === null || value === '' ? null : value));

export const isoDate = (label: string) =>
  z.iso.date({ error: `${label} must be a date (YYYY-MM-DD)` }).refine((value) => !Number.isNaN(Date.parse(value)), {
    message: `${label} is not a real date`,
  });

export const optionalIsoDate = (label: string) => isoDate(label).nullable();

export const position = z.number().int().min(1, 'position starts at 1');

/** A figure's value: a finite number. */
export const figureValue = z.number({ error: 'a figure must be a number' }).finite('a figure must be a finite number');

/** Money in whole pence. */
export const pence = z.number({ error: 'an amount must be a number' }).int('an amount is whole pence');
