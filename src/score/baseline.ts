import type Decimal from 'decimal.js';
import type { Item } from '../cluster/item.js';
import type { ResolvedOptions } from '../options/resolve.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { atLeast, belowTier, inForce, inScope } from '../thresholds/compare.js';
import { keyAt, valueAt, type RecordTable } from '../records/table.js';
import { isoOf } from '../_lib/days.js';
import { compareText } from '../_lib/order.js';
import { poissonAtLeast } from '../_lib/stats.js';
import { BUNCHING, BunchingBins, type BunchingTest } from './bunching.js';

/**
 * Evidence relative to the buyer: a burst of purchases is only unusual against the buyer's own
 * habits. Each finding is compared with its buyer's other purchases — all its accepted records,
 * whatever their method, not only the candidate parts — in the finding's *subject*: the category
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
});

/** What a finding's buyer does besides the finding, as measured for one finding. */
export interface BaselineFacts {
  /** The category prefixes the comparison is made in (ascending), or undefined: all the buyer's purchases. */
  readonly subject: readonly string[] | undefined;
  readonly rate: RateFacts;
  readonly size: SubjectFacts & { readonly percentile: number };
  /** `fromVendors` of the `others` went to the parts' `vendors` (distinct vendor keys). */
  readonly vendor: SubjectFacts & { readonly share: number; readonly fromVendors: number; readonly vendors: number };
  /** The buyer's bunching test at the finding's threshold; undefined when it has no purchase in force for it. */
  readonly bunching: BunchingTest | undefined;
}

/**
 * The purchase rate: `others` purchases of a part's size (at least `minPartShare` of the limit and
 * below it) in the subject over `days`, so `expected` = (others + pseudoCount) / days × `window`
 * purchases within the finding's `window` days, and `p` = P(N ≥ parts) for N Poisson(expected).
 */
export interface RateFacts {
  readonly applicable: boolean;
  /** The buyer's accepted records besides the parts, any subject or size. */
  readonly buyerOthers: number;
  /** Days from the buyer's first to its last purchase, both included. */
  readonly days: number;
  readonly others: number;
  /** The size range, in the report currency: at least `from`, below (or for `above`, at most) `to`. */
  readonly from: Decimal;
  readonly to: Decimal;
  /** Days from the first part to the last, both included. */
  readonly window: number;
  readonly expected: number;
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
  /** Accepted records of the buyer. */
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
}

/** One subject of a buyer: its purchases' amounts (ascending, report currency) and vendors. */
interface Group {
  readonly amounts: Float64Array;
  readonly vendors: Map<number, number>;
}

interface Profile {
  readonly all: Group;
  readonly byPrefix: Map<string, Group>;
}

/**
 * The buyers' baselines of a record table under resolved options: per buyer its records, dates and
 * bunching tests (one pass over the records per threshold, the logarithm taken only for amounts
 * near a limit); the per-subject amounts and vendors a finding is compared with are gathered for a
 * buyer the first time one of its findings is measured.
 *
 * Runs in O(n · t) for n records and t thresholds, plus O(m log m) for each buyer of m records
 * that has a finding: O(n log n) at most.
 */
