import type { PurchaseRecordInput } from '../records/record.js';
import type { ThresholdInput } from '../thresholds/threshold.js';

/**
 * Kinds of injected split schemes.
 * - `sameVendor`: one vendor, 2–5 parts at most 7 days apart.
 * - `rotatedVendors`: the items of one requirement bought from 2–4 different vendors at most 25 days
 *   apart (the Chengxi case: signs, a landmark billboard, display-board lighting).
 * - `justBelow`: 2–3 parts each within 10% under the threshold, at most 14 days apart.
 * - `equalParts`: 2–6 parts of the same amount (a multiple of 100, 1,000 or 10,000 where the threshold
 *   leaves room), at most 10 days apart.
 * - `fiscalYear`: 4–10 phases of one item in different months of one fiscal year, under one budget
 *   project when the buyer records projects (China's Art. 28 sums them).
 * - `twoTiers`: parts on both sides of a lower tier, all under a higher tier whose total they cross,
 *   at most 20 days apart.
 */
export type SchemeKind = 'sameVendor' | 'rotatedVendors' | 'justBelow' | 'equalParts' | 'fiscalYear' | 'twoTiers';

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
 */
export type DecoyKind = 'recurringService' | 'frameworkCallOff' | 'singleJustBelow' | 'bigVendorSmallBuys';

export const SCHEME_KINDS: readonly SchemeKind[] = ['sameVendor', 'rotatedVendors', 'justBelow', 'equalParts', 'fiscalYear', 'twoTiers'];
export const DECOY_KINDS: readonly DecoyKind[] = ['recurringService', 'frameworkCallOff', 'singleJustBelow', 'bigVendorSmallBuys'];

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
   * vendor (as `vendorKey` compares them), the first three characters of a category code, or a word of
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
