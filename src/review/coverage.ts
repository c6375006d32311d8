/**
 * What detection could judge, per buyer: how many purchases were assessed against a threshold in
 * force, how many could not be and why, and how each buyer's purchase amounts lie around each
 * threshold (binned, so a million-row ledger gives a few numbers per buyer, not its amounts).
 */
import type { Decimal } from 'decimal.js';
import type { DetectSplitsOptions } from '../options/options.js';
import { OptionsError } from '../errors.js';
import { neverParts } from '../cluster/candidates.js';
import { resolveOptions } from '../options/resolve.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { recordAt, scanRecords } from '../records/table.js';
import { clearOrder, inForce as isInForce, inScope } from '../thresholds/compare.js';
import { D, moneyString } from '../_lib/decimal.js';
import { ExactSum } from '../_lib/exactSum.js';

/** Bins of {@link AmountHistogram}s, as shares of the threshold amount. */
export interface HistogramBins {
  /** Lower edge of the first bin. @defaultValue 0.5 */
  readonly from?: number | undefined;
  /** Upper edge of the last bin. @defaultValue 1.5 */
  readonly to?: number | undefined;
  /** Number of equal bins between them. @defaultValue 40 (2.5% of the threshold each) */
  readonly bins?: number | undefined;
}

/** Options of {@link buyerCoverage}: the options given to `detectSplits`, and the histogram bins. */
export interface BuyerCoverageOptions extends DetectSplitsOptions {
  /** @defaultValue `{ from: 0.5, to: 1.5, bins: 40 }` */
  histogram?: HistogramBins | undefined;
}

/**
 * How one buyer's purchases in force for one threshold are spread around its amount: `counts[i]`
 * purchases had an amount in [amount × (from + i·w), amount × (from + (i+1)·w)), w = (to − from) / bins.
 * Mass in the bins just under 1 is what a bunching test measures.
 */
export interface AmountHistogram {
  readonly threshold: string;
  /** The threshold amount in the report currency (decimal string). */
  readonly amount: string;
  readonly from: number;
  readonly to: number;
  readonly counts: readonly number[];
  /** Purchases under `from` × amount. */
  readonly below: number;
  /** Purchases at or over `to` × amount. */
  readonly above: number;
}

/** Why purchases of a buyer were not assessed, with counts. */
export interface NotApplicable {
  /** No threshold in force on the purchase's date, or none whose category scope covers it. */
  readonly noThreshold: number;
  /** In a currency with no exchange rate to the report currency (also a reject, `no_exchange_rate`). */
  readonly currency: number;
  /** A procedure in `skipMethods` (tendered, framework call-off), an exemption, or an excluded vendor or category (`exclude`): never a part. */
  readonly excluded: number;
  /** The buyer has fewer than `minParts` purchases that could be assessed: no split is possible. */
  readonly tooFewRecords: number;
}

/** One buyer's coverage: every valid purchase is assessed or counted in `notApplicable`. */
export interface BuyerCoverage {
  /** The buyer as written on its earliest purchase (date, then id), as findings name it. */
  readonly buyer: string;
  /** The report currency. */
  readonly currency: string;
  /** Valid purchases of the buyer: `assessed` + the counts of `notApplicable`. */
  readonly records: number;
  /** Purchases assessed against a threshold in force. */
  readonly assessed: number;
  /** Their exact total in the report currency (decimal string). */
  readonly assessedSpend: string;
  readonly notApplicable: NotApplicable;
  /** One per threshold in force for some of the buyer's purchases, most serious first. */
  readonly histograms: readonly AmountHistogram[];
}

const REL = 1e-9;

/**
 * Per-buyer coverage of a ledger under detection options: the input a report needs to show each
 * buyer's flag rate, what could not be assessed, and the distribution of its purchase amounts
 * around each threshold in force. Records are validated as `detectSplits` validates them; invalid
 * ones are `detectSplits`'s rejects and are not counted here. Buyers come sorted by name key.
 *
 * Runs in O(n log b) for n records and b bins, with exact decimal arithmetic only for sums and for
 * amounts within 1e-9 of a bin edge.
 *
 * @throws {OptionsError} when an option is invalid, naming it (`buyerCoverage: options.histogram.bins: …`).
 * @example
 * const [zone] = buyerCoverage(ledger.records, { thresholds }); // seeds/chengxi-2014.csv
 * [zone.records, zone.assessed, zone.notApplicable.excluded] //=> [146, 136, 10]
 */