export function buyerBaselines(table: RecordTable, opts: Pick<ResolvedOptions, 'thresholds' | 'subject' | 'minPartShare'>): BuyerBaselines {
  const n = table.size;
  const nb = table.buyer.keys.length;
  const { key: buyerOf } = table.buyer;
  const day = table.day;

  // Records by buyer (a counting sort), with each buyer's first and last day and earliest record.
  const start = new Int32Array(nb + 1);
  for (let k = 0; k < n; k++) start[(buyerOf[k] as number) + 1]! += 1;
  for (let b = 0; b < nb; b++) start[b + 1]! += start[b] as number;
  const members = new Int32Array(n);
  const fill = start.slice(0, nb);
  const firstDay = new Int32Array(nb).fill(2 ** 31 - 1);
  const lastDay = new Int32Array(nb).fill(-(2 ** 31));
  const earliest = new Int32Array(nb).fill(-1);
  for (let k = 0; k < n; k++) {
    const b = buyerOf[k] as number;
    members[fill[b]!++] = k;
    const d = day[k] as number;
    if (d > (lastDay[b] as number)) lastDay[b] = d;
    const e = earliest[b] as number;
    if (e < 0 || d < (day[e] as number) || (d === day[e] && compareText(table.id[k] as string, table.id[e] as string) < 0)) {
      earliest[b] = k;
      firstDay[b] = d;
    }
  }

  const valueOf = (k: number) => valueAt(table, k);
  const tests = bunchingTests(table, opts.thresholds, start, members, valueOf);
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

  const depth = opts.subject.categoryPrefix;
  const profiles = new Map<number, Profile>();
  const profileOf = (b: number): Profile => {
    let p = profiles.get(b);
    if (p) return p;
    const lists = new Map<string, number[]>();
    const all: number[] = [];
    for (let i = start[b] as number; i < (start[b + 1] as number); i++) {
      const k = members[i] as number;
      all.push(k);
      const prefix = depth > 0 ? keyAt(table.category, k)?.slice(0, depth) : undefined;
      if (prefix === undefined) continue;
      const list = lists.get(prefix);
      if (list) list.push(k);
      else lists.set(prefix, [k]);
    }
    const group = (ks: readonly number[]): Group => {
      const amounts = Float64Array.from(ks, (k) => table.approx[k] as number).sort();
      const vendors = new Map<number, number>();
      for (const k of ks) vendors.set(table.vendor.key[k] as number, (vendors.get(table.vendor.key[k] as number) ?? 0) + 1);
      return { amounts, vendors };
    };
    p = { all: group(all), byPrefix: new Map([...lists].map(([prefix, ks]) => [prefix, group(ks)])) };
    profiles.set(b, p);
    return p;
  };

  return {
    buyers,
    measure(parts, tier) {
      const k = parts.length;
      const b = buyerOf[(parts[0] as Item).k] as number;
      const profile = profileOf(b);
      const prefixes = depth > 0 && parts.every((p) => p.categoryPrefix !== undefined) ? [...new Set(parts.map((p) => p.categoryPrefix as string))].sort(compareText) : undefined;
      const groups = prefixes ? prefixes.map((p) => profile.byPrefix.get(p) as Group) : [profile.all];
      const inSubject = groups.reduce((s, g) => s + g.amounts.length, 0);
      const others = inSubject - k;
      const approx = parts.map((p) => p.approx).sort((x, y) => x - y);

      // Rate: purchases of a part's size in the subject, besides the parts.
      const from = tier.value.times(opts.minPartShare);
      const fromApprox = from.toNumber();
      const to = tier.approx;
      const sized = (a: Float64Array | number[]) => (tier.comparison === 'above' ? upper(a, to) : lower(a, to)) - lower(a, fromApprox);
      const sizedOthers = groups.reduce((s, g) => s + sized(g.amounts), 0) - sized(approx);
      const buyerOthers = (start[b + 1] as number) - (start[b] as number) - k;
      const days = (lastDay[b] as number) - (firstDay[b] as number) + 1;
      const window = (parts[k - 1] as Item).rec.day - (parts[0] as Item).rec.day + 1;
      const expected = ((sizedOthers + BASELINE.pseudoCount) / days) * window;
      const rate: RateFacts = {
        applicable: buyerOthers >= BASELINE.minRecords && days >= BASELINE.minDays,
        buyerOthers,
        days,
        others: sizedOthers,
        from,
        to: tier.value,
        window,
        expected,
        p: poissonAtLeast(k, expected),
      };

      // Size: the mean mid-rank of the parts among the other purchases of the subject, as one
      // fraction of whole numbers, Σ (2 · less + equal) / (2 · others · k).
      let twiceRanks = 0;
      for (const v of approx) {
        const less = groups.reduce((s, g) => s + lower(g.amounts, v), 0) - lower(approx, v);
        const equal = groups.reduce((s, g) => s + upper(g.amounts, v) - lower(g.amounts, v), 0) - (upper(approx, v) - lower(approx, v));
        twiceRanks += 2 * less + equal;
      }
      const subjectApplicable = others >= BASELINE.minSubject;

      // Vendors: the share of the other purchases of the subject that went to the parts' vendors.
      const vendorSet = new Set(parts.map((p) => table.vendor.key[p.k] as number));
      let fromVendors = -k;
      for (const g of groups) for (const v of vendorSet) fromVendors += g.vendors.get(v) ?? 0;

      return {
        subject: prefixes,
        rate,
        size: { applicable: subjectApplicable, others, percentile: others > 0 ? twiceRanks / (2 * others * k) : 0 },
        vendor: { applicable: subjectApplicable, others, share: others > 0 ? fromVendors / others : 0, fromVendors, vendors: vendorSet.size },
        bunching: tests[b]?.find((t) => t.threshold === tier.threshold.id),
      };
    },
  };
}

/** Number of entries of an ascending array below x. */
function lower(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries of an ascending array at or below x. */
function upper(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each buyer's bunching test at each threshold in force for some of its purchases (most serious
 * first), on the purchases in force and in scope; the band is decided on exact amounts.
 */
function bunchingTests(
  table: RecordTable,
  thresholds: readonly ResolvedThreshold[],
  start: Int32Array,
  members: Int32Array,
  valueOf: (k: number) => Decimal,
): (BunchingTest[] | undefined)[] {
  const out: (BunchingTest[] | undefined)[] = [];
  const tiers = thresholds.map((t) => {
    const bandFrom = t.value.times(1 - BUNCHING.band);
    const others = thresholds.filter((o) => o !== t && o.fromDay <= t.toDay && t.fromDay <= o.toDay).map((o) => o.approx / t.approx);
    return { t, bandFrom, bandFromApprox: bandFrom.toNumber(), others };
  });
  for (let b = 0; b + 1 < start.length; b++) {
    const from = start[b] as number;
    const to = start[b + 1] as number;
    if (from === to) continue;
    const list: BunchingTest[] = [];
    for (const { t, bandFrom, bandFromApprox, others } of tiers) {
      const bins = new BunchingBins(others);
      for (let i = from; i < to; i++) {
        const k = members[i] as number;
        const approx = table.approx[k] as number;
        if (!(approx > 0) || !inForce(t, table.day[k] as number) || !inScope(t, keyAt(table.category, k))) continue;
        bins.add(approx / t.approx, belowTier(approx, k, valueOf, t) && atLeast(approx, k, valueOf, bandFrom, bandFromApprox));
      }
      const test = bins.test(t.threshold.id);
      if (test.sample > 0) list.push(test);
    }
    out[b] = list;
  }
  return out;
}
