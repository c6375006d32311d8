/**
 * The options every ledger loader takes, their zod schema, and the texts that mark rows that are not
 * purchases.
 */
import * as z from 'zod/mini';
import { isCurrencyCode } from '../../_lib/currencies.js';
import { exactDecimal } from '../../_lib/decimal.js';
import { OptionsError } from '../../errors.js';
import { optionIssues } from '../../_lib/issues.js';
import type { ColumnMap } from './columns.js';

/** How credits (negative amounts) can be handled (see {@link LedgerOptions.credits}). */
export const CREDIT_POLICIES = ['reject', 'net'] as const;

/** One of {@link CREDIT_POLICIES}. */
export type CreditPolicy = (typeof CREDIT_POLICIES)[number];

/** How rows sharing a document number can be handled (see {@link LedgerOptions.lines}). */
export const LINE_POLICIES = ['sum', 'keep'] as const;

/** One of {@link LINE_POLICIES}. */
export type LinePolicy = (typeof LINE_POLICIES)[number];

/** Options shared by every ledger loader. */
export interface LedgerOptions {
  /** Explicit column mapping (field → header); recognised header names fill the rest. */
  map?: ColumnMap | undefined;
  /** date-fns pattern for non-ISO dates, e.g. `'dd/MM/yyyy'`. @defaultValue ISO and year-first forms only */
  dateFormat?: string | undefined;
  /** Amounts use a decimal comma (`1 234,50`). @defaultValue false */
  decimalComma?: boolean | undefined;
  /**
   * Multiplier for amounts, e.g. `10000` for 万元. @defaultValue the unit in the amount header's
   * brackets (`金额(万元)` → 10000), else 1
   */
  unit?: string | number | undefined;
  /** Currency of rows without one (no currency column, or an empty cell). */
  currency?: string | undefined;
  /** Buyer of every row when the file has no buyer column (a ledger of one body). */
  buyer?: string | undefined;
  /**
   * `'reject'`: a negative amount is reported as a `'credit'` reject. `'net'`: credits are taken in
   * date order (ties by line), and each is subtracted from the latest purchase (ties: the later
   * line) dated on or before it with the same buyer, vendor (case-insensitive) and currency whose
   * amount left is at least the credit — one with the credit's own document number first, when it
   * has one. A purchase netted to zero becomes a `'credit'` reject, and so does a credit with
   * nothing to net against. O(n log n).
   * @defaultValue 'reject'
   */
  credits?: CreditPolicy | undefined;
  /**
   * `'sum'`: rows with the same buyer, vendor, currency and document number are lines of one
   * document and become one record (amounts summed exactly, earliest date, first line's id and
   * text) before credits are handled. Rows without a document number, or with a placeholder one
   * (`-`, `0`, `N/A`, `none`, `无`: only punctuation or zeros, or a word for "none"), are never merged.
   * `'keep'`: every row is its own record.
   * @defaultValue 'sum'
   */
  lines?: LinePolicy | undefined;
  /**
   * A regular expression removed from document numbers before lines are grouped, e.g. `'_\\d+$'`
   * for Oxford's `46287404_1`, `46287404_2`. With no document column (none recognised or mapped,
   * nor left unread with `map: { document: '' }`), the id column's numbers are read as the
   * documents: each id without its suffix names its line's document. A suffix that sums no line
   * whatever the rows (lines kept, no document or id column, no number ending in it) is a
   * `line_suffix_unused` warning. @defaultValue none
   */
  lineSuffix?: string | undefined;
  /**
   * Vendors that are not purchases, such as card repayments, matched case-insensitively against
   * the vendor only: as a whole phrase (`direct debit payment` in `direct debit payment than`), or,
   * for a marker in Chinese or Japanese, as the whole vendor (`还款`). @defaultValue {@link NOT_A_PURCHASE}
   */
  notPurchase?: readonly string[] | undefined;
}

/** Vendor/subject texts of rows that are not purchases by default (card repayments, balance transfers). */
export const NOT_A_PURCHASE: readonly string[] = Object.freeze([
  'direct debit payment',
  'payment - thank you',
  'payment thank you',
  'payment received',
  'autopay payment',
  'balance transfer',
  '信用卡还款',
  '还款',
]);

const got = (v: unknown): string => `got ${JSON.stringify(v)}`;

/** The fields of {@link LedgerOptions}' schema: `readLedger` checks them with its own, and no others. */
export const LEDGER_OPTIONS_SHAPE = {
  map: z.optional(z.record(z.string(), z.string({ error: 'must map fields to header names (strings)' }), { error: 'must be an object of field → header' })),
  dateFormat: z.optional(z.string({ error: 'must be a date-fns pattern such as dd/MM/yyyy' })),
  decimalComma: z.optional(z.boolean({ error: 'must be true or false' })),
  unit: z.optional(
    z
      .union([z.string(), z.number()], { error: (i) => `must be a positive number, ${got(i.input)}` })
      .check(z.refine((v) => exactDecimal(v)?.gt(0) === true, { error: (i) => `must be a positive number, ${got(i.input)}` })),
  ),
  currency: z.optional(z.string().check(z.refine(isCurrencyCode, { error: (i) => `must be an ISO 4217 code such as CNY, ${got(i.input)}` }))),
  buyer: z.optional(z.string({ error: 'must be a string' })),
  credits: z.optional(z.enum(CREDIT_POLICIES, { error: (i) => `must be ${CREDIT_POLICIES.map((p) => `'${p}'`).join(' or ')}, ${got(i.input)}` })),
  lines: z.optional(z.enum(LINE_POLICIES, { error: (i) => `must be ${LINE_POLICIES.map((p) => `'${p}'`).join(' or ')}, ${got(i.input)}` })),
  lineSuffix: z.optional(z.string().check(z.refine(isRegExp, { error: (i) => `is not a regular expression: ${String(i.input)}` }))),
  notPurchase: z.optional(z.array(z.string(), { error: 'must be an array of strings' })),
};

/** The schema of {@link LedgerOptions}; other keys pass (`readLedger` checks the whole object: see `LedgerParser`). */
const ledgerOptionsSchema = z.looseObject(LEDGER_OPTIONS_SHAPE);

function isRegExp(source: string): boolean {
  try {
    suffixPattern(source);
    return true;
  } catch {
    return false;
  }
}

/** The document-number suffix `lineSuffix` describes, anchored at the end. */
function suffixPattern(source: string): RegExp {
  return new RegExp(`(?:${source})$`, 'u');
}

/** {@link LedgerOptions} checked, with what they compile to. */
export interface ParsedLedgerOptions {
  /** `lineSuffix` as an anchored pattern. */
  readonly suffix: RegExp | undefined;
}

/**
 * Checks {@link LedgerOptions} against their schema.
 *
 * @throws OptionsError naming `fn` and every bad option, e.g. `readLedger: options.credits: must be 'reject' or 'net', got "drop"`.
 */
export function parseLedgerOptions(options: LedgerOptions, fn = 'readLedger'): ParsedLedgerOptions {
  const parsed = ledgerOptionsSchema.safeParse(options);
  if (!parsed.success) throw new OptionsError(fn, optionIssues(parsed.error, ledgerOptionsSchema, []));
  return { suffix: options.lineSuffix === undefined ? undefined : suffixPattern(options.lineSuffix) };
}
