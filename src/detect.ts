import type { PurchaseRecordInput, RecordReject } from './records/record.js';
import type { ThresholdInput } from './thresholds/threshold.js';
import type { SubjectRule, VendorRule, WindowOption } from './cluster/policy.js';
import type { Finding, FindingPart, Reason, ReasonCode } from './report/finding.js';
import type { ScoreWeights } from './score/weights.js';
import type { Item } from './cluster/item.js';
import type { LinkPolicy } from './cluster/link.js';
import type { ResolvedOptions, ResolvedThreshold } from './options.js';
import { resolveOptions } from './options.js';
import { keyAt, scanRecords } from './records/table.js';
import { prepare, type Prepared } from './cluster/prepare.js';
import { linkComponents } from './cluster/link.js';
import { atLeast, belowTier, cutRuns, type RunTier } from './cluster/runs.js';
import { inScope, measure } from './score/evidence.js';
import { scoreOf, strengths } from './score/score.js';
import { counterfactual, reasonMessage, REASON_ORDER } from './report/explain.js';
import { fingerprint } from './report/fingerprint.js';
import { D, moneyString } from './_lib/decimal.js';

/** Options of {@link detectSplits}. Only `thresholds` is required. */
export interface DetectSplitsOptions {
  /** The tiers to test. Several may apply at once; each is in force between its validity dates. */
  thresholds: readonly ThresholdInput[];
  /** @defaultValue `{ days: 30 }` */
  window?: WindowOption | undefined;
  /** @defaultValue `'any'` */
  vendor?: VendorRule | undefined;
  /**
   * With `vendor: 'any'` and no subject requirement, purchases from one vendor are related whatever
   * their subjects: a shared vendor is evidence of one requirement even when the descriptions differ
   * ("通信服务" for two departments). `false` relates records by their subjects only.
   * @defaultValue true
   */
  linkSameVendor?: boolean | undefined;
  /** @defaultValue `{ categoryPrefix: 4, minSimilarity: 0.3, sameProject: false, sameCategory: false }` */
  subject?: SubjectRule | undefined;
  /** Currency findings are reported in. @defaultValue the thresholds' currency when they share one */
  currency?: string | undefined;
  /** Value of one unit of each other currency in `currency`, e.g. `{ USD: '7.1' }` for CNY. */
  rates?: Readonly<Record<string, string | number>> | undefined;
  /** A part within this fraction under a threshold counts as "just below" it. @defaultValue 0.1 */
  band?: number | undefined;
  /** Fewest parts a finding may have. @defaultValue 2 */
  minParts?: number | undefined;
  /**
   * Smallest part, as a share of the threshold it is summed against: purchases under it are not
   * parts (a requirement is split into a few sizeable pieces; petty purchases would otherwise pile
   * up in every window). 0 counts every purchase. @defaultValue 0.1
   */
  minPartShare?: number | undefined;
  /** Procedures (matched case-insensitively on `method`) whose records are never parts. @defaultValue see DEFAULT_SKIP_METHODS */
  skipMethods?: readonly string[] | undefined;
  /**
   * Findings scoring below this are left out (and counted in `stats.belowMinScore`): they are crossing
   * runs with no sign of deliberateness, typically routine purchases of one kind over a few weeks.
   * 0 returns every crossing run. @defaultValue 0.25
   */
  minScore?: number | undefined;
  /** Override the score weights. */
  weights?: Partial<ScoreWeights> | undefined;
  /** Name of the policy rule findings cite (set by presets). */
  name?: string | undefined;
  /** Citation of that rule. */
  citation?: string | undefined;
  /** One-paragraph description of the policy (set by presets; not used by detection). */
  description?: string | undefined;
}

/** Counts that describe a run. */
export interface DetectStats {
  /** Records passed in. */
  readonly input: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Accepted records that could never be parts (skipped method or exemption). */
  readonly skipped: number;
  readonly buyers: number;
  readonly findings: number;
  /** Crossing runs left out because they scored below `minScore`. */
  readonly belowMinScore: number;
  /** Findings per threshold id. */
  readonly findingsByThreshold: Readonly<Record<string, number>>;
}

/** What {@link detectSplits} returns. */
export interface DetectResult {
  /** Sorted by score (highest first), then by buyer, start date and id. */
  readonly findings: readonly Finding[];
  readonly rejects: readonly RecordReject[];
  readonly stats: DetectStats;
}

