import { InputError } from '../errors.js';
import { thrownText } from '../_lib/thrown.js';

/**
 * The records a caller passes, as an array: any iterable of records (an array, a Set, a generator —
 * how a notebook streams a ledger), read once in iteration order, which gives each record its index.
 * A string is iterable but is not a ledger (its characters would each become a reject), so it is
 * refused, as is anything that is not iterable (a number, a plain object, an array-like `{ length }`).
 *
 * Runs in O(n); an array is used as it is.
 *
 * @throws {InputError} code `invalid_records` when `records` is not an iterable of records, and
 * `unreadable_records` when iterating it throws part-way (path: the index it stopped at), both
 * messages beginning with `fn`.
 * @example
 * recordArray(new Set([{ id: 'A1' }]), 'detectSplits') //=> [{ id: 'A1' }]
 * recordArray(42, 'detectSplits')
 * //=> throws InputError 'detectSplits: records must be an iterable of records (an array, a Set, a generator …), got a number'
 */
export function recordArray(records: unknown, fn: string): readonly unknown[] {
  let iterate: unknown;
  try {
    if (Array.isArray(records)) return records;
    if (typeof records === 'string' || records instanceof String) {
      throw new InputError('invalid_records', `${fn}: records must be an iterable of records; a string is not a ledger (read a file with readLedger)`);
    }
    iterate = typeof records === 'object' && records !== null ? (records as { [Symbol.iterator]?: unknown })[Symbol.iterator] : undefined;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw notIterable(fn, 'an object that cannot be read', e);
  }
  if (typeof iterate !== 'function') throw notIterable(fn, kindOf(records));
  const out: unknown[] = [];
  try {
    for (const record of records as Iterable<unknown>) out.push(record);
  } catch (e) {
    const error = new InputError('unreadable_records', `${fn}: records could not be read after ${out.length} record${out.length === 1 ? '' : 's'}: ${thrownText(e)}`, [out.length]);
    (error as { cause?: unknown }).cause = e;
    throw error;
  }
  return out;
}

function notIterable(fn: string, got: string, cause?: unknown): InputError {
  const error = new InputError('invalid_records', `${fn}: records must be an iterable of records (an array, a Set, a generator …), got ${got}`);
  if (cause !== undefined) (error as { cause?: unknown }).cause = cause;
  return error;
}

/** "a number", "an object", "null" … */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  const t = typeof v;
  return /^[aeiou]/u.test(t) ? `an ${t}` : `a ${t}`;
}
