import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reachOf, resolveWindow, windowEnd } from '../../src/cluster/window.js';
import type { WindowOption } from '../../src/options/policy.js';
import { dayOf, isoOf } from '../../src/_lib/days.js';
import { periodKey } from '../oracle.js';
import { runs } from '../helpers/runs.js';
import { inZone } from '../helpers/zones.js';
import { MS_PER_DAY, wideDayArb as wideDay } from '../helpers/days.js';
import { addDays, addMonths, getMonth, setMonth, startOfISOWeek, startOfMonth, startOfQuarter, startOfYear, subYears } from 'date-fns';

type PeriodOption = Exclude<WindowOption, { days: number }>;

const periodOption: fc.Arbitrary<PeriodOption> = fc.oneof(
  fc.constantFrom<PeriodOption>({ period: 'day' }, { period: 'week' }, { period: 'month' }, { period: 'quarter' }, { period: 'year' }),
  fc.integer({ min: 1, max: 12 }).map((m): PeriodOption => ({ period: 'fiscalYear', fiscalYearStart: m })),
);

/** Day numbers from 1900 to 2100. */
const day = fc.integer({ min: -25_567, max: 47_482 });

/** Zones far apart, one with a half-hour DST shift, and two that skipped a calendar day (1994-12-31, 2011-12-30). */
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Apia'];
const savedTz = process.env['TZ'];
afterEach(() => {
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});

describe('resolveWindow: calendar periods', () => {
  it.each(ZONES)('in %s, a period is the run of days with one plain calendar key, from periodOf to periodEnd', (tz) => {
    process.env['TZ'] = tz;
    fc.assert(
      fc.property(periodOption, day, (option, d) => {
        const w = resolveWindow(option);
        if (w.kind !== 'period') throw new Error('not a period');
        const start = w.periodOf(d);
        const end = w.periodEnd(d);
        const key = periodKey(option, d);
        expect(start).toBeLessThanOrEqual(d);
        expect(end).toBeGreaterThanOrEqual(d);
        expect(periodKey(option, start)).toBe(key);
        expect(periodKey(option, end)).toBe(key);
        expect(periodKey(option, start - 1)).not.toBe(key);
        expect(periodKey(option, end + 1)).not.toBe(key);
        expect(windowEnd(w, d)).toBe(end);
        expect(reachOf(w)).toBe(Infinity);
      }),
      { numRuns: runs(150) },
    );
  });

  it.each([
    ['Pacific/Kiritimati', '1994-12-31'],
    ['Pacific/Apia', '2011-12-30'],
  ])('in %s, %s (a day the zone skipped) stays in its own day, month and year', (tz, iso) => {
    process.env['TZ'] = tz;
    const d = dayOf(iso) as number;
    expect(resolveWindow({ period: 'day' })).toMatchObject({ kind: 'period' });
    const w = (option: PeriodOption) => resolveWindow(option) as Extract<ReturnType<typeof resolveWindow>, { kind: 'period' }>;
    expect([w({ period: 'day' }).periodOf(d), w({ period: 'day' }).periodEnd(d)]).toEqual([d, d]);
    expect(isoOf(w({ period: 'month' }).periodOf(d))).toBe(`${iso.slice(0, 7)}-01`);
    expect(isoOf(w({ period: 'year' }).periodEnd(d))).toBe(`${iso.slice(0, 4)}-12-31`);
  });

  it.each<[PeriodOption, string]>([
    [{ period: 'day' }, 'the same day'],
    [{ period: 'week' }, 'one calendar week (Monday to Sunday)'],
    [{ period: 'quarter' }, 'one calendar quarter'],
    [{ period: 'fiscalYear', fiscalYearStart: 1 }, 'one fiscal year (January to December)'],
    [{ period: 'fiscalYear', fiscalYearStart: 4 }, 'one fiscal year (starting in April)'],
  ])('%j is called "%s"', (option, label) => {
    expect(resolveWindow(option).label).toBe(label);
  });
});

