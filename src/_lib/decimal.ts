import Decimal from 'decimal.js';

/**
 * A Decimal constructor with enough precision that sums and currency conversions of ledger amounts
 * are exact (multiplying two 20-digit decimals needs 40 digits).
 */
export const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
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
 * The decimal text of an exact amount, or undefined: the checks of {@link exactDecimal} without
 * building a Decimal (validation reads millions of amounts; most never need exact arithmetic).
 *
 * @example
 * exactDecimalText(' 1234.50 ') //=> '1234.50'
 * exactDecimalText(1234.5)      //=> '1234.5'
 * exactDecimalText(0.1 + 0.2)   //=> undefined
 */
export function exactDecimalText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const s = value.trim();
    return DECIMAL_STRING.test(s) ? s : undefined;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const s = String(value);
    return significantDigits(s) > EXACT_NUMBER_DIGITS ? undefined : s;
  }
  return undefined;
}

/**
 * Reads an amount exactly, or returns undefined.
 * Strings must be plain decimals (`'1234.50'`, `'-3'`, `'1e6'`); numbers must be finite and carry at
 * most 15 significant digits, so `1234.5` is read as 1234.5 but `0.1 + 0.2` (0.30000000000000004)
 * is refused rather than rounded.
 *
 * @example
 * exactDecimal('1234.50')?.toString() //=> '1234.5'
 * exactDecimal(0.1 + 0.2)             //=> undefined
 */
export function exactDecimal(value: unknown): Decimal | undefined {
  const text = exactDecimalText(value);
  return text === undefined ? undefined : new D(text);
}

/** A money string with at least two decimals: `591500` → `'591500.00'`, `1.005` → `'1.005'`. */
export function moneyString(d: Decimal): string {
  return d.decimalPlaces() >= 2 ? d.toFixed() : d.toFixed(2);
}

/** A money string grouped by thousands for sentences: `591500` → `'591,500.00'`. */
export function groupedMoney(d: Decimal): string {
  const s = moneyString(d);
  const neg = s.startsWith('-');
  const [int = '0', frac] = (neg ? s.slice(1) : s).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
