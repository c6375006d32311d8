import type { Decimal } from 'decimal.js';
import type { Item } from '../cluster/item.js';
import type { ResolvedOptions } from '../options/resolve.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { atLeast, belowTier, inScope } from '../thresholds/compare.js';
import { valueAt, type RecordTable } from '../records/table.js';
import { excludedRecords } from '../cluster/excluded.js';
import { isoOf } from '../_lib/days.js';
import { compareText } from '../_lib/order.js';
import { lookElsewhere, poissonAtLeast } from '../_lib/stats.js';
import { countAtMost as upper, countBelow as lower } from '../_lib/sorted.js';
import { BUNCHING, BUNCHING_BINS, bunchingBin, bunchingTest, excludedBins, type BunchingTest } from './bunching.js';
import { documentNumbering, type DocumentNumbering } from './numbering.js';

/**
 * Evidence relative to the buyer: a burst of purchases is only unusual against the buyer's own
 * habits. Each finding is compared with its buyer's other purchases — all its accepted records,
 * whatever their method, not only the candidate parts, except those the policy excludes (`exclude`:
 * they are out of the analysis, as if absent) — in the finding's *subject*: the category
 * prefixes (at the policy's `categoryPrefix` depth) its parts carry, or all the buyer's purchases
 * when some part carries none or the policy compares no category codes. The minimum samples below
 * make a measure *not applicable* (its reason weighs nothing) rather than noisy.
 */
export const BASELINE = Object.freeze({
  /** Fewest other purchases of the buyer for a purchase rate: fewer say little about its habits. */
  minRecords: 30,
  /** Fewest days the buyer's ledger must cover for a rate: a quarter, one budget cycle at least. */
  minDays: 90,
  /** Fewest other purchases in the subject to compare part sizes and vendors with. */
  minSubject: 10,
  /** Added to the count of other purchases in a rate, so a buyer that never bought the subject still has a finite one. */
  pseudoCount: 0.5,
  /**
   * Longest stretch of days without a record of any buyer that a ledger is taken to cover: a longer
   * one is a gap in the ledger (a folder of monthly extracts years apart), which no rate counts.
   */
  coveredGap: 31,
});

/** What a finding's buyer does besides the finding, as measured for one finding. */
export interface BaselineFacts {
  /** The category prefixes the comparison is made in (ascending), or undefined: all the buyer's purchases. */
  readonly subject: readonly string[] | undefined;
  readonly rate: RateFacts;
  readonly size: SubjectFacts & { readonly percentile: number };
  /**
   * `fromVendors` of the `others` went to the parts' named `vendors` (distinct vendors); the
   * `placeholders` parts from a placeholder vendor ("Various", a redacted name) count as vendors of
   * their own that no other purchase went to.
   */
  readonly vendor: SubjectFacts & { readonly share: number; readonly fromVendors: number; readonly vendors: number; readonly placeholders: number };
  /** The buyer's bunching test at the finding's threshold; undefined when it has no purchase in force for it. */
  readonly bunching: BunchingTest | undefined;
}

/**
 * The purchase rate: `others` purchases of a part's size (at least `minPartShare` of the limit and
 * below it) in the subject over `days`, so `expected` = (others + pseudoCount) / days × `window`
 * purchases within the finding's `window` days, and `pWindow` = P(N ≥ parts) for N Poisson(expected).
 * A ledger of `days` days holds `spans` = days ÷ window such spans, and detection looks in all of
 * them, so the surprise is `p`, the chance that at least one of them holds as many parts at that
 * rate: 1 − (1 − pWindow)^spans (the Šidák look-elsewhere correction, spans taken as independent).
 * Two purchases on one day are unlikely on a given day and likely on some day of a year.
 */
