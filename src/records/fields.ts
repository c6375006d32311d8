import type { Decimal } from 'decimal.js';
import { AMOUNT_BOUNDS, D, decimalIssue } from '../_lib/decimal.js';
import { dayOf } from '../_lib/days.js';
import { isCurrencyCode } from '../_lib/currencies.js';
import type { RecordField, RejectCode } from './record.js';
import { categoryKey, isBlank, vendorKey } from './normalize.js';

/**
 * Why a field cannot be used. Field readers return the value or one of these, so the common case
 * (a good field) allocates nothing beyond the value: validation runs on millions of records.
 */
export class FieldError {
  constructor(
    readonly code: RejectCode,
    readonly message: string,
  ) {}
}

const bad = (code: RejectCode, message: string) => new FieldError(code, message);

/** A record id: a non-empty string (trimmed) or a finite number (as its string). */
export function readId(v: unknown): string | FieldError {
  if (v === undefined || v === null) return bad('missing', 'id is missing');
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : bad('invalid_type', `id ${v} is not a finite number`);
  if (typeof v !== 'string') return bad('invalid_type', `id must be a string or a number, got ${typeof v}`);
  const s = v.trim();
  return !s ? bad('empty', 'id is empty') : isBlank(s) ? bad('empty', 'id has no visible characters (only invisible ones such as zero-width spaces)') : s;
}

/**
 * A required name such as `buyer` or `vendor`: text, trimmed, with a visible character (a name of
 * zero-width spaces or soft hyphens only is empty).
 */
export function readName(field: string, v: unknown): string | FieldError {
  if (v === undefined || v === null) return bad('missing', `${field} is missing`);
  if (typeof v !== 'string') return bad('invalid_type', `${field} must be text, got ${typeof v}`);
  const s = v.trim();
  if (!s) return bad('empty', `${field} is empty`);
  return isBlank(s) ? bad('empty', `${field} has no visible characters (only invisible ones such as zero-width spaces)`) : s;
}

/**
 * A vendor: a name ({@link readName}) whose {@link vendorKey} is not empty. A name of punctuation,
 * symbols and invisible characters only (`'...'`, `'（）'`, `'★'`) names no one: were it accepted,
 * every such vendor would share the empty key and become one vendor. `keyOf` computes the key
 * (validation passes a memoised one).
 */
export function readVendor(v: unknown, keyOf: (name: string) => string = vendorKey): string | FieldError {
  const name = readName('vendor', v);
  if (typeof name !== 'string' || keyOf(name) !== '') return name;
  return bad('empty', `vendor "${short(name)}" has no letters or digits (only punctuation, symbols or invisible characters)`);
}

/**
 * A category code ({@link readOptional}); one whose {@link categoryKey} is empty (`'-'`, `'.'`, a
 * placeholder of separators) is absent, like a blank one. `keyOf` computes the key.
 */
export function readCategory(v: unknown, keyOf: (code: string) => string = categoryKey): string | undefined | FieldError {
  const code = readOptional('category', v);
  return typeof code === 'string' && keyOf(code) === '' ? undefined : code;
}

/** An optional text field: absent, null, blank and invisible-only text are `undefined`; numbers become strings. */
export function readOptional(field: string, v: unknown): string | undefined | FieldError {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') {
    const s = v.trim();
    return s && !isBlank(s) ? s : undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return bad('invalid_type', `${field} must be text, got ${typeof v}`);
}

/**
 * True for a real Date (one with a time value): its tag says Date and Date's own `getTime` accepts
 * it, so neither an object posing as a Date nor a Proxy of one is one. Cheap for everything else
 * (no exception is thrown for a plain object: validation asks this of every record).
 */
export function isDate(v: unknown): v is Date {
  if (typeof v !== 'object' || v === null) return false;
  try {
    if (OBJECT_TAG.call(v) !== '[object Date]') return false;
    DATE_VALUE.call(v);
    return true;
  } catch {
    // A revoked Proxy, a throwing toStringTag getter, or an object posing as a Date.
    return false;
  }
}

