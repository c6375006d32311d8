/**
 * Jaccard similarity of two token sets given as ascending integer arrays: |a ∩ b| / |a ∪ b|.
 * Two empty sets have similarity 0 (nothing is known to be shared).
 *
 * Runs in O(|a| + |b|).
 *
 * @example
 * jaccard(Int32Array.of(1, 2, 3), Int32Array.of(2, 3, 4)) //=> 0.5
 */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = overlap(a, b);
  return shared / (a.length + b.length - shared);
}

/** Number of values two ascending arrays share. */
export function overlap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/**
 * Subject similarity of two token lists (strings), the way the detector measures it.
 *
 * @example
 * textSimilarity(['office', 'chairs'], ['office', 'desks']) //=> 0.3333333333333333
 */
export function textSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const t of sb) if (sa.has(t)) shared++;
  return shared / (sa.size + sb.size - shared);
}
