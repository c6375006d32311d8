import type { Decimal } from 'decimal.js';
import { D } from './decimal.js';

const CENTS = /^(\d{1,13})(?:\.(\d{1,2}))?$/u;

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
    const m = CENTS.exec(amount);
    if (m === null) {
      this.rest = this.rest.plus(new D(amount));
      return;
    }
    const cents = Number(m[1]) * 100 + (m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0')));
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
