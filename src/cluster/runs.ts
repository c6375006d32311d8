import type Decimal from 'decimal.js';
import type { Item } from './item.js';
import type { Comparison } from '../thresholds/threshold.js';
import { D } from '../_lib/decimal.js';

/** The tier a component is cut against. */
export interface RunTier {
  /** Amount in the report currency. */
  readonly value: Decimal;
  readonly comparison: Comparison;
  /** Last day a run may open on (the threshold's last day in force). */
  readonly lastOpenDay: number;
}

/** True when `total` crosses the tier: `≥` for atOrAbove, `>` for above. */
export function crosses(total: Decimal, value: Decimal, comparison: Comparison): boolean {
  return comparison === 'above' ? total.gt(value) : total.gte(value);
}

/** True when a single amount stays below the tier (so it did not itself trigger the procedure). */
export function below(amount: Decimal, value: Decimal, comparison: Comparison): boolean {
  return comparison === 'above' ? amount.lte(value) : amount.lt(value);
}

/**
 * Cuts one component (items in date order, each below the tier) into disjoint runs that cross it.
 *
 * The rule: the earliest record not yet in a run opens a window — `[its date, its date + reach]`
 * for a rolling window, its calendar period otherwise (a partition never spans two periods, so
 * `reach` is Infinity there). The run is every record of the component not yet in a run whose date
 * lies in that window. If the run has at least `minParts` records and its total crosses the tier it
 * becomes a finding; otherwise the opener is passed over and the next record opens. Only records
 * dated on or before `lastOpenDay` open windows (the rule in force at a run's first purchase judges it).
 *
 * Every set of records of the component that fits in one window and crosses the tier overlaps a run:
 * when its earliest record opens, the run contains the whole set.
 *
 * Runs in O(k) Decimal additions for a component of k records.
 */
export function cutRuns(items: readonly Item[], tier: RunTier, reach: number, minParts: number): Item[][] {
  const k = items.length;
  if (k < minParts) return [];
  const prefix: Decimal[] = new Array(k + 1);
  prefix[0] = new D(0);
  for (let i = 0; i < k; i++) prefix[i + 1] = (prefix[i] as Decimal).plus((items[i] as Item).value);

  const runs: Item[][] = [];
  let lo = 0; // first record dated on or after the opener's date
  let hi = 0; // one past the last record inside the opener's window
  for (let o = 0; o < k; o++) {
    const openDay = (items[o] as Item).rec.day;
    if (openDay > tier.lastOpenDay) break;
    if (o < lo) continue; // already in a run
    while ((items[lo] as Item).rec.day < openDay) lo++;
    if (hi < o + 1) hi = o + 1;
    while (hi < k && (items[hi] as Item).rec.day - openDay <= reach) hi++;
    if (hi - lo >= minParts) {
      const total = (prefix[hi] as Decimal).minus(prefix[lo] as Decimal);
      if (crosses(total, tier.value, tier.comparison)) {
        runs.push(items.slice(lo, hi));
        lo = hi;
        o = hi - 1;
      }
    }
  }
  return runs;
}
