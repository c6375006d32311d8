/**
 * Errors splitscan throws. Bad *data* never throws: it comes back as {@link Reject}s. Bad *options*
 * (a caller's mistake) throw an {@link OptionsError} naming the function and the option.
 *
 * @example
 * // records: purchase records (here the seed's, seeds/chengxi-2014.csv; docs/examples.md lists such names)
 * detectSplits(records, { thresholds: [] }) //=> throws OptionsError 'detectSplits: options.thresholds: give at least one threshold'
 * let error; try { detectSplits(records, { thresholds: [] }) } catch (e) { error = e }
 * isSplitscanError(error) && [error.code, error.path] //=> ['invalid_options', ['thresholds']]
 */
/**
 * Marks splitscan's errors with their kind under a registry symbol, so the guards below recognise
 * them whichever copy of this module threw them: the ESM and CJS builds, each entry point, or two
 * installed versions of the package (`instanceof` sees only its own copy's classes).
 */
const KIND = Symbol.for('splitscan.error');

/** The kinds the guards tell apart. */
type ErrorKind = 'SplitscanError' | 'OptionsError' | 'InputError';

function brand(error: SplitscanError, kind: ErrorKind): void {
  Object.defineProperty(error, KIND, { value: kind, configurable: true });
}

function kindOf(e: unknown): unknown {
  return typeof e === 'object' && e !== null ? (e as { [KIND]?: unknown })[KIND] : undefined;
}

export class SplitscanError extends Error {
  override name = 'SplitscanError';
  /** A stable machine-readable code. */
  readonly code: string;
  /** Path to the offending option or field, e.g. `['thresholds', 0, 'amount']`. */
  readonly path: readonly (string | number)[];

  constructor(code: string, message: string, path: readonly (string | number)[] = []) {
    super(message);
    this.code = code;
    this.path = path;
    brand(this, 'SplitscanError');
  }
}

/** A bad option or argument passed to a splitscan function (a programming or configuration mistake). */
export class OptionsError extends SplitscanError {
  override name = 'OptionsError';
  /** Every problem found, each with its path. */
  readonly issues: readonly OptionIssue[];

  /**
   * `of`: what the issues' paths start in, shown before them: `'options'`, or `''` when a path
   * starts with the name of another argument (`formatReport: report.findings: must be an array …`).
   */
  constructor(fn: string, issues: readonly OptionIssue[], of = 'options') {
    const first = issues[0];
    const where = (p: readonly (string | number)[]) => (of === '' ? p.join('.') : p.length ? `${of}.${p.join('.')}` : of);
    const text = issues.map((i) => `${where(i.path)}: ${i.message}`).join('; ');
    super('invalid_options', `${fn}: ${text}`, first?.path ?? []);
    this.issues = issues;
    brand(this, 'OptionsError');
  }
}

/** One problem with an option. */
export interface OptionIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Input that cannot be read at all (a file, an encoding, a whole document), as opposed to a bad row. */
export class InputError extends SplitscanError {
  override name = 'InputError';

  constructor(code: string, message: string, path: readonly (string | number)[] = []) {
    super(code, message, path);
    brand(this, 'InputError');
  }
}

/**
 * True when `e` is any error thrown by splitscan, from whichever build or installed copy (the guards
 * read a `Symbol.for('splitscan.error')` brand, not `instanceof`).
 */
export function isSplitscanError(e: unknown): e is SplitscanError {
  return kindOf(e) !== undefined;
}

/** True when `e` is an {@link OptionsError} (from any build or copy, as {@link isSplitscanError}). */
export function isOptionsError(e: unknown): e is OptionsError {
  return kindOf(e) === 'OptionsError';
}

/** True when `e` is an {@link InputError} (from any build or copy, as {@link isSplitscanError}). */
export function isInputError(e: unknown): e is InputError {
  return kindOf(e) === 'InputError';
}
