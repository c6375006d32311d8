import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateRecords } from '../../src/records/validate.js';
import type { RejectCode } from '../../src/records/record.js';
import { runs } from '../helpers/runs.js';

/** A record that passes every rule; each row of the tables below breaks exactly one field. */
const good = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'A1',
  buyer: 'City Hall',
  vendor: 'Acme Ltd',
  date: '2014-11-03',
  amount: '120000',
  currency: 'CNY',
  ...over,
});

/** `good()` without one field. */
const without = (field: string): Record<string, unknown> => {
  const r = good();
  delete r[field];
  return r;
};

/** Days since 1970-01-01, computed here (not with the library's helper). */
const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

interface Row {
  name: string;
  record: unknown;
  field: string;
  /** Expected code; several when the documentation leaves the choice open. */
  code: RejectCode | readonly RejectCode[];
}

const rows: Row[] = [
  // Missing required fields.
  { name: 'missing id', record: without('id'), field: 'id', code: 'missing' },
  { name: 'null id', record: good({ id: null }), field: 'id', code: 'missing' },
  { name: 'missing buyer', record: without('buyer'), field: 'buyer', code: 'missing' },
  { name: 'missing vendor', record: without('vendor'), field: 'vendor', code: 'missing' },
  { name: 'missing date', record: without('date'), field: 'date', code: 'missing' },
  { name: 'missing amount', record: without('amount'), field: 'amount', code: 'missing' },
  { name: 'missing currency', record: without('currency'), field: 'currency', code: 'missing' },
  { name: 'null vendor', record: good({ vendor: null }), field: 'vendor', code: 'missing' },
  // Empty strings.
  { name: 'empty id', record: good({ id: '' }), field: 'id', code: 'empty' },
  { name: 'blank id', record: good({ id: '   ' }), field: 'id', code: 'empty' },
  { name: 'empty buyer', record: good({ buyer: '' }), field: 'buyer', code: 'empty' },
  { name: 'blank buyer', record: good({ buyer: ' \t ' }), field: 'buyer', code: 'empty' },
  { name: 'empty vendor', record: good({ vendor: '' }), field: 'vendor', code: 'empty' },
  { name: 'empty date', record: good({ date: '' }), field: 'date', code: ['missing', 'empty'] },
  { name: 'empty amount', record: good({ amount: '' }), field: 'amount', code: ['missing', 'empty'] },
  { name: 'empty currency', record: good({ currency: '' }), field: 'currency', code: ['missing', 'empty'] },
  // Wrong types.
  { name: 'object id', record: good({ id: { a: 1 } }), field: 'id', code: 'invalid_type' },
  { name: 'boolean id', record: good({ id: true }), field: 'id', code: 'invalid_type' },
  { name: 'NaN id', record: good({ id: Number.NaN }), field: 'id', code: 'invalid_type' },
  { name: 'Infinity id', record: good({ id: Number.POSITIVE_INFINITY }), field: 'id', code: 'invalid_type' },
  { name: 'numeric buyer', record: good({ buyer: 5 }), field: 'buyer', code: 'invalid_type' },
  { name: 'array vendor', record: good({ vendor: ['Acme'] }), field: 'vendor', code: 'invalid_type' },
  { name: 'numeric date', record: good({ date: 20141103 }), field: 'date', code: ['invalid_type', 'invalid_date'] },
  { name: 'boolean amount', record: good({ amount: true }), field: 'amount', code: ['invalid_type', 'invalid_amount'] },
  { name: 'object amount', record: good({ amount: { value: 1 } }), field: 'amount', code: ['invalid_type', 'invalid_amount'] },
  { name: 'numeric currency', record: good({ currency: 156 }), field: 'currency', code: ['invalid_type', 'unknown_currency'] },
  { name: 'object subject', record: good({ subject: { text: 'x' } }), field: 'subject', code: 'invalid_type' },
  { name: 'boolean category', record: good({ category: false }), field: 'category', code: 'invalid_type' },
  { name: 'array project', record: good({ project: ['P1'] }), field: 'project', code: 'invalid_type' },
  { name: 'object method', record: good({ method: {} }), field: 'method', code: 'invalid_type' },
  { name: 'boolean document', record: good({ document: true }), field: 'document', code: 'invalid_type' },
  { name: 'object exemption', record: good({ exemption: { why: 'x' } }), field: 'exemption', code: 'invalid_type' },
  // Dates that are not calendar dates written YYYY-MM-DD.
  { name: 'February 30th', record: good({ date: '2014-02-30' }), field: 'date', code: 'invalid_date' },
  { name: 'month 13', record: good({ date: '2014-13-01' }), field: 'date', code: 'invalid_date' },
  { name: 'US-style date', record: good({ date: '03/04/2019' }), field: 'date', code: 'invalid_date' },
  { name: 'unpadded date', record: good({ date: '2014-1-5' }), field: 'date', code: 'invalid_date' },
  { name: 'November 31st', record: good({ date: '2014-11-31' }), field: 'date', code: 'invalid_date' },
  { name: 'Feb 29 in a common year', record: good({ date: '2015-02-29' }), field: 'date', code: 'invalid_date' },
  { name: 'date followed by junk', record: good({ date: '2014-11-03abc' }), field: 'date', code: 'invalid_date' },
  { name: 'invalid Date object', record: good({ date: new Date(Number.NaN) }), field: 'date', code: 'invalid_date' },
  // A Date whose year YYYY-MM-DD cannot spell (it used to become day 0, 1970-01-01).
  { name: 'a Date after year 9999', record: good({ date: new Date(10000, 0, 1) }), field: 'date', code: 'invalid_date' },
  { name: 'a Date before year 0', record: good({ date: new Date(-5, 0, 1) }), field: 'date', code: 'invalid_date' },
  // Amounts that are not numbers.
  { name: 'decimal comma', record: good({ amount: '12,5' }), field: 'amount', code: 'invalid_amount' },
  { name: 'letters', record: good({ amount: 'abc' }), field: 'amount', code: 'invalid_amount' },
  { name: 'two points', record: good({ amount: '1.2.3' }), field: 'amount', code: 'invalid_amount' },
  { name: 'currency sign', record: good({ amount: '¥100' }), field: 'amount', code: 'invalid_amount' },
  { name: 'NaN amount', record: good({ amount: Number.NaN }), field: 'amount', code: 'invalid_amount' },
  { name: 'Infinity amount', record: good({ amount: Number.POSITIVE_INFINITY }), field: 'amount', code: 'invalid_amount' },
  // Negative and inexact amounts.
  { name: 'negative cent', record: good({ amount: '-0.01' }), field: 'amount', code: 'negative_amount' },
  { name: 'negative number', record: good({ amount: -5 }), field: 'amount', code: 'negative_amount' },
  { name: '0.1 + 0.2', record: good({ amount: 0.1 + 0.2 }), field: 'amount', code: 'inexact_amount' },
  { name: '1/3', record: good({ amount: 1 / 3 }), field: 'amount', code: 'inexact_amount' },
  // Currencies that are not ISO 4217 codes.
  { name: 'XXX', record: good({ currency: 'XXX' }), field: 'currency', code: 'unknown_currency' },
  { name: 'a currency sign', record: good({ currency: '¥' }), field: 'currency', code: 'unknown_currency' },
  { name: 'a currency name', record: good({ currency: 'dollars' }), field: 'currency', code: 'unknown_currency' },
];

