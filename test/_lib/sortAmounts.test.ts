import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortAmounts } from '../../src/_lib/sortAmounts.js';
import { runs } from '../helpers/runs.js';

/** Equal as numbers, entry by entry (−0 and +0 alike; NaN equal to NaN). */
const sameNumbers = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => x === b[i] || (Number.isNaN(x) && Number.isNaN(b[i] as number)));

describe('sortAmounts', () => {
  // Amounts as ledgers hold them (cents, repeated values, zeros) and any doubles, long enough for the radix sort.
  const cents = fc.integer({ min: 0, max: 1e9 }).map((c) => c / 100);
  const amount = fc.oneof(cents, fc.constantFrom(0, -0, 3000, 2999.99, Infinity, Number.NaN), fc.double({ min: 0, noNaN: true }));
  const lists = fc.oneof(
    // Long lists of non-negative amounts: the radix sort.
    fc.array(amount, { minLength: 256, maxLength: 1500, size: 'max' }),
    // Any doubles (negatives fall back), and short lists.
    fc.array(fc.oneof(amount, fc.double()), { maxLength: 1500, size: 'max' }),
    fc.array(amount, { maxLength: 300 }),
  );
  it('sorts as Float64Array.prototype.sort does', () => {
    fc.assert(
      fc.property(lists, (xs) => {
        const expected = Float64Array.from(xs).sort();
        const got = Float64Array.from(xs);
        expect(sortAmounts(got)).toBe(got);
        expect(sameNumbers(got, expected)).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
  it('sorts a view of a larger buffer in place, leaving the rest alone', () => {
    const buffer = Float64Array.from({ length: 1200 }, (_, i) => ((i * 7919) % 1000) / 4);
    const view = buffer.subarray(100, 1100);
    const expected = view.slice().sort();
    sortAmounts(view);
    expect(sameNumbers(view, expected)).toBe(true);
    expect(buffer[0]).toBe(0);
    expect(buffer[1199]).toBe(((1199 * 7919) % 1000) / 4);
  });
});
