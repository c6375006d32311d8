import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../helpers/runs.js';
import { parseDate } from '../../../src/io/read/date.js';

describe('parseDate', () => {
  it.each([
    ['2014-11-03', undefined, '2014-11-03'],
    ['2014-11-03T23:30:00-05:00', undefined, '2014-11-03'],
    ['2014-11-03 10:00', undefined, '2014-11-03'],
    ['2014/11/3', undefined, '2014-11-03'],
    ['2014.11.03', undefined, '2014-11-03'],
    ['2014年11月3日', undefined, '2014-11-03'],
    ['20141103', undefined, '2014-11-03'],
    ['03/04/2019', 'dd/MM/yyyy', '2019-04-03'],
    ['03/04/2019', 'MM/dd/yyyy', '2019-03-04'],
    ['01-08-2013', 'MM-dd-yyyy', '2013-01-08'],
    ['23/05/17', 'dd/MM/yy', '2017-05-23'],
    ['23/05/49', 'dd/MM/yy', '2049-05-23'],
    ['23/05/50', 'dd/MM/yy', '1950-05-23'],
    ['27/10/2015 00:00', 'dd/MM/yyyy', '2015-10-27'],
    // An English month name reads one way only, so no pattern is needed (Leeds City Council's
    // payments files write 20-Dec-13).
    ['20-Dec-13', undefined, '2013-12-20'],
    ['4 November 2014', undefined, '2014-11-04'],
    ['3.Sept.2014', undefined, '2014-09-03'],
    ['Dec 20, 2013', undefined, '2013-12-20'],
    ['1-Jan-49', undefined, '2049-01-01'],
  ] as const)('%s with %s → %s', (raw, pattern, iso) => {
    expect(parseDate(raw, pattern)).toEqual({ ok: true, date: iso });
  });

  it('calls day/month-first dates ambiguous without a pattern', () => {
    const r = parseDate('03/04/2019');
    expect(r).toMatchObject({ ok: false, ambiguous: true });
    expect(parseDate('25/04/2019')).toMatchObject({ ok: false, ambiguous: true });
  });

  it.each(['2019-02-30', '2019-13-01', 'yesterday', '', '31-Feb-13', '20-Foo-13'])('refuses %j', (raw) => {
    expect(parseDate(raw)).toMatchObject({ ok: false, ambiguous: false });
  });

  it('says a spreadsheet serial day number is one, which no pattern reads, and how to export dates', () => {
    for (const pattern of [undefined, 'dd/MM/yyyy']) {
      const r = parseDate('42858', pattern);
      expect(r).toEqual({
        ok: false,
        ambiguous: false,
        message: '"42858" looks like a spreadsheet\'s serial day number (2017-05-03 in Excel\'s 1900 date system), which no date format reads: export the dates as text (format the date column as yyyy-mm-dd, then save the file again)',
      });
    }
    expect(parseDate('43831.5')).toMatchObject({ message: expect.stringContaining('(2020-01-01 in Excel') });
    // Past 2099, and four digits (a year?), are not taken for one.
    expect(parseDate('73416')).toMatchObject({ message: expect.stringMatching(/is not a date; give the date format \(option dateFormat; the command: --date-format PATTERN, e\.g\. dd\/MM\/yyyy\)$/u) });
    expect(parseDate('2017')).toMatchObject({ message: expect.stringMatching(/is not a date/u) });
  });

  it('names the option and the flag that give the pattern', () => {
    expect(parseDate('yesterday')).toMatchObject({ message: '"yesterday" is not a date; give the date format (option dateFormat; the command: --date-format PATTERN, e.g. dd/MM/yyyy)' });
    expect(parseDate('23/05/17', 'dd/MM/yyyy')).toMatchObject({ message: '"23/05/17" has a two-digit year, and dd/MM/yyyy asks for four; use dd/MM/yy (option dateFormat; the command: --date-format dd/MM/yy)' });
  });

  it('refuses text that does not match the pattern', () => {
    expect(parseDate('2019.03.04', 'dd/MM/yyyy').ok).toBe(false);
    expect(parseDate('3/4', 'dd/MM/yyyy').ok).toBe(false);
  });
});

