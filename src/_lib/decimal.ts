import Decimal from 'decimal.js';
import { groupDigits } from './grouping.js';

/**
 * The values an exact decimal may take: a multiple of 10^-`places` (no digit other than 0 past the
 * `places`-th decimal place) below 10^`digits`. Such a value has at most `digits + places`
 * significant digits, however it is written (`'1e-10'`, `'0.00000000010'`).
 */
export interface DecimalBounds {
  /** Most decimal places that may hold a digit other than 0. */
  readonly places: number;
  /** The value is below 10^digits. */
  readonly digits: number;
}

/**
 * Amounts (of records and thresholds): below 10^18 with at most 10 decimal places, so at most 28
 * significant digits. No ledger comes near either end (a whole state budget in rials or dong is
 * about 10^16; a tenth of a millionth of a cent is 10^-9), and inside them every sum is exact.
 */
export const AMOUNT_BOUNDS: DecimalBounds = Object.freeze({ places: 10, digits: 18 });

/** Exchange rates: below 10^12 with at most 12 decimal places (1 dong is about 0.00004 euro). */
export const RATE_BOUNDS: DecimalBounds = Object.freeze({ places: 12, digits: 12 });

/** Sums of up to 2^31 terms (more than a ledger can hold) have at most ⌈log10 2^31⌉ = 10 more digits. */
const COUNT_DIGITS = 10;

/**
 * Significant digits of the largest value money arithmetic produces: a sum of up to 2^31 amounts
 * converted by rates, each below 10^(18 + 12) with 10 + 12 decimal places, is below 10^40 with 22
 * places: 62 digits. With this precision every such sum, and every comparison of one with a threshold
 * (also an amount times a rate), is exact; it costs nothing for short numbers (decimal.js works on
 * the digits a number has, not on the precision).
 */
export const MONEY_PRECISION = AMOUNT_BOUNDS.digits + RATE_BOUNDS.digits + COUNT_DIGITS + AMOUNT_BOUNDS.places + RATE_BOUNDS.places;

/**
 * A Decimal constructor with {@link MONEY_PRECISION}: sums and currency conversions of amounts and
 * rates within their bounds are exact.
 */
export const D = Decimal.clone({ precision: MONEY_PRECISION, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type D = Decimal;

const DECIMAL_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/u;

/** Most significant digits a JS number can carry and still name one decimal value unambiguously. */
const EXACT_NUMBER_DIGITS = 15;

/** Significant digits of a decimal text such as `'-0.00120e5'` (3). */
function significantDigits(text: string): number {
  let end = text.length;
  const e = text.search(/[eE]/u);
  if (e >= 0) end = e;
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    if (first < 0 && c === 48) continue;
    if (first < 0) first = i;
    count++;
    if (c !== 48) last = count;
  }
  return first < 0 ? 0 : last;
}

/**
 * Why a value is not an exact decimal within its bounds: not a decimal at all, a JS number with more
 * than 15 significant digits (not exact), a digit other than 0 past the allowed decimal places, or a
 * value at or above 10^digits.
 */
export type DecimalIssue = 'not_decimal' | 'inexact_number' | 'too_many_places' | 'too_large';

/**
 * Which of the bounds a decimal text (matching DECIMAL_STRING) breaks, in one pass over its
 * characters: the powers of ten of its first and last non-zero digits, from their positions and the
 * exponent, which is read as a number and never expanded (`'1e-100000000'` costs 12 steps).
 */
function boundsIssue(text: string, bounds: DecimalBounds): 'too_many_places' | 'too_large' | undefined {
  let point = -1;
  let digits = 0;
  let first = -1;
  let last = -1;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) point = digits;
    else if (c === 101 || c === 69) {
      end = i;
      break;
    } else if (c >= 48 && c <= 57) {
      if (c !== 48) {
        if (first < 0) first = digits;
        last = digits;
      }
      digits++;
    }
  }
  if (first < 0) return undefined; // zero, however written
  const exponent = end < text.length ? Number(text.slice(end + 1)) : 0;
  // The digit at position j (0-based, among the digits) stands for 10^(integerDigits − 1 − j + exponent).
  const integerDigits = point < 0 ? digits : point;
  const top = integerDigits - 1 - first + exponent;
  const bottom = integerDigits - 1 - last + exponent;
  if (top >= bounds.digits) return 'too_large';
  if (bottom < -bounds.places) return 'too_many_places';
  return undefined;
}

/**
 * Why `value` is not an exact decimal within `bounds` (see {@link DecimalIssue}), or undefined when it
 * is one. Strings must be plain decimals (`'1234.50'`, `'-3'`, `'1e6'`), numbers finite with at most
 * 15 significant digits. The sign is not judged. Runs in O(length of the text).
 *
 * @example
 * decimalIssue('1234.50')   //=> undefined
 * decimalIssue('1e-11')     //=> 'too_many_places'
 * decimalIssue(0.1 + 0.2)   //=> 'inexact_number'
 */
export function decimalIssue(value: unknown, bounds: DecimalBounds = AMOUNT_BOUNDS): DecimalIssue | undefined {
  const text = readText(value);
  return text === 'not_decimal' || text === 'inexact_number' ? text : boundsIssue(text, bounds);
}

