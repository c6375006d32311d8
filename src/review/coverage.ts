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
import { keptTable, recordAt, scanRecords, type RecordTable } from '../records/table.js';
import { clearOrder, inScope } from '../thresholds/compare.js';
import { resolveWindow, windowEnd } from '../cluster/window.js';
import { D, moneyString } from '../_lib/decimal.js';
import { ExactSum } from '../_lib/exactSum.js';
import { badArgument } from '../_lib/args.js';
import { recordArray } from '../records/input.js';

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
  /**
   * No threshold judges the purchase: none in force on its date (or within a window opened on a
   * threshold's last day in force, which a run begun in force may reach), or none whose category
   * scope covers it.
   */
  readonly noThreshold: number;
  /** In a currency with no exchange rate to the report currency (also a reject, `no_exchange_rate`). */
  readonly currency: number;
  /** A procedure in `skipMethods` (tendered, framework call-off), an exemption, or an excluded vendor or category (`exclude`): never a part. */
  readonly excluded: number;
  /**
   * Missing a field the rule groups by: a budget project under `sameProject`, a category code under
   * `sameCategory`, a named vendor under `vendor: 'same'` (a placeholder such as "Various" names no
   * one): nothing else can be grouped with it.
   */
  readonly ungrouped: number;
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
  /** Purchases assessed against a threshold: in force on their date (or within a window opened on its last day) and in scope. */
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
 * // ledger, thresholds: the seed read by readLedger and its thresholds (docs/examples.md)
 * const [zone] = buyerCoverage(ledger.records, { thresholds }); // seeds/chengxi-2014.csv
 * [zone.records, zone.assessed, zone.notApplicable.excluded] //=> [146, 136, 10]
 */
export function buyerCoverage(records: readonly unknown[], options: BuyerCoverageOptions): BuyerCoverage[] {
  const input = recordArray(records, 'buyerCoverage');
  if (typeof options !== 'object' || options === null || Array.isArray(options)) badArgument('buyerCoverage', 'options', 'an object of options with at least `thresholds`', options);
  return tableCoverage(scanRecords(input), options);
}

/**
 * {@link buyerCoverage} of records `detectSplits` has just read, unchanged since (the command's
 * case): from the table detection kept of them, without validating or checking them again. With
 * `histograms` false, every buyer's `histograms` are empty: what the flag rates read (the counts and
 * spend) without binning every record.
 */
export function detectedCoverage(records: readonly unknown[], options: BuyerCoverageOptions, histograms = true): BuyerCoverage[] {
  return tableCoverage(keptTable(records) ?? scanRecords(records), options, histograms);
}

