/** getPreset, listPresets, presets and loadThresholds: the public surface of src/presets. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isInputError } from '../../src/errors.js';
import { optionsErrorOf } from '../helpers/errors.js';
import { getPreset, listPresets, loadThresholds, presetKey, presetNames, presets } from '../../src/presets/index.js';
import { detectSplits } from '../../src/detect.js';
import { OPTION_KEYS, type OptionKey } from '../../src/options/options.js';

const REQUIRED_POLICIES = ['cn-gpl-art28', 'eu-2014-24', 'us-far-13', 'pcard', 'ua-922', 'br-14133', 'uk-pa2023'];
const REQUIRED_TABLES = ['cn-central', 'cn-hangzhou', 'eu', 'us-far', 'uk', 'ua', 'br'];


describe('listPresets', () => {
  const list = listPresets();
  it('lists the policies the issue names, then the threshold tables', () => {
    expect(list.filter((p) => p.kind === 'policy').map((p) => p.name)).toEqual(REQUIRED_POLICIES);
    for (const n of REQUIRED_TABLES) expect(list.find((p) => p.name === n)?.kind).toBe('thresholds');
    expect(list.map((p) => p.name)).toEqual(presetNames());
  });
  it.each(list.map((p) => [p.name, p] as const))('%s has a description, citation and camelCase key', (name, p) => {
    expect(p.description.length).toBeGreaterThan(80);
    expect(p.citation.length).toBeGreaterThan(5);
    expect(p.key).toBe(presetKey(name));
    expect(p.key).toMatch(/^[a-z][A-Za-z0-9_]*$/u);
    expect(Object.prototype.hasOwnProperty.call(presets, p.key), `presets.${p.key}`).toBe(true);
  });
  it.each(list.map((p) => [p.name, p] as const))('%s: docs/presets.md quotes its description word for word (what `splitscan presets` prints)', (_name, p) => {
    expect(readFileSync(new URL('../../docs/presets.md', import.meta.url), 'utf8')).toContain(p.description);
  });
  it('keys follow the documented scheme', () => {
    expect(['cn-central', 'eu-2014-24', 'us-far-13', 'ua-922', 'uk-pa2023', 'eu-utilities-social'].map(presetKey)).toEqual([
      'cnCentral', 'eu2014_24', 'usFar13', 'ua922', 'ukPa2023', 'euUtilitiesSocial',
    ]);
  });
  it('says what pcard requires and gives coverage dates', () => {
    expect(list.find((p) => p.name === 'pcard')?.requires).toEqual(['limit', 'currency']);
    expect(list.find((p) => p.name === 'cn-hangzhou')).toMatchObject({ from: '2011-01-01', to: '2018-12-31' });
    expect(list.find((p) => p.name === 'us-far')?.to).toBeUndefined();
  });
});

describe('getPreset', () => {
  it('returns the shape the issue specifies', () => {
    const p = getPreset('eu-2014-24');
    expect(p).toMatchObject({ name: 'eu-2014-24', window: { days: 366 }, vendor: 'any', currency: 'EUR', subject: { categoryPrefix: 3, sameCategory: true } });
    expect(p.thresholds.find((t) => t.id === 'EU-2024-W')).toMatchObject({ amount: '5538000', categories: ['45'], validFrom: '2024-01-01', validTo: '2025-12-31', vat: 'net' });
  });

  it('accepts the presets key as a name too', () => {
    expect(getPreset('eu2014_24')).toEqual(getPreset('eu-2014-24'));
  });

  it('returns a fresh deep copy every time (property: any mutation leaves the next copy intact)', () => {
    const names = presetNames().filter((n) => n !== 'pcard');
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), (name, k) => {
        const before = getPreset(name);
        const p = getPreset(name);
        const t = p.thresholds[k % p.thresholds.length];
        if (t) {
          t.amount = '1';
          t.categories?.push('ZZ');
          t.excludeCategories?.push('ZZ');
        }
        if (p.subject) p.subject.categoryPrefix = 99;
        (p.skipMethods as string[] | undefined)?.push('zz');
        p.thresholds.length = 0;
        expect(getPreset(name)).toEqual(before);
      }),
    );
    const a = getPreset('cn-central');
    a.thresholds[0]?.excludeCategories?.push('A');
    expect(a.thresholds[1]?.categories).toEqual(['B']);
    expect(a.thresholds[2]?.excludeCategories).toEqual(['B']);
    expect(presets.eu).not.toBe(presets.eu);
  });

  it('throws an OptionsError listing the known names on an unknown name', () => {
    const e = optionsErrorOf(() => getPreset('eu-2004-18'));
    expect(e.path).toEqual(['name']);
    expect(e.message).toContain('unknown preset "eu-2004-18"');
    for (const n of presetNames()) expect(e.message).toContain(n);
  });

  it('overrides any part; subject and weights merge field by field; undefined is ignored', () => {
    const p = getPreset('eu-2014-24', { window: { period: 'fiscalYear', fiscalYearStart: 1 }, subject: { minSimilarity: 0.5 }, band: undefined, name: 'my-rule' });
    expect(p.window).toEqual({ period: 'fiscalYear', fiscalYearStart: 1 });
    expect(p.subject).toEqual({ categoryPrefix: 3, sameCategory: true, minSimilarity: 0.5 });
    expect(p.name).toBe('my-rule');
    expect('band' in p).toBe(false);
    const central = getPreset('eu-central').thresholds;
    expect(getPreset('eu-2014-24', { thresholds: central }).thresholds).toEqual(central);
  });

  /** A valid value of every detectSplits option, as getPreset overrides it. */
  const SAMPLES: Record<OptionKey, unknown> = {
    thresholds: [{ id: 'mine', amount: '500', currency: 'EUR', procedure: 'quotation' }],
    window: { period: 'month' },
    vendor: 'same',
    linkSameVendor: false,
    subject: { minSimilarity: 0.5 },
    currency: 'EUR',
    rates: { USD: '0.9' },
    vat: { amounts: 'net', rate: '0.2' },
    band: 0.05,
    minParts: 3,
    maxParts: 20,
    runs: 'window',
    minPartShare: 0.2,
    skipMethods: ['open'],
    exclude: { vendors: ['Acme'], categories: ['45'] },
    placeholderVendors: ['Various'],
    minScore: 0.5,
    weights: { justBelow: 5 },
    name: 'my-rule',
    citation: 'Art. 1',
    description: 'my own rule',
  };

  it('has a sample of every option', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...OPTION_KEYS].sort());
  });

  it.each(Object.entries(SAMPLES))('overrides %s, and detectSplits takes the result', (key, value) => {
    const p = getPreset('eu-2014-24', { [key]: value });
    const merged = key === 'subject' || key === 'weights' || key === 'exclude' ? expect.objectContaining(value as object) : value;
    expect((p as unknown as Record<string, unknown>)[key]).toEqual(merged);
    expect(detectSplits([], p).findings).toEqual([]);
  });

  it.each([
    ['an unknown option', 'eu', { windw: { days: 3 } }, ['windw'], 'did you mean "window"?'],
    ['a misspelt subject field', 'eu', { subject: { minSim: 0.2 } }, ['subject', 'minSim'], 'did you mean "minSimilarity"?'],
    ['a bad option value', 'eu', { band: 2 }, ['band'], 'band must be in [0, 1)'],
    ['limit on another preset', 'eu', { limit: '3000' }, ['limit'], 'only the pcard preset'],
    ['pcard without a limit', 'pcard', {}, ['limit'], "getPreset('pcard', { limit: '3000', currency: 'CAD' })"],
    ['pcard without a currency', 'pcard', { limit: '3000' }, ['currency'], 'currency'],
    ['pcard with a bad limit', 'pcard', { limit: '-5', currency: 'CAD' }, ['limit'], 'positive decimal'],
    ['bad override thresholds', 'eu', { thresholds: [{ id: 'x', amount: 'lots', currency: 'EUR', procedure: 'p' }] }, ['thresholds', 0, 'amount'], 'positive decimal'],
    ['a misspelt tier', 'uk-pa2023', { tier: 'subcentral' }, ['tier'], 'did you mean "sub-central"?'],
    ['a tier on a preset without tiers', 'ua-922', { tier: 'central' }, ['tier'], 'ua-922 has no tiers'],
  ] as const)('rejects %s', (_what, name, overrides, path, text) => {
    const e = optionsErrorOf(() => getPreset(name, overrides as never));
    expect(e.path).toEqual(path);
    expect(e.message).toContain(text);
  });

  it('builds pcard from the user-set limit (strictly above the limit, like a card decline)', () => {
    const p = presets.pcard({ limit: 3000, currency: 'cad' });
    expect(p).toMatchObject({ name: 'pcard', vendor: 'same', window: { days: 1 }, currency: 'CAD' });
    expect(p.thresholds).toEqual([expect.objectContaining({ id: 'PCARD-LIMIT', amount: '3000', currency: 'CAD', comparison: 'above' })]);
    expect(getPreset('pcard', { thresholds: [{ id: 'mine', amount: '500', currency: 'GBP', procedure: 'p' }] }).thresholds[0]?.id).toBe('mine');
  });
});

