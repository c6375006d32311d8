/**
 * A copy of `a` with room for at least `size` entries, and at least twice its length (so n appends cost O(n)).
 *
 * @example
 * grow(Int32Array.of(7, 8), 3).length //=> 4
 */
export function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}
