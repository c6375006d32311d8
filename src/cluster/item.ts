import type { Decimal } from 'decimal.js';

/**
 * A record as the clustering and the scores see it: its table index, date, value in the report
 * currency, subject signals and the few fields the evidence reads. Detection's items are small
 * views of the record table (see cluster/prepare): the fields read from it are not copied, and a
 * `PurchaseRecord` is built only for a record that ends up in a finding or a large run.
 */
export interface Item {
  /** Index of the record in the record table. */
  readonly k: number;
  /** Date as a day number (see _lib/days). */
  readonly day: number;
  /** Amount converted to the report currency (exact). */
  readonly value: Decimal;
  /** `value` as a JS number, to decide comparisons that are not close without Decimal arithmetic. */
  readonly approx: number;
  /** Amount as recorded, in the record's currency (exact). */
  readonly amount: Decimal;
  /** Normalised vendor key. */
  readonly vendorKey: string;
  /** Normalised category code, when the record has one. */
  readonly categoryKey: string | undefined;
  /** Document number as written, when the record has one. */
  readonly document: string | undefined;
  /** Subject as written (trimmed), when the record has one. */
  readonly subject: string | undefined;
  /**
   * Subject tokens as ascending ids of the buyer's vocabulary, rarest first (see
   * similarity/vocabulary); items of one buyer with the same tokens share the array.
   */
  readonly tokens: readonly number[];
  /** Token weights of the buyer's vocabulary, by id (see similarity/rarity). */
  readonly weights: ArrayLike<number>;
  /**
   * Token ids below this are tokens no other record of the buyer has (see similarity/vocabulary
   * `sharedFrom`): the text join neither indexes nor probes them. 0 (every token may be shared)
   * when absent.
   */
  readonly sharedFrom?: number;
  /** Category code cut to the policy's prefix depth, when the record has one and the signal is on. */
  readonly categoryPrefix: string | undefined;
  /** Project key, when the record has one and the project is specific enough to link records. */
  readonly project: string | undefined;
  /** True when the vendor is a placeholder (`placeholderVendors`): it is the same vendor as no other record. */
  readonly placeholderVendor?: boolean;
  /**
   * The vendor's trade (`vendorTrade`), when the policy relates different vendors' records by it
   * (`vendor: 'any'` with `linkSameVendor`) and the trade is specific to the buyer.
   */
  readonly trade?: string | undefined;
}

/**
 * The vendor a part counts as wherever parts' vendors are counted (the reasons, a finding's
 * `vendors`): its vendor key, or, for a placeholder vendor name, a vendor of its own.
 */
export const vendorIdentity = (it: Item): string => (it.placeholderVendor ? `\u0000${it.k}` : it.vendorKey);
