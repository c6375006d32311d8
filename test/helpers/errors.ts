import { isOptionsError, type OptionsError } from '../../src/errors.js';

/** The OptionsError `f` throws; any other error is rethrown, and not throwing fails the test. */
export function optionsErrorOf(f: () => unknown): OptionsError {
  try {
    f();
  } catch (e) {
    if (isOptionsError(e)) return e;
    throw e;
  }
  throw new Error('did not throw');
}
