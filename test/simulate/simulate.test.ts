import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { simulate, SIMULATION_THRESHOLDS, SCHEME_KINDS, DECOY_KINDS, type SimulateOptions, type Truth, type SimulatedRecord } from '../../src/simulate.js';
import type { ThresholdInput } from '../../src/thresholds/threshold.js';
import { isOptionsError, type OptionsError } from '../../src/errors.js';
import { dayOf } from '../../src/_lib/days.js';
import { runs } from '../helpers/runs.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const fcParams = { seed: SEED, numRuns: runs(25) };
const DEFAULT_SKIP = ['framework call-off', '框架协议', '定点采购', 'public tender', '公开招标', 'open'];

/** Every label is checked against an independent Decimal computation from the records. */
function checkLabels(records: readonly SimulatedRecord[], truth: Truth, thresholds: readonly ThresholdInput[], fiscalYearStart = 1): void {
  const byId = new Map(records.map((r) => [r.id, r]));
  expect(byId.size).toBe(records.length);
  const tierById = new Map(thresholds.map((t) => [t.id, t]));
  const used = new Set<string>();
  for (const s of truth.schemes) {
    const tier = tierById.get(s.thresholdId)!;
    expect(tier, s.id).toBeDefined();
    const limit = new Decimal(tier.amount);
    const parts = s.recordIds.map((id) => byId.get(id)!);
    expect(parts.length, s.id).toBeGreaterThanOrEqual(2);
    let total = new Decimal(0);
    for (const p of parts) {
      expect(p, s.id).toBeDefined();
      expect(p.buyer).toBe(s.buyer);
      expect(p.amount).toMatch(/^\d+\.\d\d$/u);
      expect(new Decimal(p.amount).lt(limit), `${s.id} part ${p.amount} < ${tier.amount}`).toBe(true);
      expect(DEFAULT_SKIP.includes((p.method ?? '').toLowerCase()), s.id).toBe(false);
      expect(p.exemption).toBeUndefined();
      total = total.plus(p.amount);
      expect(used.has(p.id), 'a record belongs to one label').toBe(false);
      used.add(p.id);
    }
    expect(total.toFixed(2)).toBe(s.total);
    expect(tier.comparison === 'above' ? total.gt(limit) : total.gte(limit), `${s.id} total ${s.total} crosses ${tier.amount}`).toBe(true);
    // Below every higher tier, so the tier named is the one a detector reports.
    for (const u of thresholds) if (new Decimal(u.amount).gt(limit)) expect(total.lt(u.amount), `${s.id} stays under ${u.id}`).toBe(true);
    const dates = parts.map((p) => p.date);
    expect(dates).toEqual([...dates].sort());
    if (s.kind === 'sameVendor') expect(new Set(parts.map((p) => p.vendor)).size).toBe(1);
    if (s.kind === 'rotatedVendors') expect(new Set(parts.map((p) => p.vendor)).size).toBe(parts.length);
    if (s.kind === 'justBelow') for (const p of parts) expect(new Decimal(p.amount).gte(limit.mul(0.9))).toBe(true);
    if (s.kind === 'equalParts') expect(new Set(parts.map((p) => p.amount)).size).toBe(1);
    if (s.kind === 'sameVendor' || s.kind === 'equalParts' || s.kind === 'rotatedVendors' || s.kind === 'justBelow' || s.kind === 'twoTiers') {
      expect(dayOf(dates[dates.length - 1]!)! - dayOf(dates[0]!)!).toBeLessThanOrEqual(25);
    }
    if (s.kind === 'fiscalYear') {
      const fy = (d: string) => { const [y, m] = d.split('-').map(Number) as [number, number]; return m >= fiscalYearStart ? y : y - 1; };
      expect(new Set(dates.map(fy)).size).toBe(1);
      expect(new Set(dates.map((d) => d.slice(0, 7))).size).toBe(dates.length);
    }
    if (s.kind === 'twoTiers') {
      const lower = thresholds.filter((u) => new Decimal(u.amount).lt(limit)).map((u) => new Decimal(u.amount)).sort((a, b) => b.cmp(a))[0]!;
      expect(parts.some((p) => new Decimal(p.amount).gte(lower))).toBe(true);
      expect(parts.some((p) => new Decimal(p.amount).lt(lower))).toBe(true);
    }
  }
  const lowest = thresholds.map((t) => new Decimal(t.amount)).sort((a, b) => a.cmp(b))[0]!;
  for (const d of truth.decoys) {
    const parts = d.recordIds.map((id) => byId.get(id)!);
    for (const p of parts) {
      expect(p.buyer).toBe(d.buyer);
      expect(used.has(p.id), 'a record belongs to one label').toBe(false);
      used.add(p.id);
    }
    const total = parts.reduce((a, p) => a.plus(p.amount), new Decimal(0));
    const tier = new Decimal(tierById.get(d.thresholdId)!.amount);
    switch (d.kind) {
      case 'singleJustBelow':
        expect(parts.length).toBe(1);
        expect(total.lt(tier) && total.gte(tier.mul(0.9))).toBe(true);
        break;
      case 'frameworkCallOff':
        expect(parts.every((p) => DEFAULT_SKIP.includes((p.method ?? '').toLowerCase()))).toBe(true);
        expect(total.gte(lowest)).toBe(true);
        break;
      case 'recurringService': {
        expect(parts.length).toBe(12);
        expect(new Set(parts.map((p) => p.amount)).size).toBe(1);
        expect(new Set(parts.map((p) => p.vendor)).size).toBe(1);
        expect(total.gte(lowest)).toBe(true);
        // Two consecutive months never cross the tier: only a year of them does.
        expect(new Decimal(parts[0]!.amount).mul(2).lt(lowest)).toBe(true);
        break;
      }
      case 'bigVendorSmallBuys': {
        expect(new Set(parts.map((p) => p.vendor)).size).toBe(1);
        const cats = parts.map((p) => p.category).filter((c): c is string => c !== undefined).map((c) => c.slice(0, 4));
        expect(new Set(cats).size).toBe(cats.length);
        expect(total.gte(lowest)).toBe(true);
        break;
      }
    }
  }
}

