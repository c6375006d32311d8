/** purchaseRecordSchema applies the rules validateRecords applies, field by field. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { purchaseRecordSchema } from '../../src/records/schema.js';
import { validateRecords } from '../../src/records/validate.js';
import { RECORD_FIELDS } from '../../src/records/record.js';
import { runs } from '../helpers/runs.js';

/** Values good and bad for any field: text, blanks, numbers, dates, objects. */
const value = fc.constantFrom<unknown>(
  undefined, null, '', '  ', 'A1', ' City Hall ', 'CNY', 'usd', 'XXX', '2014-11-03', '2014-02-30', '2014-11-03T10:00:00Z',
  '120000', '-5', '0.10', 'abc', 12, 0.1 + 0.2, -3, Number.NaN, true, {}, ['x'], new Date(2014, 10, 3), new Date(Number.NaN),
);

const recordArb = fc.record(Object.fromEntries(RECORD_FIELDS.map((f) => [f, value])), { requiredKeys: [] });

describe('purchaseRecordSchema', () => {
  it('accepts a record without its optional fields, as validateRecords does', () => {
    const record = { id: 'A1', buyer: 'City Hall', vendor: 'Acme Ltd', date: '2014-11-03', amount: '120000', currency: 'CNY' };
    expect(validateRecords([record]).records).toHaveLength(1);
    expect(purchaseRecordSchema.safeParse(record).success).toBe(true);
  });

  it('accepts exactly the records validateRecords accepts, with the same values, and fails on the same field with the same code', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const parsed = purchaseRecordSchema.safeParse(record);
        const { records, rejects } = validateRecords([record]);
        expect(parsed.success).toBe(records.length === 1);
        if (parsed.success) {
          const r = records[0];
          for (const f of ['id', 'buyer', 'vendor', 'currency', 'subject', 'category', 'project', 'method', 'document', 'exemption'] as const) expect(parsed.data[f]).toEqual(r?.[f]);
          expect(parsed.data.date).toEqual({ date: r?.date, day: r?.day });
          expect(parsed.data.amount.eq(r?.amount as never)).toBe(true);
        } else {
          const first = parsed.error.issues[0];
          expect(first?.path).toEqual([rejects[0]?.field]);
          expect((first as { params?: unknown }).params).toEqual({ code: rejects[0]?.code });
        }
      }),
      { numRuns: runs(400) },
    );
  });
});
