/** Subject similarity: Jaccard on ranked token ids agrees with Jaccard on the token strings. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jaccard, overlap, textSimilarity } from '../../src/similarity/jaccard.js';
import { rankTokens } from '../../src/similarity/vocabulary.js';
import { subjectTokens } from '../../src/similarity/tokens.js';
import { runs } from '../helpers/runs.js';

const tokenList = fc.uniqueArray(fc.constantFrom('road', 'signs', 'office', 'chairs', '道路', '标牌', 'led', 'desks'), { maxLength: 6 });

describe('rankTokens', () => {
  it('numbers tokens rarest first (ties by the token), each list ascending, weights counting a list that many times', () => {
    fc.assert(
      fc.property(fc.array(tokenList, { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 8, maxLength: 8 }), (lists, weights) => {
        const ranked = rankTokens(lists, weights);
        const freq = new Map<string, number>();
        lists.forEach((l, i) => l.forEach((t) => freq.set(t, (freq.get(t) ?? 0) + (weights[i] as number))));
        const order = [...freq.keys()].sort((a, b) => (freq.get(a) as number) - (freq.get(b) as number) || (a < b ? -1 : 1));
        lists.forEach((l, i) => expect(ranked[i]).toEqual(l.map((t) => order.indexOf(t)).sort((a, b) => a - b)));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('jaccard', () => {
  it('on ranked ids equals textSimilarity on the strings, and overlap counts the shared ones', () => {
    fc.assert(
      fc.property(tokenList, tokenList, (a, b) => {
        const [x, y] = rankTokens([a, b]) as [number[], number[]];
        expect(jaccard(x, y)).toBeCloseTo(textSimilarity(a, b), 12);
        expect(overlap(x, y)).toBe(a.filter((t) => b.includes(t)).length);
      }),
      { numRuns: runs(300) },
    );
  });

  it('is 0 when either side is empty, 1 for equal non-empty sets, symmetric', () => {
    expect(jaccard([], [])).toBe(0);
    expect(jaccard([1, 2], [1, 2])).toBe(1);
    expect(textSimilarity(['a'], [])).toBe(0);
    fc.assert(
      fc.property(tokenList, tokenList, (a, b) => {
        expect(textSimilarity(a, b)).toBe(textSimilarity(b, a));
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('subjectTokens', () => {
  it.each([
    ['安保服务（6月）', '安保服务（7月）'],
    ['Supply of office chairs, batch 2', 'office chairs'],
    ['Ｏｆｆｉｃｅ  CHAIRS', 'office chairs'],
  ])('%s and %s are the same subject (numbers, boilerplate, width and case left out)', (a, b) => {
    expect(subjectTokens(a)).toEqual(subjectTokens(b));
    expect(subjectTokens(a).length).toBeGreaterThan(0);
  });

  it('returns distinct tokens', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const t = subjectTokens(s);
        expect(new Set(t).size).toBe(t.length);
      }),
      { numRuns: runs(200) },
    );
  });
});