describe('parseDate: years read right', () => {
  it('refuses a two-digit year under a four-letter year pattern, and names the pattern that fits', () => {
    const r = parseDate('23/05/17', 'dd/MM/yyyy');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/two-digit year.*dd\/MM\/yy\b/u);
    expect(parseDate('05-23-17', 'MM-dd-yyyy').ok).toBe(false);
  });

  it('hints the pattern with the year width and separator the date has', () => {
    const r = parseDate('23/05/17');
    expect(r).toMatchObject({ ok: false, ambiguous: true });
    if (!r.ok) expect(r.message).toMatch(/give the date format, dd\/MM\/yy or MM\/dd\/yy \(option dateFormat; the command: --date-format dd\/MM\/yy\)$/u);
    const t = parseDate('01-08-2013');
    if (!t.ok) expect(t.message).toMatch(/MM-dd-yyyy/u);
  });

  it.each(['0017-05-23', '1899-12-31', '2100-01-01', '9999-12-31', '17/05/1850'])('refuses %j, outside 1900–2099', (raw) => {
    const r = parseDate(raw, raw.includes('/') ? 'dd/MM/yyyy' : undefined);
    expect(r).toMatchObject({ ok: false, ambiguous: false });
    if (!r.ok) expect(r.message).toMatch(/1900–2099/u);
  });

  it.each([['1900-01-01'], ['2099-12-31']])('takes %j, at the edge of the range', (raw) => {
    expect(parseDate(raw)).toEqual({ ok: true, date: raw });
  });

  it('reads month names and ignores times', () => {
    expect(parseDate('3 Sept 2019', 'd MMM yyyy')).toEqual({ ok: true, date: '2019-09-03' });
    expect(parseDate('03-Mar-2019 14:05', 'dd-MMM-yyyy HH:mm')).toEqual({ ok: true, date: '2019-03-03' });
    expect(parseDate('March 3, 2019', 'MMMM d, yyyy')).toEqual({ ok: true, date: '2019-03-03' });
  });

  it('refuses pattern letters it does not know, as an options error', () => {
    expect(() => parseDate('2019-Q1', 'yyyy-QQ')).toThrow(/"QQ" is not a date pattern letter/u);
  });
});

describe('parseDate: no time zone', () => {
  // Pacific/Kiritimati skipped 31 December 1994 (it moved across the date line): a parser that
  // builds a local Date reads that day as the next one there.
  const zones = ['UTC', 'Pacific/Kiritimati', 'America/Sao_Paulo', 'Asia/Shanghai', 'Pacific/Pago_Pago', 'Europe/London'];
  const saved = process.env['TZ'];
  afterEach(() => {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  });

  it('reads every day of 1950–2049 the same in any zone (property)', () => {
    const day = fc.integer({ min: Date.UTC(1950, 0, 1) / 864e5, max: Date.UTC(2049, 11, 31) / 864e5 }).map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
    for (const tz of zones) {
      process.env['TZ'] = tz;
      expect(parseDate('31/12/94', 'dd/MM/yy'), tz).toEqual({ ok: true, date: '1994-12-31' });
      fc.assert(
        fc.property(day, (iso) => {
          const [y, m, d] = iso.split('-') as [string, string, string];
          expect(parseDate(`${d}/${m}/${y.slice(2)}`, 'dd/MM/yy')).toEqual({ ok: true, date: iso });
          expect(parseDate(`${m}-${d}-${y}`, 'MM-dd-yyyy')).toEqual({ ok: true, date: iso });
        }),
        { numRuns: runs(300) },
      );
    }
  });
});

describe('parseDate: ISO under a pattern', () => {
  it('reads an ISO date whatever the pattern, and only ISO', () => {
    expect(parseDate('2014-02-21', 'MM-dd-yyyy')).toEqual({ ok: true, date: '2014-02-21' });
    expect(parseDate('2014-02-21 00:00:00', 'dd/MM/yyyy')).toEqual({ ok: true, date: '2014-02-21' });
    expect(parseDate('2014/02/21', 'MM-dd-yyyy').ok).toBe(false);
  });
});
