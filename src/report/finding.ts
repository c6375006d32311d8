import { type Item, vendorIdentity } from '../cluster/item.js';
import type { PurchaseRecord } from '../records/record.js';
import { recordAt, type RecordTable } from '../records/table.js';
import type { ResolvedOptions } from '../options/resolve.js';
import { REASON_CODES, isAgainst, type ReasonCode } from '../options/reasons.js';
import type { ScoredRun } from '../score/score.js';
import type { Comparison, ResolvedThreshold } from '../thresholds/threshold.js';
import { moneyString, moneyText } from '../_lib/decimal.js';
import type { LeftOut } from './leftOut.js';
import { counterfactual, looksDeliberate, orderReasons, reasonMessage } from './explain.js';
import { fingerprint } from './fingerprint.js';

/** One purchase inside a finding, with what a reviewer needs to see. */
export interface FindingPart {
  readonly id: string;
  /** Position of the record in the input array. */
  readonly index: number;
  readonly date: string;
  readonly vendor: string;
  /** Amount as recorded, in {@link currency}. */
  readonly amount: string;
  readonly currency: string;
  /** Amount in the finding's currency (equal to `amount` when no conversion was needed). */
  readonly converted: string;
  readonly subject?: string;
  readonly category?: string;
  readonly project?: string;
  readonly method?: string;
  readonly document?: string;
}

/** A piece of evidence: what was measured, how strong it is, and a sentence for the reviewer. */
export interface Reason {
  readonly code: ReasonCode;
  /**
   * The measured value: a share, a count, a ratio, days, a surprise or a z-score, as `measure`
   * (score/evidence.ts) documents each code; 0 when the measure was not applicable.
   */
  readonly value: number;
  /**
   * Strength of the evidence in [0, 1]; the score is the weighted mean of the strengths of evidence
   * of splitting, lowered by the evidence against it (`AGAINST_CODES`; see `scoreOf`).
   */
  readonly strength: number;
  /**
   * Weight used for this reason: the option's weight, or 0 when the measure was not applicable (no
   * subject signal to compare, too little history).
   */
  readonly weight: number;
  readonly message: string;
}

/** The threshold a finding's parts avoided. */
export interface FindingThreshold {
  readonly id: string;
  /** Decimal string in {@link currency}. */
  readonly amount: string;
  readonly currency: string;
  readonly procedure: string;
  /** How a single purchase triggers the procedure: each part stayed below the limit by it. */
  readonly comparison: Comparison;
  /** How the total crossed the limit, where the rule words it apart from `comparison` (China's Art. 28: `'above'`). */
  readonly cumulative?: Comparison;
  /**
   * Whether `amount` is net or gross of VAT: the source's basis, or the ledger's when the limit was
   * put on it (the `vat` option). Absent where the source does not say.
   */
  readonly vat?: 'net' | 'gross';
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly label?: string;
  readonly source?: string;
}

/** A cluster of purchases that looks like one requirement split under a threshold. */
export interface Finding {
  /** Stable fingerprint of the record ids and threshold id: reruns give the same id. */
  readonly id: string;
  readonly buyer: string;
  /** Record ids in date order (ties by id). */
  readonly recordIds: readonly string[];
  readonly parts: readonly FindingPart[];
  /**
   * The vendors, in order of first appearance, as the reasons count them: one name per vendor
   * (vendors compared as keys: `ACME LTD` and `Acme Limited` are one, named as first written),
   * and a placeholder name ("Various", a redacted one) once per part that carries it, each such
   * part a vendor of its own. Headlines count them ("2 purchases from 2 vendors").
   */
  readonly vendors: readonly string[];
  /** Exact sum of the parts, decimal string with at least 2 decimals, in {@link currency}. */
  readonly total: string;
  readonly currency: string;
  readonly threshold: FindingThreshold;
  /** First and last purchase dates, `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
  /** Days from first to last purchase (0 = all on one day). */
  readonly spanDays: number;
  /** In [0, 1]; higher means the cluster looks more deliberate. */
  readonly score: number;
  readonly reasons: readonly Reason[];
  /**
   * The purchases the finding leaves out, when there are any: of its cluster (linked to its parts
   * by the rule), dated within one window of its parts, and in no finding or large run. The
   * explanation's last sentence names them.
   */
  readonly leftOut?: LeftOut;
  /** A counterfactual sentence for working papers, followed by the strongest reasons (and what the finding leaves out). */
  readonly explanation: string;
  /** The policy rule the finding cites, when the options name one (presets do). */
  readonly rule?: { readonly name: string; readonly citation?: string };
}

/** What a finding says besides its run: the report currency, band, window, subject rule and the rule it cites. */
export interface FindingContext extends Pick<ResolvedOptions, 'currency' | 'band' | 'rule' | 'subject'> {
  /** The window in words, e.g. `'a 30-day window'`. */
  readonly windowLabel: string;
  /** The record table the items index: a finding's parts are read from it. */
  readonly table: RecordTable;
}

