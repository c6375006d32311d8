/**
 * Numbers as every report and message shows them: grouped by thousands, money with two decimals
 * (more when the amount has more). One place, so a table, a Markdown report and a stderr line
 * never disagree on how 3556 or 1594200 looks.
 */
import { D, groupedMoney } from '../../_lib/decimal.js';

/**
 * An amount (a decimal string or number) grouped, with at least two decimals.
 *
 * @example
 * amount('1594200') //=> '1,594,200.00'
 * amount('-718.35') //=> '-718.35'
 */
export function amount(value: string | number): string {
  return groupedMoney(new D(value));
}

/**
 * A count grouped by thousands.
 *
 * @example
 * count(3556) //=> '3,556'
 */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

/**
 * `n` and the noun, plural unless n is 1.
 *
 * @example
 * plural(2, 'finding') //=> '2 findings'
 * plural(1, 'finding') //=> '1 finding'
 */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${count(n)} ${n === 1 ? noun : nouns}`;
}