export interface RateFacts {
  readonly applicable: boolean;
  /** The buyer's accepted records besides the parts, any subject or size. */
  readonly buyerOthers: number;
  /**
   * Days from the buyer's first to its last purchase, both included, that the ledger covers: less
   * the `uncovered` days in stretches of more than `BASELINE.coveredGap` days without a record of
   * any buyer (see {@link ledgerGaps}).
   */
  readonly days: number;
  readonly uncovered: number;
  readonly others: number;
  /** The size range, in the report currency: at least `from`, below (or for `above`, at most) `to`. */
  readonly from: Decimal;
  readonly to: Decimal;
  /** Days from the first part to the last, both included, that the ledger covers. */
  readonly window: number;
  readonly expected: number;
  /** The chance of as many parts within one span of `window` days. */
  readonly pWindow: number;
  /** Spans of `window` days in the buyer's `days`: days ÷ window. */
  readonly spans: number;
  /** The chance of as many parts within some span of the buyer's ledger. */
  readonly p: number;
}

/** A comparison with the buyer's other purchases in the subject. */
export interface SubjectFacts {
  readonly applicable: boolean;
  /** The buyer's purchases in the subject besides the parts. */
  readonly others: number;
}

/** One buyer of a run: its accepted records, their dates, and its bunching test at each threshold. */
export interface BuyerStats {
  /** The buyer as written on its earliest purchase (date, then id). */
  readonly buyer: string;
  /** Accepted records of the buyer that the policy does not exclude (`exclude`). */
  readonly records: number;
  /** Dates of its first and last purchase. */
  readonly first: string;
  readonly last: string;
  /**
   * The bunching test at each threshold in force for some of its purchases, most serious first
   * (see `BUNCHING`).
   */
  readonly bunching: readonly BunchingTest[];
}

/** The buyers' baselines, computed once per run, which findings are measured against. */
export interface BuyerBaselines {
  /** Every buyer with accepted records, by buyer key. */
  readonly buyers: readonly BuyerStats[];
  /** The baseline evidence of a run (items of one buyer, in date order) that crosses `tier`. Runs in O(k log m) for k parts among m purchases of the subject. */
  measure(parts: readonly Item[], tier: ResolvedThreshold): BaselineFacts;
  /** How each buyer numbers its documents, which document numbers one apart are weighed against. */
  readonly numbering: DocumentNumbering;
}

/**
 * A buyer's purchases in one subject (by table index), asked how many lie below an amount or went
 * to a vendor. Their amounts are gathered into an array of their own when the group is made (so a
 * scan reads memory in order, not the table's columns at random). Most subjects are asked about by
 * one or two findings, for which linear scans cost least; once the scans of a subject of m
 * purchases have cost m log2 m, about what sorting them costs, or 4m (a scan is a JavaScript loop,
 * the sort native code, which runs at full speed from its first call), the amounts are sorted and
 * each answer is a binary search. The counts below the rate's bounds, the same for every finding at a
 * threshold, are kept once asked, and the purchases per vendor are counted once, when first asked.
 * So a subject costs O(m log m) at most, then O(log m) per question.
 */
class Group {
  private readonly amounts: Float64Array;
  private perVendor: Map<number, number> | undefined;
  private readonly bounds = new Map<number, [less: number, equal: number]>();
  private sorted = false;
  private scanned = 0;
  /**
   * `tally`: zeros, one per vendor key, that {@link fromVendors} counts in and leaves as zeros.
   * `amounts`: the records' amounts, in any order, when they are gathered already (the group
   * sorts them in place); else they are read from the table.
   */
  constructor(
    private readonly table: RecordTable,
    private readonly records: Int32Array,
    private readonly tally: Int32Array,
    amounts?: Float64Array,
  ) {
    const m = records.length;
    if (amounts) this.amounts = amounts;
    else {
      this.amounts = new Float64Array(m);
      for (let i = 0; i < m; i++) this.amounts[i] = table.approx[records[i] as number] as number;
    }
  }

  get size(): number {
    return this.amounts.length;
  }

  /** Announces `questions` about to be asked; sorts the group once scanning would cost more than sorting. */
  use(questions: number): void {
    const m = this.amounts.length;
    if (this.sorted || (this.scanned += questions * m) <= m * Math.min(Math.log2(m + 2), 4)) return;
    this.amounts.sort();
    this.sorted = true;
  }