/** {@link buyerCoverage} of a table of valid records (before conversion); `binned`: with the histograms. */
function tableCoverage(table: RecordTable, options: BuyerCoverageOptions, binned = true): BuyerCoverage[] {
  const { histogram, ...detectOptions } = options;
  const opts = resolveOptions(detectOptions, 'buyerCoverage');
  const bins = resolveBins(histogram);
  const tiers = opts.thresholds;
  const edges = tiers.map((t) => binEdges(t, bins));
  const rates = table.currencies.map((c) => opts.rates.get(c));
  const rateApprox = rates.map((r) => (r === undefined ? NaN : r.toNumber()));
  const never = neverParts(table, opts);
  // Whether each threshold's category scope covers each category key (the last slot: no category).
  const categories = table.category.keys;
  const scoped = tiers.map((t) => Uint8Array.from([...categories, undefined], (c) => (inScope(t, c) ? 1 : 0)));
  // A threshold judges purchases from its first day in force to the end of a window opened on its
  // last (a run opened while it is in force may reach past it), as detection's candidate parts.
  const window = resolveWindow(opts.window);
  const lastDay = tiers.map((t) => windowEnd(window, t.toDay));

  // Per buyer key: counts in typed arrays, spend per currency and histograms per threshold in flat arrays.
  const buyers = table.buyer.keys.length;
  const currencies = table.currencies.length;
  const first = new Int32Array(buyers).fill(-1);
  const valid = new Int32Array(buyers);
  const assessed = new Int32Array(buyers);
  const noThreshold = new Int32Array(buyers);
  const noRate = new Int32Array(buyers);
  const excluded = new Int32Array(buyers);
  const ungrouped = new Int32Array(buyers);
  // The vendors that name no one, where the rule groups by vendor.
  const placeholder = opts.vendor === 'same' ? Uint8Array.from(table.vendor.keys, (v) => (opts.placeholderVendors.has(v) ? 1 : 0)) : undefined;
  const { sameProject, sameCategory } = opts.subject;
  /** Assessed amounts of buyer b in currency c at [b · currencies + c], summed exactly; converted at the end. */
  const spend: (ExactSum | undefined)[] = new Array(buyers * currencies);
  /** The histogram of buyer b for threshold i at [b · tiers + i]. */
  const histograms: (Int32Array | undefined)[] = new Array(buyers * tiers.length);
  for (let k = 0; k < table.size; k++) {
    const b = table.buyer.key[k] as number;
    if (first[b] === -1 || earlier(table, k, first[b] as number)) first[b] = k;
    valid[b]!++;
    const c = table.currency[k] as number;
    const rate = rates[c];
    if (rate === undefined) {
      noRate[b]!++;
      continue;
    }
    const day = table.day[k] as number;
    const category = table.category.key[k] as number;
    const approx = (table.approx[k] as number) * (rateApprox[c] as number);
    let inForce = false;
    for (let i = 0; i < tiers.length; i++) {
      const t = tiers[i] as ResolvedThreshold;
      if (day < t.fromDay || day > (lastDay[i] as number) || (scoped[i] as Uint8Array)[category < 0 ? categories.length : category] === 0) continue;
      inForce = true;
      if (!binned) continue;
      const h = (histograms[b * tiers.length + i] ??= new Int32Array(bins.bins + 2));
      h[binOf(approx, table.amount[k] as string, rate, edges[i] as Edges) + 1]! += 1;
    }
    if (!inForce) noThreshold[b]!++;
    else if (never[k]) excluded[b]!++;
    else if ((sameProject && (table.project.key[k] as number) < 0) || (sameCategory && category < 0) || (placeholder !== undefined && placeholder[table.vendor.key[k] as number] === 1)) ungrouped[b]!++;
    else {
      assessed[b]!++;
      (spend[b * currencies + c] ??= new ExactSum()).add(table.amount[k] as string);
    }
  }

  const out: BuyerCoverage[] = [];
  const seen = Array.from({ length: buyers }, (_, b) => b).filter((b) => first[b] !== -1);
  for (const b of seen.sort((x, y) => cmp(table.buyer.keys[x] as string, table.buyer.keys[y] as string))) {
    const n = assessed[b] as number;
    const tooFew = n < opts.minParts ? n : 0;
    let total = new D(0);
    for (let c = 0; c < currencies; c++) {
      const sum = spend[b * currencies + c];
      if (sum !== undefined) total = total.plus(sum.value().times(rates[c] as Decimal));
    }
    out.push({
      buyer: recordAt(table, first[b] as number).buyer,
      currency: opts.currency,
      records: valid[b] as number,
      assessed: n - tooFew,
      assessedSpend: moneyString(tooFew ? new D(0) : total),
      notApplicable: { noThreshold: noThreshold[b] as number, currency: noRate[b] as number, excluded: excluded[b] as number, ungrouped: ungrouped[b] as number, tooFewRecords: tooFew },
      histograms: tiers.flatMap((t, i): AmountHistogram[] => {
        const h = histograms[b * tiers.length + i];
        if (h === undefined) return [];
        return [{ threshold: t.threshold.id, amount: moneyString(t.value), from: bins.from, to: bins.to, counts: Array.from(h.subarray(1, bins.bins + 1)), below: h[0] as number, above: h[bins.bins + 1] as number }];
      }),
    });
  }
  return out;
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Record k comes before record j by date, then id (as detection orders a finding's parts). */
function earlier(table: RecordTable, k: number, j: number): boolean {
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
 * The bin of an amount (its text, its rate to the report currency and the product as a number):
 * −1 under the first edge, `bins` at or over the last, else i with edge[i] ≤ value < edge[i + 1].
 * Decided on numbers, and on exact decimals near an edge.
 */
function binOf(approx: number, amount: string, rate: Decimal, edges: Edges): number {
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
  let exact: Decimal | undefined;
  for (const i of [lo - 1, lo]) {
    if (i < 0 || i >= e.length) continue;
    const edge = e[i] as number;
    if (clearOrder(approx, edge, REL * Math.max(Math.abs(approx), Math.abs(edge))) !== 0) continue;
    const atOrOver = (exact ??= new D(amount).times(rate)).gte(edges.exact[i] as Decimal);
    if (i === lo - 1 && !atOrOver) count = i;
    if (i === lo && atOrOver) count = i + 1;
  }
  return count - 1;
}
