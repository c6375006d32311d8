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
  if (typeof value === 'string') {
    const s = value.trim();
    if (!DECIMAL_STRING.test(s)) return undefined;
    return new D(s);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const d = new D(String(value));
    if (!d.isZero() && d.sd(true) > EXACT_NUMBER_DIGITS) return undefined;
    return d;
  }
  return undefined;
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