/**
 * The finding of a scored run (items in date order) that crosses `tier`: its parts (records read
 * from the table), total, threshold, dates, score, reasons (strongest first) and explanation.
 *
 * Runs in O(k log k) for k parts.
 */
export function buildFinding(run: readonly Item[], tier: ResolvedThreshold, scored: ScoredRun, ctx: FindingContext): Finding {
  const records = run.map((it) => recordAt(ctx.table, it.k));
  const first = records[0] as PurchaseRecord;
  const last = records[records.length - 1] as PurchaseRecord;
  const k = run.length;
  const messages = { band: ctx.band, windowLabel: ctx.windowLabel, currency: ctx.currency, tier, subject: ctx.subject };
  const reasons: Reason[] = orderReasons(
    REASON_CODES.map((code) => {
      const value = scored.evidence[code];
      return {
        code,
        // Not applicable: no value, and no weight in the score (the message says why).
        value: Number.isNaN(value) ? 0 : value,
        strength: scored.strengths[code],
        weight: scored.weights[code],
        message: reasonMessage(code, value, k, scored.facts, messages),
      };
    }),
  );
  const ids = records.map((r) => r.id);
  // As the reasons count them: one name a vendor (its first spelling), a placeholder one a part.
  const vendorNames = new Map<string, string>();
  run.forEach((it, i) => {
    const v = vendorIdentity(it);
    if (!vendorNames.has(v)) vendorNames.set(v, (records[i] as PurchaseRecord).vendor);
  });
  const vendors = [...vendorNames.values()];
  const t = tier.threshold;
  const strong = reasons.filter((r) => looksDeliberate(r, k)).slice(0, 4);
  const against = reasons.filter((r) => r.weight > 0 && r.strength > 0 && isAgainst(r.code));
  const total = moneyString(scored.total);
  const explanation =
    counterfactual({ buyer: first.buyer, ids, total: scored.total, totalText: total, currency: ctx.currency, tier, start: first.date, end: last.date }) +
    (strong.length ? `${WHY}${strong.map((r) => r.message).join(' ')}` : '') +
    (against.length ? `${AGAINST}${against.map((r) => r.message).join(' ')}` : '');
  const parts: FindingPart[] = run.map((it, i) => {
    const r = records[i] as PurchaseRecord;
    const amount = moneyText(ctx.table.amount[it.k] as string);
    const part: Writable<FindingPart> = {
      id: r.id,
      index: r.index,
      date: r.date,
      vendor: r.vendor,
      amount,
      currency: r.currency,
      // Unconverted, the value is the amount itself (one Decimal): written once.
      converted: it.value === r.amount ? amount : moneyString(it.value),
    };
    // Optional fields assigned in their order, not spread from objects made for the purpose.
    if (r.subject !== undefined) part.subject = r.subject;
    if (r.category !== undefined) part.category = r.category;
    if (r.project !== undefined) part.project = r.project;
    if (r.method !== undefined) part.method = r.method;
    if (r.document !== undefined) part.document = r.document;
    return part;
  });
  const finding: Writable<Finding> = {
    id: fingerprint(t.id, ids),
    buyer: first.buyer,
    recordIds: ids,
    parts,
    vendors,
    total,
    currency: ctx.currency,
    threshold: { ...thresholdOf(tier, ctx.currency) },
    start: first.date,
    end: last.date,
    spanDays: last.day - first.day,
    score: scored.score,
    reasons,
    explanation,
  };
  if (ctx.rule) finding.rule = ctx.rule;
  return finding;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** What opens the reasons for, and the reasons against, in an explanation. */
const WHY = ' Why it looks deliberate: ';
const AGAINST = ' What speaks against it: ';

/**
 * An explanation with a sentence added after its counterfactual (its first sentence), before the
 * reasons: what a finding leaves out, known only once detection is done.
 */
export function afterCounterfactual(explanation: string, sentence: string): string {
  const ends = [explanation.indexOf(WHY), explanation.indexOf(AGAINST)].filter((i) => i >= 0);
  const at = ends.length > 0 ? Math.min(...ends) : explanation.length;
  return `${explanation.slice(0, at)} ${sentence}${explanation.slice(at)}`;
}

/** The threshold of a tier as findings show it, written once per tier and report currency (each finding gets a copy of its own). */
const THRESHOLDS = new WeakMap<ResolvedThreshold, FindingThreshold>();
function thresholdOf(tier: ResolvedThreshold, currency: string): FindingThreshold {
  let shown = THRESHOLDS.get(tier);
  if (shown === undefined || shown.currency !== currency) {
    const t = tier.threshold;
    const made: Writable<FindingThreshold> = { id: t.id, amount: moneyString(tier.value), currency, procedure: t.procedure, comparison: t.comparison };
    if (t.cumulative) made.cumulative = t.cumulative;
    const vat = tier.vat?.amounts ?? t.vat;
    if (vat) made.vat = vat;
    if (t.validFrom) made.validFrom = t.validFrom;
    if (t.validTo) made.validTo = t.validTo;
    if (t.label) made.label = t.label;
    if (t.source) made.source = t.source;
    THRESHOLDS.set(tier, (shown = made));
  }
  return shown;
}
