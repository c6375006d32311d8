import { normalAbove } from '../_lib/stats.js';

/**
 * Bunching below a threshold: a buyer that splits purchases to avoid a procedure leaves more of its
 * purchases just under the limit than its own amount distribution predicts (a density
 * discontinuity, as McCrary's test and the local-polynomial test of Cattaneo, Jansson and Ma
 * measure it; Palguta & Pertold 2017 and Tas 2023 find it in procurement data).
 *
 * The test, for one buyer and one threshold of limit L, on the buyer's purchases dated while the
 * threshold is in force and in its category scope (all of them: tendered purchases above the limit
 * are part of the buyer's distribution):
 * - amounts are read on a log scale, u = ln(amount / L), in bins as wide as the band:
 *   w = −ln(1 − h), so the band [L(1 − h), L) is exactly one bin (for a threshold compared `above`
 *   the band is [L(1 − h), L], an amount equal to the limit being under it);
 * - `sideBins` bins on each side of the band form the comparison region, [L(1 − h)^(K+1), L(1 − h))
 *   below and [L, L / (1 − h)^K) above; it stops one band width short of another threshold in force
 *   at the same time (that threshold's own bunching below it and the mass missing above it would
 *   bias the fit), and at least one bin on each side and four in all must remain;
 * - a Poisson regression with a log link, quadratic in the bin position, is fitted to the side bins
 *   (a log-normal amount distribution has exactly a quadratic log-density in u, so smooth buyers are
 *   fitted without bias); `pseudoCount` is added to every side bin so the fit always exists, which
 *   errs towards predicting more in the band (fewer false alarms) where counts are small;
 * - the band's predicted count μ comes from the fit, its variance from the fit's information
 *   matrix (delta method), and z = (observed − μ) / √(μ + Var μ), the band count being Poisson
 *   under smoothness; p = P(Z ≥ z), one-sided.
 * Below `minSample` purchases, or with fewer than `minSide` purchases on either side or `minSides`
 * on both, the test is not applicable: it would have no power, or (with nothing above the limit, as
 * in a register of direct awards only) nothing to compare with.
 */
export const BUNCHING = Object.freeze({
  /**
   * h, the band under the limit, as a fraction of it: the default "just below" band; wide enough to
   * hold several purchases of a buyer with a few hundred, narrow enough that manipulated amounts
   * (which need not sit closer to the limit) fill it.
   */
  band: 0.1,
  /** K, bins on each side of the band: the comparison region spans a factor of about 1.5 each way. */
  sideBins: 4,
  /** Fewest purchases in force for the threshold: below it a 10% band holds too few to test. */
  minSample: 200,
  /** Fewest purchases in the comparison bins on each side. */
  minSide: 5,
  /** Fewest purchases in the comparison bins on both sides together: the fit has three parameters. */
  minSides: 20,
  /** Added to each comparison bin's count before the fit. */
  pseudoCount: 0.5,
});

interface BunchingCounts {
  /** Id of the threshold tested. */
  readonly threshold: string;
  /** The buyer's purchases in force and in scope for the threshold (any amount). */
  readonly sample: number;
  /** Purchases in the band just under the limit. */
  readonly observed: number;
  /** Purchases in the comparison bins below and above the band. */
  readonly below: number;
  readonly above: number;
}

/** The bunching test of one buyer at one threshold (see {@link BUNCHING}). */
export type BunchingTest =
  | (BunchingCounts & {
      readonly applicable: true;
      /** Purchases the fit predicts in the band. */
      readonly expected: number;
      /** observed ÷ expected: 1 is no bunching. */
      readonly ratio: number;
      readonly z: number;
      /** One-sided p-value, P(Z ≥ z). */
      readonly p: number;
    })
  | (BunchingCounts & {
      readonly applicable: false;
      /** Why the test could not be made, in a sentence. */
      readonly why: string;
    });

const K = BUNCHING.sideBins;

/** w: the band's width on the log scale, and so every bin's. */
const BAND_WIDTH = -Math.log(1 - BUNCHING.band);
/** The comparison region's edges as ratios to the limit (amounts outside are only counted in the sample). */
const LOWEST = Math.exp(-(K + 1) * BAND_WIDTH);
const HIGHEST = Math.exp(K * BAND_WIDTH);

/** Number of bins: the band and K on each side. */
export const BUNCHING_BINS = 2 * K + 1;

