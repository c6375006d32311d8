import { isInputError, isOptionsError, type InputError, type OptionsError } from '../../src/errors.js';

/** The OptionsError `f` throws; any other error is rethrown, and not throwing fails the test. */
export function optionsErrorOf(f: () => unknown): OptionsError {
  return thrownBy(f, isOptionsError);
}

/** The InputError `f` throws; any other error is rethrown, and not throwing fails the test. */
export function inputErrorOf(f: () => unknown): InputError {
  return thrownBy(f, isInputError);
}

/** What `f` throws when `is` recognises it; any other error is rethrown, and not throwing fails the test. */
function thrownBy<E>(f: () => unknown, is: (e: unknown) => e is E): E {
  try {
    f();
  } catch (e) {
    if (is(e)) return e;
    throw e;
  }
  throw new Error('did not throw');
}
