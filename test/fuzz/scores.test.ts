/**
 * Scores under extreme weights (issue 9, item 6): a score is always a number in [0, 1], the same
 * whatever scale the weights are given in, and a run that cannot be scored is never reported.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { scoreOf } from '../../src/score/score.js';
import { detectSplits } from '../../src/detect.js';
import { REASON_CODES, isAgainst, type ScoreWeights } from '../../src/options/reasons.js';
import { optionsErrorOf } from '../helpers/errors.js';
import { extremeWeightArb } from '../helpers/hostile.js';
import { runs } from '../helpers/runs.js';

/** Tolerance of a score computed in doubles against the exact weighted mean. */
const EPSILON = 1e-12;

/**
 * The score in 200-digit decimals: the weighted mean Σ w·s / Σ w of the evidence of splitting (0 when
 * every such weight is 0), times (1 − s)^w for each piece of evidence against it, of the doubles' own
 * values: a subnormal's shortest text is far from it (`5e-324` is 4.94…e-324), so each number is
 * read through 40 significant digits of its exact expansion.
 */
function exactScore(weights: Partial<ScoreWeights>, strengths: Partial<Record<string, number>>): number {
  const X = Decimal.clone({ precision: 200 });
  const exact = (x: number) => new X(x.toExponential(40));
  let num = new X(0);
  let den = new X(0);
  let factor = new X(1);
  for (const code of REASON_CODES) {
    const w = weights[code];
    if (w === undefined) continue;
    const s = exact(strengths[code] ?? 0);
    if (isAgainst(code)) {
      // ln(1 − s); below 1e-100, where 1 − s rounds to 1 even in 200 digits, its series −s (error s²/2).
      const ln = s.lt('1e-100') ? s.neg() : X.ln(new X(1).minus(s));
      if (w > 0 && s.gt(0)) factor = factor.times(s.eq(1) ? 0 : X.exp(exact(w).times(ln)));
      continue;
    }
    den = den.plus(exact(w));
    num = num.plus(exact(w).times(s));
  }
  return den.isZero() ? 0 : num.div(den).times(factor).toNumber();
}

const weightsArb = fc.dictionary(fc.constantFrom(...REASON_CODES), extremeWeightArb) as fc.Arbitrary<Partial<ScoreWeights>>;
const strengthsArb = fc.dictionary(fc.constantFrom(...REASON_CODES), fc.double({ min: 0, max: 1, noNaN: true }));

describe('scoreOf under extreme weights', () => {
  it('is the weighted mean (lowered by the evidence against), a number in [0, 1], for weights from 0 through subnormals to 1.8e308', () => {
    fc.assert(
      fc.property(weightsArb, strengthsArb, (weights, strengths) => {
        const score = scoreOf(strengths, weights);
        expect(Number.isNaN(score)).toBe(false);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(Math.abs(score - exactScore(weights, strengths))).toBeLessThanOrEqual(EPSILON);
      }),
      { numRuns: runs(500) },
    );
  });

  it('does not depend on the scale of the weights of evidence of splitting', () => {
    fc.assert(
      fc.property(weightsArb, strengthsArb, fc.constantFrom(1e-300, 1e-10, 1e10, 1e300), (weights, strengths, scale) => {
        // The weights against splitting are exponents, not shares: they keep their scale.
        const scaled = Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, isAgainst(k as keyof ScoreWeights) ? w : w * scale]));
        // Only where scaling loses no weight to overflow or underflow.
        fc.pre(Object.values(scaled).every((w, i) => Number.isFinite(w) && (w > 0) === ((Object.values(weights)[i] as number) > 0)));
        expect(Math.abs(scoreOf(strengths, scaled) - scoreOf(strengths, weights))).toBeLessThanOrEqual(EPSILON);
      }),
      { numRuns: runs(300) },
    );
  });

  it('1e308 on two weights is the mean of those two strengths, not NaN', () => {
    expect(scoreOf({ justBelow: 1, span: 0.5 }, { justBelow: 1e308, span: 1e308 })).toBe(0.75);
    expect(scoreOf({ justBelow: 1, span: 0.5 }, { justBelow: Number.MAX_VALUE, span: Number.MAX_VALUE, parts: Number.MAX_VALUE })).toBeCloseTo(0.5, 12);
  });
});

describe('detectSplits under extreme weights', () => {
  const THRESHOLDS = [{ id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation' }];
  const ledger = [
    { id: 'A', buyer: 'B', vendor: 'V', date: '2014-11-03', amount: '600', currency: 'CNY', subject: 'road signs' },
    { id: 'B', buyer: 'B', vendor: 'V', date: '2014-11-03', amount: '600', currency: 'CNY', subject: 'road signs' },
  ];

  it('a finding scored with weights of 1e308 has the score of weights of 1, and minScore filters it', () => {
    const huge = detectSplits(ledger, { thresholds: THRESHOLDS, minScore: 0, weights: { justBelow: 1e308, span: 1e308 } });
    // Beside 1e308, the other weights (the defaults, 1 to 3) vanish: as if they were 0.
    const zero = Object.fromEntries(REASON_CODES.map((c) => [c, 0])) as ScoreWeights;
    const unit = detectSplits(ledger, { thresholds: THRESHOLDS, minScore: 0, weights: { ...zero, justBelow: 1, span: 1 } });
    expect(huge.findings).toHaveLength(1);
    expect(huge.findings[0]?.score).toBeCloseTo(unit.findings[0]?.score as number, 12);
    const filtered = detectSplits(ledger, { thresholds: THRESHOLDS, minScore: 0.99, weights: { justBelow: 1e308, span: 1e308, parts: 1e308 } });
    expect(filtered.findings.every((f) => f.score >= 0.99)).toBe(true);
    expect(filtered.stats.findings + filtered.stats.belowMinScore).toBe(1);
  });

  it.each([
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
    ['a negative weight', -1],
    ['a string', '1'],
  ])('a weight that is %s is an OptionsError naming it', (_name, w) => {
    const e = optionsErrorOf(() => detectSplits(ledger, { thresholds: THRESHOLDS, weights: { span: w as number } }));
    expect(e.path).toEqual(['weights', 'span']);
    expect(e.message).toMatch(/weight span must be a finite number ≥ 0/u);
  });
});