/**
 * First and last day of the period containing `day`, by date-fns on Dates in UTC (local time is UTC
 * inside {@link inZone}('UTC')), an implementation independent of the window's integer arithmetic.
 */
function dateFnsPeriod(option: PeriodOption, day: number): [number, number] {
  return inZone('UTC', () => {
    const date = new Date(day * MS_PER_DAY);
    let start: Date;
    let next: Date;
    switch (option.period) {
      case 'day':
        return [day, day];
      case 'week':
        start = startOfISOWeek(date);
        next = addDays(start, 7);
        break;
      case 'month':
        start = startOfMonth(date);
        next = addMonths(start, 1);
        break;
      case 'quarter':
        start = startOfQuarter(date);
        next = addMonths(start, 3);
        break;
      case 'year':
        start = startOfYear(date);
        next = addMonths(start, 12);
        break;
      case 'fiscalYear': {
        const first = startOfMonth(setMonth(date, option.fiscalYearStart - 1));
        start = getMonth(date) >= option.fiscalYearStart - 1 ? first : subYears(first, 1);
        next = addMonths(start, 12);
        break;
      }
    }
    return [Math.round(start.getTime() / MS_PER_DAY), Math.round(next.getTime() / MS_PER_DAY) - 1];
  });
}

describe('resolveWindow: calendar periods agree with date-fns in UTC', () => {
  it.each(['UTC', 'Pacific/Kiritimati', 'Pacific/Apia', 'America/St_Johns'])('in %s, over the years 1–9999 (years 1–99 and leap days included)', (tz) => {
    fc.assert(
      fc.property(periodOption, wideDay, (option, d) => {
        const w = inZone(tz, () => resolveWindow(option));
        if (w.kind !== 'period') throw new Error('not a period');
        const expected = dateFnsPeriod(option, d);
        // Some periods of 9999 end in 10000, past the last date a record can carry; their start still counts.
        expect(inZone(tz, () => w.periodOf(d))).toBe(expected[0]);
        expect(inZone(tz, () => w.periodEnd(d))).toBe(expected[1]);
      }),
      { numRuns: runs(400) },
    );
  });

  it.each([
    ['0050-06-15', 'year', '0050-01-01', '0050-12-31'],
    ['0004-02-29', 'month', '0004-02-01', '0004-02-29'],
    ['0099-12-31', 'quarter', '0099-10-01', '0099-12-31'],
    ['0001-01-03', 'week', '0001-01-01', '0001-01-07'],
    ['0100-03-01', 'week', '0100-03-01', '0100-03-07'],
  ] as const)('%s: its %s runs from %s to %s (years 0–99 are not the 1900s)', (iso, period, first, last) => {
    const w = resolveWindow({ period }) as Extract<ReturnType<typeof resolveWindow>, { kind: 'period' }>;
    const d = dayOf(iso) as number;
    expect([isoOf(w.periodOf(d)), isoOf(w.periodEnd(d))]).toEqual([first, last]);
  });
});

describe('resolveWindow: rolling windows', () => {
  it('N days reach N − 1 days on, for any opening day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3660 }), day, (days, d) => {
        const w = resolveWindow({ days });
        expect(w).toMatchObject({ kind: 'rolling', days, reach: days - 1 });
        expect(reachOf(w)).toBe(days - 1);
        expect(windowEnd(w, d)).toBe(d + days - 1);
      }),
      { numRuns: runs(100) },
    );
  });

  it('names the window', () => {
    expect(resolveWindow({ days: 1 }).label).toBe('the same day');
    expect(resolveWindow({ days: 30 }).label).toBe('a 30-day window');
  });

  it('a window open to the end of time ends there', () => {
    expect(windowEnd(resolveWindow({ days: 30 }), Infinity)).toBe(Infinity);
    expect(windowEnd(resolveWindow({ period: 'month' }), Infinity)).toBe(Infinity);
  });
});
