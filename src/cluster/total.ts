import type { Decimal } from 'decimal.js';
import type { RecordTable } from '../records/table.js';
import { D } from '../_lib/decimal.js';
import { ExactSum } from '../_lib/exactSum.js';

/**
 * The exact sum of the values in the report currency of the records at table indexes `ks` (the sum
 * of their {@link valueAt}), without a Decimal per record: each currency's amounts are summed by an
 * {@link ExactSum} (plain amounts as whole cents) and converted once. Equal to the Decimal sum, since
 * every sum of amounts is exact (see MONEY_PRECISION).
 *
 * Runs in O(k) for k records.
 *
 * @example
 * // The columns it reads: 0.1 and 0.2 in the report currency, 1.5 in a currency worth 2 of it.
 * const table = { amount: ['0.1', '0.2', '1.5'], currency: Int32Array.of(0, 0, 1), rates: [undefined, new Decimal(2)] };
 * exactTotal(table, [0, 1, 2]).toString() //=> '3.3'
 */
export function exactTotal(table: Pick<RecordTable, 'amount' | 'currency' | 'rates'>, ks: Iterable<number>): Decimal {
  const sums: (ExactSum | undefined)[] = [];
  for (const k of ks) (sums[table.currency[k] as number] ??= new ExactSum()).add(table.amount[k] as string);
  let total: Decimal = new D(0);
  for (const [c, sum] of sums.entries()) {
    if (sum === undefined) continue;
    const rate = table.rates[c];
    total = total.plus(rate === undefined ? sum.value() : sum.value().times(rate));
  }
  return total;
}
