/**
 * Number of entries of an ascending array below x, by binary search: O(log n).
 *
 * @example
 * countBelow([1, 2, 2, 5], 2) //=> 1
 */
export function countBelow(a: ArrayLike<number>, x: number): number {
  return count(a, x, false);
}

/**
 * Number of entries of an ascending array at or below x, by binary search: O(log n).
 *
 * @example
 * countAtMost([1, 2, 2, 5], 2) //=> 3
 */
export function countAtMost(a: ArrayLike<number>, x: number): number {
  return count(a, x, true);
}

function count(a: ArrayLike<number>, x: number, orEqual: boolean): number {
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
