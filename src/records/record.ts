import type { Decimal } from 'decimal.js';

/**
 * Every field of a purchase record, in the order they are validated, mapped from file columns and
 * written: the one list of them (types, loaders, writers and the record table derive from it).
 */
export const RECORD_FIELDS = Object.freeze(['id', 'buyer', 'vendor', 'date', 'amount', 'currency', 'subject', 'category', 'project', 'method', 'document', 'exemption'] as const);

/** One of {@link RECORD_FIELDS}. */
export type RecordField = (typeof RECORD_FIELDS)[number];

/** The fields a record must carry; the others are optional. */
export const REQUIRED_FIELDS = Object.freeze(['id', 'buyer', 'vendor', 'date', 'amount', 'currency'] as const) satisfies readonly RecordField[];

/**
 * A purchase record as callers pass it in. Only `id`, `buyer`, `vendor`, `date`, `amount` and
 * `currency` are required; any other field passes through untouched (see {@link PurchaseRecord.extra}).
 *
 * - `amount`: a decimal string (`'1234.50'`) is best. A JS number is accepted only when it is exact
 *   (at most 15 significant digits, e.g. `1234.5`); `0.1 + 0.2` is rejected, never rounded. An
 *   amount is below 10^18 with at most 10 decimal places (`amount_out_of_range` otherwise): no
 *   ledger comes near either bound, and within them every sum is exact.
 *   Negative amounts are rejected: credits and refunds are the loaders' policy, not the core's.
 * - `date`: `'YYYY-MM-DD'` (a longer ISO string keeps the calendar date it spells), or a `Date`,
 *   read by its local calendar fields as date-fns does; in the years 0001–9999 (`invalid_date`
 *   otherwise).
 * - `id`, `buyer`, `vendor`: text with a visible character (zero-width spaces, soft hyphens and bidi
 *   controls alone are `empty`); a vendor also needs a letter or digit (`'...'` is `empty`). Keys
 *   ignore invisible characters.
 * - `category`: a hierarchical code (CPV, UNSPSC, 品目, MCC); a shared prefix means a shared parent.
 *   A code of separators only (`'-'`) is absent, as is any optional field without a visible character.
 * - `method`: the procedure actually used; `exemption`: a documented reason the record may not be
 *   summed (budget adjusted, non-tender method approved …): such records are analysed but never parts.
 */
export interface PurchaseRecordInput {
  id: string | number;
  buyer: string;
  vendor: string;
  date: string | Date;
  amount: string | number;
  currency: string;
  subject?: string | undefined;
  category?: string | undefined;
  project?: string | undefined;
  method?: string | undefined;
  document?: string | undefined;
  exemption?: string | undefined;
  [field: string]: unknown;
}

/**
 * A validated, normalised record. Optional fields are present and `undefined` when absent, so every
 * record has the same shape (which keeps the detector's hot loops monomorphic).
 */
export interface PurchaseRecord {
  /** Position in the input array. */
  readonly index: number;
  readonly id: string;
  readonly buyer: string;
  /** Buyer compared after NFKC, case folding and whitespace collapse. */
  readonly buyerKey: string;
  readonly vendor: string;
  /** Vendor compared ignoring case, punctuation and legal-form suffixes (Ltd, GmbH, 有限公司 …). */
  readonly vendorKey: string;
  /** Calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Days since 1970-01-01 of {@link date} (no time zone involved). */
  readonly day: number;
  /** Amount in {@link currency}, exact. */
  readonly amount: Decimal;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
  readonly subject: string | undefined;
  readonly category: string | undefined;
  /** Category code upper-cased with spaces, dots, dashes and underscores removed. */
  readonly categoryKey: string | undefined;
  readonly project: string | undefined;
  readonly projectKey: string | undefined;
  readonly method: string | undefined;
  readonly methodKey: string | undefined;
  readonly document: string | undefined;
  readonly exemption: string | undefined;
  /** Every input field that is not one of the above, untouched, in a null-prototype object (an own `__proto__` field stays a field). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** Why a record was rejected. */
export type RejectCode =
  | 'not_an_object'
  | 'unreadable_record'
  | 'missing'
  | 'invalid_type'
  | 'empty'
  | 'duplicate_id'
  | 'invalid_date'
  | 'invalid_amount'
  | 'inexact_amount'
  | 'amount_out_of_range'
  | 'negative_amount'
  | 'unknown_currency'
  | 'no_exchange_rate'
  // Loader-level codes (row parsing), used by the io layer:
  | 'unparsable_row'
  | 'ambiguous_date'
  | 'not_a_purchase'
  | 'credit'
  | 'subtotal';

/**
 * A record (or file row) that could not be analysed. Every input ends up either accepted or here.
 *
 * @example
 * { index: 3, id: 'INV-9', field: 'amount', path: [3, 'amount'], code: 'negative_amount',
 *   message: 'amount -12.50 is negative; credits are not purchases', value: '-12.50' }
 */
export interface Reject {
  /**
   * Position of the record in the records passed to `detectSplits` / `validateRecords` (0-based).
   * Absent for a file row rejected while it was read: it never became a record, and `line` (with
   * `file`) locates it instead.
   */
  readonly index?: number;
  /** The record's id, when it had a usable one. */
  readonly id?: string;
  /** The field at fault (`'amount'`), or `''` when the whole record is. */
  readonly field: string;
  /** Full path to the bad value: `[index, field]`. */
  readonly path: readonly (string | number)[];
  readonly code: RejectCode;
  /** A plain sentence a reviewer can read. */
  readonly message: string;
  /** The offending value, as given. */
  readonly value?: unknown;
  /** 1-based line in the source file, when the record came from a file. */
  readonly line?: number;
  /** The source file, when the record came from one (several files can be read in one run). */
  readonly file?: string;
  /** Source column name, when the record came from a file. */
  readonly column?: string;
}

/** A reject of `detectSplits` or `validateRecords`: a record, always located by its `index`. */
export interface RecordReject extends Reject {
  readonly index: number;
}