/**
 * Finds purchases split to stay under thresholds.
 *
 * Records are validated (bad ones come back in `rejects`, never thrown), converted to the report
 * currency, linked into clusters by buyer, vendor rule, subject rule and time window, and each
 * cluster is cut into runs whose parts each stay below a threshold while their total crosses it.
 * Thresholds are tried from the most serious down; a record belongs to at most one finding.
 * See "How detection works" in the README for the exact semantics.
 *
 * Runs in O(n log n) for n records (sorting), plus the candidate pairs of the text join.
 *
 * @throws {OptionsError} when an option is invalid, naming the option.
 * @example
 * const { findings } = detectSplits(
 *   [
 *     { id: 'S1', buyer: 'Zone Admin', vendor: 'Sign Co', date: '2014-11-03', amount: '280000', currency: 'CNY', category: 'B0701', subject: '道路指示标牌' },
 *     { id: 'S2', buyer: 'Zone Admin', vendor: 'Light Co', date: '2014-11-12', amount: '290000', currency: 'CNY', category: 'B0702', subject: '展示牌亮化及字体' },
 *   ],
 *   { thresholds: [{ id: 'hz-decent', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement' }],
 *     subject: { categoryPrefix: 3 } },
 * )
 * findings[0].total //=> '570000.00'
 */
