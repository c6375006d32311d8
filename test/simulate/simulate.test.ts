import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate, SIMULATION_THRESHOLDS, SCHEME_KINDS, DECOY_KINDS, REGIMES, type SimulateOptions } from '../../src/simulate.js';
import type { ThresholdInput } from '../../src/thresholds/threshold.js';
import { isOptionsError, type OptionsError } from '../../src/errors.js';
import { dayOf } from '../../src/_lib/days.js';
import { runs } from '../helpers/runs.js';
import { checkLabels } from '../helpers/labels.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const fcParams = { seed: SEED, numRuns: runs(25) };
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
    expect(simulate({ seed: 7, regime: 'messy', thresholds: [{ id: 'eu', amount: '50000', currency: 'EUR', procedure: 'tender' }] }).truth.schemes.some((s) => s.kind === 'busyCategory')).toBe(true);
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
    // Without a regime, the kinds the simulator always had, and only those.
    const classicSchemes = SCHEME_KINDS.slice(0, 6);
    const classicDecoys = DECOY_KINDS.slice(0, 4);
    for (const k of SCHEME_KINDS) expect(truth.schemes.some((s) => s.kind === k), k).toBe(classicSchemes.includes(k) && k !== 'twoTiers');
    for (const k of DECOY_KINDS) expect(truth.decoys.some((d) => d.kind === k), k).toBe(classicDecoys.includes(k));
  });

  it('makes every kind under a regime, and the new kinds without one when asked', () => {
    for (const regime of REGIMES) {
      const { records, truth } = simulate({ seed: 9, size: 3000, regime });
      for (const k of SCHEME_KINDS) expect(truth.schemes.some((s) => s.kind === k), `${regime} ${k}`).toBe(true);
      for (const k of DECOY_KINDS) expect(truth.decoys.some((d) => d.kind === k), `${regime} ${k}`).toBe(true);
      const labelled = new Set([...truth.schemes, ...truth.decoys].flatMap((x) => x.recordIds));
      expect(records.length - labelled.size, regime).toBe(3000);
    }
    const asked = simulate({ seed: 9, size: 500, schemes: { busyCategory: 3, mixedSubjects: 2 }, decoys: { sameDayCoincidence: 2, perPersonTravel: 1 } }).truth;
    expect(asked.schemes.filter((s) => s.kind === 'busyCategory')).toHaveLength(3);
    expect(asked.schemes.filter((s) => s.kind === 'mixedSubjects')).toHaveLength(2);
    expect(asked.decoys.filter((d) => d.kind === 'sameDayCoincidence')).toHaveLength(2);
    expect(asked.decoys.filter((d) => d.kind === 'perPersonTravel')).toHaveLength(1);
    const neighbours = simulate({ seed: 9, size: 500, decoys: { nearLimitNeighbours: 3 } }).truth;
    expect(neighbours.decoys.filter((d) => d.kind === 'nearLimitNeighbours')).toHaveLength(3);
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
    ['an unknown option (a typo)', { buyer: 3 }, ['buyer']],
    ['an unknown scheme kind', { schemes: { sameVender: 2 } }, ['schemes', 'sameVender']],
    ['a language it does not write', { languages: ['fr'] }, ['languages', 0]],
    ['a regime it does not know', { regime: 'chaotic' }, ['regime']],
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
