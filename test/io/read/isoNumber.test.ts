/**
 * The reader looks a `YYYY-MM-DD` date up by `isoNumber`, not by its text: the number must stand for
 * that text alone (−1 for every other text), and the dates read must be those of `parseDate`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoNumber } from '../../../src/io/read/reader.js';
import { readLedger } from '../../../src/io/read/ledger.js';
import { parseDate } from '../../../src/io/read/date.js';
import { runs } from '../../helpers/runs.js';

const ISO = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/u;
const chars = fc.constantFrom('0', '1', '2', '9', '-', '/', ' ', 'a', '٣', '２', '.', 'e', '+');

describe('isoNumber', () => {
  it('is the digits of a YYYY-MM-DD text, and -1 for any other text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(chars, { minLength: 8, maxLength: 12 }).map((a) => a.join('')), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string()), (s) => {
        const n = isoNumber(s);
        if (ISO.test(s)) expect(n).toBe(Number(s.replaceAll('-', '')));
        else expect(n).toBe(-1);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('reads the dates parseDate reads, ISO texts or not, in any order', () => {
    const dates = ['2019-01-03', '2019-02-30', '2019/01/03', '2019-1-3', '0000-00-00', '9999-12-31', '2019-01-03T10:00', ' 2019-01-05', '2019-01-05'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...dates), { minLength: 1, maxLength: 12 }), (picked) => {
        const csv = ['id,buyer,vendor,date,amount,currency', ...picked.map((d, i) => `r${i},B,V,${d},10,EUR`)].join('\n');
        const ledger = readLedger(csv);
        const expected = picked.map((d) => parseDate(d.trim())).filter((p) => p.ok).map((p) => (p as { date: string }).date);
        expect(ledger.records.map((r) => r.date)).toEqual(expected);
      }),
      { numRuns: runs(200) },
    );
  });
});
