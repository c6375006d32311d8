import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { exactTotal } from '../../src/cluster/total.js';
import { scanRecords } from '../../src/records/table.js';
import { D } from '../../src/_lib/decimal.js';
import { runs } from '../helpers/runs.js';

/**
 * Amounts as ledgers write them: plain decimals of every length around the 15-digit edge of the
 * whole-number path, zeros after the point, exponents, signs, and numbers.
 */
const amountArb: fc.Arbitrary<string | number> = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 17n }).chain((n) => fc.integer({ min: 0, max: 10 }).map((p) => (p === 0 ? `${n}` : `${n / 10n ** BigInt(p)}.${(n % 10n ** BigInt(p)).toString().padStart(p, '0')}`))),
  fc.constantFrom('999999999999999', '9999999999999999', '0.000000001', '.5', '7.', '1e3', '2.5E-2', '+12.50', '0', '00012.3400', '123.000000000000000', '8999999999999.99'),
  fc.integer({ min: 0, max: 2 ** 40 }).map((c) => c / 100),
);

/** Decimal arithmetic wide enough for any of these sums (decimal.js rounds to 20 digits by default). */
const Exact = Decimal.clone({ precision: 200 });

describe('exactTotal', () => {
  it('is the exact Decimal sum of the records’ values, in any currency mix and order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(amountArb, fc.constantFrom('CNY', 'USD', 'EUR')), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.func(fc.boolean()),
        (rows, convert, take) => {
          const records = rows.map(([amount, currency], i) => ({ id: `R${i}`, buyer: 'B', vendor: 'V', date: '2024-01-02', amount, currency }));
          const rates = new Map([['USD', new D('7.1234567890')], ['EUR', new D('0.000012345678')]]);
          const table = scanRecords(records, convert ? { currency: 'CNY', rates } : undefined);
          const ks = Array.from({ length: table.size }, (_, k) => k).filter((k) => take(k));
          // The independent sum: each record's amount (as validated) times its rate, in plain Decimal arithmetic.
          let want = new Exact(0);
          for (const k of ks) {
            const rate = convert ? rates.get(table.currencies[table.currency[k] as number] as string) : undefined;
            const amount = new Exact(table.amount[k] as string);
            want = want.plus(rate === undefined ? amount : amount.times(rate));
          }
          expect(exactTotal(table, ks).toFixed()).toBe(want.toFixed());
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('stays exact where the whole-number sums pass 2^53', () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({ id: `R${i}`, buyer: 'B', vendor: 'V', date: '2024-01-02', amount: `99999999999999.${i % 10}`, currency: 'CNY' }));
    const table = scanRecords(records);
    const want = records.reduce((s, r) => s.plus(r.amount), new Exact(0));
    expect(exactTotal(table, records.map((_, k) => k)).toFixed()).toBe(want.toFixed());
  });
});
