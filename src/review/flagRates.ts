/**
 * Flag rates per buyer: how much of each buyer's assessed purchases and spend the findings hold,
 * and a warning where that is implausibly much. A rule that flags a third of a buyer's purchases
 * needs a look at the rule (thresholds, window, subject grouping) before it needs one at the buyer.
 */
import { OptionsError } from '../errors.js';
import { normalizeText } from '../records/normalize.js';
import { D, moneyString } from '../_lib/decimal.js';
import type { ScanReport } from '../io/write/scanReport.js';
import type { Finding } from '../report/finding.js';
import { allFindings, isPartial } from './_findings.js';
import type { BuyerCoverage } from './coverage.js';
import { checkArray, checkOptions, checkShape, REPORT } from '../_lib/args.js';

/** Options of {@link flagRates}. */
export interface FlagRatesOptions {
  /** Warn when findings hold more than this share of a buyer's assessed purchases. @defaultValue 0.25 */
  readonly maxPurchaseShare?: number | undefined;
  /** Warn when findings hold more than this share of a buyer's assessed spend. @defaultValue 0.5 */
  readonly maxSpendShare?: number | undefined;
  /** Warn only for buyers with at least this many assessed purchases (rates of a few are noise). @defaultValue 20 */
  readonly minPurchases?: number | undefined;
  /**
   * Every finding of the run, in rank order, when the report lists fewer (`top`): the rates are the
   * rule's, so they count them all. @defaultValue the report's findings (then lower bounds when it is cut)
   */
  readonly findings?: readonly FlaggedFinding[] | undefined;
}

/** What the rates read of a finding. */
export type FlaggedFinding = Pick<Finding, 'buyer' | 'parts' | 'total' | 'currency'>;

/** One buyer's findings, and their share of what was assessed when coverage is known. */
export interface BuyerFlags {
  readonly buyer: string;
  readonly findings: number;
  /** Purchases in findings (findings never share a purchase). */
  readonly flagged: number;
  /** Exact total of the findings (decimal string), in `currency`. */
  readonly flaggedSpend: string;
  readonly currency: string;
  /** The buyer's coverage, when given. */
  readonly coverage?: BuyerCoverage;
  /** `flagged` / `coverage.assessed`, when coverage is given and something was assessed. */
  readonly purchaseShare?: number;
  /** `flaggedSpend` / `coverage.assessedSpend`, likewise. */
  readonly spendShare?: number;
}

/** A buyer whose flagged share is above the warning rate. */
export interface FlagWarning {
  readonly buyer: string;
  readonly measure: 'purchases' | 'spend';
  readonly share: number;
  readonly limit: number;
  /** A sentence for every report format. */
  readonly message: string;
}

/** What {@link flagRates} returns. */
export interface FlagRates {
  /** Every buyer with a finding or coverage: highest purchase share first, then most findings, then name. */
  readonly buyers: readonly BuyerFlags[];
  readonly warnings: readonly FlagWarning[];
  /** True when the report lists fewer findings than were found (`top`) and `findings` did not give them all: shares are then lower bounds. */
  readonly partial: boolean;
}

/**
 * Joins a report's findings (dismissed ones included, and those `top` cut when `findings` gives
 * them: the rate is the rule's) with per-buyer
 * coverage, by buyer compared as detection compares it (NFKC, case, spaces), and warns where the
 * findings hold more than `maxPurchaseShare` of a buyer's assessed purchases or `maxSpendShare` of
 * its assessed spend. Without coverage, only counts and flagged spend are known and nothing warns.
 *
 * Runs in O(f + b log b) for f findings and b buyers.
 *
 * @throws {OptionsError} when a share is not in (0, 1] or `minPurchases` is not a whole number ≥ 1.
 * @example
 * // records, options, report: the seed's ledger, its thresholds and the report of its scan (docs/examples.md)
 * const coverage = buyerCoverage(records, options) // the seed: one finding of 6 parts, 136 assessed purchases
 * flagRates(report, coverage).warnings //=> []
 * flagRates(report, coverage, { maxPurchaseShare: 0.04 }).warnings[0].message
 * //=> '杭州城西科创产业集聚区管委会: findings hold 4.4% of its 136 assessed purchases (6), above the 4%
 * //    warning rate: …'
 */