const OBJECT_TAG = Object.prototype.toString;
const DATE_VALUE = Date.prototype.getTime;
const LOCAL_YEAR = Date.prototype.getFullYear;
const LOCAL_MONTH = Date.prototype.getMonth;
const LOCAL_DATE = Date.prototype.getDate;

/** `YYYY-MM-DD` of a real Date by its local calendar fields (as date-fns reads them), with Date's own methods. */
function localIso(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(LOCAL_YEAR.call(d), 4)}-${p(LOCAL_MONTH.call(d) + 1)}-${p(LOCAL_DATE.call(d))}`;
}

const TIME_PART = /^[T ]\d{2}:\d{2}/u;

/**
 * A calendar date, as its `YYYY-MM-DD` text: `'YYYY-MM-DD'` (a longer ISO timestamp keeps the date it
 * spells, whatever its offset), or a valid `Date` in the years 0001–9999, read by its local calendar
 * fields. The result is always a date {@link dayOf} accepts: years outside 0001–9999 are rejected,
 * never moved to another day.
 * Use {@link dayOf} on the result for its day number.
 */
export function readDate(v: unknown): string | FieldError {
  if (v === undefined || v === null || v === '') return bad('missing', 'date is missing');
  if (isDate(v)) {
    if (Number.isNaN(DATE_VALUE.call(v))) return bad('invalid_date', 'date is an invalid Date');
    const year = LOCAL_YEAR.call(v);
    if (year < 1 || year > 9999) return bad('invalid_date', `date is a Date in the year ${year}, outside the years 0001–9999`);
    return localIso(v);
  }
  if (typeof v !== 'string') return bad('invalid_date', `date must be a YYYY-MM-DD string, got ${typeof v}`);
  const s = v.length === 10 ? v : v.trim();
  const date = s.length === 10 ? s : s.slice(0, 10);
  if (dayOf(date) === undefined || (s.length > 10 && !TIME_PART.test(s.slice(10)))) {
    return bad('invalid_date', `date "${v.length <= 40 ? v : `${v.slice(0, 40)}…`}" is not a calendar date written YYYY-MM-DD in the years 0001–9999`);
  }
  return date;
}

/** Digits in groups of three with commas, and a decimal point: `2,600.00`. */
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u;

/**
 * A non-negative exact amount within {@link AMOUNT_BOUNDS} (below 10^18, at most 10 decimal places),
 * as its decimal text (see {@link exactDecimalText}); a Decimal is made from it only where exact
 * arithmetic is needed. An exponent is read, never expanded.
 */
export function readAmountText(given: unknown): string | FieldError {
  if (typeof given === 'string' && plainAmount(given)) return given;
  // Full-width digits and points (１００．５０, as East Asian spreadsheets write them) read as the
  // plain ones under Unicode NFKC, as keys compare.
  const v = typeof given === 'string' && NON_ASCII.test(given) ? given.normalize('NFKC') : given;
  if (v === undefined || v === null || v === '') return bad('missing', 'amount is missing');
  if (typeof v !== 'string' && typeof v !== 'number') {
    return bad('invalid_amount', `amount must be a decimal string or a number, got ${typeof v}`);
  }
  const issue = decimalIssue(v);
  if (issue === 'not_decimal') {
    // "2,600.00": a thousands separator, the likeliest slip when amounts come from a spreadsheet.
    const grouped = typeof v === 'string' && THOUSANDS.test(v.trim()) ? `; without its thousands separators it reads ${short(v.trim().replaceAll(',', ''))}` : '';
    return bad('invalid_amount', `amount "${short(String(v))}" is not a number: digits and one decimal point${grouped}`);
  }
  if (issue === 'inexact_number') return bad('inexact_amount', `amount ${v} is not exact as a JS number; pass it as a decimal string`);
  const text = typeof v === 'string' ? v.trim() : String(v);
  if (text.charCodeAt(0) === 45 && /[1-9]/u.test(text.split(/[eE]/u)[0] as string)) {
    return bad('negative_amount', `amount ${short(text)} is negative; credits and refunds are not purchases`);
  }
  if (issue === 'too_large') return bad('amount_out_of_range', `amount ${short(text)} is 10^${AMOUNT_BOUNDS.digits} or more; amounts must be below 10^${AMOUNT_BOUNDS.digits}`);
  if (issue === 'too_many_places') return bad('amount_out_of_range', `amount ${short(text)} has digits past the ${AMOUNT_BOUNDS.places}th decimal place; amounts have at most ${AMOUNT_BOUNDS.places}`);
  return text;
}

/**
 * Whether `s` is an amount {@link readAmountText} gives back as it is, told in one pass: at most 17
 * characters, digits with at most one point and at most 10 digits after it (a loader's amounts:
 * `1432.24`). Such a text is a decimal below 10^17 with at most 10 places, with nothing to trim and
 * no sign. Any other text is read in full. (On the bench file's 447,912 records, `columnsTable`
 * took 361 ms of CPU at best against 428 ms, 10 alternating runs in one process.)
 */
function plainAmount(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 17) return false;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && point < 0) point = i;
    else if (c < 48 || c > 57) return false;
  }
  // A point alone is no number; `5.` and `.5` are.
  return n > 1 || point < 0 ? point < 0 || n - 1 - point <= 10 : false;
}

/** A text cut to 40 characters for a message (an amount can be a megabyte of digits). */
function short(s: string): string {
  return s.length <= 40 ? s : `${s.slice(0, 20)}…${s.slice(-10)} (${s.length} characters)`;
}

/** A non-negative exact amount as a Decimal. */
export function readAmount(v: unknown): Decimal | FieldError {
  const text = readAmountText(v);
  return text instanceof FieldError ? text : new D(text);
}

/** A character outside ASCII: the text may read otherwise under Unicode NFKC. */
const NON_ASCII = /[^\u0000-\u007f]/u;

/** An ISO 4217 code, upper-cased, read under Unicode NFKC (full-width ＥＵＲ is EUR). */
export function readCurrency(given: unknown): string | FieldError {
  if (typeof given === 'string' && given.length === 3 && isCurrencyCode(given)) {
    // The common case: already an upper-case code.
    const c0 = given.charCodeAt(0);
    if (c0 >= 65 && c0 <= 90 && given.charCodeAt(1) <= 90 && given.charCodeAt(2) <= 90) return given;
  }
  const v = typeof given === 'string' && NON_ASCII.test(given) ? given.normalize('NFKC') : given;
  if (v === undefined || v === null || v === '') return bad('missing', 'currency is missing');
  if (typeof v !== 'string') return bad('unknown_currency', `currency must be an ISO 4217 code, got ${typeof v}`);
  if (!isCurrencyCode(v)) return bad('unknown_currency', `currency "${short(v)}" is not an ISO 4217 code`);
  return v.length === 3 && v === v.toUpperCase() ? v : v.trim().toUpperCase();
}

/**
 * The reader of a record field, as {@link validateRecords} applies it: `id` {@link readId}, `buyer`
 * {@link readName}, `vendor` {@link readVendor}, `date` {@link readDate}, `amount`
 * {@link readAmountText}, `currency` {@link readCurrency}, `category` {@link readCategory}, and
 * {@link readOptional} for the other optional fields.
 */
export function fieldReader(f: RecordField): (v: unknown) => string | undefined | FieldError {
  switch (f) {
    case 'id':
      return readId;
    case 'buyer':
      return (v) => readName(f, v);
    case 'vendor':
      return readVendor;
    case 'category':
      return readCategory;
    case 'date':
      return readDate;
    case 'amount':
      return readAmountText;
    case 'currency':
      return readCurrency;
    default:
      return (v) => readOptional(f, v);
  }
}