describe('validateRecords: one reject per bad-input class', () => {
  it.each(rows)('$name → rejected on $field', ({ record, field, code }) => {
    const { records, rejects } = validateRecords([good({ id: 'OK-0' }), record, good({ id: 'OK-2' })]);
    expect(records.map((r) => r.id)).toEqual(['OK-0', 'OK-2']);
    expect(rejects).toHaveLength(1);
    const r = rejects[0];
    if (!r) throw new Error('no reject');
    expect(r.index).toBe(1);
    expect(r.field).toBe(field);
    expect(r.path).toEqual([1, field]);
    expect(typeof code === 'string' ? [code] : code).toContain(r.code);
    expect(r.message).toContain(field);
    // The offending value as given.
    expect(r.value).toBe((record as Record<string, unknown>)[field]);
    // The id is reported when it was usable.
    if (field !== 'id') expect(r.id).toBe('A1');
    else expect(r.id).toBeUndefined();
  });

  it.each([
    { name: 'a number', value: 42 },
    { name: 'null', value: null },
    { name: 'undefined', value: undefined },
    { name: 'an array', value: [good()] },
    { name: 'a string', value: 'A1,City Hall,Acme,2014-11-03,100,CNY' },
    { name: 'a Date', value: new Date(2014, 10, 3) },
  ])('a record that is $name is not_an_object', ({ value }) => {
    const { records, rejects } = validateRecords([good({ id: 'OK-0' }), value]);
    expect(records.map((r) => r.id)).toEqual(['OK-0']);
    expect(rejects).toHaveLength(1);
    const r = rejects[0];
    expect(r?.code).toBe('not_an_object');
    expect(r?.index).toBe(1);
    expect(r?.field).toBe('');
    expect(r?.path[0]).toBe(1);
    expect(r?.message).toMatch(/object/);
    expect(r?.value).toBe(value);
  });

  it('reads an amount with thousands separators back to the caller without them, and guesses no other form', () => {
    const message = (amount: string) => validateRecords([good({ amount })]).rejects[0]?.message;
    expect(message('2,600.00')).toBe('amount "2,600.00" is not a number: digits and one decimal point; without its thousands separators it reads 2600.00');
    expect(message('1,234,567')).toMatch(/it reads 1234567$/u);
    // A decimal comma or a lone comma could be either: no reading is offered.
    for (const amount of ['12,5', '1.234,50', '12,50', 'abc']) expect(message(amount)).toBe(`amount "${amount}" is not a number: digits and one decimal point`);
    // Never echoed in full: a 800,001-character amount gives a message of a line.
    expect(message(`1${',000'.repeat(200000)}`)?.length).toBeLessThan(300);
  });

  it('reports a record with several problems once, for the first field, and counts the others', () => {
    const { rejects } = validateRecords([good({ vendor: '', amount: 'abc', currency: 'XXX' })]);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]?.field).toBe('vendor');
    expect(rejects[0]?.code).toBe('empty');
    expect(rejects[0]?.message).toMatch(/2 more/);
    const one = validateRecords([good({ date: '2014-02-30', amount: '-1' })]).rejects;
    expect(one[0]?.field).toBe('date');
    expect(one[0]?.message).toMatch(/1 more/);
  });
});