const smallOptions: fc.Arbitrary<SimulateOptions> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  buyers: fc.integer({ min: 1, max: 6 }),
  recordsPerBuyer: fc.integer({ min: 0, max: 80 }),
  fiscalYearStart: fc.integer({ min: 1, max: 12 }),
  languages: fc.constantFrom<('zh' | 'en')[]>(['zh'], ['en'], ['zh', 'en']),
});

/** User thresholds: one to three tiers, distinct amounts, either comparison. */
const userThresholds: fc.Arbitrary<ThresholdInput[]> = fc
  .uniqueArray(fc.integer({ min: 1_000, max: 5_000_000 }), { minLength: 1, maxLength: 3 })
  .chain((amounts) => fc.tuple(...amounts.map((a, i) => fc.record({
    id: fc.constant(`t${i}`),
    amount: fc.constantFrom(String(a), `${a}.50`),
    currency: fc.constant('EUR'),
    procedure: fc.constant('tender'),
    comparison: fc.constantFrom<'atOrAbove' | 'above'>('atOrAbove', 'above'),
  }))));

describe('simulate', () => {
  it(`labels are right: schemes cross their tier with every part below it, decoys are what they say (FC_SEED=${SEED})`, () => {
    fc.assert(fc.property(smallOptions, (o) => {
      const { records, truth } = simulate(o);
      checkLabels(records, truth, SIMULATION_THRESHOLDS, o.fiscalYearStart);
    }), fcParams);
  });

  it('labels are right with user thresholds', () => {
    fc.assert(fc.property(smallOptions, userThresholds, (o, thresholds) => {
      const { records, truth } = simulate({ ...o, thresholds });
      checkLabels(records, truth, thresholds, o.fiscalYearStart);
      expect(records.every((r) => r.currency === 'EUR')).toBe(true);
    }), fcParams);
  });

  it('same seed, same ledger; another seed, another ledger', () => {
    fc.assert(fc.property(smallOptions, (o) => {
      const a = simulate(o);
      const b = simulate(o);
      expect(b).toEqual(a);
      if (a.records.length > 20) expect(simulate({ ...o, seed: (o.seed ?? 0) + 1 }).records).not.toEqual(a.records);
    }), { ...fcParams, numRuns: runs(10) });
  });

  it('the doc-comment example of simulate holds', () => {
    const { records, truth } = simulate({ seed: 7, buyers: 4, recordsPerBuyer: 100 });
    expect(records.length > 400).toBe(true);
    expect(truth.schemes[0]?.kind).toBe('sameVendor');
  });

  it('records are valid, in date order, with sequential ids and exact amounts', () => {
    const { records } = simulate({ seed: 3, buyers: 5, recordsPerBuyer: 200 });
    records.forEach((r, i) => {
      expect(r.id).toBe(`P${String(i + 1).padStart(7, '0')}`);
      expect(dayOf(r.date)).toBeDefined();
      expect(r.amount).toMatch(/^\d+\.\d\d$/u);
      if (i > 0) expect(r.date >= records[i - 1]!.date).toBe(true);
      expect(r.date >= '2023-01-01' && r.date <= '2024-12-31').toBe(true);
    });
  });

  it('makes the counts asked for, and size sets the routine volume', () => {
    const { records, truth } = simulate({ seed: 9, size: 3000, schemes: { sameVendor: 7, twoTiers: 0 }, decoys: { singleJustBelow: 4 } });
    expect(truth.schemes.filter((s) => s.kind === 'sameVendor')).toHaveLength(7);
    expect(truth.schemes.filter((s) => s.kind === 'twoTiers')).toHaveLength(0);
    expect(truth.decoys.filter((d) => d.kind === 'singleJustBelow')).toHaveLength(4);
    const labelled = new Set([...truth.schemes, ...truth.decoys].flatMap((x) => x.recordIds));
    expect(records.length - labelled.size).toBe(3000);
    for (const k of SCHEME_KINDS) expect(truth.schemes.some((s) => s.kind === k) || k === 'twoTiers').toBe(true);
    for (const k of DECOY_KINDS) expect(truth.decoys.some((d) => d.kind === k)).toBe(true);
  });

  it('writes subjects in the languages asked for', () => {
    const han = /\p{Script=Han}/u;
    expect(simulate({ seed: 1, buyers: 3, recordsPerBuyer: 50, languages: ['en'] }).records.some((r) => han.test(r.subject))).toBe(false);
    expect(simulate({ seed: 1, buyers: 3, recordsPerBuyer: 50, languages: ['zh'] }).records.every((r) => han.test(r.subject))).toBe(true);
  });

  it('respects threshold validity dates and categories', () => {
    const thresholds: ThresholdInput[] = [
      { id: 'works', amount: '50000', currency: 'EUR', procedure: 'tender', categories: ['45'], validFrom: '2024-01-01' },
      { id: 'supplies', amount: '20000', currency: 'EUR', procedure: 'tender', excludeCategories: ['45'] },
    ];
    const { records, truth } = simulate({ seed: 5, buyers: 6, recordsPerBuyer: 100, thresholds, schemes: { twoTiers: 0 } });
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(truth.schemes.some((s) => s.thresholdId === 'works')).toBe(true);
    for (const s of truth.schemes) {
      for (const id of s.recordIds) {
        const r = byId.get(id)!;
        if (s.thresholdId === 'works') {
          expect(r.date >= '2024-01-01').toBe(true);
          expect(r.category?.startsWith('45')).toBe(true);
        } else if (r.category !== undefined) expect(r.category.startsWith('45')).toBe(false);
      }
    }
  });

  const threshold = (id: string, amount: string, currency: string, more: Partial<ThresholdInput> = {}): ThresholdInput => ({ id, amount, currency, procedure: 'tender', ...more });

  it.each<[string, unknown, (string | number)[]]>([
    ['no buyer', { buyers: 0 }, ['buyers']],
    ['a fractional seed', { seed: 1.5 }, ['seed']],
    ['a date that does not exist', { start: '2023-02-30' }, ['start']],
    ['a ledger shorter than 60 days', { start: '2023-01-01', end: '2023-01-10' }, ['end']],
    ['no threshold', { thresholds: [] }, ['thresholds']],
    ['twoTiers with one tier', { schemes: { twoTiers: 1 }, thresholds: [SIMULATION_THRESHOLDS[0]!] }, ['schemes', 'twoTiers']],
    ['thresholds in two currencies', { thresholds: [threshold('a', '1', 'CNY'), threshold('b', '2', 'EUR')] }, ['thresholds', 1, 'currency']],
    ['a negative count', { decoys: { frameworkCallOff: -1 } }, ['decoys', 'frameworkCallOff']],
    ['month 13', { fiscalYearStart: 13 }, ['fiscalYearStart']],
    // Buyers come from size / recordsPerBuyer: with 0 per buyer there is no count to derive.
    ['size with no purchases per buyer', { size: 100, recordsPerBuyer: 0 }, ['recordsPerBuyer']],
    ['a currency that is no ISO 4217 code', { thresholds: [threshold('a', '300000', 'XYZ')] }, ['thresholds', 0, 'currency']],
    ['two thresholds with one id (truth names thresholds by id)', { thresholds: [threshold('a', '300000', 'EUR'), threshold('a', '600000', 'EUR')] }, ['thresholds', 1, 'id']],
    ['a threshold valid to before from', { thresholds: [threshold('a', '300000', 'EUR', { validFrom: '2024-01-01', validTo: '2023-01-01' })] }, ['thresholds', 0, 'validTo']],
    ['categories no simulated group falls under', { thresholds: [threshold('a', '300000', 'EUR', { categories: ['99'] })] }, ['thresholds', 0, 'categories']],
    ['an unknown option (a typo)', { buyer: 3 }, []],
    ['an unknown scheme kind', { schemes: { sameVender: 2 } }, ['schemes']],
    ['a language it does not write', { languages: ['fr'] }, ['languages', 0]],
    ['options that are not an object', null, []],
  ])('throws an OptionsError naming the option: %s', (_name, options, path) => {
    let caught: unknown;
    try { simulate(options as SimulateOptions); } catch (e) { caught = e; }
    expect(isOptionsError(caught)).toBe(true);
    expect((caught as OptionsError).issues[0]?.path).toEqual(path);
    expect((caught as Error).message).toMatch(/^simulate: options/u);
  });

  it('reads currency codes in any case, as detectSplits does', () => {
    const { records } = simulate({ seed: 1, buyers: 1, recordsPerBuyer: 10, thresholds: [threshold('a', '300000', 'eur'), threshold('b', '1000000', 'EUR')] });
    expect(new Set(records.map((r) => r.currency))).toEqual(new Set(['EUR']));
  });
});
