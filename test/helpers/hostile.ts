/**
 * Reusable fast-check generators of hostile input for the fuzz suite (test/fuzz/): values of every
 * type a caller might pass where a record field or an option is expected, records that throw when
 * read, and numbers at and past the edges of what the library accepts.
 */
import fc from 'fast-check';

/** Weights from 0 through subnormals and ordinary values to the largest double. */
export const extremeWeightArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, Number.MIN_VALUE, 1e-320, 1e-300, 1, 3, 1e300, 1e308, Number.MAX_VALUE),
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 10, noNaN: true }),
);
