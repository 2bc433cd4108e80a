/**
 * Adding figures so a total is exact: whole numbers add as integers (in
 * BigInt, so the order of the parts cannot change the answer), decimals to
 * the largest number of decimals among the parts.
 */
import { decimalsOf, MAX_DATA_DECIMALS, roundHalfAwayFromZero } from './rounding';

/** The exact sum of finite numbers. Throws a RangeError when it is too large to hold exactly. */
export function sumExactly(values: readonly number[]): number {
  if (values.some((value) => !Number.isFinite(value))) {
    throw new RangeError('only finite numbers can be added');
  }
  if (values.every((value) => Number.isSafeInteger(value))) {
    const total = values.reduce((sum, value) => sum + BigInt(value), 0n);
    if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < -BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError('the total is too large to add up exactly');
    }
    return Number(total);
  }
  const decimals = Math.max(0, ...values.map(decimalsOf));
  const raw = values.reduce((sum, value) => sum + value, 0);
  if (!Number.isFinite(raw)) throw new RangeError('the total is too large to add up exactly');
  return decimals > MAX_DATA_DECIMALS ? raw : roundHalfAwayFromZero(raw, decimals);
}
