import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { atLeast, below, belowTier, clearlyBelow, clearOrder, crosses, inForce, inScope } from '../../src/thresholds/compare.js';
import type { Comparison, ResolvedThreshold } from '../../src/thresholds/threshold.js';
import { runs } from '../helpers/runs.js';

/** Decimal amounts of up to 15 significant digits, many of them equal or next to each other. */
const amount = fc.oneof(
  fc.constantFrom('0.3', '0.30000000000001', '0.29999999999999', '300000', '299999.99', '300000.01', '1000000', '999999.999999999'),
  fc.tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 6 })).map(([n, scale]) => new Decimal(n).div(10 ** scale).toFixed()),
);
const comparison = fc.constantFrom<Comparison>('atOrAbove', 'above');

const tierOf = (value: string, c: Comparison) => ({ value: new Decimal(value), approx: Number(value), comparison: c });

/** Counts how often the exact value is asked for, to check the fast path is taken when it can be. */
function exactCounter(value: string) {
  let calls = 0;
  return { exact: () => (calls++, new Decimal(value)), calls: () => calls };
}

describe('below and crosses', () => {
  it.each<[string, string, Comparison, boolean, boolean]>([
    // amount, limit, comparison, below, crosses
    ['299999.99', '300000', 'atOrAbove', true, false],
    ['300000', '300000', 'atOrAbove', false, true],
    ['300000', '300000', 'above', true, false],
    ['300000.01', '300000', 'above', false, true],
  ])('%s against %s (%s): below %s, crosses %s', (a, limit, c, isBelow, isCrossing) => {
    expect(below(new Decimal(a), new Decimal(limit), c)).toBe(isBelow);
    expect(crosses(new Decimal(a), new Decimal(limit), c)).toBe(isCrossing);
  });

  it('a single amount is below a tier exactly when it does not cross it', () => {
    fc.assert(
      fc.property(amount, amount, comparison, (a, limit, c) => {
        expect(below(new Decimal(a), new Decimal(limit), c)).toBe(!crosses(new Decimal(a), new Decimal(limit), c));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('belowTier and atLeast (JS-number fast paths)', () => {
  it('agree with the exact comparison for every pair of amounts', () => {
    fc.assert(
      fc.property(amount, amount, comparison, (a, limit, c) => {
        const x = new Decimal(a);
        const t = tierOf(limit, c);
        expect(belowTier(x.toNumber(), a, (s) => new Decimal(s), t)).toBe(below(x, t.value, c));
        expect(atLeast(x.toNumber(), a, (s) => new Decimal(s), t.value, t.approx)).toBe(x.gte(t.value));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('ask for the exact value only when the numbers are too close to call', () => {
    const far = exactCounter('100');
    expect(belowTier(100, 'x', far.exact, tierOf('300000', 'atOrAbove'))).toBe(true);
    expect(far.calls()).toBe(0);
    const near = exactCounter('0.30000000000000004');
    expect(belowTier(0.1 + 0.2, 'x', near.exact, tierOf('0.3', 'atOrAbove'))).toBe(false);
    expect(near.calls()).toBe(1);
  });

  it('clearOrder orders numbers more than the slack apart and calls the rest a tie', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ min: 0, max: 10, noNaN: true }), (a, b, slack) => {
        const c = clearOrder(a, b, slack);
        expect(c).toBe(Math.abs(a - b) <= slack ? 0 : a < b ? -1 : 1);
      }),
      { numRuns: runs(300) },
    );
  });
});

/** A resolved threshold with only what inForce and inScope read. */
function threshold(over: { fromDay?: number; toDay?: number; categories?: string[]; excludeCategories?: string[] }): ResolvedThreshold {
  return {
    threshold: { ...(over.categories ? { categories: over.categories } : {}), ...(over.excludeCategories ? { excludeCategories: over.excludeCategories } : {}) },
    fromDay: over.fromDay ?? -Infinity,
    toDay: over.toDay ?? Infinity,
  } as unknown as ResolvedThreshold;
}

describe('inForce and inScope', () => {
  it('in force from the first to the last day, inclusive', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: -60, max: 60 }), (from, length, day) => {
        const t = threshold({ fromDay: from, toDay: from + Math.abs(length) });
        expect(inForce(t, day)).toBe(day >= from && day <= from + Math.abs(length));
      }),
      { numRuns: runs(200) },
    );
    expect(inForce(threshold({}), -1e9)).toBe(true);
  });

  it.each<[string, string[] | undefined, string[] | undefined, string | undefined, boolean]>([
    ['no scope: every record', undefined, undefined, undefined, true],
    ['works only, a works code', ['45'], undefined, '45233130', true],
    ['works only, a supplies code', ['45'], undefined, '30190000', false],
    ['works only, no code', ['45'], undefined, undefined, false],
    ['all but works, a supplies code', undefined, ['45'], '30190000', true],
    ['all but works, a works code', undefined, ['45'], '4523', false],
    ['all but works, no code', undefined, ['45'], undefined, true],
    ['a parent is not in a child scope', ['4523'], undefined, '45', false],
  ])('%s', (_what, categories, excludeCategories, category, expected) => {
    expect(inScope(threshold({ ...(categories ? { categories } : {}), ...(excludeCategories ? { excludeCategories } : {}) }), category)).toBe(expected);
  });
});

describe('clearlyBelow', () => {
  it('is a shortcut of belowTier: an amount below it is below the tier without its exact value, whatever the comparison', () => {
    const amount = fc.oneof(fc.double({ min: 0, max: 1e18, noNaN: true }), fc.integer({ min: 0, max: 10 ** 9 }).map((c) => c / 100));
    fc.assert(
      fc.property(amount, amount, fc.constantFrom<Comparison>('atOrAbove', 'above'), (approx, limit, comparison) => {
        const tier = { value: new Decimal(limit), approx: limit, comparison };
        let asked = false;
        const exact = () => {
          asked = true;
          return new Decimal(approx);
        };
        const plain = belowTier(approx, 0, exact, tier);
        if (approx < clearlyBelow(tier)) {
          expect(plain).toBe(true);
          expect(asked).toBe(false);
        }
        // Just under the edge the shortcut says nothing: belowTier decides.
        if (limit > 0) expect(approx < clearlyBelow(tier)).toBe(approx < limit - 1e-9 * limit);
      }),
      { numRuns: runs(1000) },
    );
  });
});
