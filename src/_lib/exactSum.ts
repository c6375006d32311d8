import type { Decimal } from 'decimal.js';
import { D } from './decimal.js';

const ZERO = 48;
const DOT = 46;

/**
 * Whole cents of a plain amount text (1–13 digits, optionally a point and 1–2 decimals), or -1 for
 * any other text. Read by hand: this runs once per record in every total.
 */
function centsOf(amount: string): number {
  const n = amount.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const d = amount.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === 0 || i > 13) return -1;
  if (i === n) return whole * 100;
  if (amount.charCodeAt(i) !== DOT || n - i - 1 < 1 || n - i - 1 > 2) return -1;
  let frac = 0;
  for (let j = i + 1; j < n; j++) {
    const d = amount.charCodeAt(j) - ZERO;
    if (d < 0 || d > 9) return -1;
    frac = frac * 10 + d;
  }
  return whole * 100 + (n - i - 1 === 1 ? frac * 10 : frac);
}

/**
 * An exact running sum of decimal amount texts that avoids a Decimal per amount: amounts with at
 * most two decimals (most ledger amounts) add up as whole cents in a JS number, which is exact while
 * it stays a safe integer; any other amount, and the cents before they could stop being exact, go
 * into a Decimal.
 */
export class ExactSum {
  private cents = 0;
  private rest: Decimal = new D(0);

  add(amount: string): void {
    const cents = centsOf(amount);
    if (cents < 0) {
      this.rest = this.rest.plus(new D(amount));
      return;
    }
    if (this.cents + cents > Number.MAX_SAFE_INTEGER) this.flush();
    this.cents += cents;
  }

  /** The exact sum. */
  value(): Decimal {
    return this.rest.plus(new D(this.cents).div(100));
  }

  private flush(): void {
    this.rest = this.rest.plus(new D(this.cents).div(100));
    this.cents = 0;
  }
}