  /** Purchases below x, and equal to x. */
  rank(x: number): [less: number, equal: number] {
    const { amounts } = this;
    if (this.sorted) {
      const less = lower(amounts, x);
      return [less, upper(amounts, x) - less];
    }
    let less = 0;
    let equal = 0;
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i] as number;
      if (a < x) less++;
      else if (a === x) equal++;
    }
    return [less, equal];
  }

  /** 2 × purchases below x + purchases equal to x (twice x's mid-rank among them, a whole number): {@link rank} in one number. */
  twiceRank(x: number): number {
    const { amounts } = this;
    if (this.sorted) return lower(amounts, x) + upper(amounts, x);
    let twice = 0;
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i] as number;
      if (a < x) twice += 2;
      else if (a === x) twice++;
    }
    return twice;
  }

  /** {@link rank} of a bound many findings ask (the rate's size range): computed once. */
  boundRank(x: number): [less: number, equal: number] {
    let r = this.bounds.get(x);
    if (r === undefined) this.bounds.set(x, (r = this.rank(x)));
    return r;
  }

  /** Purchases from any of the vendors (distinct key ids). */
  fromVendors(vendors: readonly number[]): number {
    let counts = this.perVendor;
    if (counts === undefined) {
      // Counted in the shared tally, then kept for the vendors met.
      const { tally } = this;
      const vendorOf = this.table.vendor.key;
      const met: number[] = [];
      const { records } = this;
      for (let i = 0; i < records.length; i++) {
        const v = vendorOf[records[i] as number] as number;
        if (tally[v]!++ === 0) met.push(v);
      }
      counts = this.perVendor = new Map();
      for (const v of met) {
        counts.set(v, tally[v] as number);
        tally[v] = 0;
      }
    }
    let n = 0;
    for (const v of vendors) n += counts.get(v) ?? 0;
    return n;
  }
}

/**
 * The buyers' baselines of a record table under resolved options: per buyer its records, dates and
 * bunching tests (one pass over the records, the logarithm taken only for amounts near a limit);
 * the per-subject amounts and vendors a finding is compared with are gathered for a buyer the
 * first time one of its findings is measured.
 *
 * Runs in O(n · t) for n records and t thresholds, plus O(m log m) for each buyer of m records
 * that has a finding: O(n log n) at most.
 */
