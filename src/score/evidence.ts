import type { Decimal } from 'decimal.js';
import { type Item, vendorIdentity } from '../cluster/item.js';
import type { ReasonCode } from '../options/reasons.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { justUnder } from '../thresholds/compare.js';
import { jaccard } from '../similarity/jaccard.js';
import type { BaselineFacts, BuyerBaselines } from './baseline.js';
import { chargedAlongside, documentLineParts, perPersonParts, repeatedFeeParts, type PartFields } from './legitimate.js';
import { documentDigits, type Adjacency } from './numbering.js';
import { isRound } from '../_lib/decimal.js';

/** The vendor compared: each placeholder ("Various", a redacted name) is a vendor of its own. */
/** What the shapes of legitimate purchases read of a part (see legitimate.ts). */
const fieldsOf = (it: Item): PartFields => ({ vendor: vendorIdentity(it), value: it.approx, subject: it.subject, document: it.document });

/**
 * What was measured on a finding, one number per reason code. Each measure maps to a strength in
 * [0, 1] by `strengthOf`; strengths only grow as the evidence of splitting grows. A measure that
 * could not be taken (no subject signal to compare, too little history for the buyer baselines) is
 * NaN: its reason is not applicable and weighs nothing in that finding's score.
 */
export type Evidence = Record<ReasonCode, number>;

/** Context a finding's evidence is measured in. */
export interface EvidenceContext {
  /** The threshold the finding crosses. */
  readonly tier: ResolvedThreshold;
  /** Every threshold, for "just below some limit in force". */
  readonly thresholds: readonly ResolvedThreshold[];
  /** Nominal window length in days: at 1 every finding lies on one day, and its dates tell nothing. */
  readonly windowDays: number;
  /**
   * Whether the policy links only one vendor's purchases (`vendor: 'same'`): every finding's parts
   * then share their vendor, which tells nothing. @defaultValue false
   */
  readonly sameVendor?: boolean | undefined;
  /** "Just below" band, a fraction of the limit. */
  readonly band: number;
  /** The buyers' baselines of the run; without them the buyer measures are not applicable. */
  readonly baselines?: BuyerBaselines | undefined;
}

/** The counts behind the measures, for sentences that say exactly what was found. */
export interface EvidenceFacts {
  /**
   * Parts within the band under a limit in force; the limits they are named by (each such part by
   * the finding's own limit when it is near it, else by the most serious limit it is near), in the
   * order of the thresholds; and whether any of those is compared `above` (a part may equal it).
   */
  readonly justBelow: { readonly count: number; readonly limits: readonly ResolvedThreshold[]; readonly atLimitAllowed: boolean };
  /** Parts that share their date with another part. */
  readonly sameDay: number;
  /**
   * Parts of the most frequent vendor, and the number of vendors, each part with a placeholder
   * vendor name ("Various", a redacted name) counted as a vendor of its own; and those parts.
   */
  readonly topVendor: number;
  readonly vendors: number;
  readonly placeholders: number;
  readonly subject: SubjectAgreement;
  /** The smallest and largest part, in the report currency. */
  readonly amounts: { readonly smallest: Decimal; readonly largest: Decimal };
  /** Parts whose amount another part repeats to the cent (see {@link repeatedCount}). */
  readonly repeated: number;
  /** Parts that carry a document number. */
  readonly documented: number;
  /** Parts with round amounts, and with a document number one apart from another part's (lines of one document left out). */
  readonly round: number;
  readonly consecutive: number;
  /**
   * What the consecutive parts count for (at most `consecutive`): each counts 1 − the chance that
   * the buyer's own numbering gave it a number one apart from its partner's (see score/numbering),
   * the least discounted of its partners; and that chance's measure for the most discounted pair,
   * when the buyer's numbering could be measured for it.
   */
  readonly consecutiveWeight: number;
  readonly numbering: Adjacency | undefined;
  /** Parts charged per person (see `perPersonParts`, `repeatedFeeParts`), those charged alongside them included. */
  readonly perPerson: number;
  /** Of `perPerson`, the parts read so only as one fee paid again for each person (see `repeatedFeeParts`). */
  readonly perPersonFees: number;
  /** Of `perPerson`, the parts charged alongside per-person charges (see `chargedAlongside`). */
  readonly perPersonAlongside: number;
  /** Parts that are lines or stages of an order or contract another part names (see `documentLineParts`). */
  readonly documentLines: number;
  /** Parts bought from another vendor than the day's other parts: per day, its distinct vendors less one. */
  readonly sameDayVendors: number;
  /** The comparison with the buyer's other purchases; undefined without baselines. */
  readonly baseline: BaselineFacts | undefined;
}

