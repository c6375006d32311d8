/** The record table: what scanRecords keeps, and that records come back from it alone. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { recordAt, reuseTable, scanRecords } from '../../src/records/table.js';
import { validateRecords } from '../../src/records/validate.js';
import { detectSplits } from '../../src/detect.js';
import { RECORD_FIELDS } from '../../src/records/record.js';
import { ledgerArb } from '../helpers/arbitraries.js';
import { runs } from '../helpers/runs.js';

/**
 * A record whose every property is a getter that counts its reads and answers `first` the first
 * time and `later` afterwards, as a caller mutating its input between two reads would.
 */
function shifting(first: Record<string, unknown>, later: Record<string, unknown>): { record: object; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const record = {};
  for (const key of Object.keys(first)) {
    Object.defineProperty(record, key, {
      enumerable: true,
      get() {
        const n = (reads.get(key) ?? 0) + 1;
        reads.set(key, n);
        return n === 1 ? first[key] : later[key];
      },
    });
  }
  return { record, reads };
}

const FIRST = { id: 'S1', buyer: 'Zone Admin', vendor: 'Sign Co', date: '2014-11-03', amount: '280000', currency: 'CNY', category: 'B0701', project: 'P-1', method: 'quotation', subject: '道路指示标牌', document: 'D-7', note: 'first' };
const LATER = { id: 'X9', buyer: 'Other Body', vendor: 'Other Co', date: '2015-01-01', amount: '1', currency: 'USD', category: 'Z99', project: 'P-9', method: 'open', subject: 'other', document: 'D-0', note: 'later' };

describe('records come from the table, not from a second read of the input', () => {
  it('validateRecords reads each field once and returns what it validated', () => {
    const { record, reads } = shifting(FIRST, LATER);
    const { records, rejects } = validateRecords([record]);
    expect(rejects).toEqual([]);
    const r = records[0];
    expect(r).toMatchObject({ id: 'S1', buyer: 'Zone Admin', vendor: 'Sign Co', date: '2014-11-03', currency: 'CNY', category: 'B0701', project: 'P-1', method: 'quotation', subject: '道路指示标牌', document: 'D-7' });
    expect(r?.amount.toString()).toBe('280000');
    expect(r?.extra).toEqual({ note: 'first' });
    for (const [key, n] of reads) expect(n, key).toBe(1);
  });

  it('detectSplits reports the values it judged', () => {
    const a = shifting(FIRST, LATER);
    const b = shifting({ ...FIRST, id: 'S2', date: '2014-11-05', vendor: 'Light Co', document: 'D-8' }, LATER);
    const { findings } = detectSplits([a.record, b.record], { thresholds: [{ id: 'q', amount: '300000', currency: 'CNY', procedure: 'quotation' }], minScore: 0 });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.buyer).toBe('Zone Admin');
    expect(findings[0]?.parts.map((p) => [p.id, p.vendor, p.date, p.amount, p.currency, p.document])).toEqual([
      ['S1', 'Sign Co', '2014-11-03', '280000.00', 'CNY', 'D-7'],
      ['S2', 'Light Co', '2014-11-05', '280000.00', 'CNY', 'D-8'],
    ]);
  });
});

