import type { PurchaseRecordInput } from '../records/record.js';
import type { ThresholdInput } from '../thresholds/threshold.js';

/**
 * Kinds of injected split schemes.
 * - `sameVendor`: one vendor, 2–5 parts at most 7 days apart.
 * - `rotatedVendors`: the items of one requirement bought from 2–4 different vendors at most 25 days
 *   apart (the Chengxi case: signs, a landmark billboard, display-board lighting).
 * - `justBelow`: 2–3 parts each within 10% under the threshold, at most 14 days apart; or, half of
 *   the time under a regime, phases of one requirement at one price: each part within 2% of one base 85–97% of the
 *   threshold (the Chengxi signs were 286,500 and 279,800 under 300,000).
 * - `equalParts`: 2–6 parts of the same amount (a multiple of 100, 1,000 or 10,000 where the threshold
 *   leaves room), at most 10 days apart.
 * - `fiscalYear`: 4–10 phases of one item in different months of one fiscal year, under one budget
 *   project when the buyer records projects (China's Art. 28 sums them).
 * - `twoTiers`: parts on both sides of a lower tier, all under a higher tier whose total they cross,
 *   at most 20 days apart.
 * - `mixedSubjects`: 2–4 parts of one requirement described in different words and charged to
 *   different budget projects (where the buyer records them), from one vendor or several, at most 20
 *   days apart.
 * - `busyCategory`: 2–5 nearly equal parts, at most 10 days apart, in a category the buyer buys every
 *   few days from the same vendor, written like its routine purchases there (in a `dense` ledger, among
 *   them).
 *
 * The last two are made only when asked for or when a regime is given.
 *
 * Buyers with the habits of the `uneven` regime (see `Habits`) bend the kinds: their slow splits
 * spread over 14–29 days whatever the kind's own span (all but `fiscalYear`); their diluted
 * `sameVendor` and `equalParts` splits are bought from a busy category's vendor, among its routine
 * purchases there; and their site bundles are `rotatedVendors` splits with one item of each category
 * group of the requirement, no project of their own and subjects tied only by a site word
 * ("Civic Centre refurbishment – lighting", "… – road direction signs").
 */
export type SchemeKind = 'sameVendor' | 'rotatedVendors' | 'justBelow' | 'equalParts' | 'fiscalYear' | 'twoTiers' | 'mixedSubjects' | 'busyCategory';

/**
 * Kinds of legitimate decoys that naive rules flag.
 * - `recurringService`: twelve monthly payments of one service contract; a year of them crosses the
 *   lowest tier, a month does not.
 * - `frameworkCallOff`: 3–8 call-offs from a framework (method `'framework call-off'`, `'框架协议'`,
 *   `'定点采购'`) at most 20 days apart whose total crosses the lowest tier.
 * - `singleJustBelow`: one purchase within 10% under a tier.
 * - `bigVendorSmallBuys`: up to 15–25 small (each at most a quarter of the tier), unrelated purchases
 *   (distinct 4-digit category prefixes) from one marketplace vendor at most 25 days apart whose total
 *   crosses the lowest tier.
 * - `tenderedContract`: a contract awarded by public tender, 1.2–2.5 times the lowest tier, paid in 2–4
 *   stage payments under it to one vendor under one contract number within 10–120 days.
 * - `perPersonTravel`: a delegation's trip charged per traveller by card, one charge each (10–20 % of
 *   the lowest tier, one rate) to one hotel or travel vendor within two days; together over the tier.
 * - `marketplaceOrder`: one e-marketplace order charged in 2–5 parts (one order number with line
 *   suffixes) within two days; together over the lowest tier.
 * - `sameDayCoincidence`: two unrelated purchases on one day in one category, one 86–95 % of a tier
 *   and one that takes the pair over it, from different vendors and budget projects.
 * - `nearLimitNeighbours`: two or three unrelated purchases, each 85–99 % of a tier, 1–25 days apart
 *   (all within 30 days), from different vendors, of different items, tied only by a category group
 *   (the same first three digits, and so the vendors' trade, as simulated vendors are named; other
 *   projects or none) or only by a budget project of the buyer's (other category groups and trades).
 *   Any buyer with many purchases near a limit has such neighbours.
 *
 * The five from `tenderedContract` on are made only when asked for or when a regime is given.
 */
export type DecoyKind = 'recurringService' | 'frameworkCallOff' | 'singleJustBelow' | 'bigVendorSmallBuys' | 'tenderedContract' | 'perPersonTravel' | 'marketplaceOrder' | 'sameDayCoincidence' | 'nearLimitNeighbours';

export const SCHEME_KINDS: readonly SchemeKind[] = Object.freeze(['sameVendor', 'rotatedVendors', 'justBelow', 'equalParts', 'fiscalYear', 'twoTiers', 'mixedSubjects', 'busyCategory']);
export const DECOY_KINDS: readonly DecoyKind[] = Object.freeze(['recurringService', 'frameworkCallOff', 'singleJustBelow', 'bigVendorSmallBuys', 'tenderedContract', 'perPersonTravel', 'marketplaceOrder', 'sameDayCoincidence', 'nearLimitNeighbours']);

/** The kinds a ledger without a regime makes by default: those the simulator had before regimes. */
export const CLASSIC_SCHEME_KINDS: readonly SchemeKind[] = SCHEME_KINDS.slice(0, 6);
export const CLASSIC_DECOY_KINDS: readonly DecoyKind[] = DECOY_KINDS.slice(0, 4);

/** One injected split: its parts cross `thresholdId` together, each part is below it. */
export interface SchemeTruth {
  readonly id: string;
  readonly kind: SchemeKind;
  readonly buyer: string;
  /** The parts, in date order. */
  readonly recordIds: readonly string[];
  /** The tier the scheme avoided (for `twoTiers`, the higher tier). */
  readonly thresholdId: string;
  /** Exact sum of the parts, decimal string. */
  readonly total: string;
  /**
   * False when no field a rule could use ties the parts together: no chain of parts that share a
   * vendor (as `vendorKey` compares them), a vendor's trade (`vendorTrade`), the first three characters of a category code, or a word of
   * the budget project or the subject (as `subjectTokens` splits them; subjects that say nothing, such
   * as "Goods" or "采购", left out) reaches every part. Such a scheme can be grouped by buyer and time
   * alone; evaluations report it apart.
   */
  readonly linkable: boolean;
}

/** One legitimate pattern: a reviewer should not be sent to it. */
export interface DecoyTruth {
  readonly id: string;
  readonly kind: DecoyKind;
  readonly buyer: string;
  readonly recordIds: readonly string[];
  /** The tier a naive rule would compare it with. */
  readonly thresholdId: string;
}

/** The ground truth of a simulated ledger. Records in neither list are routine background. */
export interface Truth {
  readonly seed: number;
  readonly thresholds: readonly ThresholdInput[];
  readonly schemes: readonly SchemeTruth[];
  readonly decoys: readonly DecoyTruth[];
}

/** A simulated purchase: a {@link PurchaseRecordInput} with string id, date and amount. */
export interface SimulatedRecord extends PurchaseRecordInput {
  id: string;
  date: string;
  /** Exact decimal string with two decimals, built from integer cents. */
  amount: string;
  subject: string;
}

/** What `simulate` returns. */
export interface SimulateResult {
  /** The ledger in date order (ties in random order), ids `P0000001` … (`idPrefix`, 7 digits or more) in that order. */
  readonly records: SimulatedRecord[];
  readonly truth: Truth;
}
