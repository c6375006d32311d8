import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveOptions } from '../../src/options/resolve.js';
import { DEFAULT_SKIP_METHODS, DEFAULT_SUBJECT, DEFAULT_WINDOW } from '../../src/options/options.js';
import { DEFAULT_WEIGHTS } from '../../src/options/reasons.js';
import { optionsErrorOf } from '../helpers/errors.js';
import { runs } from '../helpers/runs.js';

const threshold = (id: string, amount: string, currency = 'CNY') => ({ id, amount, currency, procedure: 'quotation' });

const pathOf = (f: () => unknown) => optionsErrorOf(f).path;

describe('resolveOptions', () => {
  it('fills in every default', () => {
    const o = resolveOptions({ thresholds: [threshold('q', '1000')] });
    expect(o).toMatchObject({ window: DEFAULT_WINDOW, vendor: 'any', linkSameVendor: true, subject: DEFAULT_SUBJECT, currency: 'CNY', band: 0.1, minParts: 2, maxParts: 50, minPartShare: 0.1, minScore: 0.3, weights: DEFAULT_WEIGHTS });
    expect([...o.skipMethods]).toEqual(DEFAULT_SKIP_METHODS.map((m) => m.toLowerCase()));
    expect(o.rule).toBeUndefined();
  });

  it('refuses a maxParts below minParts, given or by default, at maxParts', () => {
    expect(pathOf(() => resolveOptions({ thresholds: [threshold('q', '1000')], minParts: 5, maxParts: 4 }))).toEqual(['maxParts']);
    expect(pathOf(() => resolveOptions({ thresholds: [threshold('q', '1000')], minParts: 51 }))).toEqual(['maxParts']);
    expect(resolveOptions({ thresholds: [threshold('q', '1000')], minParts: 4, maxParts: 4 }).maxParts).toBe(4);
  });

  it('orders thresholds most serious first in the report currency, ties by id, whatever the input order', () => {
    const list = [threshold('b', '1000'), threshold('a', '1000'), threshold('usd', '150', 'USD'), threshold('c', '5000')];
    fc.assert(
      fc.property(fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }), (shuffled) => {
        const o = resolveOptions({ thresholds: shuffled, currency: 'CNY', rates: { USD: '7.1' } });
        expect(o.thresholds.map((t) => [t.threshold.id, t.value.toFixed()])).toEqual([['c', '5000'], ['usd', '1065'], ['a', '1000'], ['b', '1000']]);
      }),
      { numRuns: runs(30) },
    );
  });

  it('resolves a threshold: "just below" from value × (1 − band), validity as day numbers', () => {
    const o = resolveOptions({ thresholds: [{ ...threshold('q', '1000'), validFrom: '1970-01-02', validTo: '1970-01-31' }], band: 0.05 });
    expect(o.thresholds[0]).toMatchObject({ approx: 1000, nearFromApprox: 950, fromDay: 1, toDay: 30, comparison: 'atOrAbove' });
    const open = resolveOptions({ thresholds: [threshold('q', '1000')] }).thresholds[0];
    expect([open?.fromDay, open?.toDay]).toEqual([-Infinity, Infinity]);
  });

  it('merges weights over the defaults and names the rule a preset cites', () => {
    const o = resolveOptions({ thresholds: [threshold('q', '1000')], weights: { span: 0 }, name: 'r', citation: 'Art. 5' });
    expect(o.weights).toEqual({ ...DEFAULT_WEIGHTS, span: 0 });
    expect(o.rule).toEqual({ name: 'r', citation: 'Art. 5' });
  });

  it.each([
    ['several threshold currencies and no report currency', { thresholds: [threshold('a', '1'), threshold('b', '1', 'USD')] }, ['currency']],
    ['a threshold in a currency without a rate (the rate to give)', { thresholds: [threshold('a', '1'), threshold('b', '1', 'USD')], currency: 'CNY' }, ['rates', 'USD']],
    ['a rate that is not a currency code', { thresholds: [threshold('a', '1')], rates: { XYZ: '2' } }, ['rates', 'XYZ']],
    ['a rate that is not positive', { thresholds: [threshold('a', '1')], rates: { USD: '0' } }, ['rates', 'USD']],
    ['a rate of 10^12', { thresholds: [threshold('a', '1')], rates: { USD: '1e12' } }, ['rates', 'USD']],
    ['a rate with 13 decimal places', { thresholds: [threshold('a', '1')], rates: { USD: '0.0000000000001' } }, ['rates', 'USD']],
    ['a rate of 10^-100000000', { thresholds: [threshold('a', '1')], rates: { USD: '1e-100000000' } }, ['rates', 'USD']],
    ['sameCategory without a category prefix', { thresholds: [threshold('a', '1')], subject: { sameCategory: true, categoryPrefix: 0 } }, ['subject', 'categoryPrefix']],
    ['no options at all', null, []],
  ])('throws on %s', (_what, options, path) => {
    expect(pathOf(() => resolveOptions(options as never))).toEqual(path);
  });

  it('says why a rate is bad, with every bad rate at once', () => {
    expect(optionsErrorOf(() => resolveOptions({ thresholds: [threshold('a', '1')], rates: { XYZ: '2', USD: '-1' } })).issues).toEqual([
      { path: ['rates', 'XYZ'], message: '"XYZ" is not an ISO 4217 currency code' },
      { path: ['rates', 'USD'], message: 'rate must be a positive decimal below 10^12 with at most 12 decimal places (units of the report currency per unit of this currency)' },
    ]);
  });

  it('takes rates at their bounds exactly', () => {
    const o = resolveOptions({ thresholds: [threshold('a', '1'), threshold('b', '1', 'USD'), threshold('c', '1', 'VND')], currency: 'CNY', rates: { USD: '999999999999.999999999999', VND: '0.000000000001' } });
    expect(o.rates.get('USD')?.toFixed()).toBe('999999999999.999999999999');
    expect(o.thresholds.map((t) => t.value.toFixed())).toEqual(['999999999999.999999999999', '1', '0.000000000001']);
  });
});
