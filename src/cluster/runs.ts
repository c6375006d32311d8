import type Decimal from 'decimal.js';
import type { Item } from './item.js';
import type { Comparison } from '../thresholds/threshold.js';
import { D } from '../_lib/decimal.js';

/** The tier a component is cut against. */
export interface RunTier {
  /** Amount in the report currency. */
  readonly value: Decimal;
  /** `value` as a JS number. */
  readonly approx: number;
  readonly comparison: Comparison;
  /** Last day a run may open on (the threshold's last day in force). */
  readonly lastOpenDay: number;
}

/**
 * Orders two JS-number approximations of exact amounts when they are clearly apart (more than
 * `slack`), else returns 0: the caller must then decide with exact Decimals. Amounts with up to 15
 * significant digits are within 1e-15 relative of their doubles, far inside the slack used here.
 */
export function clearOrder(a: number, b: number, slack: number): -1 | 0 | 1 {
  return a < b - slack ? -1 : a > b + slack ? 1 : 0;
}

const REL = 1e-9;

/**
 * {@link below} decided on a JS number when it is clearly apart from the tier, else on the exact
 * value, which `exact(key)` gives only then (most records never need their Decimal).
 */
export function belowTier<K>(approx: number, key: K, exact: (key: K) => Decimal, tier: Pick<RunTier, 'value' | 'approx' | 'comparison'>): boolean {
  const c = clearOrder(approx, tier.approx, REL * Math.max(approx, tier.approx));
  return c !== 0 ? c < 0 : below(exact(key), tier.value, tier.comparison);
}

/** `value ≥ floor`, decided the same way as {@link belowTier}. */
export function atLeast<K>(approx: number, key: K, exact: (key: K) => Decimal, floor: Decimal, floorApprox: number): boolean {
  const c = clearOrder(approx, floorApprox, REL * Math.max(approx, floorApprox));
  return c !== 0 ? c > 0 : exact(key).gte(floor);
}

/** The exact value of an item, for {@link belowTier} and {@link atLeast}. */
export const itemValue = (it: Item): Decimal => it.value;

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
 * Runs in O(k) for a component of k records (Decimal sums only for totals within 1e-9 of the tier).
 */
export function cutRuns(items: readonly Item[], tier: RunTier, reach: number, minParts: number): Item[][] {
  const k = items.length;
  if (k < minParts) return [];
  // Float prefix sums decide clear cases; a total within the slack of the tier is summed exactly.
  const prefix = new Float64Array(k + 1);
  for (let i = 0; i < k; i++) prefix[i + 1] = (prefix[i] as number) + (items[i] as Item).approx;
  const slack = REL * ((prefix[k] as number) + tier.approx);
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
    if (openDay > tier.lastOpenDay) break;
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