/**
 * How consecutive parts' subjects agree, per signal, over the pairs where both parts carry it and
 * the policy compares it: text similarity (Jaccard of subject tokens), category codes (the share of
 * leading characters they have in common) and budget projects (the same specific project or not).
 */
export interface SubjectAgreement {
  readonly text: { readonly pairs: number; readonly sum: number };
  readonly category: { readonly pairs: number; readonly sum: number };
  /** Of the pairs with the same project, `beside`: those whose texts or codes were compared too (it lifts them halfway to 1). */
  readonly project: { readonly pairs: number; readonly same: number; readonly beside: number };
  /** Pairs with no signal to compare. */
  readonly none: number;
}

/** A finding's evidence and the counts behind it. */
export interface Measurement {
  readonly evidence: Evidence;
  readonly facts: EvidenceFacts;
}

/**
 * Most parts a requirement is commonly cut into; a finding of more is read as a buying habit too
 * (see `manyParts` in {@link measure}). Splitting trades one procedure for several purchases to
 * arrange, so a requirement is cut into as few pieces as the limit allows: the splits of the blind
 * ledger (which nobody here wrote) have 2–6 parts, the `parts` measure already counts nothing from
 * 10, and practitioners' tests ask for 2 or 3 parts. Many purchases of one kind in a few weeks —
 * 37 first-aid orders from one supplier in 29 days — are the shape of a standing supply or a busy
 * supplier: the routine buying of the simulator and of the blind ledger makes such findings, and
 * their splits never do (docs/quality-history.md).
 */
export const FEW_PARTS = 8;

/**
 * Measures a finding's parts (in date order).
 * - justBelow: of the parts beyond one, the share within `band` under a limit in force on their date
 *   and in their scope, (count − 1) / (k − 1), 0 when at most one part is: one purchase just under a
 *   limit is what a single purchase kept under it shows, not a split (and a part near the limit plus
 *   any unrelated purchase crosses it); a second and third part under the limit show a requirement
 *   cut to fit;
 * - parts: number of parts;
 * - span: days from first to last part (NaN under a one-day window, which puts every finding on one day);
 * - sameDay: share of parts dated the same day as another part (NaN under a one-day window);
 * - vendorConcentration: share of parts from the most frequent vendor (NaN when the policy links
 *   only one vendor's purchases, `sameVendor`);
 * - subjectSimilarity: mean, over consecutive parts, of their closest agreement among the signals
 *   the policy compares and both carry (see {@link SubjectAgreement}), where a shared project counts
 *   in full only when neither text nor code was compared, and otherwise lifts the pair halfway from
 *   their agreement to 1 (a budget line holds many requirements: two purchases of different things
 *   under one project are not one requirement for it); 0 for a pair with nothing to
 *   compare, and NaN (not applicable) when no pair has anything to compare — the policy compares no
 *   subject signal (as `pcard` does), or the parts carry none it compares;
 * - equalAmounts: coefficient of variation of the amounts (lower is more equal); beside it, in the
 *   facts, the parts whose amount another part repeats to the cent (`repeated`), which the score
 *   counts as equal amounts too (see `strengths`);
 * - roundAmounts: share of parts with round amounts (whole multiples of 1,000, or at most two
 *   significant digits);
 * - consecutiveDocuments: share of parts whose document number is one apart from another part's
 *   (same text around the number), parts that are lines of one document left out, each part
 *   weighed by 1 − the chance that the buyer's numbering alone put it next to that part (a buyer
 *   that numbers its orders in turn gives two purchases dated one after the other numbers one
 *   apart anyway: see score/numbering); 0, not NaN, when fewer than two parts carry one (read as
 *   not applicable instead, the held-out ledgers ranked a little worse: docs/quality-history.md);
 * - totalOverThreshold: total ÷ threshold;
 * - buyerRate: −log10 of the chance that some span of the finding's days in the buyer's ledger
 *   holds as many parts at the buyer's own rate of purchases of a part's size in the subject (see
 *   `RateFacts`);
 * - buyerSize: the parts' mean percentile (mid-rank) among the buyer's other purchases in the subject;
 * - buyerVendor: the share of the buyer's other purchases in the subject that went to the parts' vendors;
 * - buyerBunching: the z-score of the buyer's bunching test at the finding's threshold;
 * - perPersonCharges (against splitting): share of parts charged per person — equal charges to one
 *   vendor whose subjects are one travel, lodging, registration or event text with another name in
 *   each, or such texts each naming another person at the end; one fee paid again for each person
 *   (one vendor, one amount to the cent, one subject naming a registration, membership, course or
 *   the like); and the parts charged alongside them (the same vendor, an amount within 10% of one
 *   of them);
 * - documentLines (against splitting): share of parts that are lines or stages of an order or
 *   contract another part names (one document number of at least five digits, with or without line
 *   suffixes, or the order, contract or framework number in the subject);
 * - sameDayVendors (against splitting): share of parts bought on a day the finding bought from
 *   another vendor too, beyond that day's first vendor — per day its distinct vendors less one
 *   (two parts on one day from two vendors: ½; parts on different days: 0), each part with a
 *   placeholder vendor name a vendor of its own;
 * - manyParts (against splitting): share of parts beyond the {@link FEW_PARTS}th, (k − 8) / k, 0
 *   for at most 8 parts (twelve parts: ⅓, so the score keeps ⅔ of itself at weight 1).
 * The buyer measures are NaN (not applicable) without baselines or below their minimum samples.
 *
 * Runs in O(k log k) for k parts, plus O(k log m) for the buyer measures (m purchases in the subject).
 */