/**
 * The bin of a purchase of `ratio` = amount ÷ limit (> 0): index t + K of bin t (−K ≤ t ≤ K), which
 * holds the amounts with u / w in [t − 1, t) — t = 0 is the band, t < 0 lies below it and t > 0 at
 * or above the limit — or −1 outside the comparison region. `inBand` says whether it lies in the
 * band, decided exactly by the caller (the band's edges are legal edges); other amounts are binned
 * on their logarithm, taken only inside the region. Runs in O(1).
 */
export function bunchingBin(ratio: number, inBand: boolean): number {
  if (inBand) return K;
  if (!(ratio >= LOWEST && ratio < HIGHEST)) return -1;
  const s = Math.log(ratio) / BAND_WIDTH;
  let t = Math.floor(s) + 1;
  // Not in the band by the exact comparison, though its logarithm says so: an edge case.
  if (t === 0) t = s < -0.5 ? -1 : 1;
  return t >= -K && t <= K ? t + K : -1;
}

/**
 * The comparison bins (by index) left out of a test because another limit in force at the same time
 * lies near: `others` are those limits as ratios to this one (L' / L). The comparison stops one band
 * width short of each. Runs in O(others).
 */
export function excludedBins(others: readonly number[]): Uint8Array {
  const excluded = new Uint8Array(BUNCHING_BINS);
  for (const ratio of others) {
    if (!(ratio > 0) || ratio === 1) continue;
    // The other limit at q bin widths; bin t covers [t − 1, t). Above: stop before its band,
    // (q − 1, ∞); below: stop above the bin over it, (−∞, q + 1).
    const q = Math.log(ratio) / BAND_WIDTH;
    for (let t = -K; t <= K; t++) if (t !== 0 && (q > 0 ? t > q - 1 : t < q + 2)) excluded[t + K] = 1;
  }
  return excluded;
}

/**
 * The bunching test (see {@link BUNCHING}) of `sample` purchases whose bins (by {@link bunchingBin})
 * hold `counts`, with the bins `excluded` left out of the fit. Runs in O(1).
 */
export function bunchingTest(threshold: string, sample: number, counts: ArrayLike<number>, excluded: ArrayLike<number>): BunchingTest {
  let below = 0;
  let above = 0;
  const points: [number, number][] = [];
  let keptBelow = 0;
  let keptAbove = 0;
  for (let t = -K; t <= K; t++) {
    if (t === 0) continue;
    const c = counts[t + K] as number;
    if (t < 0) below += c;
    else above += c;
    if (excluded[t + K]) continue;
    points.push([t, c + BUNCHING.pseudoCount]);
    if (t < 0) keptBelow++;
    else keptAbove++;
  }
  const observed = counts[K] as number;
  const base: BunchingCounts = { threshold, sample, observed, below, above };
  const na = (why: string): BunchingTest => ({ ...base, applicable: false, why });
  const purchases = (n: number) => `${n} ${n === 1 ? 'purchase' : 'purchases'}`;
  if (sample < BUNCHING.minSample) return na(`the buyer has ${purchases(sample)} in force for this threshold; the test needs at least ${BUNCHING.minSample}`);
  if (below < BUNCHING.minSide || above < BUNCHING.minSide) {
    return na(`the buyer has ${purchases(below)} in the comparison range below the band and ${above} above it; the test needs at least ${BUNCHING.minSide} on each side`);
  }
  if (below + above < BUNCHING.minSides) return na(`the buyer has ${purchases(below + above)} in the comparison range; the test needs at least ${BUNCHING.minSides}`);
  if (keptBelow < 1 || keptAbove < 1 || keptBelow + keptAbove < 4) return na('other thresholds lie too close to this one to compare both sides');
  const fit = fitBand(points);
  const z = (observed - fit.expected) / Math.sqrt(fit.expected + fit.variance);
  return { ...base, applicable: true, expected: fit.expected, ratio: observed / fit.expected, z, p: normalAbove(z) };
}

/**
 * Tests bunching in a list of amount ÷ limit ratios, the band decided on the ratios themselves
 * (`atOrAbove`: 1 − h ≤ r < 1; `above`: 1 − h ≤ r ≤ 1). For samples already reduced to ratios; the
 * detection pass decides the band on exact amounts instead. Runs in O(n).
 *
 * @example
 * bunchingOfRatios(Array(100).fill(0.5), 'atOrAbove').applicable //=> false
 */
export function bunchingOfRatios(ratios: Iterable<number>, comparison: 'atOrAbove' | 'above', others: readonly number[] = [], threshold = ''): BunchingTest {
  const counts = new Float64Array(BUNCHING_BINS);
  const from = 1 - BUNCHING.band;
  let sample = 0;
  for (const r of ratios) {
    if (!(r > 0)) continue;
    sample++;
    const bin = bunchingBin(r, r >= from && (comparison === 'above' ? r <= 1 : r < 1));
    if (bin >= 0) counts[bin]! += 1;
  }
  return bunchingTest(threshold, sample, counts, excludedBins(others));
}

