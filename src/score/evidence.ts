import type { Decimal } from 'decimal.js';
import type { Item } from '../cluster/item.js';
import type { ReasonCode } from '../options/reasons.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { atLeast, belowTier, inForce, inScope } from '../thresholds/compare.js';
import { jaccard } from '../similarity/jaccard.js';

/**
 * What was measured on a finding, one number per reason code. Each measure maps to a strength in
 * [0, 1] by {@link strengthOf}; strengths only grow as the evidence of splitting grows.
 */
export type Evidence = Record<ReasonCode, number>;

/** Context a finding's evidence is measured in. */
export interface EvidenceContext {
  /** The threshold the finding crosses. */
  readonly tier: ResolvedThreshold;
  /** Every threshold, for "just below some limit in force". */
  readonly thresholds: readonly ResolvedThreshold[];
  /** Nominal window length in days. */
  readonly windowDays: number;
  /** "Just below" band, a fraction of the limit. */
  readonly band: number;
}

/**
 * Measures a finding's parts (in date order).
 * - justBelow: share of parts within `band` under a limit in force on their date and in their scope;
 * - parts: number of parts;
 * - span: days from first to last part;
 * - sameDay: share of parts dated the same day as another part;
 * - vendorConcentration: share of parts from the most frequent vendor;
 * - subjectSimilarity: mean, over consecutive parts, of the best subject agreement (text Jaccard,
 *   shared share of the category code, same project = 1); 0 where nothing is comparable;
 * - equalAmounts: coefficient of variation of the amounts (lower is more equal);
 * - roundAmounts: share of parts with round amounts (whole multiples of 1,000, or at most two
 *   significant digits);
 * - consecutiveDocuments: share of parts whose document number is one apart from another part's
 *   (same text around the number);
 * - totalOverThreshold: total ÷ threshold.
 *
 * Runs in O(k log k) for k parts.
 */
export function measure(parts: readonly Item[], total: Decimal, ctx: EvidenceContext): Evidence {
  const k = parts.length;
  const first = parts[0] as Item;
  const last = parts[k - 1] as Item;

  let justBelow = 0;
  for (const p of parts) {
    const hit = ctx.thresholds.some(
      (t) => inForce(t, p.rec.day) && inScope(t, p.rec.categoryKey) && belowTier(p.approx, p, valueOf, t) && atLeast(p.approx, p, valueOf, t.nearFrom, t.nearFromApprox),
    );
    if (hit) justBelow++;
  }

  const dayCounts = new Map<number, number>();
  for (const p of parts) dayCounts.set(p.rec.day, (dayCounts.get(p.rec.day) ?? 0) + 1);
  let sameDay = 0;
  for (const p of parts) if ((dayCounts.get(p.rec.day) as number) > 1) sameDay++;

  const vendorCounts = new Map<string, number>();
  for (const p of parts) {
    // Each placeholder ("Various", a redacted name) counts as a vendor of its own.
    const key = p.placeholderVendor ? `\u0000${p.k}` : p.rec.vendorKey;
    vendorCounts.set(key, (vendorCounts.get(key) ?? 0) + 1);
  }
  const topVendor = Math.max(...vendorCounts.values());

  let subject = 0;
  for (let i = 1; i < k; i++) subject += subjectAgreement(parts[i - 1] as Item, parts[i] as Item);

  const values = parts.map((p) => p.approx);
  const mean = values.reduce((a, b) => a + b, 0) / k;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / k;
  const cv = mean > 0 ? Math.sqrt(variance) / mean : 0;

  let round = 0;
  for (const p of parts) if (isRound(p.rec.amount)) round++;

  return {
    justBelow: justBelow / k,
    parts: k,
    span: last.rec.day - first.rec.day,
    sameDay: sameDay / k,
    vendorConcentration: topVendor / k,
    subjectSimilarity: k > 1 ? subject / (k - 1) : 0,
    equalAmounts: cv,
    roundAmounts: round / k,
    consecutiveDocuments: consecutiveShare(parts.map((p) => p.rec.document)),
    totalOverThreshold: total.div(ctx.tier.value).toNumber(),
  };
}

const valueOf = (it: Item): Decimal => it.value;

function subjectAgreement(a: Item, b: Item): number {
  let best = 0;
  if (a.tokens.length && b.tokens.length) best = jaccard(a.tokens, b.tokens);
  const ca = a.rec.categoryKey;
  const cb = b.rec.categoryKey;
  if (ca !== undefined && cb !== undefined) {
    let n = 0;
    while (n < ca.length && n < cb.length && ca[n] === cb[n]) n++;
    best = Math.max(best, n / Math.max(ca.length, cb.length));
  }
  if (a.project !== undefined && a.project === b.project) best = 1;
  return best;
}

/**
 * Round figures: whole multiples of 1,000, or integers with at most two significant digits.
 *
 * @example
 * [500, 2400, 295000, 2450, 999.5].map((x) => isRound(new Decimal(x))) //=> [true, true, true, false, false]
 */
export function isRound(amount: Decimal): boolean {
  if (!amount.isInteger() || amount.isZero()) return false;
  return amount.mod(1000).isZero() || amount.sd(false) <= 2;
}

const DOC_NUMBER = /^(.*?)(\d+)(\D*)$/u;

/** Share of documents whose trailing number is one apart from another's with the same surrounding text. */
export function consecutiveShare(documents: readonly (string | undefined)[]): number {
  if (documents.length === 0) return 0;
  const keys = new Set<string>();
  const parsed: ([string, bigint] | undefined)[] = documents.map((d) => {
    const m = d === undefined ? null : DOC_NUMBER.exec(d.trim());
    if (!m) return undefined;
    const stem = `${m[1]}\u0000${m[3]}`;
    const n = BigInt(m[2] as string);
    keys.add(`${stem}\u0000${n}`);
    return [stem, n];
  });
  let hits = 0;
  for (const p of parsed) {
    if (p && (keys.has(`${p[0]}\u0000${p[1] + 1n}`) || keys.has(`${p[0]}\u0000${p[1] - 1n}`))) hits++;
  }
  return hits / documents.length;
}