describe('scanRecords', () => {
  it('keeps every field of a valid record as validated, and every other own field in `extra`', () => {
    const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !(RECORD_FIELDS as readonly string[]).includes(k) && k !== '__proto__'), fc.jsonValue(), { maxKeys: 3 });
    fc.assert(
      fc.property(ledgerArb(20), fc.array(extra, { minLength: 20, maxLength: 20 }), (ledger, extras) => {
        const input = ledger.map((r, i) => ({ ...extras[i], ...r }));
        const table = scanRecords(input);
        expect(table.size).toBe(input.length);
        for (let k = 0; k < table.size; k++) {
          const given = input[k] as Record<string, unknown>;
          const r = recordAt(table, k);
          expect(r.index).toBe(k);
          for (const f of ['id', 'buyer', 'vendor', 'date', 'currency', 'subject', 'category', 'project', 'method', 'document', 'exemption'] as const) {
            expect(r[f], f).toBe(given[f]);
          }
          expect(r.amount.eq(new Decimal(given['amount'] as string))).toBe(true);
          expect({ ...r.extra }).toEqual(extras[k]);
          expect(Object.getPrototypeOf(r.extra)).toBeNull();
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it('converts to the report currency and rejects a currency without a rate, after duplicate ids', () => {
    const rec = (id: string, currency: string, amount = '100') => ({ id, buyer: 'B', vendor: 'V', date: '2014-11-03', amount, currency });
    const table = scanRecords([rec('A', 'CNY'), rec('B', 'USD', '10.5'), rec('C', 'EUR'), rec('D', 'EUR'), rec('D', 'CNY')], { currency: 'CNY', rates: new Map([['CNY', new Decimal(1)], ['USD', new Decimal('7.1')]]) });
    expect(table.id).toEqual(['A', 'B']);
    expect(Array.from(table.approx)).toEqual([100, 74.55]);
    expect(table.rejects.map((r) => [r.index, r.code, r.field])).toEqual([
      [2, 'no_exchange_rate', 'currency'],
      [3, 'duplicate_id', 'id'],
      [4, 'duplicate_id', 'id'],
    ]);
    expect(table.rejects[0]?.message).toBe('currency EUR has no exchange rate to CNY: give the rate of EUR (units of CNY per 1 EUR)');
  });
});

describe('dates met again', () => {
  // Valid, padded, impossible, timestamped and non-text dates, each met many times in one scan.
  const DATES = ['2019-01-03', '2019-01-03', ' 2019-01-03', '2019-02-30', '2019-01-03T10:00', '2019-01-03x', '0000-01-01', '', 20190103, new Date(2019, 0, 3), new Date(NaN)];
  it('give each record the day and reject that scanning it alone gives (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(DATES.length - 1), { maxLength: 40 }), (picks) => {
        const records = picks.map((d, i) => ({ id: `R${i}`, buyer: 'City', vendor: 'Acme', date: DATES[d], amount: '5', currency: 'EUR' }));
        const t = scanRecords(records);
        const alone = records.map((r) => scanRecords([r]));
        const accepted = alone.flatMap((a, i) => (a.size === 1 ? [[i, a.day[0]]] : []));
        expect([...t.row].map((i, k) => [i, t.day[k]])).toEqual(accepted);
        expect(t.rejects.map((r) => [r.index, r.code, r.message])).toEqual(alone.flatMap((a, i) => a.rejects.map((r) => [i, r.code, r.message])));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('reuseTable', () => {
  /** Values a mutation may give a field: valid, invalid, padded, of other types, absent. */
  const VALUES = ['R000', 'R001', 'Acme Ltd', ' City Hall ', 'P-2014-02', '4523', '', '-', '2014-02-30', '2014-03-01', '12.5', '-3', 'USD', 'usd', 'XXX', 42, 1.5, undefined, null, new Date(2014, 0, 5), { nested: 1 }];
  const FIELDS = [...RECORD_FIELDS, 'note', 'lines'];
  type Change =
    | { kind: 'set'; at: number; field: string; value: number }
    | { kind: 'define'; at: number; field: string; value: number }
    | { kind: 'delete'; at: number; field: string }
    | { kind: 'replace'; at: number; value: number }
    | { kind: 'copy'; at: number }
    | { kind: 'push' }
    | { kind: 'pop' };
  const changeArb: fc.Arbitrary<Change> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(30), field: fc.constantFrom(...FIELDS), value: fc.nat(6) }), weight: 4 },
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(30), field: fc.constantFrom(...FIELDS), value: fc.nat(VALUES.length - 1) }),
    fc.record({ kind: fc.constant('define' as const), at: fc.nat(30), field: fc.constantFrom(...FIELDS), value: fc.nat(VALUES.length - 1) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(30), field: fc.constantFrom(...FIELDS) }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(30), value: fc.nat(VALUES.length - 1) }),
    fc.record({ kind: fc.constant('copy' as const), at: fc.nat(30) }),
    fc.record({ kind: fc.constant('push' as const) }),
    fc.record({ kind: fc.constant('pop' as const) }),
  );
  /** A ledger with some records an unchanged scan keeps as given, some it rejects, some with extra fields. */
  const inputArb = fc.tuple(ledgerArb(30), fc.array(fc.tuple(fc.nat(30), fc.constantFrom(...FIELDS), fc.nat(VALUES.length - 1)), { maxLength: 6 })).map(([ledger, tweaks]) => {
    const input: unknown[] = ledger.map((r) => ({ ...r }));
    for (const [at, field, value] of tweaks) {
      const r = input[at % Math.max(input.length, 1)] as Record<string, unknown> | undefined;
      if (r) r[field] = VALUES[value];
    }
    return input;
  });
  const apply = (input: unknown[], c: Change): void => {
    if (c.kind === 'push') return void input.push({ ...(input[0] as object), id: 'NEW' });
    if (c.kind === 'pop') return void input.pop();
    if (input.length === 0) return;
    const i = c.at % input.length;
    const r = input[i];
    if (c.kind === 'replace') input[i] = VALUES[c.value];
    else if (c.kind === 'copy') input[i] = typeof r === 'object' && r !== null ? { ...r } : r;
    else if (typeof r !== 'object' || r === null || r instanceof Date) return;
    else if (c.kind === 'delete') delete (r as Record<string, unknown>)[c.field];
    else if (c.kind === 'set') (r as Record<string, unknown>)[c.field] = VALUES[c.value];
    else Object.defineProperty(r, c.field, { value: VALUES[c.value], enumerable: false, configurable: true, writable: true });
  };
  const conversions = [undefined, { currency: 'CNY', rates: new Map() }, { currency: 'CNY', rates: new Map([['USD', new Decimal('7.1')]]) }];

  it('a marked array scanned again, changed or not, gives the table a first scan of it gives', () => {
    fc.assert(
      fc.property(inputArb, fc.array(changeArb, { maxLength: 4 }), fc.nat(2), fc.nat(2), (input, changes, c1, c2) => {
        reuseTable(input);
        expect(scanRecords(input, conversions[c1])).toEqual(scanRecords(input.slice(), conversions[c1]));
        for (const change of changes) apply(input, change);
        // A fresh array is never marked: scanRecords validates it from scratch.
        expect(scanRecords(input, conversions[c2])).toEqual(scanRecords(input.slice(), conversions[c2]));
        expect(scanRecords(input, conversions[c1])).toEqual(scanRecords(input.slice(), conversions[c1]));
      }),
      { numRuns: runs(300) },
    );
  });

  it('skips validation of an unchanged array: a shifting record is read again only to check it', () => {
    const { record, reads } = shifting(FIRST, FIRST);
    const input = [record, { ...FIRST, id: 'S2' }];
    reuseTable(input);
    const first = scanRecords(input);
    const again = scanRecords(input);
    expect(again).toEqual(first);
    // Read once to validate, once to check: not a third time.
    for (const [key, n] of reads) expect(n, key).toBe(2);
    // Each scan hands out its own rejects.
    expect(again.rejects).not.toBe(first.rejects);
  });
});