export function measure(parts: readonly Item[], total: Decimal, ctx: EvidenceContext): Measurement {
  const k = parts.length;
  const first = parts[0] as Item;
  const last = parts[k - 1] as Item;

  let justBelow = 0;
  const near = new Set<ResolvedThreshold>();
  const under = (t: ResolvedThreshold, p: Item) => justUnder(t, p.day, p.categoryKey, p.approx, p, valueOf);
  const own = ctx.thresholds.find((t) => t.threshold.id === ctx.tier.threshold.id);
  for (const p of parts) {
    // Named by the finding's own limit when near it, else by the most serious limit it is near.
    const named = own !== undefined && under(own, p) ? own : ctx.thresholds.find((t) => t !== own && under(t, p));
    if (named === undefined) continue;
    justBelow++;
    near.add(named);
  }
  const limits = near.size === 0 ? [] : [...(own && near.has(own) ? [own] : []), ...ctx.thresholds.filter((t) => t !== own && near.has(t))];
  const atLimitAllowed = limits.some((t) => t.comparison === 'above');

  const dayCounts = new Map<number, number>();
  for (const p of parts) dayCounts.set(p.day, (dayCounts.get(p.day) ?? 0) + 1);
  let sameDay = 0;
  for (const p of parts) if ((dayCounts.get(p.day) as number) > 1) sameDay++;

  const vendorCounts = new Map<string, number>();
  for (const p of parts) vendorCounts.set(vendorIdentity(p), (vendorCounts.get(vendorIdentity(p)) ?? 0) + 1);
  const topVendor = Math.max(...vendorCounts.values());
  let placeholders = 0;
  for (const p of parts) if (p.placeholderVendor) placeholders++;
  // Parts of a vendor other than the first one bought from that day (parts are in date order).
  const dayVendors = new Set<string>();
  let sameDayVendors = 0;
  for (let i = 0; i < k; i++) {
    const p = parts[i] as Item;
    if (i > 0 && p.day !== (parts[i - 1] as Item).day) dayVendors.clear();
    const v = vendorIdentity(p);
    if (dayVendors.size > 0 && !dayVendors.has(v)) sameDayVendors++;
    dayVendors.add(v);
  }

  const agreement: AgreementTally = { text: { pairs: 0, sum: 0 }, category: { pairs: 0, sum: 0 }, project: { pairs: 0, same: 0, beside: 0 }, none: 0 };
  let subject = 0;
  for (let i = 1; i < k; i++) {
    const pair = pairAgreement(parts[i - 1] as Item, parts[i] as Item, agreement);
    if (!Number.isNaN(pair)) subject += pair; // a pair with nothing to compare adds 0
  }

  const values = parts.map((p) => p.approx);
  const mean = values.reduce((a, b) => a + b, 0) / k;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / k;
  const cv = mean > 0 ? Math.sqrt(variance) / mean : 0;

  // By the numbers first (rounding keeps order), exactly only where two round alike: no Decimal
  // comparison per part on the hot path of ranking proposals.
  let smallest = first;
  let largest = first;
  for (const p of parts) {
    if (p.approx < smallest.approx || (p.approx === smallest.approx && p.value.lt(smallest.value))) smallest = p;
    if (p.approx > largest.approx || (p.approx === largest.approx && p.value.gt(largest.value))) largest = p;
  }
  const repeated = repeatedCount(parts.map(valueOf));
  let round = 0;
  for (const p of parts) if (isRound(p.amount)) round++;
  const fields = parts.map(fieldsOf);
  const lines = documentLineParts(fields);
  const pairs = consecutivePairs(parts.map((p, i) => (lines[i] ? undefined : p.document)));
  // Each part in a pair counts 1 − the chance its numbering gave it, at its least discounted pair.
  const counts = new Float64Array(k).fill(-1);
  let numbering: Adjacency | undefined;
  for (const [i, j] of pairs) {
    const adjacency = ctx.baselines?.numbering.adjacency((parts[i] as Item).k, (parts[j] as Item).k);
    if (adjacency?.applicable && (!numbering || adjacency.chance > numbering.chance)) numbering = adjacency;
    const w = 1 - (adjacency?.chance ?? 0);
    if (w > (counts[i] as number)) counts[i] = w;
    if (w > (counts[j] as number)) counts[j] = w;
  }
  let documented = 0;
  for (const p of parts) if (p.document !== undefined) documented++;
  let consecutive = 0;
  let consecutiveWeight = 0;
  for (const w of counts) {
    if (w < 0) continue;
    consecutive++;
    consecutiveWeight += w;
  }
  const documentLines = count(lines);
  const named = perPersonParts(fields);
  const fees = repeatedFeeParts(fields);
  const perPersonOnes = named.map((x, i) => x || (fees[i] as boolean));
  const feesOnly = count(fees.map((x, i) => x && !named[i]));
  const alongside = count(chargedAlongside(fields, perPersonOnes));
  const perPerson = count(perPersonOnes) + alongside;

  const baseline = ctx.baselines?.measure(parts, ctx.tier);
  const bunching = baseline?.bunching;
  return {
    evidence: {
      justBelow: justBelow > 1 ? (justBelow - 1) / (k - 1) : 0,
      parts: k,
      // What the rule itself requires of every finding is no evidence of this one: not applicable.
      span: ctx.windowDays === 1 ? Number.NaN : last.day - first.day,
      sameDay: ctx.windowDays === 1 ? Number.NaN : sameDay / k,
      vendorConcentration: ctx.sameVendor ? Number.NaN : topVendor / k,
      subjectSimilarity: agreement.none < k - 1 ? subject / (k - 1) : Number.NaN,
      equalAmounts: cv,
      roundAmounts: round / k,
      consecutiveDocuments: consecutiveWeight / k,
      totalOverThreshold: total.div(ctx.tier.value).toNumber(),
      buyerRate: baseline?.rate.applicable ? -Math.log10(baseline.rate.p) : Number.NaN,
      buyerSize: baseline?.size.applicable ? baseline.size.percentile : Number.NaN,
      buyerVendor: baseline?.vendor.applicable ? baseline.vendor.share : Number.NaN,
      buyerBunching: bunching?.applicable ? bunching.z : Number.NaN,
      perPersonCharges: perPerson / k,
      documentLines: documentLines / k,
      sameDayVendors: sameDayVendors / k,
      manyParts: k > FEW_PARTS ? (k - FEW_PARTS) / k : 0,
    },
    facts: { justBelow: { count: justBelow, limits, atLimitAllowed }, documented, sameDay, topVendor, vendors: vendorCounts.size, placeholders, subject: agreement, amounts: { smallest: smallest.value, largest: largest.value }, repeated, round, consecutive, consecutiveWeight, numbering, perPerson, perPersonFees: feesOnly, perPersonAlongside: alongside, documentLines, sameDayVendors, baseline },
  };
}

