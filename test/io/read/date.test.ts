import { describe, expect, it } from 'vitest';
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
  ] as const)('%s with %s → %s', (raw, pattern, iso) => {
    expect(parseDate(raw, pattern)).toEqual({ ok: true, date: iso });
  });

  it('calls day/month-first dates ambiguous without a pattern', () => {
    const r = parseDate('03/04/2019');
    expect(r).toMatchObject({ ok: false, ambiguous: true });
    expect(parseDate('25/04/2019')).toMatchObject({ ok: false, ambiguous: true });
  });

  it.each(['2019-02-30', '2019-13-01', 'yesterday', ''])('refuses %j', (raw) => {
    expect(parseDate(raw)).toMatchObject({ ok: false, ambiguous: false });
  });

  it('refuses text that does not match the pattern', () => {
    expect(parseDate('2019-03-04', 'dd/MM/yyyy').ok).toBe(false);
  });
});
