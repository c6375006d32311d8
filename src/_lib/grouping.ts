/**
 * A string of digits grouped by thousands with commas, as `en-US` writes numbers: `'1234567'` →
 * `'1,234,567'`. Runs in O(length), without a regular expression.
 *
 * @example
 * groupDigits('591500') //=> '591,500'
 */
export function groupDigits(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  let head = n % 3 || 3;
  let out = digits.slice(0, head);
  for (; head < n; head += 3) out += `,${digits.slice(head, head + 3)}`;
  return out;
}

/**
 * A count written as `n.toLocaleString('en-US')` writes it (`23020` → `'23,020'`): a whole number
 * from 0 up to 2^53 by hand, which costs far less than the locale machinery; anything else (a
 * fraction, −0, a negative or huge number) by `toLocaleString`.
 *
 * @example
 * [groupedCount(23020), groupedCount(7), groupedCount(1.5)] //=> ['23,020', '7', '1.5']
 */
export function groupedCount(n: number): string {
  return Number.isSafeInteger(n) && (n > 0 || Object.is(n, 0)) ? groupDigits(String(n)) : n.toLocaleString('en-US');
}
