/** The record table: what scanRecords keeps, and that records come back from it alone. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { recordAt, scanRecords } from '../../src/records/table.js';
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
    expect(table.rejects[0]?.message).toBe('currency EUR has no exchange rate to CNY; pass rates: { EUR: … }');
  });
});
