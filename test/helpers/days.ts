/**
 * Day numbers computed independently of the library (with UTC Dates, built by setUTCFullYear, which
 * takes the years 0–99 as written), and a generator of days over the whole calendar.
 */
import fc from 'fast-check';

export const MS_PER_DAY = 86_400_000;

/** The day number of a year, month (any integer, rolling over) and day of month, by a UTC Date. */
export function utcDay(year: number, month: number, date: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, date);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Day numbers of 0001-01-01 and 9999-12-31: the first and last day a record can carry. */
export const FIRST_DAY = utcDay(1, 1, 1);
export const LAST_DAY = utcDay(9999, 12, 31);

/** Days over the years 1–9999, weighted towards the years 1–99 and to month ends and leap days. */
export const wideDayArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
  fc.integer({ min: FIRST_DAY, max: utcDay(100, 12, 31) }),
  fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(-1, 0, 1, 28, 29))
    .map(([y, m, d]) => Math.min(LAST_DAY, Math.max(FIRST_DAY, utcDay(y, m, d)))),
);
