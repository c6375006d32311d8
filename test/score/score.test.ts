import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreOf, scoreRun, strengthOf, strengths } from '../../src/score/score.js';
import { measure } from '../../src/score/evidence.js';
import { prepare } from '../../src/cluster/prepare.js';
import { scanRecords } from '../../src/records/table.js';
import { resolveOptions } from '../../src/options/resolve.js';
import type { ResolvedThreshold } from '../../src/thresholds/threshold.js';
import { AGAINST_CODES, DEFAULT_WEIGHTS, REASON_CODES, isAgainst, type ReasonCode, type ScoreWeights } from '../../src/options/reasons.js';
import { detectSplits } from '../../src/detect.js';
import type { DetectSplitsOptions } from '../../src/options/options.js';
import type { PurchaseRecordInput } from '../../src/records/record.js';
import { runs } from '../helpers/runs.js';

/** Tolerance for floating-point comparisons of scores. */
const EPSILON = 1e-12;

const CODES = REASON_CODES;

/**
 * Direction in which each measure is evidence of splitting (src/score/score.ts): +1 when a larger
 * value is stronger evidence, −1 when a smaller one is, with the range of values to draw from.
 */
const DIRECTION: Record<ReasonCode, { sign: 1 | -1; value: fc.Arbitrary<number> }> = {
  justBelow: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  sameDay: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  vendorConcentration: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  subjectSimilarity: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  roundAmounts: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  consecutiveDocuments: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  parts: { sign: -1, value: fc.integer({ min: 2, max: 200 }) },
  span: { sign: -1, value: fc.integer({ min: 0, max: 4000 }) },
  equalAmounts: { sign: -1, value: fc.double({ min: 0, max: 5, noNaN: true }) },
  totalOverThreshold: { sign: 1, value: fc.double({ min: 1, max: 10, noNaN: true }) },
  // −log10 of the chance of the burst at the buyer's own rate: rarer is stronger.
  buyerRate: { sign: 1, value: fc.double({ min: 0, max: 30, noNaN: true }) },
  // Mean percentile of the parts among the buyer's other purchases: larger is stronger.
  buyerSize: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  // Share of the buyer's other purchases that went to these vendors: rarer vendors are stronger.
  buyerVendor: { sign: -1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  // Bunching z-score: more excess mass under the limit is stronger.
  buyerBunching: { sign: 1, value: fc.double({ min: -20, max: 20, noNaN: true }) },
  // Evidence against splitting: the strength is how clearly the legitimate shape shows, a share of parts.
  perPersonCharges: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  documentLines: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  sameDayVendors: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
  manyParts: { sign: 1, value: fc.double({ min: 0, max: 1, noNaN: true }) },
};

/** The codes of evidence of splitting, and of evidence against it. */
const FOR = CODES.filter((c) => !isAgainst(c));

describe('strengthOf', () => {
  it.each(CODES)('%s: in [0, 1] and non-decreasing in the direction of the evidence', (code) => {
    const { sign, value } = DIRECTION[code];
    fc.assert(
      fc.property(value, value, fc.integer({ min: 1, max: 3660 }), (a, b, windowDays) => {
        const [weak, strong] = sign * (b - a) >= 0 ? [a, b] : [b, a];
        const sw = strengthOf(code, weak, windowDays);
        const ss = strengthOf(code, strong, windowDays);
        for (const s of [sw, ss]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
        }
        expect(ss).toBeGreaterThanOrEqual(sw);
      }),
      { numRuns: runs(200) },
    );
  });

  it.each<[ReasonCode, number, number, number]>([
    // code, value, window days, documented strength
    ['parts', 2, 30, 1],
    ['parts', 6, 30, 0.5],
    ['parts', 10, 30, 0],
    ['parts', 40, 30, 0],
    ['span', 0, 30, 1],
    ['span', 15, 30, 0.5],
    ['span', 30, 30, 0],
    ['span', 90, 30, 0],
    ['equalAmounts', 0, 30, 1],
    ['equalAmounts', 0.1, 30, 1],
    ['equalAmounts', 0.3, 30, 0.5],
    ['equalAmounts', 0.5, 30, 0],
    ['equalAmounts', 2, 30, 0],
    ['totalOverThreshold', 1, 30, 0],
    ['totalOverThreshold', 1.5, 30, 0.5],
    ['totalOverThreshold', 2, 30, 1],
    ['totalOverThreshold', 7, 30, 1],
    ['justBelow', 0.25, 30, 0.25],
    ['sameDay', 1, 30, 1],
    ['consecutiveDocuments', 0, 30, 0],
    // Full strength at a chance of 1 in 1,000 (−log10 p = 3), a third of it at 1 in 10.
    ['buyerRate', 0, 30, 0],
    ['buyerRate', 1, 30, 1 / 3],
    ['buyerRate', 3, 30, 1],
    ['buyerRate', 8, 30, 1],
    // The median size is no evidence; above it, strength rises to 1 at the largest.
    ['buyerSize', 0.2, 30, 0],
    ['buyerSize', 0.5, 30, 0],
    ['buyerSize', 0.75, 30, 0.5],
    ['buyerSize', 1, 30, 1],
    ['buyerVendor', 0, 30, 1],
    ['buyerVendor', 0.25, 30, 0.75],
    ['buyerVendor', 1, 30, 0],
    // Nothing within one standard error, full at three.
    ['buyerBunching', -2, 30, 0],
    ['buyerBunching', 1, 30, 0],
    ['buyerBunching', 2, 30, 0.5],
    ['buyerBunching', 3, 30, 1],
  ])('%s = %d (window %d days) → %d', (code, value, windowDays, expected) => {
    expect(strengthOf(code, value, windowDays)).toBeCloseTo(expected, 12);
  });

  it('maps non-finite measures into [0, 1]', () => {
    for (const code of CODES) {
      for (const v of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        const s = strengthOf(code, v, 30);
        expect(Number.isFinite(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    }
  });
});

const strengthsArb = fc.record(Object.fromEntries(CODES.map((c) => [c, fc.double({ min: 0, max: 1, noNaN: true })])) as Record<ReasonCode, fc.Arbitrary<number>>);
// Weights of ordinary size (or 0): subnormal weights underflow the plain weighted mean this file
// checks against; extreme weights have their own properties (the score stays in [0, 1]).
const weightsArb = fc.record(Object.fromEntries(CODES.map((c) => [c, fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 10, noNaN: true }))])) as Record<ReasonCode, fc.Arbitrary<number>>) as fc.Arbitrary<ScoreWeights>;

describe('scoreOf', () => {
  it('is in [0, 1], never falls when evidence of splitting rises and never rises when evidence against it does', () => {
    fc.assert(
      fc.property(strengthsArb, weightsArb, fc.constantFrom(...CODES), fc.double({ min: 0, max: 1, noNaN: true }), (s, w, code, raise) => {
        const before = scoreOf(s, w);
        const higher = { ...s, [code]: Math.max(s[code], raise) };
        const after = scoreOf(higher, w);
        for (const x of [before, after]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1 + EPSILON);
        }
        if (isAgainst(code)) expect(after).toBeLessThanOrEqual(before + EPSILON);
        else expect(after).toBeGreaterThanOrEqual(before - EPSILON);
      }),
      { numRuns: runs(300) },
    );
  });

  it('is the weighted mean of the strengths of splitting times (1 − strength)^weight for each against it', () => {
    fc.assert(
      fc.property(strengthsArb, weightsArb, (s, w) => {
        const den = FOR.reduce((a, c) => a + w[c], 0);
        const num = FOR.reduce((a, c) => a + w[c] * s[c], 0);
        const factor = AGAINST_CODES.reduce((a, c) => a * (w[c] > 0 ? (1 - s[c]) ** w[c] : 1), 1);
        expect(scoreOf(s, w)).toBeCloseTo(den > 0 ? (num / den) * factor : 0, 10);
      }),
      { numRuns: runs(200) },
    );
  });

  it('is 0 with all weights zero, 1 with all strengths of splitting 1 and none against, and ignores zero-weight codes', () => {
    const zero = Object.fromEntries(CODES.map((c) => [c, 0])) as unknown as ScoreWeights;
    const ones = Object.fromEntries(CODES.map((c) => [c, isAgainst(c) ? 0 : 1])) as Record<ReasonCode, number>;
    expect(scoreOf(ones, zero)).toBe(0);
    expect(scoreOf(ones, DEFAULT_WEIGHTS)).toBeCloseTo(1, 12);
    expect(scoreOf({ justBelow: 1, span: 1 }, { ...zero, justBelow: 3, span: 1 })).toBeCloseTo(1, 12);
    expect(scoreOf({ justBelow: 1 }, { ...zero, justBelow: 3, span: 1 })).toBeCloseTo(0.75, 12);
  });

  it('documented cases of evidence against splitting', () => {
    const zero = Object.fromEntries(CODES.map((c) => [c, 0])) as unknown as ScoreWeights;
    const w = { ...zero, justBelow: 3, span: 1, documentLines: 1, perPersonCharges: 2 };
    // Half the parts lines of one order halve the score; all of them make it 0.
    expect(scoreOf({ justBelow: 1, span: 1, documentLines: 0.5 }, w)).toBeCloseTo(0.5, 12);
    expect(scoreOf({ justBelow: 1, span: 1, documentLines: 1 }, w)).toBe(0);
    // A weight of 2 squares the factor; a weight of 0 ignores the evidence.
    expect(scoreOf({ justBelow: 1, span: 1, perPersonCharges: 0.5 }, w)).toBeCloseTo(0.25, 12);
    expect(scoreOf({ justBelow: 1, span: 1, perPersonCharges: 1 }, { ...w, perPersonCharges: 0 })).toBeCloseTo(1, 12);
    // Weights against are exponents, not shares: they do not dilute the mean of the others.
    expect(scoreOf({ justBelow: 1, span: 0 }, { ...w, documentLines: 1e300 })).toBeCloseTo(0.75, 12);
  });
});