const valueOf = (it: Item): Decimal => it.value;
const count = (flags: readonly boolean[]): number => flags.reduce((n, f) => (f ? n + 1 : n), 0);

/** {@link SubjectAgreement} as it is counted: every field writable. */
type AgreementTally = { -readonly [K in keyof SubjectAgreement]: SubjectAgreement[K] extends object ? { -readonly [F in keyof SubjectAgreement[K]]: SubjectAgreement[K][F] } : SubjectAgreement[K] };

/**
 * How two parts' subjects agree: the closest agreement over the signals both carry — their texts'
 * token sets (Jaccard), their category codes (the share of the longer code they share from the
 * start) and their project (shared: full agreement when nothing else was compared, else halfway
 * from what texts or codes show to full: a budget line holds many requirements) — or NaN when they
 * carry no signal in common to compare (the policy compares none, or one part lacks it). Tallied
 * per signal into `tally` when given.
 *
 * @example
 * // Codes 4523 and 4599 share two of four characters; no text, no project.
 * pairAgreement({ tokens: [], categoryPrefix: '452', categoryKey: '4523' } as never, { tokens: [], categoryPrefix: '459', categoryKey: '4599' } as never) //=> 0.5
 */
export function pairAgreement(a: Item, b: Item, tally?: AgreementTally): number {
  let best = 0;
  let compared = false;
  // Tokens are empty when the policy leaves texts out; categoryPrefix is undefined when it leaves
  // category codes out; project is undefined when missing or broad.
  if (a.tokens.length && b.tokens.length) {
    const j = jaccard(a.tokens, b.tokens);
    if (tally) {
      tally.text.pairs++;
      tally.text.sum += j;
    }
    best = Math.max(best, j);
    compared = true;
  }
  const ca = a.categoryKey;
  const cb = b.categoryKey;
  if (a.categoryPrefix !== undefined && b.categoryPrefix !== undefined && ca !== undefined && cb !== undefined) {
    let n = 0;
    while (n < ca.length && n < cb.length && ca[n] === cb[n]) n++;
    const share = n / Math.max(ca.length, cb.length);
    if (tally) {
      tally.category.pairs++;
      tally.category.sum += share;
    }
    best = Math.max(best, share);
    compared = true;
  }
  if (a.project !== undefined && b.project !== undefined) {
    if (tally) tally.project.pairs++;
    if (a.project === b.project) {
      if (tally) {
        tally.project.same++;
        if (compared) tally.project.beside++;
      }
      best = compared ? (1 + best) / 2 : 1;
    }
    compared = true;
  }
  if (!compared) {
    if (tally) tally.none++;
    return Number.NaN;
  }
  return best;
}

