import type { Decimal } from 'decimal.js';

/** The ways a total is compared with a threshold amount (see {@link Comparison}). */
export const COMPARISONS = ['atOrAbove', 'above'] as const;

/**
 * How an amount is compared with a threshold amount: *at or above* it, or strictly *above* it. A
 * threshold says it twice when its rule does: how a single purchase triggers the procedure
 * (`comparison`) and how a total of several crosses it (`cumulative`, by default the same). China's
 * 政府采购法实施条例 Art. 28 has both: a single purchase at or above the public-tender limit needs a
 * public tender, and purchases are a split when their cumulative amount *exceeds* (超过) it.
 */
export type Comparison = (typeof COMPARISONS)[number];

/** How far a threshold's figure was checked against its source. */
export const THRESHOLD_STATUSES = ['verified', 'partial', 'unverified'] as const;

/** One of {@link THRESHOLD_STATUSES}. */
export type ThresholdStatus = (typeof THRESHOLD_STATUSES)[number];

/**
 * A value limit that triggers a procedure, as callers (and presets) write it.
 *
 * @example
 * { id: 'hz-2018-open', amount: '1000000', currency: 'CNY', procedure: 'public tender',
 *   comparison: 'atOrAbove', validFrom: '2018-01-01', source: 'Hangzhou 2018 catalogue' }
 */
export interface ThresholdInput {
  /** Unique id, cited by findings. */
  id: string;
  /** Decimal string (preferred) or an exact number. */
  amount: string | number;
  /** ISO 4217 currency of `amount`. */
  currency: string;
  /** The procedure the threshold triggers, in words: `'public tender'`, `'EU-wide notice'`. */
  procedure: string;
  /**
   * How a single purchase triggers the procedure: a part of a split stays below the limit (`<` for
   * `'atOrAbove'`, `≤` for `'above'`). @defaultValue `'atOrAbove'`
   */
  comparison?: Comparison | undefined;
  /**
   * How the total of several purchases crosses the limit (`≥` for `'atOrAbove'`, `>` for
   * `'above'`), where the rule words it apart from a single purchase (Art. 28: `comparison:
   * 'atOrAbove'`, `cumulative: 'above'`). @defaultValue `comparison`
   */
  cumulative?: Comparison | undefined;
  /** Category-code prefixes the threshold applies to (e.g. `['45']` for CPV works). Absent: all. */
  categories?: string[] | undefined;
  /** Category-code prefixes it does not apply to (e.g. `['45']` for supplies and services). */
  excludeCategories?: string[] | undefined;
  /** First day in force, `YYYY-MM-DD`, inclusive. Absent: always. */
  validFrom?: string | undefined;
  /** Last day in force, `YYYY-MM-DD`, inclusive. Absent: still in force. */
  validTo?: string | undefined;
  /** Whether `amount` is net or gross of VAT, where the source says. */
  vat?: 'net' | 'gross' | undefined;
  /** Human label, e.g. `'EU works (Dir. 2014/24 Art. 4(a))'`. */
  label?: string | undefined;
  /** Jurisdiction, e.g. `'EU'`, `'CN Hangzhou'`. */
  jurisdiction?: string | undefined;
  /** Where the figure comes from (act, article, URL). */
  source?: string | undefined;
  /** How far the figure was checked against its source. @defaultValue `'verified'` */
  status?: ThresholdStatus | undefined;
}

/** A validated threshold with its amount as an exact Decimal and days resolved. */
export interface Threshold {
  readonly id: string;
  readonly amount: Decimal;
  readonly currency: string;
  readonly procedure: string;
  readonly comparison: Comparison;
  /** Set only where it differs from `comparison`. */
  readonly cumulative?: Comparison;
  readonly categories?: readonly string[];
  readonly excludeCategories?: readonly string[];
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly vat?: 'net' | 'gross';
  readonly label?: string;
  readonly jurisdiction?: string;
  readonly source?: string;
  readonly status: ThresholdStatus;
}

/** A threshold with its amount converted to the report currency and its validity as day numbers. */
export interface ResolvedThreshold {
  readonly threshold: Threshold;
  /** Amount in the report currency. */
  readonly value: Decimal;
  /** `value` as a JS number. */
  readonly approx: number;
  /** How a single purchase is compared: a part stays below the limit. */
  readonly comparison: Comparison;
  /** How a total is compared: a run crosses the limit. */
  readonly cumulative: Comparison;
  /**
   * Set when `value` was put on the ledger's VAT basis (the `vat` option: the threshold's own basis
   * differs): the ledger's basis and the rate used. `value` is then net of, or including, VAT as the
   * ledger's amounts are.
   */
  readonly vat?: { readonly amounts: 'net' | 'gross'; readonly rate: Decimal };
  /** Lowest amount counted as "just below" it: value × (1 − band). */
  readonly nearFrom: Decimal;
  readonly nearFromApprox: number;
  /** First and last day it is in force (−∞ / +∞ when open). */
  readonly fromDay: number;
  readonly toDay: number;
}