export function buyerBaselines(table: RecordTable, opts: Pick<ResolvedOptions, 'thresholds' | 'subject' | 'minPartShare' | 'exclude' | 'placeholderVendors'>): BuyerBaselines {
  const n = table.size;
  const nb = table.buyer.keys.length;
  const { key: buyerOf } = table.buyer;
  const day = table.day;
  const out = excludedRecords(table, opts.exclude);
  // A placeholder vendor ("Various", a redacted name) is the same vendor as no other purchase.
  const placeholder = Uint8Array.from(table.vendor.keys, (v) => (opts.placeholderVendors.has(v) ? 1 : 0));

  // Records by buyer (a counting sort), with each buyer's first and last day and earliest record.
  const start = new Int32Array(nb + 1);
  for (let k = 0; k < n; k++) if (!out[k]) start[(buyerOf[k] as number) + 1]! += 1;
  for (let b = 0; b < nb; b++) start[b + 1]! += start[b] as number;
  const members = new Int32Array(start[nb] as number);
  // Their amounts alongside, read in table order (a buyer's whole group is a slice of them).
  const memberAmounts = new Float64Array(members.length);
  const amountOf = table.approx;
  const fill = start.slice(0, nb);
  const firstDay = new Int32Array(nb).fill(2 ** 31 - 1);
  const lastDay = new Int32Array(nb).fill(-(2 ** 31));
  const earliest = new Int32Array(nb).fill(-1);
  for (let k = 0; k < n; k++) {
    if (out[k]) continue;
    const b = buyerOf[k] as number;
    const at = fill[b]!++;
    members[at] = k;
    memberAmounts[at] = amountOf[k] as number;
    const d = day[k] as number;
    if (d > (lastDay[b] as number)) lastDay[b] = d;
    const e = earliest[b] as number;
    if (e < 0 || d < (day[e] as number) || (d === day[e] && compareText(table.id[k] as string, table.id[e] as string) < 0)) {
      earliest[b] = k;
      firstDay[b] = d;
    }
  }

  const gaps = ledgerGaps(day, BASELINE.coveredGap);
  const valueOf = (k: number) => valueAt(table, k);
  const tests = bunchingTests(table, out, opts.thresholds, nb, valueOf);
  const listed: number[] = [];
  for (let b = 0; b < nb; b++) if ((earliest[b] as number) >= 0) listed.push(b);
  listed.sort((a, b) => compareText(table.buyer.keys[a] as string, table.buyer.keys[b] as string));
  const buyers: BuyerStats[] = listed.map((b) => ({
    buyer: table.buyer.texts[table.buyer.text[earliest[b] as number] as number] as string,
    records: (start[b + 1] as number) - (start[b] as number),
    first: isoOf(firstDay[b] as number),
    last: isoOf(lastDay[b] as number),
    bunching: tests[b] ?? [],
  }));

  // Category prefixes at the policy's depth, interned once per distinct category key.
  const depth = opts.subject.categoryPrefix;
  const prefixNames: string[] = [];
  const prefixIds = new Map<string, number>();
  const prefixOfKey = Int32Array.from(table.category.keys, (key) => {
    const name = key.slice(0, depth);
    let id = prefixIds.get(name);
    if (id === undefined) prefixIds.set(name, (id = prefixNames.push(name) - 1));
    return id;
  });
  // Groups are gathered when a finding first needs them: a buyer's records by prefix, in two passes
  // over them (a counting sort into one typed array). Keyed by buyer and prefix id (−1: all the
  // buyer's purchases).
  const groups = new Map<number, Group>();
  const vendorTally = new Int32Array(table.vendor.keys.length);
  const byPrefix = new Map<number, Map<number, Int32Array>>();
  const tally = new Int32Array(prefixNames.length);
  const prefixAt = (k: number) => {
    const c = table.category.key[k] as number;
    return c < 0 ? -1 : (prefixOfKey[c] as number);
  };
  const splitByPrefix = (mine: Int32Array): Map<number, Int32Array> => {
    const seen: number[] = [];
    for (const k of mine) {
      const p = prefixAt(k);
      if (p >= 0 && tally[p]!++ === 0) seen.push(p);
    }
    const sorted = new Int32Array(mine.length);
    const lists = new Map<number, Int32Array>();
    let at = 0;
    for (const p of seen) {
      const size = tally[p] as number;
      lists.set(p, sorted.subarray(at, at + size));
      tally[p] = at;
      at += size;
    }
    for (const k of mine) {
      const p = prefixAt(k);
      if (p >= 0) sorted[tally[p]!++] = k;
    }
    for (const p of seen) tally[p] = 0;
    return lists;
  };
  const groupOf = (b: number, prefix: number): Group => {
    const key = b * (prefixNames.length + 1) + prefix + 1;
    let g = groups.get(key);
    if (g) return g;
    const mine = members.subarray(start[b] as number, start[b + 1] as number);
    if (prefix < 0) g = new Group(table, mine, vendorTally, memberAmounts.subarray(start[b] as number, start[b + 1] as number));
    else {
      let lists = byPrefix.get(b);
      if (!lists) byPrefix.set(b, (lists = splitByPrefix(mine)));
      g = new Group(table, lists.get(prefix) ?? new Int32Array(0), vendorTally);
    }
    groups.set(key, g);
    return g;
  };

  // The smallest part of each threshold, computed once.
  const floors = new Map<ResolvedThreshold, { from: Decimal; fromApprox: number }>();
  const sizeFloor = (tier: ResolvedThreshold) => {
    let f = floors.get(tier);
    if (!f) {
      const from = tier.value.times(opts.minPartShare);
      floors.set(tier, (f = { from, fromApprox: from.toNumber() }));
    }
    return f;
  };

  return {
    buyers,
    numbering: documentNumbering(table, (b) => members.subarray(start[b] as number, start[b + 1] as number)),
    measure(parts, tier) {
      const k = parts.length;
      const b = buyerOf[(parts[0] as Item).k] as number;
      const prefixes = depth > 0 && parts.every((p) => p.categoryPrefix !== undefined) ? [...new Set(parts.map((p) => p.categoryPrefix as string))].sort(compareText) : undefined;
      const subject = prefixes ? prefixes.map((p) => groupOf(b, prefixIds.get(p) as number)) : [groupOf(b, -1)];
      // Questions: each part's rank (the rate's bounds are asked once per group and threshold).
      for (const g of subject) g.use(k);
      const others = subject.reduce((s, g) => s + g.size, 0) - k;
      const approx = new Float64Array(k);
      for (let i = 0; i < k; i++) approx[i] = (parts[i] as Item).approx;
      approx.sort();
      /** The other purchases of the subject below a bound of the rate's size range, and equal to it (counted once per group and threshold). */
      const rankAmong = (x: number): [number, number] => {
        const partsBelow = lower(approx, x);
        let less = -partsBelow;
        let equal = partsBelow - upper(approx, x);
        for (const g of subject) {
          const [l, e] = g.boundRank(x);
          less += l;
          equal += e;
        }
        return [less, equal];
      };

      // Rate: purchases of a part's size in the subject, besides the parts: at least `from`, below
      // the limit (at most it, for `above`).
      const { from, fromApprox } = sizeFloor(tier);
      const [belowFrom] = rankAmong(fromApprox);
      const [belowTo, atTo] = rankAmong(tier.approx);
      const sizedOthers = belowTo + (tier.comparison === 'above' ? atTo : 0) - belowFrom;
      const buyerOthers = (start[b + 1] as number) - (start[b] as number) - k;
      const uncovered = gaps.within(firstDay[b] as number, lastDay[b] as number);
      const days = (lastDay[b] as number) - (firstDay[b] as number) + 1 - uncovered;
      const window = (parts[k - 1] as Item).day - (parts[0] as Item).day + 1 - gaps.within((parts[0] as Item).day, (parts[k - 1] as Item).day);
      const expected = ((sizedOthers + BASELINE.pseudoCount) / days) * window;
      const pWindow = poissonAtLeast(k, expected);
      const spans = days / window;
      const rate: RateFacts = {
        applicable: buyerOthers >= BASELINE.minRecords && days >= BASELINE.minDays,
        buyerOthers,
        days,
        uncovered,
        others: sizedOthers,
        from,
        to: tier.value,
        window,
        expected,
        pWindow,
        spans,
        p: lookElsewhere(pWindow, spans),
      };

      // Size: the mean mid-rank of the parts among the other purchases of the subject, as one
      // fraction of whole numbers, Σ (2 · less + equal) / (2 · others · k).
      // Per part 2 · less + equal, the parts themselves left out: their own twice-rank taken off the groups'.
      let twiceRanks = 0;
      for (const v of approx) {
        twiceRanks -= lower(approx, v) + upper(approx, v);
        for (const g of subject) twiceRanks += g.twiceRank(v);
      }
      const subjectApplicable = others >= BASELINE.minSubject;

      // Vendors: the share of the other purchases of the subject that went to the parts' vendors;
      // a part from a placeholder vendor is a vendor of its own, which no other purchase went to.
      const named = parts.filter((p) => !placeholder[table.vendor.key[p.k] as number]);
      const vendorSet = [...new Set(named.map((p) => table.vendor.key[p.k] as number))];
      const fromVendors = subject.reduce((s, g) => s + g.fromVendors(vendorSet), 0) - named.length;

      return {
        subject: prefixes,
        rate,
        size: { applicable: subjectApplicable, others, percentile: others > 0 ? twiceRanks / (2 * others * k) : 0 },
        vendor: { applicable: subjectApplicable, others, share: others > 0 ? fromVendors / others : 0, fromVendors, vendors: vendorSet.length, placeholders: k - named.length },
        bunching: tests[b]?.find((t) => t.threshold === tier.threshold.id),
      };
    },
  };
}