/**
 * Number of amounts equal to another amount of the list, to the cent: the parts a split into equal
 * pieces leaves behind even when other parts of the finding differ (two parts of 55,759.02 beside
 * three of about 21,700). Runs in O(k).
 *
 * @example
 * repeatedCount(['55759.02', '21898.29', '55759.02', '21771.30'].map((x) => new Decimal(x))) //=> 2
 */
export function repeatedCount(amounts: readonly Decimal[]): number {
  const seen = new Map<string, number>();
  for (const a of amounts) {
    const key = a.toFixed();
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let n = 0;
  for (const c of seen.values()) if (c > 1) n += c;
  return n;
}

/**
 * Share of documents whose trailing number is one apart from another's with the same surrounding
 * text. (A finding's evidence leaves out parts that are lines of one document first.)
 */
export function consecutiveShare(documents: readonly (string | undefined)[]): number {
  return documents.length === 0 ? 0 : consecutiveCount(documents) / documents.length;
}

/** Number of documents whose trailing number is one apart from another's with the same surrounding text. Runs in O(k). */
function consecutiveCount(documents: readonly (string | undefined)[]): number {
  const inPair = new Uint8Array(documents.length);
  for (const [i, j] of consecutivePairs(documents)) inPair[i] = inPair[j] = 1;
  return inPair.reduce((n, x) => n + x, 0);
}

/**
 * The pairs (i < j) of documents whose trailing numbers are one apart with the same surrounding
 * text, in order of i, then j. Runs in O(k + pairs).
 */
function consecutivePairs(documents: readonly (string | undefined)[]): [number, number][] {
  const at = new Map<string, number[]>();
  const parsed: ([string, bigint] | undefined)[] = documents.map((d, i) => {
    const doc = documentDigits(d);
    if (!doc) return undefined;
    const stem = doc.series;
    const n = BigInt(doc.digits);
    const key = `${stem}\u0000${n}`;
    const list = at.get(key);
    if (list) list.push(i);
    else at.set(key, [i]);
    return [stem, n];
  });
  const pairs: [number, number][] = [];
  parsed.forEach((p, i) => {
    if (!p) return;
    for (const j of at.get(`${p[0]}\u0000${p[1] + 1n}`) ?? []) pairs.push(i < j ? [i, j] : [j, i]);
  });
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
