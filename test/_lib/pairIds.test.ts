import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PairIds } from '../../src/_lib/pairIds.js';
import { runs } from '../helpers/runs.js';

describe('PairIds', () => {
  it('numbers pairs as a Map keyed by the pair numbers them: first seen first, the same pair the same id', () => {
    // Small numbers make repeats likely; large ones reach the edges of the range.
    const part = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part), { maxLength: 400 }), (pairs) => {
        const oracle = new Map<string, number>();
        const ids = new PairIds();
        for (const [a, b] of pairs) {
          const key = `${a},${b}`;
          if (!oracle.has(key)) oracle.set(key, oracle.size);
          expect(ids.id(a, b)).toBe(oracle.get(key));
        }
        expect(ids.size).toBe(oracle.size);
      }),
      { numRuns: runs(200) },
    );
  });

  it('tells apart pairs whose numbers are swapped or would collide as one number', () => {
    const ids = new PairIds();
    expect([ids.id(1, 2), ids.id(2, 1), ids.id(0, 8_388_609), ids.id(1, 1), ids.id(2, 1)]).toEqual([0, 1, 2, 3, 1]);
  });
});
