/**
 * Number of entries of an ascending array below x (or at or below it, with `orEqual`), by binary
 * search: O(log n).
 *
 * @example
 * countBelow([1, 2, 2, 5], 2) //=> 1
 * countBelow([1, 2, 2, 5], 2, true) //=> 3
 */
export function countBelow(a: ArrayLike<number>, x: number, orEqual = false): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid] as number;
    if (v < x || (orEqual && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
