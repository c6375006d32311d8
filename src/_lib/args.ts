/**
 * Checks of a public function's arguments, made once at its entry (never per record): a caller
 * without TypeScript's types gets an {@link OptionsError} naming the function and the argument —
 * `formatReport: report: must be a report from buildReport, got null` — not a `TypeError` from
 * deep inside; a document given as the wrong type (text, bytes), an {@link InputError}.
 */
import { InputError, OptionsError } from '../errors.js';

type Path = readonly (string | number)[];

/** What a value is, for a message's "got …": `'null'`, `'an array'`, `'a number'`, `'an object'` … */
export function kindOf(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'an array';
  const t = typeof v;
  return /^[aeiou]/u.test(t) ? `an ${t}` : `a ${t}`;
}

/**
 * Throws the {@link OptionsError} of a bad argument: `fn: name: must be what, got …`. `name` is the
 * argument's name, or its path (`['ledgers', 2]`); `'options'` is the options argument (path `[]`).
 * For the hot functions' one-`typeof` checks: `if (typeof s !== 'string') badArgument(…)`.
 */
export function badArgument(fn: string, name: string | Path, what: string, value: unknown): never {
  const message = `must be ${what}, got ${kindOf(value)}`;
  if (name === 'options') throw new OptionsError(fn, [{ path: [], message }]);
  throw new OptionsError(fn, [{ path: typeof name === 'string' ? [name] : name, message }], '');
}

/** Throws the {@link InputError} (`'unreadable'`) of a document given as the wrong type: `fn: name must be what, got …`. */
export function badDocument(fn: string, name: string, what: string, value: unknown): never {
  throw new InputError('unreadable', `${fn}: ${name} must be ${what}, got ${kindOf(value)}`);
}

/** An object argument the function reads fields of: what it is, and the fields read first (each an array or an object). */
export interface Shape {
  readonly what: string;
  readonly fields: Readonly<Record<string, 'array' | 'object'>>;
}

/** A report, from `buildReport` (or after `applyDecisions`). */
export const REPORT: Shape = { what: 'a report from buildReport', fields: { findings: 'array', summary: 'object' } };

/** A ledger, from `readLedger` or `loadLedger` (its `records`, maybe a getter that builds them, are not read). */
export const LEDGER: Shape = { what: 'a ledger from readLedger or loadLedger', fields: { lines: 'array', rejects: 'array', stats: 'object', sources: 'array', warnings: 'array' } };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Checks an argument against `shape`: an object whose fields are of their kinds. O(fields). */
export function checkShape(value: unknown, shape: Shape, fn: string, name: string | Path): void {
  if (!isObject(value) || Array.isArray(value)) badArgument(fn, name, shape.what, value);
  for (const [field, kind] of Object.entries(shape.fields)) {
    const v = value[field];
    if (kind === 'array' ? !Array.isArray(v) : !isObject(v)) badArgument(fn, [...(typeof name === 'string' ? [name] : name), field], `${kind === 'array' ? 'an array' : 'an object'}, as in ${shape.what}`, v);
  }
}

/** Checks an array argument. */
export function checkArray(value: unknown, fn: string, name: string | Path, what = 'an array'): void {
  if (!Array.isArray(value)) badArgument(fn, name, what, value);
}

/** Checks an options argument: absent, or an object (its keys are the function's to check). */
export function checkOptions(value: unknown, fn: string): void {
  if (value !== undefined && (!isObject(value) || Array.isArray(value))) badArgument(fn, 'options', 'an object of options', value);
}
