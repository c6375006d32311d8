/**
 * A threshold's `cumulative` comparison: how a total crosses it, where the rule words the total apart
 * from a single purchase (China's Art. 28: a purchase at or above the limit needs a tender of its own,
 * purchases whose cumulative amount exceeds it are a split).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseThresholds } from '../../src/thresholds/schema.js';
import { totalComparison } from '../../src/thresholds/compare.js';
import { detectSplits } from '../../src/detect.js';
import { isOptionsError } from '../../src/errors.js';
import { runs } from '../helpers/runs.js';

const base = { id: 't', amount: '1000', currency: 'EUR', procedure: 'tender' };
const record = (id: string, amount: string, day: number) => ({ id, buyer: 'B', vendor: 'V', date: `2024-03-${String(10 + day).padStart(2, '0')}`, amount, currency: 'EUR', subject: 'chairs' });

describe('cumulative', () => {
  it('is kept only where it differs from comparison, and defaults to it', () => {
    const [a, b, c] = parseThresholds([{ ...base, cumulative: 'above' }, { ...base, id: 'u', comparison: 'above', cumulative: 'above' }, { ...base, id: 'v' }]);
    expect(a).toMatchObject({ comparison: 'atOrAbove', cumulative: 'above' });
    expect(b && 'cumulative' in b).toBe(false);
    expect(c && 'cumulative' in c).toBe(false);
    expect([a, b, c].map((t) => t && totalComparison(t))).toEqual(['above', 'above', 'atOrAbove']);
  });

  it('is checked, with a path to the bad field', () => {
    let error: unknown;
    try {
      parseThresholds([{ ...base, cumulative: 'over' }]);
    } catch (e) {
      error = e;
    }
    expect(isOptionsError(error) && error.issues[0]?.path).toEqual(['thresholds', 0, 'cumulative']);
  });

  it('decides the total and comparison decides the parts (property: any two parts, either threshold)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.constantFrom('atOrAbove', 'above'), fc.constantFrom('atOrAbove', 'above'), (x, y, comparison, cumulative) => {
        const threshold = { ...base, comparison, cumulative } as const;
        const { findings } = detectSplits([record('a', String(x), 0), record('b', String(y), 1)], { thresholds: [threshold], minPartShare: 0, minScore: 0 });
        const partBelow = (v: number) => (comparison === 'above' ? v <= 1000 : v < 1000);
        const crosses = cumulative === 'above' ? x + y > 1000 : x + y >= 1000;
        expect(findings.length).toBe(partBelow(x) && partBelow(y) && crosses ? 1 : 0);
        if (findings[0]) expect(findings[0].explanation).toContain(cumulative === 'above' ? 'exceed the 1,000.00 EUR limit' : 'reach the 1,000.00 EUR limit');
      }),
      { numRuns: runs(200) },
    );
  });
});