export function buyerCoverage(records: readonly unknown[], options: BuyerCoverageOptions): BuyerCoverage[] {
  const { histogram, ...detectOptions } = options;
  const opts = resolveOptions(detectOptions, 'buyerCoverage');
  const bins = resolveBins(histogram);
  const table = scanRecords(records);
  const tiers = opts.thresholds;
  const edges = tiers.map((t) => binEdges(t, bins));
  const rates = table.currencies.map((c) => opts.rates.get(c));
  const rateApprox = rates.map((r) => (r === undefined ? NaN : r.toNumber()));
  const never = neverParts(table, opts);

  interface Acc {
    first: number;
    records: number;
    assessed: number;
    /** Assessed amounts per currency (index into table.currencies), summed exactly; converted at the end. */
    spend: (ExactSum | undefined)[];
    noThreshold: number;
    currency: number;
    excluded: number;
    histograms: (Int32Array | undefined)[];
  }
  const acc = new Map<number, Acc>();
  const days = table.day;
  for (let k = 0; k < table.size; k++) {
    const b = table.buyer.key[k] as number;
    let a = acc.get(b);
    if (a === undefined) {
      a = { first: k, records: 0, assessed: 0, spend: [], noThreshold: 0, currency: 0, excluded: 0, histograms: tiers.map(() => undefined) };
      acc.set(b, a);
    } else if (earlier(table, k, a.first)) a.first = k;
    a.records++;
    const rate = rates[table.currency[k] as number];
    if (rate === undefined) {
      a.currency++;
      continue;
    }
    const day = days[k] as number;
    const c = table.category.key[k] as number;
    const category = c < 0 ? undefined : table.category.keys[c];
    const approx = (table.approx[k] as number) * (rateApprox[table.currency[k] as number] as number);
    let exact: Decimal | undefined;
    const value = (): Decimal => (exact ??= new D(table.amount[k] as string).times(rate));
    let inForce = false;
    tiers.forEach((t, i) => {
      if (!isInForce(t, day) || !inScope(t, category)) return;
      inForce = true;
      const h = (a.histograms[i] ??= new Int32Array(bins.bins + 2));
      h[binOf(approx, value, edges[i] as Edges) + 1]! += 1;
    });
    if (!inForce) a.noThreshold++;
    else if (never[k]) a.excluded++;
    else {
      a.assessed++;
      (a.spend[table.currency[k] as number] ??= new ExactSum()).add(table.amount[k] as string);
    }
  }

  const out: BuyerCoverage[] = [];
  for (const b of [...acc.keys()].sort((x, y) => cmp(table.buyer.keys[x] as string, table.buyer.keys[y] as string))) {
    const a = acc.get(b) as Acc;
    const tooFew = a.assessed < opts.minParts ? a.assessed : 0;
    let spend = new D(0);
    a.spend.forEach((sum, c) => {
      if (sum !== undefined) spend = spend.plus(sum.value().times(rates[c] as Decimal));
    });
    out.push({
      buyer: recordAt(table, a.first).buyer,
      currency: opts.currency,
      records: a.records,
      assessed: a.assessed - tooFew,
      assessedSpend: moneyString(tooFew ? new D(0) : spend),
      notApplicable: { noThreshold: a.noThreshold, currency: a.currency, excluded: a.excluded, tooFewRecords: tooFew },
      histograms: tiers.flatMap((t, i): AmountHistogram[] => {
        const h = a.histograms[i];
        if (h === undefined) return [];
        return [{ threshold: t.threshold.id, amount: moneyString(t.value), from: bins.from, to: bins.to, counts: Array.from(h.subarray(1, bins.bins + 1)), below: h[0] as number, above: h[bins.bins + 1] as number }];
      }),
    });
  }
  return out;
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Record k comes before record j by date, then id (as detection orders a finding's parts). */
function earlier(table: ReturnType<typeof scanRecords>, k: number, j: number): boolean {
  const d = (table.day[k] as number) - (table.day[j] as number);
  return d < 0 || (d === 0 && (table.id[k] as string) < (table.id[j] as string));
}

interface ResolvedBins {
  readonly from: number;
  readonly to: number;
  readonly bins: number;
}

function resolveBins(h: HistogramBins | undefined): ResolvedBins {
  const from = h?.from ?? 0.5;
  const to = h?.to ?? 1.5;
  const bins = h?.bins ?? 40;
  const issues: { path: string[]; message: string }[] = [];
  if (typeof from !== 'number' || !Number.isFinite(from) || from < 0) issues.push({ path: ['histogram', 'from'], message: 'from must be a number ≥ 0' });
  if (typeof to !== 'number' || !Number.isFinite(to) || !(to > from)) issues.push({ path: ['histogram', 'to'], message: 'to must be a number greater than from' });
  if (!Number.isInteger(bins) || bins < 1 || bins > 1000) issues.push({ path: ['histogram', 'bins'], message: 'bins must be a whole number from 1 to 1000' });
  if (issues.length) throw new OptionsError('buyerCoverage', issues);
  return { from, to, bins };
}

/** Bin edges of one threshold in the report currency: exact, and as numbers. */
interface Edges {
  readonly exact: readonly Decimal[];
  readonly approx: Float64Array;
}

function binEdges(t: ResolvedThreshold, bins: ResolvedBins): Edges {
  const from = new D(String(bins.from));
  const width = new D(String(bins.to)).minus(from).div(bins.bins);
  const exact: Decimal[] = [];
  for (let i = 0; i <= bins.bins; i++) exact.push(t.value.times(from.plus(width.times(i))));
  return { exact, approx: Float64Array.from(exact, (e) => e.toNumber()) };
}

/**
 * The bin of a value: −1 under the first edge, `bins` at or over the last, else i with
 * edge[i] ≤ value < edge[i + 1]. Decided on numbers, and on exact decimals near an edge.
 */
function binOf(approx: number, exact: () => Decimal, edges: Edges): number {
  const e = edges.approx;
  let lo = 0;
  let hi = e.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((e[mid] as number) <= approx) lo = mid + 1;
    else hi = mid;
  }
  // lo = edges ≤ approx; check the edges on each side when approx is too close to call.
  let count = lo;
  for (const i of [lo - 1, lo]) {
    if (i < 0 || i >= e.length) continue;
    const edge = e[i] as number;
    if (clearOrder(approx, edge, REL * Math.max(Math.abs(approx), Math.abs(edge))) !== 0) continue;
    const atOrOver = exact().gte(edges.exact[i] as Decimal);
    if (i === lo - 1 && !atOrOver) count = i;
    if (i === lo && atOrOver) count = i + 1;
  }
  return count - 1;
}
