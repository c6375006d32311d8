import type { Decimal } from 'decimal.js';
import type { Comparison, ResolvedThreshold } from './threshold.js';

/**
 * How amounts are compared with thresholds: exactly (Decimals), with JS-number fast paths for the
 * comparisons that are not close, and when a threshold applies to a record at all (in force on its
 * date, in its category scope).
 */

/** Relative slack within which a JS-number comparison of amounts is too close to call. */
export const RELATIVE_SLACK = 1e-9;

/**
 * Orders two JS-number approximations of exact amounts when they are clearly apart (more than
 * `slack`), else returns 0: the caller must then decide with exact Decimals. Amounts with up to 15
 * significant digits are within 1e-15 relative of their doubles, far inside the slack used here.
 *
 * @example
 * clearOrder(299_999.99, 300_000, 1e-3) //=> -1
 * clearOrder(300_000, 300_000, 1e-3)    //=> 0
 */
export function clearOrder(a: number, b: number, slack: number): -1 | 0 | 1 {
  return a < b - slack ? -1 : a > b + slack ? 1 : 0;
}

/**
 * True when amounts whose JS-number approximations (each within 1e-9 of the exact amount, relative)
 * add up, in any order and with any rounding, to `approxSum` cannot cross the tier together — nor
 * can any subset of them, the amounts being nonnegative: the sum is more than a millionth below the
 * limit, far beyond the relative error of a float sum of fewer than 2^32 terms. Runs in O(1).
 *
 * @example
 * cannotCross(2_999.99, { approx: 3000 }) //=> true
 * cannotCross(2_999.999_999, { approx: 3000 }) //=> false
 */
export function cannotCross(approxSum: number, tier: Pick<ResolvedThreshold, 'approx'>): boolean {
  return approxSum < tier.approx * (1 - 1e-6);
}

/**
 * How a total of several purchases is compared with a threshold: its `cumulative` comparison where
 * the rule gives one apart from a single purchase's, else its `comparison`.
 *
 * @example
 * totalComparison({ comparison: 'atOrAbove', cumulative: 'above' }) //=> 'above'
 * totalComparison({ comparison: 'above' }) //=> 'above'
 */
export function totalComparison(t: { readonly comparison: Comparison; readonly cumulative?: Comparison | undefined }): Comparison {
  return t.cumulative ?? t.comparison;
}

/**
 * True when `total` crosses the tier: `≥` for atOrAbove, `>` for above.
 *
 * @example
 * crosses(new Decimal(300000), new Decimal(300000), 'above') //=> false
 */
export function crosses(total: Decimal, value: Decimal, comparison: Comparison): boolean {
  return comparison === 'above' ? total.gt(value) : total.gte(value);
}

/**
 * True when a single amount stays below the tier, so that it did not itself trigger the procedure:
 * `<` for atOrAbove, `≤` for above.
 *
 * @example
 * below(new Decimal(300000), new Decimal(300000), 'above') //=> true
 */
export function below(amount: Decimal, value: Decimal, comparison: Comparison): boolean {
  return comparison === 'above' ? amount.lte(value) : amount.lt(value);
}

/**
 * The number below which an amount is clearly below a tier of positive `approx`: {@link belowTier}'s
 * first test with its slack computed once (an amount below the limit makes the slack the limit's),
 * for loops over many amounts. −Infinity (no shortcut) for any other tier. Runs in O(1).
 *
 * @example
 * clearlyBelow({ approx: 3000 }) //=> 2999.999997
 */
export function clearlyBelow(tier: Pick<ResolvedThreshold, 'approx'>): number {
  return tier.approx > 0 ? tier.approx - RELATIVE_SLACK * tier.approx : -Infinity;
}

/**
 * {@link below}, decided on a JS number when it is clearly apart from the tier, else on the exact
 * value, which `exact(key)` gives only then (most records never need their Decimal). Runs in O(1).
 */
export function belowTier<K>(approx: number, key: K, exact: (key: K) => Decimal, tier: Pick<ResolvedThreshold, 'value' | 'approx' | 'comparison'>): boolean {
  const c = clearOrder(approx, tier.approx, RELATIVE_SLACK * Math.max(approx, tier.approx));
  return c !== 0 ? c < 0 : below(exact(key), tier.value, tier.comparison);
}

/** `value ≥ floor`, decided the same way as {@link belowTier}. Runs in O(1). */
export function atLeast<K>(approx: number, key: K, exact: (key: K) => Decimal, floor: Decimal, floorApprox: number): boolean {
  const c = clearOrder(approx, floorApprox, RELATIVE_SLACK * Math.max(approx, floorApprox));
  return c !== 0 ? c > 0 : exact(key).gte(floor);
}

/**
 * Whether a value lies just under `t` ("within the band below it": at least `nearFrom`, below the
 * limit), `t` being in force on `day` and in scope for `category`; decided as {@link belowTier}
 * decides, the exact value asked only when the numbers are too close to call. Runs in O(1).
 */
export function justUnder<K>(t: ResolvedThreshold, day: number, category: string | undefined, approx: number, key: K, exact: (key: K) => Decimal): boolean {
  return inForce(t, day) && inScope(t, category) && belowTier(approx, key, exact, t) && atLeast(approx, key, exact, t.nearFrom, t.nearFromApprox);
}

/** True when the threshold is in force on a day (a day number): between its validity dates, inclusive. */
export function inForce(t: Pick<ResolvedThreshold, 'fromDay' | 'toDay'>, day: number): boolean {
  return day >= t.fromDay && day <= t.toDay;
}

/**
 * True when a threshold applies to a category key: it starts with one of the threshold's
 * `categories` (when it has some) and with none of its `excludeCategories`. A record without a
 * category meets only thresholds without `categories`.
 */
export function inScope(t: ResolvedThreshold, category: string | undefined): boolean {
  const { categories, excludeCategories } = t.threshold;
  if (categories && (category === undefined || !categories.some((c) => category.startsWith(c)))) return false;
  if (excludeCategories && category !== undefined && excludeCategories.some((c) => category.startsWith(c))) return false;
  return true;
}
