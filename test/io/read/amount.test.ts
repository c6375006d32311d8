import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAmount, plainAmount } from '../../../src/io/read/amount.js';
import { D } from '../../../src/_lib/decimal.js';
import { runs } from '../../helpers/runs.js';

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

  it.each(['12,50', '1.234,56', '1 234,56'])('suggests the decimal comma for %j, naming the option and the flag', (raw) => {
    expect(parseAmount(raw)).toEqual({ ok: false, message: `"${raw}" is not an amount (a decimal comma? option decimalComma; the command: --decimal-comma)` });
  });

  it.each(['(-1500)', '-1500.00-', '--100', '-(1,234.56)', '(5)-', '((5))', '(-$5)', '(USD -5)', '-$-5', '(−5)'])('refuses %j, marked negative twice', (raw) => {
    expect(parseAmount(raw)).toEqual({ ok: false, message: expect.stringMatching(/^".*" is not an amount: it is marked negative twice \(.+\), so whether it is a purchase or a credit is unclear$/u) });
  });

  it('names the two signs', () => {
    expect(parseAmount('(-1500)')).toEqual({ ok: false, message: '"(-1500)" is not an amount: it is marked negative twice (parentheses and a leading minus sign), so whether it is a purchase or a credit is unclear' });
    expect(parseAmount('-1500.00-')).toMatchObject({ message: expect.stringContaining('(a leading minus sign and a trailing minus sign)') });
    expect(parseAmount('(+5)')).toMatchObject({ message: expect.stringContaining('it has two signs (parentheses and a leading plus sign)') });
  });

  it('reads one sign, and refuses any two (property)', () => {
    // Each way a ledger marks a sign, and whether it makes the amount negative.
    const signs: readonly [(s: string) => string, boolean][] = [
      [(s) => `(${s})`, true],
      [(s) => `( ${s} )`, true],
      [(s) => `-${s}`, true],
      [(s) => `− ${s}`, true],
      [(s) => `${s}-`, true],
      [(s) => `${s} -`, true],
      [(s) => `+${s}`, false],
      [(s) => `USD -${s}`, true],
    ];
    const sign = fc.integer({ min: 0, max: signs.length - 1 }).map((i) => signs[i] as [(s: string) => string, boolean]);
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{0,5}(\.\d{1,2})?$/u), sign, sign, fc.boolean(), (x, [one, negative], [two], decimalComma) => {
        const written = decimalComma ? x.replace('.', ',') : x;
        const once = parseAmount(one(written), { decimalComma });
        expect(once.ok && new D(once.amount).eq(negative ? new D(x).negated() : new D(x))).toBe(true);
        expect(parseAmount(two(one(written)), { decimalComma }).ok).toBe(false);
      }),
      { numRuns: runs(500) },
    );
  });

  it.each([
    ['45万', '10000'],
    ['45万元', '10000'],
    ['45 万元', '10000'],
    ['¥45万元', '10000'],
    ['RMB 45万元', '10000'],
    ['(45万元)', '10000'],
    ['300千元', '1000'],
    ['1.2亿元', '100000000'],
    ['1.2 亿', '100000000'],
  ])('refuses %j, written in another unit than the amounts are read in, and names the unit that reads it', (raw, unit) => {
    const r = parseAmount(raw);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain(`(option unit; the command: --unit ${unit})`);
    // The unit given reads it, and a plain number the same.
    const read = parseAmount(raw, { unit });
    expect(read.ok && new D(read.amount).abs().eq(new D(raw.replace(/[^\d.]/gu, '')).times(unit))).toBe(true);
  });

  it('refuses an amount in 元 in a column read in 万元', () => {
    const r = parseAmount('286,500元', { unit: 10000 });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toBe('"286,500元" is in 元, but amounts are read × 10,000: if every amount of the column is in 元, give that unit (option unit; the command: --unit 1)');
    expect(parseAmount('28.65', { unit: 10000 })).toEqual({ ok: true, amount: '286500' });
  });

  it('reads a currency from symbols and codes', () => {
    expect(parseAmount('£5')).toMatchObject({ currency: 'GBP' });
    expect(parseAmount('5 EUR')).toMatchObject({ currency: 'EUR' });
    expect(parseAmount('$5')).not.toHaveProperty('currency');
  });

  it('reads a currency symbol after the number, as Europe writes it', () => {
    expect(parseAmount('1.234,56 €', { decimalComma: true })).toEqual({ ok: true, amount: '1234.56', currency: 'EUR' });
    expect(parseAmount('1 234,56 €', { decimalComma: true })).toEqual({ ok: true, amount: '1234.56', currency: 'EUR' });
    expect(parseAmount('(12,50€)', { decimalComma: true })).toEqual({ ok: true, amount: '-12.5', currency: 'EUR' });
    expect(parseAmount('1,234.56 £')).toEqual({ ok: true, amount: '1234.56', currency: 'GBP' });
    expect(parseAmount('1 234,56 $', { decimalComma: true })).toEqual({ ok: true, amount: '1234.56' });
  });

  it('refuses a symbol and a code that name two currencies', () => {
    expect(parseAmount('€ 200 GBP')).toEqual({ ok: false, message: '"€ 200 GBP" is not an amount: it names two currencies, EUR and GBP' });
    expect(parseAmount('C$5 USD').ok).toBe(false);
    expect(parseAmount('€200 EUR')).toEqual({ ok: true, amount: '200', currency: 'EUR' });
    expect(parseAmount('$200 CAD')).toEqual({ ok: true, amount: '200', currency: 'CAD' });
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

describe('plainAmount', () => {
  /** The oracle: the regular expression and the trimming plainAmount reads by hand, written the obvious way. */
  const PLAIN = /^(-?)(\d{1,15}|\d{1,3}(?:,\d{3}){1,4})(?:\.(\d{1,15}))?$/u;
  const oracle = (raw: string): string | undefined => {
    const m = PLAIN.exec(raw);
    if (!m) return undefined;
    const int = (m[2] as string).replace(/,/gu, '').replace(/^0+(?=\d)/u, '');
    const frac = (m[3] ?? '').replace(/0+$/u, '');
    const digits = int + (frac ? `.${frac}` : '');
    return m[1] === '-' && digits !== '0' ? `-${digits}` : digits;
  };

  it('reads what the regular expression reads, as Decimal writes it, and refuses the rest', () => {
    // Texts made of the characters that matter, and well-formed numbers in every shape.
    const messy = fc.string({ unit: fc.constantFrom('0', '1', '9', ',', '.', '-', ' ', 'e', '٣'), maxLength: 24 });
    const grouped = fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,4}$/u), fc.array(fc.stringMatching(/^\d{2,4}$/u), { maxLength: 5 }), fc.option(fc.stringMatching(/^\d{0,16}$/u)));
    const shaped = grouped.map(([neg, head, groups, frac]) => `${neg ? '-' : ''}${[head, ...groups].join(',')}${frac === null ? '' : `.${frac}`}`);
    // Near the limits: 15 digits before or after the point, four groups of three.
    const digits = (min: number, max: number) => fc.array(fc.constantFrom('0', '1', '5', '9'), { minLength: min, maxLength: max, size: 'max' }).map((d) => d.join(''));
    const long = fc.tuple(fc.boolean(), digits(1, 17), fc.option(digits(0, 17))).map(([neg, a, b]) => `${neg ? '-' : ''}${a}${b === null ? '' : `.${b}`}`);
    const groups = fc.tuple(digits(1, 3), fc.array(digits(3, 3), { minLength: 3, maxLength: 5 }), fc.option(digits(1, 16))).map(([a, gs, b]) => `${[a, ...gs].join(',')}${b === null ? '' : `.${b}`}`);
    fc.assert(
      fc.property(fc.oneof(messy, shaped, long, groups), (raw) => {
        const got = plainAmount(raw);
        expect(got).toBe(oracle(raw));
        if (got !== undefined) expect(got).toBe(new D(raw.replace(/,/gu, '')).toFixed());
      }),
      { numRuns: runs(2000) },
    );
  });
});