describe('tiers: one buyer type of a preset that mixes them', () => {
  const ids = (p: { thresholds: readonly { id: string }[] }) => p.thresholds.map((t) => t.id);

  it.each([
    ['uk-pa2023', 'sub-central', 'uk-sub-central'],
    ['uk-pa2023', 'central', 'uk-central'],
    ['eu-2014-24', 'sub-central', 'eu-sub-central'],
    ['eu-2014-24', 'central', 'eu-central'],
    ['uk', 'sub-central', 'uk-sub-central'],
    ['eu', 'central', 'eu-central'],
  ] as const)('%s with tier %s judges by the thresholds of %s, and keeps its own grouping', (name, tier, table) => {
    const p = getPreset(name, { tier });
    expect(ids(p)).toEqual(ids(getPreset(table)));
    const { thresholds: _t, ...grouping } = getPreset(name);
    const { thresholds: _u, ...tiered } = p;
    expect(tiered).toEqual(grouping);
  });

  it('reports a sub-central council at its own tier, not at central government\'s', () => {
    // A sub-central supply/service limit of 214,904 GBP (2024); central government's is 139,688.
    const records = [135_000, 60_000].map((amount, i) => ({ id: `c${i}`, buyer: 'City Council', vendor: 'Acme', date: `2024-03-0${i + 1}`, amount: String(amount), currency: 'GBP', category: '79400000' }));
    expect(detectSplits(records, getPreset('uk-pa2023', { minScore: 0 })).findings.map((f) => f.threshold.id)).toEqual(['UK-2024-central']);
    expect(detectSplits(records, getPreset('uk-pa2023', { minScore: 0, tier: 'sub-central' })).findings).toEqual([]);
  });

  it('lists the tiers, and thresholds given with a tier win', () => {
    expect(listPresets().filter((p) => p.tiers.length > 0).map((p) => [p.name, p.tiers])).toEqual([
      ['eu-2014-24', ['central', 'sub-central']], ['uk-pa2023', ['central', 'sub-central']], ['eu', ['central', 'sub-central']], ['uk', ['central', 'sub-central']],
    ]);
    const mine = [{ id: 'mine', amount: '500', currency: 'GBP', procedure: 'p' }];
    expect(getPreset('uk-pa2023', { tier: 'central', thresholds: mine }).thresholds).toEqual(mine);
  });
});