export function detectSplits(records: readonly unknown[], options: DetectSplitsOptions): DetectResult {
  const opts = resolveOptions(options);
  const table = scanRecords(records, { currency: opts.currency, rates: opts.rates });
  const prepared = prepare(table, opts);

  const findings: Finding[] = [];
  const byThreshold: Record<string, number> = {};
  let belowMinScore = 0;
  for (const tier of opts.thresholds) {
    let n = 0;
    for (const run of runsForTier(prepared, tier, opts)) {
      const finding = buildFinding(run, tier, opts);
      if (finding.score < opts.minScore) {
        belowMinScore++;
        continue;
      }
      findings.push(finding);
      n++;
    }
    byThreshold[tier.threshold.id] = n;
  }
  findings.sort(
    (a, b) => b.score - a.score || cmp(a.buyer, b.buyer) || cmp(a.start, b.start) || cmp(a.id, b.id),
  );
  const buyers = new Set<number>();
  let skipped = 0;
  for (const k of prepared.order) {
    buyers.add(table.buyer.key[k] as number);
    skipped += prepared.skipped[k] as number;
  }
  return {
    findings,
    rejects: table.rejects,
    stats: {
      input: records.length,
      accepted: table.size,
      rejected: table.rejects.length,
      skipped,
      buyers: buyers.size,
      findings: findings.length,
      belowMinScore,
      findingsByThreshold: byThreshold,
    },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Finds the runs crossing one threshold and marks their records as assigned. */
function runsForTier(p: Prepared, tier: ResolvedThreshold, opts: ResolvedOptions): Item[][] {
  const { window, subject, minParts } = opts;
  const t = tier.threshold;
  const reach = window.kind === 'rolling' ? window.reach : Infinity;
  const lastDay = window.kind === 'rolling' ? tier.toDay + window.reach : tier.toDay === Infinity ? Infinity : window.periodEnd(tier.toDay);
  const policy: LinkPolicy = {
    reach,
    useCategory: subject.categoryPrefix > 0,
    useText: subject.minSimilarity > 0,
    minSimilarity: subject.minSimilarity,
    required: subject.sameProject || subject.sameCategory,
    vendorLinks: opts.vendor === 'any' && opts.linkSameVendor,
  };
  const minPart = tier.value.times(opts.minPartShare);
  const minPartApprox = minPart.toNumber();
  const runTier: RunTier = { value: tier.value, approx: tier.approx, comparison: t.comparison, lastOpenDay: tier.toDay };
  const { table, order, partition, assigned, unlinkable, approx, skipped } = p;
  const out: Item[][] = [];
  let group: number[] = [];
  const flush = () => {
    if (group.length >= minParts) {
      const members = group.map((i) => p.itemOf(order[i] as number));
      const uf = linkComponents(members, policy);
      const comps = new Map<number, number[]>();
      for (let j = 0; j < members.length; j++) {
        const root = uf.find(j);
        const c = comps.get(root);
        if (c) c.push(j);
        else comps.set(root, [j]);
      }
      for (const comp of comps.values()) {
        if (comp.length < minParts) continue;
        const runs = cutRuns(comp.map((j) => members[j] as Item), runTier, reach, minParts);
        if (runs.length === 0) continue;
        const inRun = new Set(runs.flat());
        for (const j of comp) if (inRun.has(members[j] as Item)) assigned[group[j] as number] = 1;
        out.push(...runs);
      }
    }
    group = [];
  };
  let current = -1;
  for (let i = 0; i < order.length; i++) {
    const k = order[i] as number;
    if (partition[i] !== current) {
      flush();
      current = partition[i] as number;
    }
    if (assigned[i] || skipped[k] || unlinkable[i]) continue;
    const day = table.day[k] as number;
    if (day < tier.fromDay || day > lastDay) continue;
    // Exact Decimal comparisons only when the numbers are too close to call.
    if (!belowTier(approx[k] as number, k, p.valueOf, runTier)) continue;
    if (opts.minPartShare > 0 && !atLeast(approx[k] as number, k, p.valueOf, minPart, minPartApprox)) continue;
    if (!inScope(tier, keyAt(table.category, k))) continue;
    group.push(i);
  }
  flush();
  return out;
}

function buildFinding(run: readonly Item[], tier: ResolvedThreshold, opts: ResolvedOptions): Finding {
  const first = run[0] as Item;
  const last = run[run.length - 1] as Item;
  let total = new D(0);
  for (const it of run) total = total.plus(it.value);
  const windowDays = opts.window.days;
  const evidence = measure(run, total, { tier, thresholds: opts.thresholds, windowDays, band: opts.band });
  const strength = strengths(evidence, windowDays);
  const score = scoreOf(strength, opts.weights);
  const k = run.length;
  const reasons: Reason[] = (Object.keys(evidence) as ReasonCode[]).map((code) => ({
    code,
    value: evidence[code],
    strength: strength[code],
    weight: opts.weights[code],
    message: reasonMessage(code, evidence[code], k, { band: opts.band, windowLabel: opts.window.label }),
  }));
  reasons.sort((a, b) => b.strength * b.weight - a.strength * a.weight || REASON_ORDER.indexOf(a.code) - REASON_ORDER.indexOf(b.code));
  const ids = run.map((it) => it.rec.id);
  const vendors: string[] = [];
  for (const it of run) if (!vendors.includes(it.rec.vendor)) vendors.push(it.rec.vendor);
  const t = tier.threshold;
  const strong = reasons.filter((r) => r.weight > 0 && r.strength >= 0.5).slice(0, 4);
  const explanation =
    counterfactual({ buyer: first.rec.buyer, ids, total, currency: opts.currency, tier, start: first.rec.date, end: last.rec.date }) +
    (strong.length ? ` Why it looks deliberate: ${strong.map((r) => r.message).join(' ')}` : '');
  const parts: FindingPart[] = run.map((it) => {
    const r = it.rec;
    return {
      id: r.id,
      index: r.index,
      date: r.date,
      vendor: r.vendor,
      amount: moneyString(r.amount),
      currency: r.currency,
      converted: moneyString(it.value),
      ...(r.subject !== undefined ? { subject: r.subject } : {}),
      ...(r.category !== undefined ? { category: r.category } : {}),
      ...(r.project !== undefined ? { project: r.project } : {}),
      ...(r.method !== undefined ? { method: r.method } : {}),
      ...(r.document !== undefined ? { document: r.document } : {}),
    };
  });
  return {
    id: fingerprint(t.id, ids),
    buyer: first.rec.buyer,
    recordIds: ids,
    parts,
    vendors,
    total: moneyString(total),
    currency: opts.currency,
    threshold: {
      id: t.id,
      amount: moneyString(tier.value),
      currency: opts.currency,
      procedure: t.procedure,
      comparison: t.comparison,
      ...(t.validFrom ? { validFrom: t.validFrom } : {}),
      ...(t.validTo ? { validTo: t.validTo } : {}),
      ...(t.label ? { label: t.label } : {}),
      ...(t.source ? { source: t.source } : {}),
    },
    start: first.rec.date,
    end: last.rec.date,
    spanDays: last.rec.day - first.rec.day,
    score,
    reasons,
    explanation,
    ...(opts.rule ? { rule: opts.rule } : {}),
  };
}

export type { PurchaseRecordInput };
