import type { Decimal } from 'decimal.js';
import { valueAt, type RecordTable } from '../records/table.js';
import { D } from '../_lib/decimal.js';

/** Most digits a plain amount may have to be summed as a whole JS number (10^15 < 2^53). */
const EXACT_DIGITS = 15;
/** Most decimal places (zeros included) of an amount summed as a whole number. */
const MAX_PLACES = 15;
/** A bucket's running sum is moved into its Decimal before it could pass 2^53 (each term is below 10^15). */
const FLUSH_AT = 2 ** 53 - 1e15;

/**
 * The exact sum of the values in the report currency of the records at table indexes `ks` (the sum
 * of their {@link valueAt}), without a Decimal per record: plain amounts (digits with at most one
 * point, at most 15 digits) are summed as whole numbers of their last decimal place in JS numbers
 * (exact below 2^53), one sum per currency and number of places, converted once each; other amounts
 * are summed as Decimals. Equal to the Decimal sum, since every sum of amounts is exact (see
 * MONEY_PRECISION).
 *
 * Runs in O(k) for k records.
 *
 * @example
 * // The columns it reads: 0.1 and 0.2 in the report currency, 1.5 in a currency worth 2 of it.
 * const table = { amount: ['0.1', '0.2', '1.5'], currency: Int32Array.of(0, 0, 1), rates: [undefined, new Decimal(2)] };
 * exactTotal(table, [0, 1, 2]).toString() //=> '3.3'
 */
export function exactTotal(table: RecordTable, ks: Iterable<number>): Decimal {
  const { amount, currency, rates } = table;
  // Bucket (currency, places): its sum in units of 10^-places, and what was flushed out of it.
  const sums = new Map<number, number>();
  const flushed = new Map<number, Decimal>();
  let rest: Decimal | undefined;
  for (const k of ks) {
    const text = amount[k] as string;
    // A plain amount as a whole number of its last place: `units` of 10^-`places`.
    let units = 0;
    let digits = 0;
    let point = -1;
    let plain = true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        units = units * 10 + (c - 48);
        if (units > 0) digits++;
      } else if (c === 46 && point < 0) point = i;
      else plain = false;
    }
    const places = point < 0 ? 0 : text.length - point - 1;
    if (!plain || digits > EXACT_DIGITS || places > MAX_PLACES) {
      const v = valueAt(table, k);
      rest = rest === undefined ? v : rest.plus(v);
      continue;
    }
    const bucket = (currency[k] as number) * (MAX_PLACES + 1) + places;
    let sum = (sums.get(bucket) ?? 0) + units;
    if (sum >= FLUSH_AT) {
      const f = flushed.get(bucket);
      flushed.set(bucket, f === undefined ? new D(sum) : f.plus(sum));
      sum = 0;
    }
    sums.set(bucket, sum);
  }
  let total: Decimal = rest ?? new D(0);
  for (const [bucket, sum] of sums) {
    const places = bucket % (MAX_PLACES + 1);
    const units = flushed.get(bucket)?.plus(sum) ?? new D(sum);
    const inCurrency = places === 0 ? units : units.times(new D(`1e-${places}`));
    const rate = rates[(bucket - places) / (MAX_PLACES + 1)];
    total = total.plus(rate === undefined ? inCurrency : inCurrency.times(rate));
  }
  return total;
}
