/**
 * A reject's `value` is whatever a caller passed where a field was expected: the writers show it
 * as text or as plain JSON data, and a value that cannot be read or serialised (a revoked Proxy, a
 * getter, `toJSON` or conversion that throws, a cycle) as a placeholder that says why. Nothing
 * here throws.
 */
import { thrownText } from '../../_lib/thrown.js';

/** What stands for a value that cannot be shown. */
const unshowable = (why: string): string => `[a value that cannot be shown: ${why}]`;

/** JSON with BigInts written as their digits (JSON has no BigInt). */
const json = (value: unknown): string | undefined => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * A value as one line of text: a string as it is, a number, boolean, BigInt, symbol or null as
 * written, an object or array as JSON, `undefined` as ''. Runs in O(size of the value).
 *
 * @example
 * valueText(-718.35)         //=> '-718.35'
 * valueText({ a: [1, '2'] }) //=> '{"a":[1,"2"]}'
 * valueText(10n)             //=> '10'
 * const { proxy, revoke } = Proxy.revocable({}, {});
 * revoke();
 * valueText(proxy) //=> "[a value that cannot be shown: TypeError: Cannot perform 'get' on a proxy that has been revoked]"
 */
export function valueText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    if (typeof value === 'function') return unshowable('a function');
    if (typeof value === 'symbol' || typeof value === 'bigint') return value.toString();
    return json(value) ?? unshowable('not JSON');
  } catch (e) {
    return unshowable(thrownText(e).split('\n')[0] as string);
  }
}

/**
 * A value as plain JSON data for a report: strings, numbers, booleans and null as they are, any
 * other value as a copy made of plain data (BigInts and symbols as text), or the placeholder text
 * of {@link valueText}. Runs in O(size of the value).
 *
 * @example
 * plainValue({ a: [1, '2'] }) //=> { a: [1, '2'] }
 * plainValue(10n)             //=> '10'
 */
export function plainValue(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return valueText(value);
  const text = valueText(value);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