export function flagRates(report: ScanReport, coverage: readonly BuyerCoverage[] = [], options: FlagRatesOptions = {}): FlagRates {
  checkShape(report, REPORT, 'flagRates', 'report');
  checkArray(coverage, 'flagRates', 'coverage', 'an array of buyer coverage (from buyerCoverage)');
  checkOptions(options, 'flagRates');
  const maxPurchaseShare = share(options.maxPurchaseShare, 0.25, 'maxPurchaseShare');
  const maxSpendShare = share(options.maxSpendShare, 0.5, 'maxSpendShare');
  const minPurchases = options.minPurchases ?? 20;
  if (!Number.isInteger(minPurchases) || minPurchases < 1) throw new OptionsError('flagRates', [{ path: ['minPurchases'], message: 'minPurchases must be a whole number ≥ 1' }]);

  interface Acc {
    buyer: string;
    findings: number;
    flagged: number;
    spend: InstanceType<typeof D>;
    currency: string;
    coverage?: BuyerCoverage;
  }
  const byKey = new Map<string, Acc>();
  for (const c of coverage) byKey.set(normalizeText(c.buyer), { buyer: c.buyer, findings: 0, flagged: 0, spend: new D(0), currency: c.currency, coverage: c });
  const findings: readonly FlaggedFinding[] = options.findings ?? [...allFindings(report)].sort((a, b) => a.rank - b.rank);
  for (const f of findings) {
    const key = normalizeText(f.buyer);
    let a = byKey.get(key);
    if (a === undefined) byKey.set(key, (a = { buyer: f.buyer, findings: 0, flagged: 0, spend: new D(0), currency: f.currency }));
    a.findings++;
    a.flagged += f.parts.length;
    if (f.currency === a.currency) a.spend = a.spend.plus(new D(f.total));
  }

  const buyers: BuyerFlags[] = [];
  const warnings: FlagWarning[] = [];
  for (const a of byKey.values()) {
    const c = a.coverage;
    const assessedSpend = c ? new D(c.assessedSpend) : undefined;
    const purchaseShare = c && c.assessed > 0 ? a.flagged / c.assessed : undefined;
    const spendShare = assessedSpend?.gt(0) ? a.spend.div(assessedSpend).toNumber() : undefined;
    buyers.push({
      buyer: a.buyer,
      findings: a.findings,
      flagged: a.flagged,
      flaggedSpend: moneyString(a.spend),
      currency: a.currency,
      ...(c ? { coverage: c } : {}),
      ...(purchaseShare !== undefined ? { purchaseShare } : {}),
      ...(spendShare !== undefined ? { spendShare } : {}),
    });
    if (!c || c.assessed < minPurchases) continue;
    const why = 'a rule that flags this much of one buyer needs a look at the rule (thresholds, window, subject grouping) before the buyer';
    if (purchaseShare !== undefined && purchaseShare > maxPurchaseShare) {
      warnings.push({ buyer: a.buyer, measure: 'purchases', share: purchaseShare, limit: maxPurchaseShare, message: `${a.buyer}: findings hold ${pct(purchaseShare)} of its ${c.assessed} assessed purchases (${a.flagged}), above the ${pct(maxPurchaseShare)} warning rate: ${why}.` });
    }
    if (spendShare !== undefined && spendShare > maxSpendShare) {
      warnings.push({ buyer: a.buyer, measure: 'spend', share: spendShare, limit: maxSpendShare, message: `${a.buyer}: findings hold ${pct(spendShare)} of its assessed spend, above the ${pct(maxSpendShare)} warning rate: ${why}.` });
    }
  }
  const keyOf = (b: BuyerFlags) => normalizeText(b.buyer);
  buyers.sort((x, y) => (y.purchaseShare ?? -1) - (x.purchaseShare ?? -1) || y.findings - x.findings || (keyOf(x) < keyOf(y) ? -1 : keyOf(x) > keyOf(y) ? 1 : 0));
  warnings.sort((x, y) => y.share - x.share || (x.buyer < y.buyer ? -1 : x.buyer > y.buyer ? 1 : 0) || (x.measure < y.measure ? -1 : 1));
  return { buyers, warnings, partial: isPartial(report) && options.findings === undefined };
}

/** A share as a percentage for sentences: 0.3412 → '34%', 0.004 → '0.4%'. */
export function pct(x: number): string {
  const p = x * 100;
  return `${p >= 10 || p === 0 ? Math.round(p) : Number(p.toPrecision(2))}%`;
}

function share(v: number | undefined, fallback: number, name: string): number {
  const x = v ?? fallback;
  if (typeof x !== 'number' || !(x > 0 && x <= 1)) throw new OptionsError('flagRates', [{ path: [name], message: `${name} must be a share in (0, 1]` }]);
  return x;
}
