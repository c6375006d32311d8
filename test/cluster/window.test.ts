import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reachOf, resolveWindow, windowEnd } from '../../src/cluster/window.js';
import type { WindowOption } from '../../src/options/policy.js';
import { dayOf, isoOf } from '../../src/_lib/days.js';
import { periodKey } from '../oracle.js';
import { runs } from '../helpers/runs.js';

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
