import type { Pence } from './domain';

const MONEY = /^\s*(-)?\s*£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(k|m|million|thousand)?\s*$/i;

/**
 * Reads an amount as a board paper prints it ("£75k", "£501,717", "£3.5 million",
 * "£43K", "1,250.50") into whole pence. Returns null when the text is not money.
 */
export function parsePence(text: string): Pence | null {
  const match = MONEY.exec(text.replace(/\u2212/g, '-'));
  if (!match) return null;
  const [, minus, whole = '', fraction = '', scale = ''] = match;
  const multiplier = /^k|thousand$/i.test(scale) ? 1000 : /^m/i.test(scale) ? 1_000_000 : 1;
  // Work in pence as integers: "3.5" million is 350 pence-millions, never a float.
  const pence = (BigInt(whole.replace(/,/g, '')) * 100n + BigInt(fraction.padEnd(2, '0'))) * BigInt(multiplier);
  if (pence > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return (minus ? -1 : 1) * Number(pence);
}

/** "£501,717" or "£1,250.50": pounds with thousands separators, pence only when there are some. */
export function formatPence(pence: Pence): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  const rest = abs % 100;
  return `${sign}£${pounds}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

/** "£277k" style, as board papers print budget lines; exact pounds when not a whole thousand. */
export function formatPenceShort(pence: Pence): string {
  if (pence % 100_000 === 0) {
    const sign = pence < 0 ? '-' : '';
    return `${sign}£${(Math.abs(pence) / 100_000).toLocaleString('en-GB')}k`;
  }
  return formatPence(pence);
}
