import type { Decimal } from 'decimal.js';
import type { Item } from '../cluster/item.js';
import { REASON_CODES, RUN_WEIGHTS, isAgainst, type ReasonCode, type ScoreWeights } from '../options/reasons.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { D } from '../_lib/decimal.js';
import { measure, type Evidence, type EvidenceContext, type EvidenceFacts } from './evidence.js';

const clamp = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);

/**
 * Strength in [0, 1] of one measure, growing with the evidence of splitting:
 * - shares (justBelow, sameDay, vendorConcentration, subjectSimilarity, roundAmounts,
 *   consecutiveDocuments) are their own strength;
 * - the evidence against splitting (perPersonCharges, documentLines, sameDayVendors, manyParts) is a share of parts too, its
 *   own strength: how clearly the finding shows a legitimate shape;
 * - parts: few sizeable parts are the shape of a split, many small ones the shape of routine buying:
 *   1 for 2 parts, falling by 1/8 a part to 0 at 10;
 * - span: 1 − span / window length (all on one day is 1);
 * - equalAmounts: 1 when the coefficient of variation is ≤ 0.1, falling to 0 at 0.5 (see
 *   {@link strengths} for parts that repeat one amount to the cent);
 * - totalOverThreshold: how far the total passes the limit, (ratio − 1), capped at 1 (twice the limit);
 * - buyerRate: the surprise −log10 p of the parts at the buyer's own rate, over 3: full strength
 *   when so many parts so close together, anywhere in the buyer's ledger, had a chance of 1 in
 *   1,000 or less;
 * - buyerSize: parts of the buyer's median size or smaller are no evidence; strength rises to 1 as
 *   their mean percentile among its other purchases in the subject rises to 100%: 2 × (p − 0.5);
 * - buyerVendor: 1 − the share of the buyer's other purchases in the subject that went to these
 *   vendors (a vendor it never uses there is 1);
 * - buyerBunching: nothing within one standard error of no bunching; rising to 1 at z = 3: (z − 1) / 2;
 * - a measure that could not be taken (NaN) has strength 0 (and weighs nothing: see {@link scoreRun}).
 *
 * @example
 * strengthOf('parts', 6, 30) //=> 0.5
 */
export function strengthOf(code: ReasonCode, value: number, windowDays: number): number {
  switch (code) {
    case 'parts':
      return clamp((10 - value) / 8);
    case 'span':
      return clamp(1 - value / windowDays);
    case 'equalAmounts':
      return clamp(1 - (value - 0.1) / 0.4);
    case 'totalOverThreshold':
      return clamp(value - 1);
    case 'buyerRate':
      return clamp(value / 3);
    case 'buyerSize':
      return clamp(2 * (value - 0.5));
    case 'buyerVendor':
      return clamp(1 - value);
    case 'buyerBunching':
      return clamp((value - 1) / 2);
    default:
      return clamp(value);
  }
}

/**
 * The score, in [0, 1]: the weighted mean of the strengths of the evidence of splitting, summed in the
 * order of REASON_CODES, times (1 − strength)^weight for each piece of evidence against it
 * (`AGAINST_CODES`). It never falls when the strength of evidence of splitting rises and never rises
 * when the strength of evidence against it does (property-tested); with all weights of evidence of
 * splitting zero it is 0. Those weights are first divided by the largest, so that no sum overflows
 * whatever their scale (weights of 1e308 score as weights of 1); the weights against are exponents
 * (1 halves the score at strength ½; 0 ignores the evidence). A strength outside [0, 1] counts as
 * its nearest end, and NaN as 0.
 *
 * @example
 * scoreOf({ justBelow: 1, span: 1 } as never, { justBelow: 3, span: 1 } as never) //=> 1
 * scoreOf({ justBelow: 1, span: 1, documentLines: 0.5 } as never, { justBelow: 3, span: 1, documentLines: 1 } as never) //=> 0.5
 */
export function scoreOf(strengths: Partial<Record<ReasonCode, number>>, weights: Partial<ScoreWeights>): number {
  let max = 0;
  for (const code of REASON_CODES) {
    const w = weights[code];
    if (w !== undefined && w > max && !isAgainst(code)) max = w;
  }
  if (max === 0) return 0;
  let num = 0;
  let den = 0;
  let against = 1;
  for (const code of REASON_CODES) {
    const w = weights[code];
    if (w === undefined || !(w > 0)) continue;
    const s = clamp(strengths[code] ?? 0);
    if (isAgainst(code)) {
      // (1 − s)^w as exp(w · log1p(−s)): exact enough for strengths near 0 under large weights.
      if (s > 0) against *= Math.exp(w * Math.log1p(-s));
      continue;
    }
    const share = w === max ? 1 : w / max;
    den += share;
    num += share * s;
  }
  return clamp((num / den) * against);
}

