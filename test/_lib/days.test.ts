/**
 * Day numbers: calendar dates as integers, by pure integer arithmetic, checked against the UTC
 * fields of JS Dates (built with setUTCFullYear, which takes years 0–99 as written).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayFromParts, dayOf, isoOf, partsOf } from '../../src/_lib/days.js';
import { runs } from '../helpers/runs.js';
import { FIRST_DAY as FIRST, LAST_DAY as LAST, MS_PER_DAY, utcDay, wideDayArb as dayArb } from '../helpers/days.js';

describe('day numbers', () => {
  it('isoOf, partsOf and dayOf agree with UTC Dates on every day of the years 1–9999', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const d = new Date(day * MS_PER_DAY);
        const iso = d.toISOString().slice(0, 10);
        expect(isoOf(day)).toBe(iso);
        expect(partsOf(day)).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
        expect(dayOf(iso)).toBe(day);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('dayFromParts reads years 0–99 as written and rolls months over into other years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9998 }), fc.integer({ min: -30, max: 40 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        expect(dayFromParts(y, m, d)).toBe(utcDay(y, m, d));
      }),
      { numRuns: runs(1000) },
    );
    expect(isoOf(dayFromParts(50, 1, 1))).toBe('0050-01-01');
    expect(isoOf(dayFromParts(99, 13, 1))).toBe('0100-01-01');
    expect(isoOf(dayFromParts(1, 0, 1))).toBe('0000-12-01');
  });

  it.each([
    ['0001-01-01', FIRST],
    ['9999-12-31', LAST],
    ['0004-02-29', utcDay(4, 2, 29)],
    ['2000-02-29', utcDay(2000, 2, 29)],
  ])('dayOf(%s) is %i', (iso, day) => {
    expect(dayOf(iso)).toBe(day);
  });

  it.each(['0000-01-01', '0000-12-31', '1900-02-29', '0100-02-29', '2014-00-10', '2014-01-00', '+10000-01-01', '-0001-01-01', '2014-1-01'])('dayOf(%s) is undefined (outside the years 1–9999, or not a date)', (iso) => {
    expect(dayOf(iso)).toBeUndefined();
  });
});

describe('the time zone of this run', () => {
  it('is the one TZ names (so the runs under several zones mean something)', () => {
    const tz = process.env['TZ'];
    if (tz === undefined || tz === '') {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBeTruthy();
      return;
    }
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz === 'UTC' ? 'UTC' : tz);
    // Local midnight of 2014-11-03 lies at the zone's own offset from UTC.
    const offset = -new Date(2014, 10, 3).getTimezoneOffset();
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).formatToParts(new Date(2014, 10, 3)).find((p) => p.type === 'timeZoneName')?.value;
    const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/u.exec(parts ?? '');
    const expected = m?.[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    expect(offset).toBe(expected);
  });
});

describe('doc examples', () => {
  it('isoOf(0), dayOf, dayFromParts(1970, 13, 1)', () => {
    expect(isoOf(0)).toBe('1970-01-01');
    expect(dayOf('1970-01-02')).toBe(1);
    expect(dayOf('2014-02-29')).toBeUndefined();
    expect(dayFromParts(1970, 13, 1)).toBe(365);
  });
});
