import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logGamma, lookElsewhere, normalAbove, poissonAtLeast } from '../../src/_lib/stats.js';
import { runs } from '../helpers/runs.js';

/** P(N ≥ k) by summing the probability mass below k term by term: the plain definition. */
function poissonTailBySum(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let below = 0;
  for (let j = 0; j < k; j++) {
    below += term;
    term *= mean / (j + 1);
  }
  return 1 - below;
}

/** ln n! by summing logarithms. */
const logFactorial = (n: number) => {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
};

describe('logGamma', () => {
  it('is ln (n − 1)! at whole numbers and ln √π at 1/2', () => {
    for (const n of [1, 2, 3, 5, 10, 11, 25, 100, 1000]) expect(logGamma(n)).toBeCloseTo(logFactorial(n - 1), 9);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    // Γ(x + 1) = x Γ(x) between the two branches.
    for (const x of [0.1, 0.7, 3.3, 9.5, 9.99, 42.25]) expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 10);
  });
});

describe('poissonAtLeast', () => {
  it('agrees with the plain sum of the probability mass', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0.001, max: 80, noNaN: true }), (k, mean) => {
        const want = poissonTailBySum(k, mean);
        const got = poissonAtLeast(k, mean);
        // The plain sum loses digits to cancellation when the tail is tiny: compare absolutely there.
        expect(Math.abs(got - want)).toBeLessThan(1e-12 + 1e-9 * want);
      }),
      { numRuns: runs(300) },
    );
  });

  it('keeps digits far in the tail, where 1 − the sum cannot', () => {
    // P(N ≥ 20 | 0.5) is dominated by its first term e^{−0.5} 0.5^20 / 20!.
    const first = Math.exp(-0.5 + 20 * Math.log(0.5) - logFactorial(20));
    expect(poissonAtLeast(20, 0.5) / first).toBeGreaterThan(1);
    expect(poissonAtLeast(20, 0.5) / first).toBeLessThan(1 + 0.5 / 21 / (1 - 0.5 / 21) + 1e-9);
  });

  it('is 1 for k ≤ 0, 0 for a zero mean, and never rises with k', () => {
    expect(poissonAtLeast(0, 3)).toBe(1);
    expect(poissonAtLeast(3, 0)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.001, max: 5000, noNaN: true }), (k, mean) => {
        const a = poissonAtLeast(k, mean);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        expect(poissonAtLeast(k + 1, mean)).toBeLessThanOrEqual(a + 1e-12);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('normalAbove', () => {
  it.each<[number, number]>([
    // z, P(Z ≥ z), from the standard normal table.
    [0, 0.5],
    [1, 0.15865525393145707],
    [1.959963984540054, 0.025],
    [2.3263478740408408, 0.01],
    [3, 0.0013498980316301],
    [-1, 0.8413447460685429],
    [6, 9.865876450377e-10],
  ])('P(Z ≥ %d) = %d', (z, p) => {
    expect(normalAbove(z) / p).toBeCloseTo(1, 10);
  });

  it('is symmetric and falls as z rises', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (z, d) => {
        expect(normalAbove(z) + normalAbove(-z)).toBeCloseTo(1, 12);
        expect(normalAbove(z + d)).toBeLessThanOrEqual(normalAbove(z) + 1e-15);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('lookElsewhere', () => {
  it('is the chance that not every one of n trials fails, for whole n', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 400 }), (p, n) => {
        let allFail = 1;
        for (let i = 0; i < n; i++) allFail *= 1 - p;
        expect(lookElsewhere(p, n)).toBeCloseTo(1 - allFail, 12);
      }),
      { numRuns: runs(200) },
    );
  });

  it('leaves p alone for one look or fewer, is about n · p for rare events, and rises with p and n', () => {
    expect(lookElsewhere(0.3, 1)).toBe(0.3);
    expect(lookElsewhere(0.3, 0.5)).toBe(0.3);
    expect(lookElsewhere(1e-12, 1000) / 1e-9).toBeCloseTo(1, 9);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, n, more) => {
        const a = lookElsewhere(p, n);
        expect(a).toBeGreaterThanOrEqual(p - 1e-15);
        expect(a).toBeLessThanOrEqual(1);
        expect(lookElsewhere(p, n + more * n)).toBeGreaterThanOrEqual(a - 1e-15);
        expect(lookElsewhere(Math.min(1, p + more * (1 - p)), n)).toBeGreaterThanOrEqual(a - 1e-15);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('doc-comment examples', () => {
  it('stats', () => {
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 11);
    expect(poissonAtLeast(2, 1)).toBeCloseTo(1 - 2 / Math.E, 12);
    expect(normalAbove(1.959963984540054)).toBeCloseTo(0.025, 12);
    expect(lookElsewhere(0.01, 100).toFixed(6)).toBe('0.633968');
  });
});
