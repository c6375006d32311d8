import type { Decimal } from 'decimal.js';
import { D, exactDecimalText } from '../_lib/decimal.js';
import { dayOf } from '../_lib/days.js';
import { isCurrencyCode } from '../_lib/currencies.js';
import type { RecordField, RejectCode } from './record.js';

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
  return s ? s : bad('empty', 'id is empty');
}

/** A required name such as `buyer` or `vendor`: non-empty text, trimmed. */
export function readName(field: string, v: unknown): string | FieldError {
  if (v === undefined || v === null) return bad('missing', `${field} is missing`);
  if (typeof v !== 'string') return bad('invalid_type', `${field} must be text, got ${typeof v}`);
  const s = v.trim();
  return s ? s : bad('empty', `${field} is empty`);
}

/** An optional text field: absent, null and blank are `undefined`; numbers become strings. */
export function readOptional(field: string, v: unknown): string | undefined | FieldError {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return bad('invalid_type', `${field} must be text, got ${typeof v}`);
}

/** `YYYY-MM-DD` of a local Date (its calendar fields, as date-fns reads them). */
function localIso(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const TIME_PART = /^[T ]\d{2}:\d{2}/u;

/**
 * A calendar date, as its `YYYY-MM-DD` text: `'YYYY-MM-DD'` (a longer ISO timestamp keeps the date it
 * spells, whatever its offset), or a valid `Date` in the years 0000–9999, read by its local calendar
 * fields. The result is always a date {@link dayOf} accepts.
 * Use {@link dayOf} on the result for its day number.
 */
export function readDate(v: unknown): string | FieldError {
  if (v === undefined || v === null || v === '') return bad('missing', 'date is missing');
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return bad('invalid_date', 'date is an invalid Date');
    const iso = localIso(v);
    return dayOf(iso) === undefined ? bad('invalid_date', `date ${iso} is outside the years 0000–9999 that YYYY-MM-DD can spell`) : iso;
  }
  if (typeof v !== 'string') return bad('invalid_date', `date must be a YYYY-MM-DD string, got ${typeof v}`);
  const s = v.length === 10 ? v : v.trim();
  const date = s.length === 10 ? s : s.slice(0, 10);
  if (dayOf(date) === undefined || (s.length > 10 && !TIME_PART.test(s.slice(10)))) {
    return bad('invalid_date', `date "${v}" is not a calendar date written YYYY-MM-DD`);
  }
  return date;
}

/**
 * A non-negative exact amount, as its decimal text (see {@link exactDecimalText}); a Decimal is made
 * from it only where exact arithmetic is needed.
 */
export function readAmountText(v: unknown): string | FieldError {
  if (v === undefined || v === null || v === '') return bad('missing', 'amount is missing');
  if (typeof v !== 'string' && typeof v !== 'number') {
    return bad('invalid_amount', `amount must be a decimal string or a number, got ${typeof v}`);
  }
  const text = exactDecimalText(v);
  if (text === undefined) {
    return typeof v === 'number' && Number.isFinite(v)
      ? bad('inexact_amount', `amount ${v} is not exact as a JS number; pass it as a decimal string`)
      : bad('invalid_amount', `amount "${String(v)}" is not a number`);
  }
  if (text.charCodeAt(0) === 45 && /[1-9]/u.test(text.split(/[eE]/u)[0] as string)) {
    return bad('negative_amount', `amount ${String(v)} is negative; credits and refunds are not purchases`);
  }
  return text;
}

/** A non-negative exact amount as a Decimal. */
export function readAmount(v: unknown): Decimal | FieldError {
  const text = readAmountText(v);
  return text instanceof FieldError ? text : new D(text);
}

/** An ISO 4217 code, upper-cased. */
export function readCurrency(v: unknown): string | FieldError {
  if (typeof v === 'string' && v.length === 3 && isCurrencyCode(v)) {
    // The common case: already an upper-case code.
    const c0 = v.charCodeAt(0);
    if (c0 >= 65 && c0 <= 90 && v.charCodeAt(1) <= 90 && v.charCodeAt(2) <= 90) return v;
  }
  if (v === undefined || v === null || v === '') return bad('missing', 'currency is missing');
  if (typeof v !== 'string' || !isCurrencyCode(v)) return bad('unknown_currency', `currency "${String(v)}" is not an ISO 4217 code`);
  return v.length === 3 && v === v.toUpperCase() ? v : v.trim().toUpperCase();
}

/**
 * The reader of a record field, as {@link validateRecords} applies it: `id` {@link readId}, `buyer`
 * and `vendor` {@link readName}, `date` {@link readDate}, `amount` {@link readAmountText}, `currency`
 * {@link readCurrency}, and {@link readOptional} for the optional fields.
 */
export function fieldReader(f: RecordField): (v: unknown) => string | undefined | FieldError {
  switch (f) {
    case 'id':
      return readId;
    case 'buyer':
    case 'vendor':
      return (v) => readName(f, v);
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
