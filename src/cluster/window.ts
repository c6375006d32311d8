import { addMonths, addQuarters, addWeeks, addYears, startOfISOWeek, startOfMonth, startOfQuarter, startOfYear } from 'date-fns';
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

/** A local Date at midnight of a day number, for date-fns's calendar functions. */
function localDate(day: number): Date {
  const [y, m, d] = partsOf(day);
  return new Date(y, m - 1, d);
}

/** Day number of a local Date's calendar date. */
function dayOfLocal(d: Date): number {
  return dayFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Start and next start of the period containing a date, by date-fns's calendar arithmetic. */
function bounds(period: CalendarPeriod, fiscalYearStart: number, date: Date): [Date, Date] {
  switch (period) {
    case 'day':
      return [date, new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1)];
    case 'week': {
      const s = startOfISOWeek(date);
      return [s, addWeeks(s, 1)];
    }
    case 'month': {
      const s = startOfMonth(date);
      return [s, addMonths(s, 1)];
    }
    case 'quarter': {
      const s = startOfQuarter(date);
      return [s, addQuarters(s, 1)];
    }
    case 'year': {
      const s = startOfYear(date);
      return [s, addYears(s, 1)];
    }
    case 'fiscalYear': {
      // Shift back to a calendar year, take its start, shift forward again.
      const s = addMonths(startOfYear(addMonths(startOfMonth(date), -(fiscalYearStart - 1))), fiscalYearStart - 1);
      return [s, addYears(s, 1)];
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
 * calendar period the start and end of the period of any day (computed once per day, with
 * date-fns's calendar arithmetic).
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
    const [s, next] = bounds(period, fiscalYearStart, localDate(day));
    starts.set(day, dayOfLocal(s));
    ends.set(day, dayOfLocal(next) - 1);
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
