import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUNCHING, bunchingBin, bunchingOfRatios, type BunchingTest } from '../../src/score/bunching.js';
import { normalAbove } from '../../src/_lib/stats.js';
import { Rng } from '../../src/simulate/_prng.js';
import { runs } from '../helpers/runs.js';

/** A seeded uniform generator (the simulator's): the samples are the same on every run. */
function uniform(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/** n amounts ÷ limit drawn from a log-normal with median e^mu and log-scale sd sigma (Box–Muller). */
function logNormal(seed: number, n: number, mu: number, sigma: number): number[] {
  const r = uniform(seed);
  return Array.from({ length: n }, () => Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())));
}

/** Smooth samples whose comparison region is populated: a median from 5% to 3 times the limit. */
const smoothArb = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  n: fc.integer({ min: BUNCHING.minSample, max: 20_000 }),
  mu: fc.double({ min: Math.log(0.05), max: Math.log(3), noNaN: true }),
  sigma: fc.double({ min: 0.3, max: 1.8, noNaN: true }),
});

const W = -Math.log(1 - BUNCHING.band);
const inBand = (r: number) => r >= 1 - BUNCHING.band && r < 1;

describe('bunchingOfRatios', () => {
  it('finds no bunching in smooth log-normal samples (z < 4.5 on every one)', () => {
    let tested = 0;
    fc.assert(
      fc.property(smoothArb, ({ seed, n, mu, sigma }) => {
        const t = bunchingOfRatios(logNormal(seed, n, mu, sigma), 'atOrAbove');
        if (!t.applicable) return;
        tested++;
        expect(t.z).toBeLessThan(4.5);
      }),
      // A bound on random samples holds with high probability, not certainty (a draw of 200 reached
      // z = 4.70 once in CI): the samples drawn are fixed, so the test fails only when the test changes.
      { numRuns: runs(150), seed: 20261202 },
    );
    expect(tested).toBeGreaterThan(50);
  });

  it('is calibrated: on 400 smooth samples, about 5% reach p < 0.05 and the mean z is about 0', () => {
    const zs: number[] = [];
    for (let seed = 1; zs.length < 400; seed++) {
      const r = uniform(seed * 7919);
      const t = bunchingOfRatios(logNormal(seed, 200 + Math.floor(r() * 8000), Math.log(0.05) + r() * Math.log(60), 0.3 + r() * 1.5), 'atOrAbove');
      if (t.applicable) zs.push(t.z);
    }
    const rate = zs.filter((z) => normalAbove(z) < 0.05).length / zs.length;
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    // Binomial(400, 0.05) has sd 1.1%: 1.5% to 10% is well inside its range and outside a broken test's.
    expect(rate).toBeGreaterThan(0.015);
    expect(rate).toBeLessThan(0.1);
    // The sd of a mean of 400 standard normals is 0.05.
    expect(Math.abs(mean)).toBeLessThan(0.2);
  });

  it('predicts the band of a perfectly smooth sample (counts at their expected values) to within 1%', () => {
    // Counts equal to n × the log-normal's mass in each bin: no noise, so the fit alone is tested.
    const cdf = (x: number, mu: number, sigma: number) => 1 - normalAbove((Math.log(x) - mu) / sigma);
    for (const [mu, sigma] of [[Math.log(0.3), 1], [Math.log(1), 0.5], [Math.log(2), 1.5], [Math.log(0.1), 0.8]] as const) {
      const n = 2_000_000;
      const ratios: number[] = [];
      for (let t = -BUNCHING.sideBins; t <= BUNCHING.sideBins; t++) {
        const lo = Math.exp((t - 1) * W);
        const hi = Math.exp(t * W);
        const count = Math.round(n * (cdf(hi, mu, sigma) - cdf(lo, mu, sigma)));
        for (let i = 0; i < count; i++) ratios.push(lo + ((hi - lo) * (i + 0.5)) / count);
      }
      const t = bunchingOfRatios(ratios, 'atOrAbove');
      expect(t.applicable).toBe(true);
      if (!t.applicable) continue;
      expect(t.ratio).toBeGreaterThan(0.99);
      expect(t.ratio).toBeLessThan(1.01);
      expect(Math.abs(t.z)).toBeLessThan(1);
    }
  });

  it('finds an injected bump just under the limit (p < 0.001), and more purchases in the band never lower z', () => {
    fc.assert(
      fc.property(smoothArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), ({ seed, n, mu, sigma }, bumpSeed) => {
        const xs = logNormal(seed, n, mu, sigma);
        const before = bunchingOfRatios(xs, 'atOrAbove');
        fc.pre(before.applicable);
        if (!before.applicable) return;
        // A bump far beyond the sampling noise: the expected count again, plus ten standard deviations.
        const extra = Math.ceil(before.expected + 10 * Math.sqrt(before.expected) + 10);
        const r = uniform(bumpSeed);
        const bumped = [...xs, ...Array.from({ length: extra }, () => 1 - BUNCHING.band * r())];
        const after = bunchingOfRatios(bumped, 'atOrAbove');
        expect(after.applicable).toBe(true);
        if (!after.applicable) return;
        expect(after.observed).toBe(before.observed + bumped.slice(xs.length).filter(inBand).length);
        expect(after.p).toBeLessThan(0.001);
        expect(after.z).toBeGreaterThan(before.z);
      }),
      { numRuns: runs(100) },
    );
  });

  it('is not applicable below the minimum sample or with too few purchases on either side', () => {
    const smooth = logNormal(5, 5000, Math.log(0.8), 0.6);
    const full = bunchingOfRatios(smooth, 'atOrAbove');
    expect(full.applicable).toBe(true);
    // Below the minimum sample, whatever the counts.
    const few = bunchingOfRatios(smooth.slice(0, BUNCHING.minSample - 1), 'atOrAbove');
    expect(few).toMatchObject({ applicable: false, sample: BUNCHING.minSample - 1 });
    expect(bunchingOfRatios(smooth.slice(0, BUNCHING.minSample), 'atOrAbove').sample).toBe(BUNCHING.minSample);
    // Nothing at or above the limit (a register of purchases under it only): nothing to compare with.
    const truncated = bunchingOfRatios([...smooth.filter((r) => r < 1)], 'atOrAbove');
    expect(truncated.applicable).toBe(false);
    expect(truncated.above).toBe(0);
    if (!truncated.applicable) expect(truncated.why).toMatch(/at least 5 on each side/u);
  });

  it('counts each purchase in exactly one place: the band, a comparison bin on its side, or neither', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { maxLength: 300 }), fc.constantFrom('atOrAbove' as const, 'above' as const), (ratios, comparison) => {
        const t = bunchingOfRatios(ratios, comparison);
        const band = (r: number) => r >= 1 - BUNCHING.band && (comparison === 'above' ? r <= 1 : r < 1);
        const lowest = (1 - BUNCHING.band) ** (BUNCHING.sideBins + 1);
        const highest = (1 - BUNCHING.band) ** -BUNCHING.sideBins;
        expect(t.sample).toBe(ratios.length);
        expect(t.observed).toBe(ratios.filter(band).length);
        // Away from the bins' edges (logarithms may round across them), by plain comparisons.
        const clear = (r: number) => Math.abs(Math.log(r) / W - Math.round(Math.log(r) / W)) > 1e-9;
        fc.pre(ratios.every(clear));
        expect(t.below).toBe(ratios.filter((r) => !band(r) && r >= lowest && r < 1).length);
        expect(t.above).toBe(ratios.filter((r) => !band(r) && r >= 1 && r < highest).length);
      }),
      { numRuns: runs(200) },
    );
  });

  it('leaves out comparison bins near another threshold in force, and says so when too few are left', () => {
    const smooth = logNormal(9, 20_000, Math.log(1), 0.7);
    const alone = bunchingOfRatios(smooth, 'atOrAbove');
    // Another limit 1.3 times this one: the comparison stops a band width short of it (one bin above is left).
    const beside = bunchingOfRatios(smooth, 'atOrAbove', [1.3]);
    expect(alone.applicable && beside.applicable).toBe(true);
    if (alone.applicable && beside.applicable) expect(beside.expected).not.toBeCloseTo(alone.expected, 6);
    // A bump under the other limit raises its own test, not this one's.
    const bumpedElsewhere = [...smooth, ...Array.from({ length: 2000 }, (_, i) => 1.3 * (0.9 + (0.099 * i) / 2000))];
    const t = bunchingOfRatios(bumpedElsewhere, 'atOrAbove', [1.3]) as Extract<BunchingTest, { applicable: true }>;
    expect(t.applicable).toBe(true);
    expect(t.z).toBeLessThan(3);
    // Limits on both sides, close: too few bins left on one side.
    const crowded = bunchingOfRatios(smooth, 'atOrAbove', [1.12, 0.85]);
    expect(crowded).toMatchObject({ applicable: false });
  });

  it('puts an amount equal to an "above" limit in the band, and one equal to an "atOrAbove" limit above it', () => {
    const bins = (comparison: 'atOrAbove' | 'above') => bunchingOfRatios([1, 1, 0.95], comparison);
    expect(bins('above').observed).toBe(3);
    expect(bins('atOrAbove').observed).toBe(1);
    expect(bins('atOrAbove').above).toBe(2);
    // The caller decides the band on exact amounts: a ratio inside it that the caller says is not in it goes to a side bin.
    expect(bunchingBin(0.95, false)).not.toBe(BUNCHING.sideBins);
    expect(bunchingBin(0.95, true)).toBe(BUNCHING.sideBins);
    expect(bunchingBin(0.1, false)).toBe(-1);
  });
});

describe('doc-comment examples', () => {
  it('bunching', () => {
    expect(bunchingOfRatios(Array(100).fill(0.5), 'atOrAbove').applicable).toBe(false);
  });
});
