/**
 * Orders two strings by UTF-16 code units, the same in every locale and runtime (unlike
 * `localeCompare`): the tie-break that keeps results independent of input order.
 *
 * @example
 * ['b', 'B', 'a'].sort(compareText) //=> ['B', 'a', 'b']
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
