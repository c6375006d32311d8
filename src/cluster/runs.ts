import type { Item } from './item.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { clearOrder, crosses, RELATIVE_SLACK } from '../thresholds/compare.js';
import { D } from '../_lib/decimal.js';

/** What a component is cut against: a threshold's value, comparison and last day in force. */
export type RunTier = Pick<ResolvedThreshold, 'value' | 'approx' | 'comparison' | 'toDay'>;

/**
 * Cuts one component (items in date order, each below the tier) into disjoint runs that cross it.
 *
 * The rule: the earliest record not yet in a run opens a window — `[its date, its date + reach]`
 * for a rolling window, its calendar period otherwise (a partition never spans two periods, so
 * `reach` is Infinity there). The run is every record of the component not yet in a run whose date
 * lies in that window. If the run has at least `minParts` records and its total crosses the tier it
 * becomes a finding; otherwise the opener is passed over and the next record opens. Only records
 * dated on or before the tier's last day in force (`toDay`) open windows (the rule in force at a
 * run's first purchase judges it).
 *
 * Every set of records of the component that fits in one window and crosses the tier overlaps a run:
 * when its earliest record opens, the run contains the whole set.
 *
 * Runs in O(k) for a component of k records (Decimal sums only for totals within 1e-9 of the tier).
 */
export function cutRuns(items: readonly Item[], tier: RunTier, reach: number, minParts: number): Item[][] {
  const k = items.length;
  if (k < minParts) return [];
  // Float prefix sums decide clear cases; a total within the slack of the tier is summed exactly.
  const prefix = new Float64Array(k + 1);
  for (let i = 0; i < k; i++) prefix[i + 1] = (prefix[i] as number) + (items[i] as Item).approx;
  const slack = RELATIVE_SLACK * ((prefix[k] as number) + tier.approx);
  const crossesRange = (lo: number, hi: number): boolean => {
    const c = clearOrder((prefix[hi] as number) - (prefix[lo] as number), tier.approx, slack);
    if (c !== 0) return c > 0;
    let total = new D(0);
    for (let i = lo; i < hi; i++) total = total.plus((items[i] as Item).value);
    return crosses(total, tier.value, tier.comparison);
  };

  const runs: Item[][] = [];
  let lo = 0; // first record dated on or after the opener's date
  let hi = 0; // one past the last record inside the opener's window
  for (let o = 0; o < k; o++) {
    const openDay = (items[o] as Item).rec.day;
    if (openDay > tier.toDay) break;
    if (o < lo) continue; // already in a run
    while ((items[lo] as Item).rec.day < openDay) lo++;
    if (hi < o + 1) hi = o + 1;
    while (hi < k && (items[hi] as Item).rec.day - openDay <= reach) hi++;
    if (hi - lo >= minParts && crossesRange(lo, hi)) {
      runs.push(items.slice(lo, hi));
      lo = hi;
      o = hi - 1;
    }
  }
  return runs;
}
