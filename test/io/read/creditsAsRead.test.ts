/**
 * Credits rejected as they are read (`credits: 'reject'`, no lines summed) are rejected as the
 * reader rejected them once every row was in: same rejects, records, lines, stats and samples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../../src/io/read/ledger.js';
import { runs } from '../../helpers/runs.js';

const cell = {
  vendor: fc.constantFrom('Acme', 'Sign Co', 'CAFÉ DEPOT', '', 'direct debit payment', 'Total'),
  date: fc.constantFrom('2019-01-03', '2019-01-05', '2019-02-30', ''),
  amount: fc.constantFrom('120', '-5', '"-1,234.50"', '(12.00)', '-0', '0', '-0.00', 'abc', '', '999.99', '"$ -300"'),
  currency: fc.constantFrom('EUR', 'usd', ''),
};
const row = fc.tuple(cell.vendor, cell.date, cell.amount, cell.currency);

describe('credits rejected as they are read', () => {
  it('are the credits rejected once the rows are in (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        // Distinct document numbers: summing lines (read the old way) sums none.
        const csv = ['id,buyer,vendor,date,amount,currency,document', ...rows.map((r, i) => [`R${i % 7}`, 'City', ...r, `D${i}`].join(','))].join('\n');
        const asRead = readLedger(csv, { lines: 'keep' });
        const atEnd = readLedger(csv, { lines: 'sum' });
        expect(asRead.rejects).toEqual(atEnd.rejects);
        expect(asRead.records).toEqual(atEnd.records);
        expect(asRead.lines).toEqual(atEnd.lines);
        expect(asRead.stats).toEqual(atEnd.stats);
        expect(asRead.sources[0]?.samples).toEqual(atEnd.sources[0]?.samples);
        // Key order too: the JSON report writes them as they are.
        expect(JSON.stringify(asRead.rejects)).toBe(JSON.stringify(atEnd.rejects));
      }),
      { numRuns: runs(300) },
    );
  });
});