/**
 * The gaps of a ledger: stretches of more than `longest` days on which no record is dated (every
 * record counted, whatever its buyer), and `within(first, last)`, the days of those between two
 * record days. Day numbers of valid dates span at most 3,652,059 days, so one byte per day of the
 * ledger's range finds them. Runs in O(n + range).
 *
 * @example
 * ledgerGaps(Int32Array.of(0, 10, 100, 101), 31).within(0, 101) //=> 89
 */
export function ledgerGaps(day: ArrayLike<number> & Iterable<number>, longest: number): { within(first: number, last: number): number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of day) {
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const starts: number[] = [];
  const totals: number[] = [0]; // days of the gaps before each
  if (hi - lo > longest) {
    const dated = new Uint8Array(hi - lo + 1);
    for (const d of day) dated[d - lo] = 1;
    for (let i = 1, run = 0; i < dated.length; i++) {
      if (dated[i] === 0) run++;
      else {
        if (run > longest) {
          starts.push(lo + i - run);
          totals.push((totals[totals.length - 1] as number) + run);
        }
        run = 0;
      }
    }
  }
  return {
    within(first, last) {
      if (starts.length === 0) return 0;
      // Gaps lie between record days, so each one starting after `first` and before `last` lies within.
      const from = upper(starts, first);
      const to = upper(starts, last);
      return (totals[to] as number) - (totals[from] as number);
    },
  };
}