// ----- End to end: making a split look more deliberate never lowers its score -------------------

const split = (over: Partial<Record<'dates' | 'amounts' | 'documents' | 'vendors', string[]>> = {}): PurchaseRecordInput[] => {
  const dates = over.dates ?? ['2014-11-03', '2014-11-10', '2014-11-17'];
  const amounts = over.amounts ?? ['120000', '150000', '90000'];
  const documents = over.documents ?? ['D-1', 'D-5', 'D-9'];
  const vendors = over.vendors ?? ['Sign Co', 'Light Co', 'Font Co'];
  return [0, 1, 2].map((i) => ({
    id: `S${i + 1}`,
    buyer: 'Zone Admin',
    vendor: vendors[i] as string,
    date: dates[i] as string,
    amount: amounts[i] as string,
    currency: 'CNY',
    category: 'B0701',
    document: documents[i] as string,
  }));
};

const opts = {
  thresholds: [{ id: 'hz-decent', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement' }],
  minScore: 0,
};

/** Score of the one finding, which must hold all three parts. */
function scoreOfSplit(records: PurchaseRecordInput[], over: Partial<DetectSplitsOptions> = {}): number {
  const { findings } = detectSplits(records, { ...opts, ...over });
  expect(findings).toHaveLength(1);
  expect([...(findings[0]?.recordIds ?? [])].sort()).toEqual(['S1', 'S2', 'S3']);
  return findings[0]?.score as number;
}

describe('a split that looks more deliberate scores at least as high', () => {
  // One vendor: parts of different vendors bought on one day are evidence against (sameDayVendors).
  const one = { vendors: ['Sign Co', 'Sign Co', 'Sign Co'] };
  const base = scoreOfSplit(split(one));
  // Each change improves one kind of evidence with a positive default weight, so the score rises.
  const equal = { amounts: ['120000', '120000', '120000'] };
  const sameDay = { dates: ['2014-11-03', '2014-11-03', '2014-11-03'] };
  const consecutive = { documents: ['D-1', 'D-2', 'D-3'] };

  it.each([
    ['more equal parts', equal],
    ['all on the same day', sameDay],
    ['consecutive document numbers', consecutive],
    ['equal and same day', { ...equal, ...sameDay }],
    ['all three changes', { ...equal, ...sameDay, ...consecutive }],
  ])('%s', (_name, change) => {
    expect(scoreOfSplit(split({ ...one, ...change }))).toBeGreaterThan(base);
  });

  it('each change on top of the others still raises the score', () => {
    const s1 = scoreOfSplit(split({ ...one, ...equal }));
    const s2 = scoreOfSplit(split({ ...one, ...equal, ...sameDay }));
    const s3 = scoreOfSplit(split({ ...one, ...equal, ...sameDay, ...consecutive }));
    expect(s1).toBeGreaterThan(base);
    expect(s2).toBeGreaterThan(s1);
    expect(s3).toBeGreaterThan(s2);
    expect(s3).toBeLessThanOrEqual(1);
  });

  it('for random 3-part splits, moving parts to one day or numbering them consecutively never lowers the score', () => {
    const arb = fc
      .record({
        amounts: fc.array(fc.integer({ min: 30_001, max: 299_999 }), { minLength: 3, maxLength: 3 }),
        days: fc.array(fc.integer({ min: 0, max: 29 }), { minLength: 3, maxLength: 3 }),
        docs: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 3, maxLength: 3 }),
      })
      // All three parts needed to reach the limit (no two do), so that detection's run is all three.
      .filter(({ amounts, days }) => amounts.reduce((a, b) => a + b, 0) >= 300_000 && amounts.every((a, i) => amounts.every((b, j) => i === j || a + b < 300_000)) && Math.max(...days) - Math.min(...days) <= 29);
    const iso = (d: number) => new Date(Date.UTC(2014, 10, 1) + d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(arb, ({ amounts, days, docs }) => {
        const base3 = split({ ...one, amounts: amounts.map(String), dates: days.map(iso), documents: docs.map((n) => `D-${n}`) });
        const s0 = scoreOfSplit(base3);
        const first = Math.min(...days);
        const oneDay = scoreOfSplit(base3.map((r) => ({ ...r, date: iso(first) })));
        const numbered = scoreOfSplit(base3.map((r, i) => ({ ...r, document: `D-${500 + i}` })));
        expect(oneDay).toBeGreaterThanOrEqual(s0 - EPSILON);
        expect(numbered).toBeGreaterThanOrEqual(s0 - EPSILON);
      }),
      { numRuns: runs(100) },
    );
  });

  it('parts of different vendors bought on one day score lower, by the evidence against', () => {
    // Three vendors on one day: two parts of another vendor than the day's first, of three.
    const threeVendors = split(sameDay);
    const unweighed = scoreOfSplit(threeVendors, { weights: { sameDayVendors: 0 } });
    expect(scoreOfSplit(threeVendors)).toBeCloseTo(unweighed * (1 - 2 / 3) ** DEFAULT_WEIGHTS.sameDayVendors, 12);
    // On different days other vendors are no evidence against.
    expect(scoreOfSplit(split())).toBe(scoreOfSplit(split(), { weights: { sameDayVendors: 0 } }));
  });
});

