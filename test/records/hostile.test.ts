/**
 * Records under hostile input (issue 9): values no ledger holds, records that cannot be read, inputs
 * that are not lists, dates outside the calendar, keys that vanish. Each comes back as a reject with
 * its index, never as a thrown error, a hang or a finding that is not there.
 */
import { describe, expect, it } from 'vitest';
import { detectSplits } from '../../src/detect.js';
import { validateRecords } from '../../src/records/validate.js';
import type { RecordReject } from '../../src/records/record.js';
import { inputErrorOf } from '../helpers/errors.js';

const good = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'A1',
  buyer: 'City Hall',
  vendor: 'Acme Ltd',
  date: '2014-11-03',
  amount: '600',
  currency: 'CNY',
  subject: 'road signs',
  ...over,
});

const OPTIONS = { thresholds: [{ id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation' }], minScore: 0, minPartShare: 0 };

/** The single reject of validating `record` between two good records, checked for its index. */
function rejectOf(record: unknown): RecordReject {
  const { records, rejects } = validateRecords([good({ id: 'OK-0' }), record, good({ id: 'OK-2' })]);
  expect(records.map((r) => r.id)).toEqual(['OK-0', 'OK-2']);
  expect(rejects).toHaveLength(1);
  const r = rejects[0] as RecordReject;
  expect(r.index).toBe(1);
  return r;
}

describe('amounts: bounded, never expanded, never rounded', () => {
  it.each([
    ['1e-100000000', 'a 12-character amount whose expansion has 100 million digits'],
    ['1e-10000000', 'an amount whose expansion has 10 million digits'],
    ['1e-11', 'a digit past the 10th decimal place'],
    ['1e18', '10^18'],
    ['123456789012345678901', 'a 21-digit amount'],
    [`499.${'9'.repeat(70)}`, '73 significant digits'],
    [1e300, 'a JS number of 10^300'],
    [5e-324, 'the smallest JS number'],
  ] as [string | number, string][])('%s (%s) is rejected with amount_out_of_range, at once', (amount) => {
    const start = performance.now();
    const r = rejectOf(good({ id: 'X', amount }));
    expect(performance.now() - start).toBeLessThan(500);
    expect(r.code).toBe('amount_out_of_range');
    expect(r.field).toBe('amount');
    expect(r.path).toEqual([1, 'amount']);
    expect(r.message).toMatch(/amount .* (10\^18|10th decimal place)/u);
    // The message stays short, whatever the amount's length.
    expect(r.message.length).toBeLessThan(200);
  });

  it('1e-100000000 with minPartShare 0 neither hangs nor writes the expansion anywhere', () => {
    const start = performance.now();
    const result = detectSplits([good({ id: 'A', amount: '1e-100000000' }), good({ id: 'B', amount: '1000' })], OPTIONS);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(result.rejects.map((r) => [r.id, r.code])).toEqual([['A', 'amount_out_of_range']]);
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  });

  it('500 + 499.999… (70 nines) does not "reach" 1,000: the second amount is rejected, not rounded', () => {
    const result = detectSplits([good({ id: 'A', amount: '500' }), good({ id: 'B', amount: `499.${'9'.repeat(70)}` })], OPTIONS);
    expect(result.findings).toEqual([]);
    expect(result.rejects.map((r) => [r.id, r.code])).toEqual([['B', 'amount_out_of_range']]);
  });

  it('amounts at the bounds are accepted and summed exactly', () => {
    // A + B stays one ten-billionth under the limit, so all three parts are needed to reach it.
    const big = { thresholds: [{ id: 'big', amount: '999999999999999999.9999999999', currency: 'CNY', procedure: 'x' }], minScore: 0, minPartShare: 0 };
    const result = detectSplits([good({ id: 'A', amount: '500000000000000000' }), good({ id: 'B', amount: '499999999999999999.9999999998' }), good({ id: 'C', amount: '0.0000000002' })], big);
    expect(result.rejects).toEqual([]);
    expect(result.findings.map((f) => f.total)).toEqual(['1000000000000000000.00']);
  });
});

describe('records that cannot be read are rejects, never thrown', () => {
  const throwingGetter = (field: string) => {
    const r = good({ id: 'X' });
    Object.defineProperty(r, field, { enumerable: true, get: () => { throw new Error(`no ${field} for you`); } });
    return r;
  };
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable(good({ id: 'X' }), {});
    revoke();
    return proxy;
  };
  const throwing = (trap: keyof ProxyHandler<object>) => new Proxy(good({ id: 'X' }), { [trap]: () => { throw new Error(`${trap} trap`); } });

  it.each([
    ['a throwing getter on amount', () => throwingGetter('amount'), 'amount'],
    ['a throwing getter on vendor', () => throwingGetter('vendor'), 'vendor'],
    ['a throwing getter on a pass-through field', () => throwingGetter('note'), 'note'],
    ['a revoked Proxy', revoked, ''],
    ['a Proxy whose get trap throws', () => throwing('get'), ''],
    ['a Proxy whose getPrototypeOf trap throws', () => throwing('getPrototypeOf'), ''],
    ['a Proxy whose ownKeys trap throws', () => throwing('ownKeys'), ''],
    ['a revoked Proxy as the date', () => good({ id: 'X', date: revoked() }), 'date'],
    ['a Proxy of a Date as the date', () => good({ id: 'X', date: new Proxy(new Date(2014, 10, 3), {}) }), 'date'],
    ['a currency whose toString throws', () => good({ id: 'X', currency: { toString: () => { throw new Error('no text'); } } }), 'currency'],
    ['a currency that is a revoked Proxy', () => good({ id: 'X', currency: revoked() }), 'currency'],
    ['an amount that is a Symbol', () => good({ id: 'X', amount: Symbol('1') }), 'amount'],
    ['an id that is a BigInt', () => good({ id: 10n }), 'id'],
  ] as [string, () => unknown, string][])('%s is a reject at its index', (_name, make, field) => {
    const r = rejectOf(make());
    if (field === '') {
      expect(['unreadable_record', 'not_an_object']).toContain(r.code);
      expect(r.path[0]).toBe(1);
    } else {
      expect(r.field).toBe(field);
      expect(r.path).toEqual([1, field]);
    }
    expect(r.message.length).toBeGreaterThan(10);
  });

  it('a Date is read by its own calendar value, whatever methods it carries', () => {
    const d = new Date(2014, 10, 3);
    Object.defineProperty(d, 'getFullYear', { value: () => { throw new Error('no year'); } });
    Object.defineProperty(d, 'getTime', { value: () => Number.NaN });
    const { records, rejects } = validateRecords([good({ date: d })]);
    expect(rejects).toEqual([]);
    expect(records[0]?.date).toBe('2014-11-03');
  });

  it('a record whose getter throws is rejected as unreadable, naming the field and the error', () => {
    const r = rejectOf(throwingGetter('amount'));
    expect(r).toMatchObject({ code: 'unreadable_record', field: 'amount', path: [1, 'amount'] });
    expect(r.message).toMatch(/amount.*no amount for you/u);
    expect('value' in r).toBe(false);
  });

  it('null and undefined records are rejects', () => {
    const { rejects } = validateRecords([null, undefined, good()]);
    expect(rejects.map((r) => [r.index, r.code])).toEqual([[0, 'not_an_object'], [1, 'not_an_object']]);
  });

  it('detectSplits accounts for every unreadable record', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const result = detectSplits([proxy, throwingGetter('date'), good({ id: 'A' }), good({ id: 'B' })], OPTIONS);
    expect(result.stats).toMatchObject({ input: 4, accepted: 2, rejected: 2 });
    expect(result.rejects.map((r) => r.index)).toEqual([0, 1]);
    expect(result.findings.map((f) => f.recordIds)).toEqual([['A', 'B']]);
  });
});

describe('records: any iterable of records, and nothing else', () => {
  const ledger = [good({ id: 'A' }), good({ id: 'B' }), null, good({ id: 'C', amount: 'x' })];

  function* streamed(): Generator<unknown> {
    yield* ledger;
  }

  it.each([
    ['an array', () => ledger],
    ['a Set', () => new Set(ledger)],
    ['a generator', () => streamed()],
    ['an iterable object', () => ({ [Symbol.iterator]: () => ledger[Symbol.iterator]() })],
  ] as [string, () => Iterable<unknown>][])('%s gives the same result as the array, indexes in iteration order', (_name, make) => {
    const expected = detectSplits(ledger, OPTIONS);
    const result = detectSplits(make(), OPTIONS);
    expect(result).toEqual(expected);
    expect(result.stats).toMatchObject({ input: 4, accepted: 2, rejected: 2 });
    expect(result.rejects.map((r) => [r.index, r.code])).toEqual([[2, 'not_an_object'], [3, 'invalid_amount']]);
    expect(validateRecords(make())).toEqual(validateRecords(ledger));
  });

  it('a Map yields its entries, which are not records: each a reject', () => {
    const result = detectSplits(new Map([['a', good()]]), OPTIONS);
    expect(result.stats).toMatchObject({ input: 1, accepted: 0, rejected: 1 });
    expect(result.rejects[0]?.code).toBe('not_an_object');
  });

  it.each([
    ['a number', 42, /got a number/u],
    ['a string', 'A1,City Hall,Acme,2014-11-03,100,CNY', /a string is not a ledger/u],
    ['a String object', new String('abc'), /a string is not a ledger/u],
    ['a plain object', { a: good() }, /got an object/u],
    ['an array-like with length −1', { length: -1 }, /got an object/u],
    ['null', null, /got null/u],
    ['undefined', undefined, /got undefined/u],
    ['a revoked Proxy', (() => { const p = Proxy.revocable([], {}); p.revoke(); return p.proxy; })(), /records/u],
    ['an object whose Symbol.iterator getter throws', { get [Symbol.iterator]() { throw new Error('no'); } }, /records/u],
  ])('%s is an InputError naming the function, for detectSplits and validateRecords', (_name, records, message) => {
    for (const [fn, call] of [
      ['detectSplits', () => detectSplits(records as never, OPTIONS)],
      ['validateRecords', () => validateRecords(records as never)],
    ] as const) {
      const e = inputErrorOf(call);
      expect(e.code).toBe('invalid_records');
      expect(e.message).toMatch(new RegExp(`^${fn}: records`, 'u'));
      expect(e.message).toMatch(message);
    }
  });

  it('an iterator that throws part-way is an InputError saying how far it got', () => {
    function* failing(): Generator<unknown> {
      yield good({ id: 'A' });
      yield good({ id: 'B' });
      throw new Error('connection lost');
    }
    const e = inputErrorOf(() => detectSplits(failing(), OPTIONS));
    expect(e.code).toBe('unreadable_records');
    expect(e.message).toMatch(/after 2 records.*connection lost/u);
    expect(e.path).toEqual([2]);
  });
});
