import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closest, editDistance } from '../../src/_lib/closest.js';
import { runs } from '../helpers/runs.js';

/**
 * The optimal string alignment distance straight from its definition: the cheapest of deleting the
 * last character of a, inserting the last of b, replacing one by the other (free when equal), or
 * swapping two adjacent characters that appear swapped. Exponential without the memo; fine for the
 * short strings drawn here.
 */
function oracleDistance(a: string, b: string): number {
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let best: number;
    if (i === 0) best = j;
    else if (j === 0) best = i;
    else {
      best = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d(i - 2, j - 2) + 1);
    }
    memo.set(key, best);
    return best;
  };
  return d(a.length, b.length);
}

/** Short strings over a small alphabet, so that near misses are frequent. */
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'D', 'd'), maxLength: 8 });

describe('editDistance', () => {
  it('agrees with the definition', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBe(oracleDistance(a, b));
      }),
      { numRuns: runs(500) },
    );
  });

  it('is 0 exactly for equal strings, symmetric, and between the length difference and the longer length', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: runs(300) },
    );
  });

  it.each([
    ['windw', 'window', 1],
    ['minSocre', 'minScore', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('%s → %s: %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('closest', () => {
  it('is the first nearest name by the case-blind distance within max(1, ⌊length / 3⌋), else the first it abbreviates', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 6 }), (w, names) => {
        const distances = names.map((n) => oracleDistance(w.toLowerCase(), n.toLowerCase()));
        const min = Math.min(...distances);
        const abbreviated = w.length >= 3 ? names.find((n) => n.toLowerCase().slice(0, w.length) === w.toLowerCase()) : undefined;
        const expected = min <= Math.max(1, Math.floor(w.length / 3)) ? names[distances.indexOf(min)] : abbreviated;
        expect(closest(w, names)).toBe(expected);
      }),
      { numRuns: runs(500) },
    );
  });

  it.each([
    ['minscore', ['minParts', 'minScore'], 'minScore'],
    ['windw', ['vendor', 'window'], 'window'],
    ['treshold', ['thresholds'], 'thresholds'],
    ['minSim', ['minScore', 'minSimilarity'], 'minSimilarity'],
    ['cat', ['category', 'categoryPrefix'], 'category'],
    ['ca', ['category'], undefined],
    ['colour', ['window', 'vendor'], undefined],
    ['x', [], undefined],
  ] as const)('%s among %j → %s', (w, names, expected) => {
    expect(closest(w, names)).toBe(expected);
  });
});
