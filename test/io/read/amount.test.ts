import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAmount } from '../../../src/io/read/amount.js';
import { D } from '../../../src/_lib/decimal.js';

describe('parseAmount', () => {
  it.each([
    ['1234.50', {}, '1234.5'],
    ['$1,234.50', {}, '1234.5'],
    ['¥1,234', {}, '1234'],
    ['1,234元', {}, '1234'],
    ['(12.34)', {}, '-12.34'],
    ['-1,277.78', {}, '-1277.78'],
    ['12.34-', {}, '-12.34'],
    ['GBP 12.00', {}, '12'],
    ['1 234,50', { decimalComma: true }, '1234.5'],
    ['1.234,50', { decimalComma: true }, '1234.5'],
    ['12,5', { decimalComma: true }, '12.5'],
    ['28.65', { unit: 10000 }, '286500'],
    ['0.1', { unit: '10000' }, '1000'],
  ] as const)('%s %o → %s', (raw, options, amount) => {
    const r = parseAmount(raw, options);
    expect(r.ok && r.amount).toBe(amount);
  });

  it.each(['', 'abc', '12,5', '1,23,4', '1.2.3', '$', '1 234,50'])('refuses %j without guessing', (raw) => {
    expect(parseAmount(raw).ok).toBe(false);
  });

  it('suggests the decimal comma', () => {
    const r = parseAmount('12,50');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/decimalComma/);
  });

  it('reads a currency from symbols and codes', () => {
    expect(parseAmount('£5')).toMatchObject({ currency: 'GBP' });
    expect(parseAmount('5 EUR')).toMatchObject({ currency: 'EUR' });
    expect(parseAmount('$5')).not.toHaveProperty('currency');
  });

  it('reads any grouped money string exactly (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const grouped = int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const r = parseAmount(`$${grouped}.${String(cents).padStart(2, '0')}`);
        expect(r.ok).toBe(true);
        if (r.ok) expect(new D(r.amount).eq(new D(`${int}.${String(cents).padStart(2, '0')}`))).toBe(true);
      }),
    );
  });
});

describe('parseAmount: plain numbers', () => {
  it('writes them exactly as decimal arithmetic does (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^\d{1,15}$/u), fc.option(fc.stringMatching(/^\d{1,15}$/u), { nil: undefined }), (neg, int, frac) => {
        const raw = `${neg ? '-' : ''}${int}${frac !== undefined ? `.${frac}` : ''}`;
        const expected = new D(raw);
        const want = expected.isZero() ? '0' : expected.toFixed();
        expect(parseAmount(raw)).toEqual({ ok: true, amount: want });
        // Grouped by thousands, as files write them.
        const grouped = `${neg ? '-' : ''}${BigInt(int).toString().replace(/\B(?=(\d{3})+(?!\d))/gu, ',')}${frac !== undefined ? `.${frac}` : ''}`;
        expect(parseAmount(grouped)).toEqual({ ok: true, amount: want });
      }),
    );
  });
});