/** Ratios to the limit outside which an amount is clearly not in the band (a margin around [1 − h, 1]). */
const NEAR_BAND = [(1 - BUNCHING.band) * 0.99, 1.01] as const;

/**
 * Each buyer's bunching test at each threshold in force for some of its purchases (most serious
 * first), on the purchases in force, in scope and not `skip`ped (excluded); the band is decided on
 * exact amounts. One pass over the records in table order (no random access), with the scope
 * decided once per category.
 */
function bunchingTests(table: RecordTable, skip: Uint8Array, thresholds: readonly ResolvedThreshold[], buyers: number, valueOf: (k: number) => Decimal): (BunchingTest[] | undefined)[] {
  const nt = thresholds.length;
  const tiers = thresholds.map((t) => {
    const bandFrom = t.value.times(1 - BUNCHING.band);
    const others = thresholds.filter((o) => o !== t && o.fromDay <= t.toDay && t.fromDay <= o.toDay).map((o) => o.approx / t.approx);
    return { t, bandFrom, bandFromApprox: bandFrom.toNumber(), excluded: excludedBins(others), scope: Uint8Array.from(table.category.keys, (c) => (inScope(t, c) ? 1 : 0)), noCategory: inScope(t, undefined) };
  });
  const samples = new Int32Array(buyers * nt);
  const counts = new Int32Array(buyers * nt * BUNCHING_BINS);
  const { key: buyerOf } = table.buyer;
  const { key: categoryOf } = table.category;
  for (let k = 0; k < table.size; k++) {
    const approx = table.approx[k] as number;
    if (!(approx > 0) || skip[k]) continue;
    const day = table.day[k] as number;
    const c = categoryOf[k] as number;
    const cell = (buyerOf[k] as number) * nt;
    for (let i = 0; i < nt; i++) {
      const { t, bandFrom, bandFromApprox, scope, noCategory } = tiers[i] as (typeof tiers)[number];
      if (day < t.fromDay || day > t.toDay || !(c < 0 ? noCategory : scope[c])) continue;
      samples[cell + i]! += 1;
      const ratio = approx / t.approx;
      // The band's edges are decided exactly, and only for amounts near them.
      const bin = bunchingBin(ratio, ratio > NEAR_BAND[0] && ratio < NEAR_BAND[1] && belowTier(approx, k, valueOf, t) && atLeast(approx, k, valueOf, bandFrom, bandFromApprox));
      if (bin >= 0) counts[(cell + i) * BUNCHING_BINS + bin]! += 1;
    }
  }
  const out: (BunchingTest[] | undefined)[] = new Array(buyers);
  for (let b = 0; b < buyers; b++) {
    const list: BunchingTest[] = [];
    for (let i = 0; i < nt; i++) {
      const cell = b * nt + i;
      if (samples[cell] === 0) continue;
      const { t, excluded } = tiers[i] as (typeof tiers)[number];
      list.push(bunchingTest(t.threshold.id, samples[cell] as number, counts.subarray(cell * BUNCHING_BINS, (cell + 1) * BUNCHING_BINS), excluded));
    }
    if (list.length) out[b] = list;
  }
  return out;
}
