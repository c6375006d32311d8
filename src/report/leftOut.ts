/**
 * The purchases a finding leaves out: its cluster's (linked to its parts by the rule), within one
 * window of its parts, and in no finding or large run once detection is done. A run is the set
 * that looks most like one requirement cut into pieces, so routine purchases beside it (and, at
 * times, a piece the total did not need) stay out of it; an auditor judging the finding needs to
 * know they are there.
 */
import type { Decimal } from 'decimal.js';
import type { Item } from '../cluster/item.js';
import { D, groupedMoney, moneyString } from '../_lib/decimal.js';
import type { RecordTable } from '../records/table.js';

/** What {@link leftOut} returns: the purchases left out, as a finding reports them. */
export interface LeftOut {
  /** How many there are. */
  readonly count: number;
  /** Their exact total in the report currency (decimal string, at least 2 decimals). */
  readonly total: string;
  /** Their record ids in date order (ties by id), at most {@link LEFT_OUT_IDS}. */
  readonly recordIds: readonly string[];
}

/** Most record ids a finding lists of the purchases it leaves out. */
export const LEFT_OUT_IDS = 20;

/** Most of them an explanation names. */
const NAMED = 3;

/**
 * The items of `cluster` (in date order) dated within one window of the run from day `first` to
 * day `last` (`reach`: most days two parts of one window lie apart; Infinity for a calendar
 * window, whose clusters never leave their period) that are in no finding or large run
 * (`assigned[k]` 0), with their total; `undefined` when there are none. Runs in O(log c + m) for m
 * items of the cluster within reach.
 */
export function leftOut(cluster: readonly Item[], first: number, last: number, reach: number, assigned: ArrayLike<number>, table: RecordTable): { readonly out: LeftOut; readonly items: readonly Item[] } | undefined {
  const from = last - reach;
  const to = first + reach;
  // The first item dated from `from` on: the cluster is in date order.
  let lo = 0;
  let hi = cluster.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cluster[mid] as Item).day < from) lo = mid + 1;
    else hi = mid;
  }
  const items: Item[] = [];
  let total: Decimal = new D(0);
  for (let i = lo; i < cluster.length && (cluster[i] as Item).day <= to; i++) {
    const it = cluster[i] as Item;
    if (assigned[it.k]) continue;
    items.push(it);
    total = total.plus(it.value);
  }
  if (items.length === 0) return undefined;
  return { out: { count: items.length, total: moneyString(total), recordIds: items.slice(0, LEFT_OUT_IDS).map((it) => table.id[it.k] as string) }, items };
}

/**
 * The sentence an explanation ends with when a finding leaves purchases out: how many, their total
 * and the first few (id, date, amount in the report currency).
 *
 * @example
 * leftOutSentence({ count: 1, total: '286500.00', recordIds: ['1'] }, [{ id: '1', date: '2014-11-04', value: '286500.00' }], 'CNY')
 * //=> 'Beside them, 1 more purchase of the buyer linked to them by the rule falls in the same window and is in no finding: 1 on 2014-11-04, 286,500.00 CNY. The total crosses the limit without it.'
 */
export function leftOutSentence(out: LeftOut, named: readonly { readonly id: string; readonly date: string; readonly value: string }[], currency: string): string {
  const one = out.count === 1;
  const list = named.slice(0, NAMED).map((p) => `${p.id} on ${p.date}, ${groupedMoney(new D(p.value))} ${currency}`).join('; ');
  const rest = out.count > NAMED ? `; and ${out.count - NAMED} more` : '';
  return (
    `Beside them, ${out.count} more ${one ? 'purchase' : 'purchases'} of the buyer linked to them by the rule ${one ? 'falls' : 'fall'} in the same window and ${one ? 'is' : 'are'} in no finding` +
    `${one ? '' : ` (${groupedMoney(new D(out.total))} ${currency} in all)`}: ${list}${rest}. The total crosses the limit without ${one ? 'it' : 'them'}.`
  );
}
