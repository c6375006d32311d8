/**
 * A reject's `value` is whatever the caller passed: the writers show it as text, and one that
 * cannot be read or serialised (a revoked Proxy, an object whose getters or conversions throw, a
 * cycle) becomes a placeholder that says why, never an exception. BigInts, which JSON lacks, are
 * written as their digits.
 */
import { describe, expect, it } from 'vitest';
import { detectSplits } from '../../../src/detect.js';
import { rejectsToCsv } from '../../../src/io/write/csv.js';
import { REPORT_FORMATS, formatReport } from '../../../src/io/write/formats.js';
import { buildReport } from '../../../src/io/write/scanReport.js';
import type { Reject } from '../../../src/records/record.js';

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const throwing = () => ({
  toString() {
    throw new Error('toString');
  },
  [Symbol.toPrimitive]() {
    throw new Error('toPrimitive');
  },
  toJSON() {
    throw new Error('toJSON');
  },
});

const withThrowingGetter = () =>
  Object.defineProperty({}, 'amount', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });

function cycle(): object {
  const o: Record<string, unknown> = { a: 1 };
  o['self'] = o;
  return o;
}

/** Values no writer can turn into JSON or a string the ordinary way. */
const UNSHOWABLE: readonly [string, () => unknown][] = [
  ['a revoked Proxy', revoked],
  ['an object whose conversions throw', throwing],
  ['an object with a throwing getter', withThrowingGetter],
  ['a cycle', cycle],
];

const reject = (value: unknown): Reject => ({ index: 0, field: 'amount', path: [0, 'amount'], code: 'invalid_amount', message: 'amount must be a decimal', value });
const report = (rejects: readonly Reject[]) => buildReport({ findings: [], rejects, rows: rejects.length, analysed: 0 });

/** The value cell of the one reject of a rejects CSV. */
const valueCell = (csv: string) => (csv.split('\r\n')[1] as string).split(',').slice(8).join(',');

describe('reject values that cannot be shown', () => {
  it.each(UNSHOWABLE)('%s: a placeholder in the rejects CSV', (_name, make) => {
    expect(valueCell(rejectsToCsv([reject(make())]))).toMatch(/^\[a value that cannot be shown: [^\n]+\]$/u);
  });

  it.each(UNSHOWABLE)('%s: every report format is written, the JSON with the placeholder', (_name, make) => {
    const r = report([reject(make())]);
    for (const format of REPORT_FORMATS) expect(() => formatReport(r, format), format).not.toThrow();
    const json = JSON.parse(formatReport(r, 'json')) as { rejects: { value: unknown }[] };
    expect(json.rejects[0]?.value).toMatch(/^\[a value that cannot be shown: .+\]$/u);
  });

  it('shows the values that can be shown as before', () => {
    const cells = ['-718.35', 12, true, null, 10n, Symbol('s'), { a: [1, '2'] }, ['2014-11-03'], { amount: 10n }].map((v) => valueCell(rejectsToCsv([reject(v)])));
    expect(cells).toEqual(['-718.35', '12', 'true', 'null', '10', 'Symbol(s)', '"{""a"":[1,""2""]}"', '"[""2014-11-03""]"', '"{""amount"":""10""}"']);
    const json = JSON.parse(formatReport(report([reject({ a: [1, '2'] }), reject('x'), reject({ amount: 10n })]), 'json')) as { rejects: { value: unknown }[] };
    expect(json.rejects.map((x) => x.value)).toEqual([{ a: [1, '2'] }, 'x', { amount: '10' }]);
  });

  it('from detection: records holding such values are rejects, and the report and CSV are written', () => {
    const thresholds = [{ id: 'T', amount: '1000', currency: 'EUR', procedure: 'tender' }];
    const good = (id: string) => ({ id, buyer: 'B', vendor: 'V', date: '2019-01-02', amount: '600', currency: 'EUR' });
    const records = [good('a'), good('b'), { ...good('c'), amount: revoked() }, { ...good('d'), vendor: throwing() }, revoked(), throwing, { ...good('e'), amount: cycle() }];
    const result = detectSplits(records, { thresholds });
    expect(result.rejects.length).toBe(5);
    const r = buildReport({ findings: result.findings, rejects: result.rejects, rows: records.length, analysed: result.stats.accepted });
    for (const format of REPORT_FORMATS) expect(() => formatReport(r, format), format).not.toThrow();
    expect(() => rejectsToCsv(result.rejects)).not.toThrow();
  });
});