describe('a finding of more parts than a requirement is cut into scores lower', () => {
  // One supplier's purchases of 30,500 CNY (over the 10% a part must be) on k days against the 300,000 limit.
  const supply = (k: number): PurchaseRecordInput[] =>
    Array.from({ length: k }, (_, i) => ({ id: `P${String(i).padStart(2, '0')}`, buyer: 'Chengxi', vendor: 'Sign Co', date: `2014-11-${String(i + 1).padStart(2, '0')}`, amount: '30500', currency: 'CNY', category: 'B0701' }));
  const findingScore = (records: PurchaseRecordInput[], weights: Partial<DetectSplitsOptions['weights']> = {}) => {
    const { findings } = detectSplits(records, { ...opts, runs: 'window', weights });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.parts).toHaveLength(records.length);
    return findings[0]?.score as number;
  };

  it('keeps 8 ÷ k of its score at weight 1, and nothing changes up to 8 parts', () => {
    const twelve = supply(12);
    expect(findingScore(twelve)).toBeCloseTo(findingScore(twelve, { manyParts: 0 }) * (8 / 12) ** DEFAULT_WEIGHTS.manyParts, 12);
    expect(DEFAULT_WEIGHTS.manyParts).toBe(1);
    const eight = supply(8).map((r) => ({ ...r, amount: '38000' }));
    expect(findingScore(eight)).toBe(findingScore(eight, { manyParts: 0 }));
  });
});

