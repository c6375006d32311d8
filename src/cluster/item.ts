import type { Decimal } from 'decimal.js';
import type { PurchaseRecord } from '../records/record.js';

/** A record as the clustering sees it: its value in the report currency and its subject signals. */
export interface Item {
  /** Index of the record in the record table. */
  readonly k: number;
  readonly rec: PurchaseRecord;
  /** Amount converted to the report currency (exact). */
  readonly value: Decimal;
  /** `value` as a JS number, to decide comparisons that are not close without Decimal arithmetic. */
  readonly approx: number;
  /**
   * Subject tokens as ascending ids of the buyer's vocabulary, rarest first (see
   * similarity/vocabulary); items of one buyer with the same tokens share the array.
   */
  readonly tokens: readonly number[];
  /** Token weights of the buyer's vocabulary, by id (see similarity/rarity). */
  readonly weights: ArrayLike<number>;
  /** Category code cut to the policy's prefix depth, when the record has one and the signal is on. */
  readonly categoryPrefix: string | undefined;
  /** Project key, when the record has one and the project is specific enough to link records. */
  readonly project: string | undefined;
  /** True when the vendor is a placeholder (`placeholderVendors`): it is the same vendor as no other record. */
  readonly placeholderVendor?: true;
}