/**
 * Maximum-likelihood Poisson fit of log μ(t) = β0 + β1 t + β2 t² to (t, count) points by Newton's
 * method (the log-likelihood is concave), and the band's (t = 0) predicted count e^β0 with its
 * delta-method variance e^{2β0} (H⁻¹)₀₀, H the information matrix at the fit.
 */
function fitBand(points: readonly (readonly [number, number])[]): { expected: number; variance: number } {
  const row = (t: number) => [1, t, t * t] as const;
  // Start from the weighted least-squares fit of log counts (weights = counts).
  let beta = solve3(
    gram(points.map(([t, c]) => [row(t), c] as const)),
    points.reduce((acc, [t, c]) => add3(acc, scale3(row(t), c * Math.log(c))), [0, 0, 0] as [number, number, number]),
  );
  const logLik = (b: readonly number[]) => points.reduce((s, [t, c]) => s + c * dot3(b, row(t)) - Math.exp(dot3(b, row(t))), 0);
  for (let iter = 0; iter < 100; iter++) {
    const mus = points.map(([t]) => Math.exp(dot3(beta, row(t))));
    const grad = points.reduce((acc, [t, c], i) => add3(acc, scale3(row(t), c - (mus[i] as number))), [0, 0, 0] as [number, number, number]);
    const step = solve3(gram(points.map(([t], i) => [row(t), mus[i] as number] as const)), grad);
    const before = logLik(beta);
    let s = 1;
    let next = add3(beta, scale3(step, s));
    while (logLik(next) < before && s > 1e-9) {
      s /= 2;
      next = add3(beta, scale3(step, s));
    }
    beta = next;
    if (Math.max(...step.map((x) => Math.abs(x * s))) < 1e-12) break;
  }
  const info = gram(points.map(([t]) => [row(t), Math.exp(dot3(beta, row(t)))] as const));
  const expected = Math.exp(beta[0]);
  return { expected, variance: expected * expected * inverse00(info) };
}

type Vec3 = [number, number, number];
type Sym3 = [number, number, number, number, number, number]; // a00 a01 a02 a11 a12 a22

const dot3 = (a: readonly number[], b: readonly number[]) => (a[0] as number) * (b[0] as number) + (a[1] as number) * (b[1] as number) + (a[2] as number) * (b[2] as number);
const add3 = (a: readonly number[], b: readonly number[]): Vec3 => [(a[0] as number) + (b[0] as number), (a[1] as number) + (b[1] as number), (a[2] as number) + (b[2] as number)];
const scale3 = (a: readonly number[], k: number): Vec3 => [(a[0] as number) * k, (a[1] as number) * k, (a[2] as number) * k];

/** Σ weight · x xᵀ over rows x. */
function gram(rows: readonly (readonly [readonly number[], number])[]): Sym3 {
  const m: Sym3 = [0, 0, 0, 0, 0, 0];
  for (const [[x0, x1, x2], w] of rows as readonly (readonly [readonly [number, number, number], number])[]) {
    m[0] += w * x0 * x0;
    m[1] += w * x0 * x1;
    m[2] += w * x0 * x2;
    m[3] += w * x1 * x1;
    m[4] += w * x1 * x2;
    m[5] += w * x2 * x2;
  }
  return m;
}

/** Cofactors of a symmetric 3×3 matrix and its determinant. */
function cofactors([a, b, c, d, e, f]: Sym3): { co: Sym3; det: number } {
  const co: Sym3 = [d * f - e * e, c * e - b * f, b * e - c * d, a * f - c * c, b * c - a * e, a * d - b * b];
  return { co, det: a * co[0] + b * co[1] + c * co[2] };
}

/** Solves m x = v for a symmetric positive-definite m (Cramer's rule by cofactors). */
function solve3(m: Sym3, v: readonly number[]): Vec3 {
  const { co, det } = cofactors(m);
  const [c00, c01, c02, c11, c12, c22] = co;
  const [v0, v1, v2] = v as Vec3;
  return [(c00 * v0 + c01 * v1 + c02 * v2) / det, (c01 * v0 + c11 * v1 + c12 * v2) / det, (c02 * v0 + c12 * v1 + c22 * v2) / det];
}

/** The top-left entry of m⁻¹. */
function inverse00(m: Sym3): number {
  const { co, det } = cofactors(m);
  return co[0] / det;
}