/** The records as one run at the first threshold of `opts` (with `over`), scored without baselines. */
function scoredSplit(records: PurchaseRecordInput[], over: { minScore?: number } = {}) {
  const o = resolveOptions({ ...opts, ...over });
  const ledger = prepare(scanRecords(records), o);
  const run = Array.from(ledger.order, (k) => ledger.itemOf(k));
  const tier = o.thresholds[0] as ResolvedThreshold;
  const scored = scoreRun(run, tier, { thresholds: o.thresholds, windowDays: 30, band: o.band, weights: o.weights });
  return { o, run, tier, scored };
}

describe('scoreRun', () => {
  it('sums the parts exactly and scores the strengths of what it measured', () => {
    const { o, run, tier, scored } = scoredSplit(split({ amounts: ['0.1', '0.2', '99999.7'] }), { minScore: 0 });
    expect(scored.total.toFixed()).toBe('100000');
    expect(scored.evidence).toEqual(measure(run, scored.total, { tier, thresholds: o.thresholds, windowDays: 30, band: o.band }).evidence);
    expect(scored.strengths).toEqual(strengths(scored.evidence, 30, scored.facts.repeated));
    expect(scored.score).toBe(scoreOf(scored.strengths, scored.weights));
  });

  it('counts parts that repeat one amount to the cent as equal amounts, beside the coefficient of variation', () => {
    // Two pieces of 55,759.02 beside three of about 21,700 (a split cut under two limits): the
    // amounts vary by 0.53, which alone is no evidence; 2 of 5 parts repeating one amount is 0.4.
    const e = { parts: 5, equalAmounts: 0.53 } as Record<ReasonCode, number>;
    expect(strengths(e, 30).equalAmounts).toBe(0);
    expect(strengths(e, 30, 2).equalAmounts).toBeCloseTo(0.4, 12);
    // The larger of the two: nearly equal amounts keep their own strength.
    expect(strengths({ parts: 5, equalAmounts: 0.1 } as Record<ReasonCode, number>, 30, 2).equalAmounts).toBe(1);
    // In a run: two of three parts at 55,759.02 (the amounts vary by 0.36, strength 0.35 alone).
    const { scored } = scoredSplit(split({ amounts: ['55759.02', '21898.29', '55759.02'] }), { minScore: 0 });
    expect(scored.facts.repeated).toBe(2);
    expect(scored.evidence.equalAmounts).toBeGreaterThan(0.3);
    expect(scored.strengths.equalAmounts).toBeCloseTo(2 / 3, 12);
  });

  it('gives the measures that could not be taken no weight, and scores the rest as their weighted mean', () => {
    // Without baselines the buyer measures are not taken.
    const { o, scored } = scoredSplit(split());
    const buyerCodes: ReasonCode[] = ['buyerRate', 'buyerSize', 'buyerVendor', 'buyerBunching'];
    for (const code of CODES) {
      const taken = !buyerCodes.includes(code);
      expect(Number.isNaN(scored.evidence[code])).toBe(!taken);
      expect(scored.weights[code]).toBe(taken ? o.weights[code] : 0);
    }
    // Nothing in these parts speaks against splitting (no names, no document lines): the factor is 1.
    for (const c of AGAINST_CODES) expect(scored.strengths[c]).toBe(0);
    const others = FOR.filter((c) => !buyerCodes.includes(c));
    const den = others.reduce((a, c) => a + o.weights[c], 0);
    const num = others.reduce((a, c) => a + o.weights[c] * scored.strengths[c], 0);
    expect(scored.score).toBeCloseTo(num / den, 12);
  });
});
