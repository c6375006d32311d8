/**
 * A copy of `a` with room for at least `size` entries, and at least twice its length (so n appends cost O(n)).
 *
 * @example
 * grow(Int32Array.of(7, 8), 3).length //=> 4
 */
export function grow<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (length: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * A copy of the first `n` entries of `a` in an array of exactly `size` entries (the rest zero):
 * room made once, for entries to be written in place.
 *
 * @example
 * [...resized(Int32Array.of(7, 8, 9), 2, 4)] //=> [7, 8, 0, 0]
 */
export function resized<T extends Int32Array | Float64Array>(a: T, n: number, size: number): T {
  const b = new (a.constructor as new (length: number) => T)(size);
  b.set(a.subarray(0, n));
  return b;
}