/** The trimmed decimal text of a string or an exact JS number, or why there is none. */
function readText(value: unknown): string | 'not_decimal' | 'inexact_number' {
  if (typeof value === 'string') {
    const s = value.trim();
    return DECIMAL_STRING.test(s) ? s : 'not_decimal';
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'not_decimal';
    const s = String(value);
    return significantDigits(s) > EXACT_NUMBER_DIGITS ? 'inexact_number' : s;
  }
  return 'not_decimal';
}

/**
 * The decimal text of an exact value within `bounds`, or undefined: the checks of
 * {@link exactDecimal} without building a Decimal (validation reads millions of amounts; most never
 * need exact arithmetic). See {@link decimalIssue} for why a value is refused.
 *
 * @example
 * exactDecimalText(' 1234.50 ') //=> '1234.50'
 * exactDecimalText(1234.5)      //=> '1234.5'
 * exactDecimalText(0.1 + 0.2)   //=> undefined
 * // Amounts are below 10^18:
 * exactDecimalText('1e18')      //=> undefined
 */
export function exactDecimalText(value: unknown, bounds: DecimalBounds = AMOUNT_BOUNDS): string | undefined {
  const text = readText(value);
  return text === 'not_decimal' || text === 'inexact_number' || boundsIssue(text, bounds) !== undefined ? undefined : text;
}

/**
 * Reads a value exactly, or returns undefined.
 * Strings must be plain decimals (`'1234.50'`, `'-3'`, `'1e6'`); numbers must be finite and carry at
 * most 15 significant digits, so `1234.5` is read as 1234.5 but `0.1 + 0.2` (0.30000000000000004)
 * is refused rather than rounded; and the value must lie within `bounds` (by default
 * {@link AMOUNT_BOUNDS}: below 10^18, at most 10 decimal places).
 *
 * @example
 * exactDecimal('1234.50')?.toString() //=> '1234.5'
 * exactDecimal(0.1 + 0.2)             //=> undefined
 */
export function exactDecimal(value: unknown, bounds: DecimalBounds = AMOUNT_BOUNDS): Decimal | undefined {
  const text = exactDecimalText(value, bounds);
  return text === undefined ? undefined : new D(text);
}

/** A money string with at least two decimals: `591500` → `'591500.00'`, `1.005` → `'1.005'`. */
export function moneyString(d: Decimal): string {
  return d.decimalPlaces() >= 2 ? d.toFixed() : d.toFixed(2);
}

/**
 * {@link moneyString} of the Decimal a decimal text reads as, written from the text itself when it
 * is already one (`'2977.30'`; a whole number gains `.00`): most ledger amounts, without a Decimal.
 *
 * @example
 * [moneyText('2977.30'), moneyText('1234'), moneyText('0050.5')] //=> ['2977.30', '1234.00', '50.50']
 */
export function moneyText(text: string): string {
  if (!PLAIN_MONEY.test(text)) return moneyString(new D(text));
  return text.charCodeAt(text.length - 3) === 46 ? text : `${text}.00`;
}

/** A whole number without leading zeros, with two decimals or none: its own money string, or that less `.00`. */
const PLAIN_MONEY = /^(?:0|[1-9]\d*)(?:\.\d\d)?$/u;

/** A money string grouped by thousands for sentences: `591500` → `'591,500.00'`. */
export function groupedMoney(d: Decimal): string {
  return groupMoneyText(moneyString(d));
}

/** {@link groupedMoney} of a money string already written ({@link moneyString}): `'591500.00'` → `'591,500.00'`. */
export function groupMoneyText(s: string): string {
  const neg = s.startsWith('-');
  const [int = '0', frac] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${groupDigits(int)}${frac !== undefined ? `.${frac}` : ''}`;
}

/** 10^0 … 10^15: powers of ten a double holds exactly. */
const EXACT_POWERS = Array.from({ length: 16 }, (_, i) => Number(`1e${i}`));

/**
 * `Number(text)` for a decimal text: the nearest double. A text of at most 16 characters, digits
 * with at most one point after the first (`'1432.24'`, `'7'`, `'5.'`), is read digit by digit: up
 * to 15 digits and a point, the digits (below 10^15) and the power of ten are exact doubles, so the
 * one rounding of their division gives the nearest double to the decimal, as `Number` does; 16
 * digits, the last step (an exact even product below 2^54, plus a digit) is the one rounding. Any
 * other text goes to `Number`. About half the time of `Number` on a ledger's amounts. O(length).
 *
 * @example
 * approxNumber('1432.24') //=> 1432.24
 * approxNumber('1e3') //=> 1000
 */
export function approxNumber(text: string): number {
  const n = text.length;
  if (n > 16) return Number(text);
  let value = 0;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (c === 46 && point < 0 && i > 0) point = i;
    else return Number(text);
  }
  return point < 0 ? value : value / (EXACT_POWERS[n - 1 - point] as number);
}

/**
 * Round figures: whole multiples of 1,000, or integers with at most two significant digits.
 *
 * @example
 * [500, 2400, 295000, 2450, 999.5].map((x) => isRound(new Decimal(x))) //=> [true, true, true, false, false]
 */
export function isRound(amount: Decimal): boolean {
  if (!amount.isInteger() || amount.isZero()) return false;
  // A whole number's significant digits without its trailing zeros and with them: a multiple of
  // 1,000 has three trailing zeros at least (no division, as a remainder would take).
  const significant = amount.sd(false);
  return significant <= 2 || amount.sd(true) - significant >= 3;
}
