/**
 * Exact decimals: which texts and numbers are amounts (and rates), and that arithmetic on every
 * amount and rate that passes is exact, checked against BigInt integer arithmetic.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AMOUNT_BOUNDS, D, RATE_BOUNDS, approxNumber, decimalIssue, exactDecimal, exactDecimalText, groupMoneyText, groupedMoney, moneyString, moneyText, type DecimalBounds } from '../../src/_lib/decimal.js';
import { runs } from '../helpers/runs.js';

/** `k × 10^-places` as plain decimal text, computed with strings (not with the library). */
function plain(k: bigint, places: number): string {
  const digits = k.toString().padStart(places + 1, '0');
  return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** A decimal text as an integer count of 10^-places units; throws when it has finer digits. */
function units(text: string, places: number): bigint {
  const m = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/iu.exec(text.trim());
  if (!m) throw new Error(`not a decimal: ${text}`);
  let digits = (m[1] ?? '') + (m[2] ?? '');
  let shift = places - (m[2] ?? '').length + Number(m[3] ?? 0);
  if (shift < 0) {
    if (!/^0*$/u.test(digits.slice(shift))) throw new Error(`${text} is finer than 10^-${places}`);
    digits = digits.slice(0, shift);
    shift = 0;
  }
  return BigInt((digits || '0') + '0'.repeat(shift));
}

const TEN = 10n;

describe('amount bounds: below 10^18, at most 10 decimal places', () => {
  it.each([
    ['999999999999999999.9999999999', 'the largest amount'],
    ['0.0000000001', 'the smallest non-zero amount'],
    ['1e17', 'an exponent inside the bounds'],
    ['1.5e-9', 'a small exponent inside the bounds'],
    ['123.4500000000000000000000', 'zeros past the 10th decimal place'],
    ['0', 'zero'],
    ['0e-99999999999', 'zero with any exponent'],
    ['000000000000000000000000001', 'leading zeros'],
  ])('%s (%s) is an amount', (text) => {
    expect(exactDecimalText(text)).toBe(text);
    expect(decimalIssue(text)).toBeUndefined();
  });

  it.each([
    ['1e18', 'too_large'],
    ['1000000000000000000', 'too_large'],
    ['999999999999999999999.5', 'too_large'],
    ['1e99999999999999999999', 'too_large'],
    ['0.00000000001', 'too_many_places'],
    ['1e-11', 'too_many_places'],
    ['1e-100000000', 'too_many_places'],
    ['1e-10000000', 'too_many_places'],
    [`499.${'9'.repeat(70)}`, 'too_many_places'],
    ['1.00000000005', 'too_many_places'],
    ['abc', 'not_decimal'],
    ['1e', 'not_decimal'],
  ] as const)('%s is refused (%s)', (text, issue) => {
    expect(exactDecimalText(text)).toBeUndefined();
    expect(exactDecimal(text)).toBeUndefined();
    expect(decimalIssue(text)).toBe(issue);
  });

  it('refuses JS numbers outside the bounds, even exact ones', () => {
    expect(decimalIssue(1e300)).toBe('too_large');
    expect(decimalIssue(5e-324)).toBe('too_many_places');
    expect(decimalIssue(1e-11)).toBe('too_many_places');
    expect(decimalIssue(0.1 + 0.2)).toBe('inexact_number');
    expect(decimalIssue(Number.NaN)).toBe('not_decimal');
    expect(exactDecimalText(1e17)).toBe('100000000000000000');
    expect(exactDecimalText(1e-10)).toBe('1e-10');
  });

  it('answers in time linear in the text, whatever its exponent (never expands it)', () => {
    const start = performance.now();
    for (let i = 0; i < 100; i++) expect(decimalIssue(`1e-${'9'.repeat(1000)}`)).toBe('too_many_places');
    expect(decimalIssue(`0.${'0'.repeat(1_000_000)}1`)).toBe('too_many_places');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  /** An in-bounds amount k × 10^-10 written with its point moved by `shift` and an exponent making up for it. */
  const writtenArb = (bounds: DecimalBounds) =>
    fc.tuple(fc.bigInt({ min: 0n, max: TEN ** BigInt(bounds.digits + bounds.places) - 1n }), fc.integer({ min: -5, max: 5 }), fc.boolean()).map(([k, shift, upper]) => {
      const text = plain(k, bounds.places);
      if (shift === 0) return { k, text };
      // Move the point: multiply the mantissa by 10^-shift and write e{shift}.
      const mantissa = shift > 0 ? plain(k, bounds.places + shift) : plain(k * TEN ** BigInt(-shift), bounds.places);
      return { k, text: `${mantissa}${upper ? 'E' : 'e'}${shift}` };
    });

  it.each([
    ['amounts', AMOUNT_BOUNDS],
    ['rates', RATE_BOUNDS],
  ] as const)('%s: every value k × 10^-places in bounds, however written, is accepted and read exactly', (_name, bounds) => {
    fc.assert(
      fc.property(writtenArb(bounds), ({ k, text }) => {
        expect(decimalIssue(text, bounds)).toBeUndefined();
        const d = exactDecimal(text, bounds);
        expect(d).toBeDefined();
        expect(units((d as InstanceType<typeof D>).toFixed(), bounds.places)).toBe(k);
      }),
      { numRuns: runs(300) },
    );
  });

  it.each([
    ['amounts', AMOUNT_BOUNDS],
    ['rates', RATE_BOUNDS],
  ] as const)('%s: a value with one digit past the places, or at 10^digits and over, is refused', (_name, bounds) => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: TEN ** BigInt(bounds.digits + bounds.places) - 1n }), fc.bigInt({ min: 1n, max: 9n }), fc.boolean(), (k, last, tooLarge) => {
        const text = tooLarge ? plain(TEN ** BigInt(bounds.digits + bounds.places) + k - 1n, bounds.places) : plain(k * TEN + last, bounds.places + 1);
        expect(decimalIssue(text, bounds)).toBe(tooLarge ? 'too_large' : 'too_many_places');
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('exact arithmetic for every amount and rate in bounds', () => {
  const maxAmount = TEN ** BigInt(AMOUNT_BOUNDS.digits + AMOUNT_BOUNDS.places) - 1n;
  const maxRate = TEN ** BigInt(RATE_BOUNDS.digits + RATE_BOUNDS.places) - 1n;
  const places = AMOUNT_BOUNDS.places + RATE_BOUNDS.places;
  const count = 2n ** 31n - 1n;

  it('the largest amount × the largest rate × 2^31 − 1 (the largest sum of converted amounts) is exact', () => {
    const product = new D(plain(maxAmount, AMOUNT_BOUNDS.places)).times(plain(maxRate, RATE_BOUNDS.places));
    expect(units(product.toFixed(), places)).toBe(maxAmount * maxRate);
    const total = product.times(count.toString());
    expect(units(total.toFixed(), places)).toBe(maxAmount * maxRate * count);
    // … and so is the sum, added one term at a time from the top down to the last unit.
    const almost = total.minus(new D(1).div(new D(10).pow(places)));
    expect(units(almost.toFixed(), places)).toBe(maxAmount * maxRate * count - 1n);
  });

  it('sums of converted amounts at the bounds equal the BigInt sums', () => {
    const amountArb = fc.oneof(fc.bigInt({ min: maxAmount - 10n ** 12n, max: maxAmount }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.bigInt({ min: 0n, max: maxAmount }));
    const rateArb = fc.oneof(fc.constant(maxRate), fc.constant(1n), fc.bigInt({ min: 1n, max: maxRate }));
    fc.assert(
      fc.property(fc.array(fc.tuple(amountArb, rateArb), { minLength: 1, maxLength: 40 }), (terms) => {
        let total = new D(0);
        let expected = 0n;
        for (const [a, r] of terms) {
          total = total.plus(new D(plain(a, AMOUNT_BOUNDS.places)).times(plain(r, RATE_BOUNDS.places)));
          expected += a * r;
        }
        expect(units(total.toFixed(), places)).toBe(expected);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('approxNumber', () => {
  it('is Number(text) for every decimal text: plain digits, a point anywhere, leading zeros, signs, exponents, long texts (property)', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9'), minLength: 0, maxLength: 24 });
    const text = fc.oneof(
      fc.tuple(digits, fc.boolean(), digits).map(([a, point, b]) => (point ? `${a}.${b}` : `${a}${b}`)),
      fc.tuple(fc.constantFrom('', '+', '-'), digits, fc.constantFrom('', 'e3', 'E-2'), digits).map(([s, a, e, b]) => `${s}${a}.${b}${e}`),
      fc.double({ min: 0, max: 1e18, noNaN: true }).map(String),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(Object.is(approxNumber(t), Number(t))).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('is Number(text) for amounts of up to 16 digits, at every place of the point, and for the empty text', () => {
    for (const t of ['', '.', '9999999999999999', '999999999999999', '9999999999999.99', '0.000000000000001', '123456789012345.', '1234567890123456', '9007199254740993', '0.1', '2547.7', '5.']) {
      expect(Object.is(approxNumber(t), Number(t)), t).toBe(true);
    }
  });
});

describe('moneyText', () => {
  it('is moneyString of the Decimal the text reads as', () => {
    const digits = fc.stringMatching(/^\d{1,16}$/u);
    const text = fc.oneof(
      fc.tuple(digits, fc.stringMatching(/^\d{0,4}$/u)).map(([i, f]) => (f === '' ? i : `${i}.${f}`)),
      fc.integer({ min: 0, max: 10 ** 9 }).map((c) => (c / 100).toFixed(2)),
      fc.constantFrom('0', '0.00', '00', '007.50', '1e3', '1.5E-2', '.5', '5.', '-0.00', '-12.30', '+4', '123456789012345678.00'),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(moneyText(t)).toBe(moneyString(new D(t)));
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('groupMoneyText', () => {
  it('groups a money string as groupedMoney groups its Decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat({ max: 4 }), (units, places) => {
        const d = new D(units.toString()).div(10 ** places);
        // The integer digits grouped by the en-US expression, sign and decimals as they are.
        const [, sign = '', int = '', frac = ''] = /^(-?)(\d+)(\.\d+)?$/u.exec(moneyString(d)) ?? [];
        const expected = `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/gu, ',')}${frac}`;
        expect(groupMoneyText(moneyString(d))).toBe(expected);
        expect(groupedMoney(d)).toBe(expected);
      }),
      { numRuns: runs(500) },
    );
  });
});
