import type Decimal from 'decimal.js';
import { exactDecimal } from '../_lib/decimal.js';
import { dayOf } from '../_lib/days.js';
import { isCurrencyCode } from '../_lib/currencies.js';
import type { RejectCode } from './record.js';

/** The outcome of reading one field: its value, or why it cannot be used. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; code: RejectCode; message: string };

const bad = (code: RejectCode, message: string): FieldResult<never> => ({ ok: false, code, message });

/** A record id: a non-empty string (trimmed) or a finite number (as its string). */
export function readId(v: unknown): FieldResult<string> {
  if (v === undefined || v === null) return bad('missing', 'id is missing');
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: String(v) } : bad('invalid_type', `id ${v} is not a finite number`);
  if (typeof v !== 'string') return bad('invalid_type', `id must be a string or a number, got ${typeof v}`);
  const s = v.trim();
  return s ? { ok: true, value: s } : bad('empty', 'id is empty');
}

/** A required name such as `buyer` or `vendor`: non-empty text, trimmed. */
export function readName(field: string, v: unknown): FieldResult<string> {
  if (v === undefined || v === null) return bad('missing', `${field} is missing`);
  if (typeof v !== 'string') return bad('invalid_type', `${field} must be text, got ${typeof v}`);
  const s = v.trim();
  return s ? { ok: true, value: s } : bad('empty', `${field} is empty`);
}

/** An optional text field: absent, null and blank are `undefined`; numbers become strings. */
export function readOptional(field: string, v: unknown): FieldResult<string | undefined> {
  if (v === undefined || v === null) return { ok: true, value: undefined };
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: String(v) };
  if (typeof v !== 'string') return bad('invalid_type', `${field} must be text, got ${typeof v}`);
  const s = v.trim();
  return { ok: true, value: s || undefined };
}

/** `YYYY-MM-DD` of a local Date (its calendar fields, as date-fns reads them). */
function localIso(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const TIME_PART = /^[T ]\d{2}:\d{2}/u;

/**
 * A calendar date: `'YYYY-MM-DD'` (a longer ISO timestamp keeps the date it spells, whatever its
 * offset), or a valid `Date`, read by its local calendar fields.
 */
export function readDate(v: unknown): FieldResult<{ date: string; day: number }> {
  if (v === undefined || v === null || v === '') return bad('missing', 'date is missing');
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return bad('invalid_date', 'date is an invalid Date');
    const date = localIso(v);
    return { ok: true, value: { date, day: dayOf(date) as number } };
  }
  if (typeof v !== 'string') return bad('invalid_date', `date must be a YYYY-MM-DD string, got ${typeof v}`);
  const s = v.trim();
  const date = s.slice(0, 10);
  const day = dayOf(date);
  if (day === undefined || (s.length > 10 && !TIME_PART.test(s.slice(10)))) {
    return bad('invalid_date', `date "${v}" is not a calendar date written YYYY-MM-DD`);
  }
  return { ok: true, value: { date, day } };
}

/** A non-negative exact amount (see {@link exactDecimal}). */
export function readAmount(v: unknown): FieldResult<Decimal> {
  if (v === undefined || v === null || v === '') return bad('missing', 'amount is missing');
  if (typeof v !== 'string' && typeof v !== 'number') {
    return bad('invalid_amount', `amount must be a decimal string or a number, got ${typeof v}`);
  }
  const d = exactDecimal(v);
  if (d === undefined) {
    return typeof v === 'number' && Number.isFinite(v)
      ? bad('inexact_amount', `amount ${v} is not exact as a JS number; pass it as a decimal string`)
      : bad('invalid_amount', `amount "${String(v)}" is not a number`);
  }
  if (d.isNegative() && !d.isZero()) {
    return bad('negative_amount', `amount ${String(v)} is negative; credits and refunds are not purchases`);
  }
  return { ok: true, value: d };
}

/** An ISO 4217 code, upper-cased. */
export function readCurrency(v: unknown): FieldResult<string> {
  if (v === undefined || v === null || v === '') return bad('missing', 'currency is missing');
  if (typeof v !== 'string' || !isCurrencyCode(v)) return bad('unknown_currency', `currency "${String(v)}" is not an ISO 4217 code`);
  return { ok: true, value: v.trim().toUpperCase() };
}
