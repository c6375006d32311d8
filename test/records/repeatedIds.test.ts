import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatedIds, sharedHashes } from '../../src/records/table.js';
import { runs } from '../helpers/runs.js';

describe('repeatedIds', () => {
  it('finds the ids held more than once among the first `size`, as counting them in a Map does (property)', () => {
    const id = fc.oneof(fc.constantFrom('A1', 'A2', 'a1', 'A1 ', '', 'L12', '\u200B'), fc.string({ maxLength: 30 }), fc.nat(50).map((n) => `L${n}`));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), fc.nat(), (ids, cut) => {
        const size = ids.length === 0 ? 0 : cut % (ids.length + 1);
        const counts = new Map<string, number>();
        for (const s of ids.slice(0, size)) counts.set(s, (counts.get(s) ?? 0) + 1);
        const oracle = [...counts].filter(([, n]) => n > 1).map(([s]) => s).sort();
        expect([...repeatedIds(ids, size)].sort()).toEqual(oracle);
      }),
      { numRuns: runs(500) },
    );
  });

  it('tells apart many distinct ids, and finds the one repeated among them', () => {
    const ids = Array.from({ length: 200000 }, (_, i) => `${Math.floor(i / 7)}-${i % 7}`);
    expect(repeatedIds(ids, ids.length).size).toBe(0);
    ids.push('1234-5');
    expect([...repeatedIds(ids, ids.length)]).toEqual(['1234-5']);
  });

  it('sharedHashes finds the values held more than once, in crowded buckets too (property)', () => {
    // Values of few high bits (one bucket, sorted natively past a few dozen), of spread bits, and extremes.
    const value = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer(), fc.constantFrom(-1, 0, 2 ** 31 - 1, -(2 ** 31)), fc.integer({ min: -(2 ** 31), max: -(2 ** 31) + 100 }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), (values) => {
        const counts = new Map<number, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        const oracle = [...counts].filter(([, n]) => n > 1).map(([v]) => v).sort((a, b) => a - b);
        expect([...sharedHashes(Int32Array.from(values))].sort((a, b) => a - b)).toEqual(oracle);
      }),
      { numRuns: runs(500) },
    );
  });
});
