import type { CalendarPeriod, WindowOption } from '../options/policy.js';
import { dayFromParts, partsOf } from '../_lib/days.js';

/**
 * A window resolved for the detector. A rolling window of N days links dates at most `reach` =
 * N − 1 days apart; a calendar window links dates in the same period, named by the day number of
 * its first day.
 */
export type Window =
  | { readonly kind: 'rolling'; readonly days: number; readonly reach: number; readonly label: string }
  | {
      readonly kind: 'period';
      readonly period: CalendarPeriod;
      readonly fiscalYearStart: number;
      /** Nominal length in days (used to judge how tight a span is). */
      readonly days: number;
      readonly label: string;
      /** Day number of the first day of the period containing `day`. */
      readonly periodOf: (day: number) => number;
      /** Day number of the last day of the period containing `day`. */
      readonly periodEnd: (day: number) => number;
    };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const NOMINAL: Record<CalendarPeriod, number> = { day: 1, week: 7, month: 31, quarter: 92, year: 366, fiscalYear: 366 };

/**
 * First day and first day of the next period of the period containing a day number, by calendar
 * arithmetic on day numbers (no local Date: a day a time zone skipped, such as 1994-12-31 in
 * Kiribati, is still its own day). Weeks are ISO weeks, Monday first (1970-01-05 was a Monday).
 */
function bounds(period: CalendarPeriod, fiscalYearStart: number, day: number): [number, number] {
  if (period === 'day') return [day, day + 1];
  if (period === 'week') {
    const monday = day - ((((day - 4) % 7) + 7) % 7);
    return [monday, monday + 7];
  }
  const [y, m] = partsOf(day);
  switch (period) {
    case 'month':
      return [dayFromParts(y, m, 1), dayFromParts(y, m + 1, 1)];
    case 'quarter': {
      const first = m - ((m - 1) % 3);
      return [dayFromParts(y, first, 1), dayFromParts(y, first + 3, 1)];
    }
    case 'year':
      return [dayFromParts(y, 1, 1), dayFromParts(y + 1, 1, 1)];
    case 'fiscalYear': {
      const start = m >= fiscalYearStart ? y : y - 1;
      return [dayFromParts(start, fiscalYearStart, 1), dayFromParts(start + 1, fiscalYearStart, 1)];
    }
  }
}

/**
 * The last day a window opened on `day` covers: `day + reach` for a rolling window, the last day of
 * `day`'s period for a calendar one.
 */
export function windowEnd(w: Window, day: number): number {
  return w.kind === 'rolling' ? day + w.reach : day === Infinity ? Infinity : w.periodEnd(day);
}

/**
 * The most days two dates of one window may lie apart: N − 1 for `{ days: N }`; unbounded for a
 * calendar window, whose records are kept apart by period instead.
 */
export function reachOf(w: Window): number {
  return w.kind === 'rolling' ? w.reach : Infinity;
}

/**
 * Resolves a window option (already validated): its reach, label and nominal length, and for a
 * calendar period the start and end of the period of any day (computed once per day, on day
 * numbers: the same in every time zone).
 *
 * @example
 * resolveWindow({ days: 30 }) //=> { kind: 'rolling', days: 30, reach: 29, label: 'a 30-day window' }
 */
export function resolveWindow(option: WindowOption): Window {
  if ('days' in option) {
    const n = option.days;
    return { kind: 'rolling', days: n, reach: n - 1, label: n === 1 ? 'the same day' : `a ${n}-day window` };
  }
  const period = option.period;
  const fiscalYearStart = option.period === 'fiscalYear' ? option.fiscalYearStart : 1;
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  const compute = (day: number): void => {
    const [start, next] = bounds(period, fiscalYearStart, day);
    starts.set(day, start);
    ends.set(day, next - 1);
  };
  const label =
    period === 'fiscalYear'
      ? fiscalYearStart === 1
        ? 'one fiscal year (January to December)'
        : `one fiscal year (starting in ${MONTHS[fiscalYearStart - 1]})`
      : period === 'day'
        ? 'the same day'
        : period === 'week'
          ? 'one calendar week (Monday to Sunday)'
          : `one calendar ${period}`;
  return {
    kind: 'period',
    period,
    fiscalYearStart,
    days: NOMINAL[period],
    label,
    periodOf(day) {
      let s = starts.get(day);
      if (s === undefined) {
        compute(day);
        s = starts.get(day) as number;
      }
      return s;
    },
    periodEnd(day) {
      let e = ends.get(day);
      if (e === undefined) {
        compute(day);
        e = ends.get(day) as number;
      }
      return e;
    },
  };
}
