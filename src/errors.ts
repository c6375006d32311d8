/**
 * Errors splitscan throws. Bad *data* never throws: it comes back as {@link Reject}s. Bad *options*
 * (a caller's mistake) throw an {@link OptionsError} naming the function and the option.
 *
 * @example
 * try { detectSplits(records, { thresholds: [] }) }
 * catch (e) { if (isSplitscanError(e)) console.log(e.code, e.path) }
 * //=> 'invalid_options' ['thresholds']
 */
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
  }
}

/** A bad option passed to a splitscan function (a programming or configuration mistake). */
export class OptionsError extends SplitscanError {
  override name = 'OptionsError';
  /** Every problem found, each with its path. */
  readonly issues: readonly OptionIssue[];

  constructor(fn: string, issues: readonly OptionIssue[]) {
    const first = issues[0];
    const where = (p: readonly (string | number)[]) => (p.length ? `options.${p.join('.')}` : 'options');
    const text = issues.map((i) => `${where(i.path)}: ${i.message}`).join('; ');
    super('invalid_options', `${fn}: ${text}`, first?.path ?? []);
    this.issues = issues;
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
}

/** True when `e` is any error thrown by splitscan. */
export function isSplitscanError(e: unknown): e is SplitscanError {
  return e instanceof SplitscanError;
}

/** True when `e` is an {@link OptionsError}. */
export function isOptionsError(e: unknown): e is OptionsError {
  return e instanceof OptionsError;
}

/** True when `e` is an {@link InputError}. */
export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