describe('validateRecords: duplicate ids', () => {
  const ledger = [
    good({ id: 'A' }),
    good({ id: 'B' }),
    good({ id: 'A', amount: '5' }),
    good({ id: 'C' }),
    good({ id: 'A', vendor: 'Other' }),
    good({ id: 7 }),
    good({ id: '7' }),
    good({ id: ' D ' }),
    good({ id: 'D' }),
  ];

  it('rejects every record sharing an id (numbers as their string, ids trimmed)', () => {
    const { records, rejects } = validateRecords(ledger);
    expect(records.map((r) => r.id)).toEqual(['B', 'C']);
    expect(rejects.map((r) => r.index).sort((a, b) => a - b)).toEqual([0, 2, 4, 5, 6, 7, 8]);
    for (const r of rejects) {
      expect(r.code).toBe('duplicate_id');
      expect(r.field).toBe('id');
      expect(r.path).toEqual([r.index, 'id']);
      expect(r.message).toContain('id');
    }
    expect(new Set(rejects.map((r) => r.id))).toEqual(new Set(['A', '7', 'D']));
  });

  it('names a few of the other records and counts the rest, so messages grow with the records, not their square', () => {
    const n = 3000;
    const { rejects } = validateRecords(Array.from({ length: n }, () => good({ id: 'INV' })));
    expect(rejects).toHaveLength(n);
    expect(rejects[0]?.message).toBe(`id "INV" is also used by records 1, 2, 3, 4, 5 and ${(n - 6).toLocaleString("en-US")} more; ids must be unique`);
    expect(rejects[3]?.message).toBe(`id "INV" is also used by records 0, 1, 2, 4, 5 and ${(n - 6).toLocaleString("en-US")} more; ids must be unique`);
    expect(Math.max(...rejects.map((r) => r.message.length))).toBeLessThan(100);
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(ledger.map((r, i) => [r, i] as const), { minLength: ledger.length }), (shuffled) => {
        const { records, rejects } = validateRecords(shuffled.map(([r]) => r));
        expect(records.map((r) => r.id).sort()).toEqual(['B', 'C']);
        // Map each reject back to its original position.
        const original = rejects.map((r) => shuffled[r.index]?.[1]).sort((a, b) => (a as number) - (b as number));
        expect(original).toEqual([0, 2, 4, 5, 6, 7, 8]);
        for (const r of rejects) expect(r.code).toBe('duplicate_id');
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('validateRecords: accepted values', () => {
  const accept = (over: Record<string, unknown>) => {
    const { records, rejects } = validateRecords([good(over)]);
    expect(rejects).toEqual([]);
    expect(records).toHaveLength(1);
    return records[0] as NonNullable<(typeof records)[0]>;
  };

  it.each([
    ['2014-11-03T23:30:00-08:00', '2014-11-03', dayNumber(2014, 11, 3)],
    ['2014-11-03T00:30:00+14:00', '2014-11-03', dayNumber(2014, 11, 3)],
    ['2014-11-03T12:00:00Z', '2014-11-03', dayNumber(2014, 11, 3)],
    ['2014-11-03 08:15', '2014-11-03', dayNumber(2014, 11, 3)],
    ['2016-02-29', '2016-02-29', dayNumber(2016, 2, 29)],
    ['1999-12-31', '1999-12-31', dayNumber(1999, 12, 31)],
  ])('date %s is read as %s', (input, date, day) => {
    const r = accept({ date: input });
    expect(r.date).toBe(date);
    expect(r.day).toBe(day);
  });

  it('reads full-width currency codes and amounts under Unicode NFKC, as the file reader does', () => {
    const r = accept({ currency: 'ｅｕｒ', amount: '１２００．５０' });
    expect(r.currency).toBe('EUR');
    expect(r.amount.toString()).toBe('1200.5');
    expect(accept({ currency: ' ＣＮＹ ', amount: '１００' })).toMatchObject({ currency: 'CNY' });
  });

  it('reads a Date by its local calendar fields', () => {
    const r = accept({ date: new Date(2014, 10, 3, 23, 59) });
    expect(r.date).toBe('2014-11-03');
    expect(r.day).toBe(dayNumber(2014, 11, 3));
  });

  it.each([
    ['1234.5 (an exact number)', 1234.5, '1234.5'],
    ['a decimal string', '1234.50', '1234.5'],
    ['zero as a string', '0', '0'],
    ['zero as a number', 0, '0'],
    ['an integer number', 120000, '120000'],
    ['a string with surrounding spaces', ' 99.99 ', '99.99'],
    ['exponent notation', '1e6', '1000000'],
  ])('amount %s is accepted exactly', (_name, input, exact) => {
    const r = accept({ amount: input });
    expect(r.amount.toFixed()).toBe(exact);
  });

  it.each([
    ['CNY', 'CNY'],
    ['usd ', 'USD'],
    ['eur', 'EUR'],
    [' Gbp', 'GBP'],
  ])('currency %j is accepted as %s (ISO 4217, case-insensitive, upper-cased)', (input, code) => {
    expect(accept({ currency: input }).currency).toBe(code);
  });

  it('passes unknown fields through in `extra` and keeps known ones out of it', () => {
    const r = accept({ subject: 'signs', category: 'B0701', supplierTaxId: '91330100', line: 5, nested: { a: [1] } });
    expect(r.extra).toEqual({ supplierTaxId: '91330100', line: 5, nested: { a: [1] } });
    expect(r.subject).toBe('signs');
    expect(r.category).toBe('B0701');
    expect(accept({}).extra).toEqual({});
  });

  it('trims names and ids, turns blank optional fields into undefined and numbers into text', () => {
    const r = accept({ id: 12, buyer: '  City Hall ', subject: '   ', document: 1007 });
    expect(r.id).toBe('12');
    expect(r.buyer).toBe('City Hall');
    expect(r.subject).toBeUndefined();
    expect(r.document).toBe('1007');
  });
});

// ----- Property: every input lands in exactly one list -------------------------------------------

/** Mutations that make a good record bad, each with the field it breaks and the code expected. */
const BAD: readonly [string, unknown, RejectCode | readonly RejectCode[]][] = [
  ['buyer', undefined, 'missing'],
  ['buyer', '  ', 'empty'],
  ['buyer', 3, 'invalid_type'],
  ['vendor', '', 'empty'],
  ['date', '2014-02-30', 'invalid_date'],
  ['date', '03/04/2019', 'invalid_date'],
  ['date', undefined, 'missing'],
  ['amount', '12,5', 'invalid_amount'],
  ['amount', '-0.01', 'negative_amount'],
  ['amount', 0.1 + 0.2, 'inexact_amount'],
  ['amount', undefined, 'missing'],
  ['currency', 'XXX', 'unknown_currency'],
  ['currency', undefined, 'missing'],
  ['subject', {}, 'invalid_type'],
];

type Entry =
  | { kind: 'good'; id: string; record: Record<string, unknown> }
  | { kind: 'bad'; field: string; code: RejectCode | readonly RejectCode[]; record: unknown }
  | { kind: 'notObject'; record: unknown };

const goodArb = fc
  .record({
    id: fc.constantFrom('G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8'),
    amount: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000 }).map((c) => (c / 100).toFixed(2))),
    date: fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2010, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    currency: fc.constantFrom('CNY', 'usd', 'EUR'),
    extra: fc.option(fc.string(), { nil: undefined }),
  })
  .map(({ id, amount, date, currency, extra }): Entry => {
    const record = good({ id, amount, date, currency });
    if (extra !== undefined) record['note'] = extra;
    return { kind: 'good', id, record };
  });

const badArb = fc.tuple(fc.constantFrom(...BAD), fc.integer({ min: 0, max: 99 })).map(([[field, value, code], n]): Entry => {
  // Bad records carry ids of their own, so duplicate handling never mixes with them.
  const record = good({ id: `BAD-${n}` });
  if (value === undefined) delete record[field];
  else record[field] = value;
  return { kind: 'bad', field, code, record };
});

const notObjectArb = fc.constantFrom<unknown>(null, 7, 'text', [1, 2], true).map((record): Entry => ({ kind: 'notObject', record }));

describe('validateRecords: every input lands in exactly one list', () => {
  it('records + rejects = input, each index once, with the expected outcome per record', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: goodArb }, { weight: 3, arbitrary: badArb }, { weight: 1, arbitrary: notObjectArb }), { maxLength: 40 }), (entries) => {
        // Make the bad ids unique (their suffix is random) so only good records share ids.
        const input = entries.map((e, i) => (e.kind === 'bad' ? { ...(e.record as object), id: `BAD-${i}` } : e.record));
        const { records, rejects } = validateRecords(input);
        expect(records.length + rejects.length).toBe(input.length);
        const seen = new Map<number, number>();
        for (const i of [...records.map((r) => r.index), ...rejects.map((r) => r.index)]) seen.set(i, (seen.get(i) ?? 0) + 1);
        expect([...seen.keys()].sort((a, b) => a - b)).toEqual(input.map((_, i) => i));
        expect([...seen.values()].every((n) => n === 1)).toBe(true);

        // Expected outcome of each record, derived from the entry kinds.
        const goodIds = new Map<string, number>();
        for (const e of entries) if (e.kind === 'good') goodIds.set(e.id, (goodIds.get(e.id) ?? 0) + 1);
        const rejectAt = new Map(rejects.map((r) => [r.index, r]));
        const acceptedAt = new Map(records.map((r) => [r.index, r]));
        entries.forEach((e, i) => {
          if (e.kind === 'good') {
            if ((goodIds.get(e.id) as number) > 1) {
              expect(rejectAt.get(i)?.code).toBe('duplicate_id');
              expect(rejectAt.get(i)?.path).toEqual([i, 'id']);
            } else {
              expect(acceptedAt.get(i)?.id).toBe(e.id);
              const note = (e.record as Record<string, unknown>)['note'];
              expect(acceptedAt.get(i)?.extra).toEqual(note === undefined ? {} : { note });
            }
          } else if (e.kind === 'bad') {
            const r = rejectAt.get(i);
            expect(r?.field).toBe(e.field);
            expect(r?.path).toEqual([i, e.field]);
            expect(typeof e.code === 'string' ? [e.code] : e.code).toContain(r?.code);
          } else {
            expect(rejectAt.get(i)?.code).toBe('not_an_object');
          }
        });
        // Accepted ids are unique.
        expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      }),
      { numRuns: runs(200) },
    );
  });
});
