import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/_lib/decimal.js';
import { ExactSum } from '../../src/_lib/exactSum.js';
import { runs } from '../helpers/runs.js';

/** Amount texts as validation lets them through: plain, with many decimals, huge, with exponents. */
const amountArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 15n }).map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`),
  fc.bigInt({ min: 0n, max: 10n ** 13n - 1n }).map(String),
  fc.constantFrom('0', '0.5', '000123.4', '.5', '5.', '+5', '1e6', '2.5E-3', '0.125', '9999999999999.99', '99999999999999', '12345678901234567890.123456789'),
  fc.tuple(fc.nat(1e9), fc.nat(1e6)).map(([a, b]) => `${a}.${b}`),
);

describe('ExactSum', () => {
  it('equals the sum of the same amounts as Decimals, however many and however large', () => {
    fc.assert(
      fc.property(fc.array(amountArb, { maxLength: 60 }), fc.nat(3), (amounts, repeat) => {
        const sum = new ExactSum();
        let want = new D(0);
        for (let r = 0; r <= repeat; r++) {
          for (const a of amounts) {
            sum.add(a);
            want = want.plus(new D(a));
          }
        }
        expect(sum.value().eq(want)).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it('stays exact past the largest safe integer of cents', () => {
    const sum = new ExactSum();
    for (let i = 0; i < 2000; i++) sum.add('9999999999999.99');
    expect(sum.value().toFixed(2)).toBe(new D('9999999999999.99').times(2000).toFixed(2));
  });
});
