import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupDigits, groupedCount } from '../../src/_lib/grouping.js';
import { runs } from '../helpers/runs.js';

describe('groupDigits', () => {
  it('writes digits as the en-US grouping regular expression does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,40}$/u), (digits) => {
        expect(groupDigits(digits)).toBe(digits.replace(/\B(?=(\d{3})+(?!\d))/gu, ','));
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('groupedCount', () => {
  it("writes any number as toLocaleString('en-US') does", () => {
    const numbers = fc.oneof(fc.nat(), fc.integer(), fc.maxSafeInteger(), fc.double(), fc.constantFrom(0, -0, 2 ** 53, 2 ** 53 + 2, 999, 1000, 999_999, 1_000_000, Number.NaN, Infinity));
    fc.assert(
      fc.property(numbers, (n) => {
        expect(groupedCount(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: runs(1000) },
    );
  });
});