describe('loadThresholds', () => {
  const good = [{ id: 'hz-open', amount: '1000000', currency: 'CNY', procedure: 'public tender', validFrom: '2018-01-01', validTo: '2018-12-31' }];

  it('returns the validated objects, from a value or a JSON string', () => {
    expect(loadThresholds(good)).toEqual(good);
    expect(loadThresholds(JSON.stringify(good))).toEqual(good);
    const copy = loadThresholds(good);
    (copy[0] as { amount: string }).amount = '1';
    expect(good[0]?.amount).toBe('1000000');
  });

  it('round-trips every preset through JSON', () => {
    for (const n of presetNames().filter((x) => x !== 'pcard')) {
      const ts = getPreset(n).thresholds;
      expect(loadThresholds(JSON.stringify(ts))).toEqual(ts);
    }
  });

  it.each([
    ['a bad amount', [good[0], { id: 'b', amount: '-3', currency: 'CNY', procedure: 'p' }], ['thresholds', 1, 'amount'], 'threshold "b"'],
    ['a bad date', [{ ...good[0], validTo: '2018-02-30' }], ['thresholds', 0, 'validTo'], 'calendar date'],
    ['dates in the wrong order', [{ ...good[0], validFrom: '2019-01-01' }], ['thresholds', 0, 'validTo'], 'validFrom must not be after validTo'],
    ['a duplicate id', [good[0], good[0]], ['thresholds', 1, 'id'], 'duplicate threshold id'],
    ['an unknown field', [{ ...good[0], ammount: 5 }], ['thresholds', 0, 'ammount'], 'did you mean "amount"?'],
    ['not an array', { thresholds: good }, ['thresholds'], 'array'],
  ] as const)('points at %s', (_what, input, path, text) => {
    const e = optionsErrorOf(() => loadThresholds(input));
    expect(e.message).toMatch(/^loadThresholds: /u);
    expect(e.issues[0]?.path).toEqual(path);
    expect(e.message).toContain(text);
  });

  it('reports every bad entry at once', () => {
    const e = optionsErrorOf(() => loadThresholds([{ id: 'a', amount: 0, currency: 'XXQ', procedure: '' }, { id: 'b' }]));
    expect(e.issues.length).toBeGreaterThanOrEqual(4);
  });

  it('throws an InputError on text that is not JSON', () => {
    try {
      loadThresholds('[{"id": ');
      expect.unreachable();
    } catch (err) {
      expect(isInputError(err)).toBe(true);
    }
  });
});