/**
 * Strengths of every measure ({@link strengthOf}), with two changes to `equalAmounts`:
 * - when every part lies just below a limit (`justBelow` 1), the spread of the amounts counts for
 *   nothing: parts within the band under one limit differ by at most the band (their coefficient of
 *   variation is under 0.06 for a 10% band, "nearly equal" whatever they are), so their nearness is
 *   the just-below evidence again. Two unrelated purchases each kept under a limit would otherwise
 *   score twice on one fact, as much as a requirement cut into like pieces;
 * - it is at least the share of parts whose amount another part repeats to the cent (`repeated` of
 *   `parts`; 0 when not given). Equal pieces of one requirement keep their amount even when the
 *   finding holds other parts too, which the coefficient of variation over all parts hides: two
 *   parts of 55,759.02 beside three of about 21,700 vary by 0.53, yet 2 of 5 parts repeat one amount
 *   (strength 0.4). Amounts repeated to the cent are no consequence of the band, so they count there too.
 *
 * @example
 * strengths({ equalAmounts: 0.53, parts: 5 } as never, 30, 2).equalAmounts //=> 0.4
 * strengths({ equalAmounts: 0.02, parts: 2, justBelow: 1 } as never, 30).equalAmounts //=> 0
 */
export function strengths(evidence: Evidence, windowDays: number, repeated = 0): Record<ReasonCode, number> {
  const out = {} as Record<ReasonCode, number>;
  for (const code of REASON_CODES) out[code] = strengthOf(code, evidence[code], windowDays);
  if (out.justBelow >= 1) out.equalAmounts = 0;
  const k = evidence.parts;
  if (repeated > 0 && k > 0 && repeated / k > out.equalAmounts) out.equalAmounts = repeated / k;
  return out;
}

/** A run with its total, what was measured on it, the strength of each measure and its score. */
export interface ScoredRun {
  readonly total: Decimal;
  readonly evidence: Evidence;
  /** The counts behind the evidence, for the explanation. */
  readonly facts: EvidenceFacts;
  readonly strengths: Record<ReasonCode, number>;
  /** The weights the score used: the given ones, 0 for measures that were not applicable. */
  readonly weights: ScoreWeights;
  readonly score: number;
}

/** What a run is scored in: {@link EvidenceContext} without the tier, and the weights. */
export type ScoreContext = Omit<EvidenceContext, 'tier'> & { readonly weights: ScoreWeights };

/**
 * Scores a run (items in date order) that crosses `tier`: its exact total, its evidence (see
 * {@link measure}), their strengths and the weighted score, in which a measure that could not be
 * taken (NaN: no subject signal to compare, a buyer measure below its minimum sample, or no
 * `baselines` in the context) weighs nothing. Callers pass one context for a whole run of detection and forward it unchanged.
 *
 * Runs in O(k log k) for k parts, plus O(k log m) for the buyer measures.
 */
export function scoreRun(run: readonly Item[], tier: ResolvedThreshold, ctx: ScoreContext): ScoredRun {
  let total = new D(0);
  for (const it of run) total = total.plus(it.value);
  const { evidence, facts } = measure(run, total, { tier, thresholds: ctx.thresholds, windowDays: ctx.windowDays, sameVendor: ctx.sameVendor, band: ctx.band, baselines: ctx.baselines });
  const strength = strengths(evidence, ctx.windowDays, facts.repeated);
  const weights = { ...ctx.weights };
  for (const code of REASON_CODES) if (Number.isNaN(evidence[code])) weights[code] = 0;
  return { total, evidence, facts, strengths: strength, weights, score: scoreOf(strength, weights) };
}

/**
 * How a run ranks among the proposals of its window: its score under {@link RUN_WEIGHTS}, the
 * measures that were not applicable weighing nothing, as in its score.
 *
 * @example
 * // Only parts just under a limit (weight 3) and round amounts (weight 1) measured, the first in full:
 * const only = (e: object) => ({ ...Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((c) => [c, NaN])), ...e });
 * runRank({ strengths: { justBelow: 1, roundAmounts: 0 }, evidence: only({ justBelow: 1, roundAmounts: 0 }) } as never) //=> 0.75
 */
export function runRank(run: Pick<ScoredRun, 'strengths' | 'evidence'>): number {
  const weights = { ...RUN_WEIGHTS };
  for (const code of REASON_CODES) if (Number.isNaN(run.evidence[code])) weights[code] = 0;
  return scoreOf(run.strengths, weights);
}
