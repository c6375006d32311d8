/**
 * The evaluation protocol (bench/protocol.ts): tuning and reporting never share a ledger, and the
 * reported side is wide enough for the "over ≥ 5 seeds, mean and worst".
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DECOY_KINDS, REGIMES, SCHEME_KINDS, SIMULATION_THRESHOLDS, simulate } from '../../src/simulate.js';
import { FIT, FRESH, HELD_OUT, THRESHOLD_SETS, checkProtocol, ledgerOptions, schemesInReach, thresholdSetOf } from '../../bench/protocol.js';

describe('the fit / held-out protocol', () => {
  it('FIT and HELD_OUT share no regime and no seed; together they cover every regime', () => {
    expect(() => checkProtocol()).not.toThrow();
    expect(FIT.regimes.filter((r) => HELD_OUT.regimes.includes(r))).toEqual([]);
    expect(FIT.seeds.filter((s) => HELD_OUT.seeds.includes(s))).toEqual([]);
    expect(new Set([...FIT.regimes, ...HELD_OUT.regimes])).toEqual(new Set(REGIMES));
    expect(HELD_OUT.regimes).toContain('mixed');
    expect(HELD_OUT.seeds.length).toBeGreaterThanOrEqual(5);
  });

  it('checkProtocol refuses sides that overlap', () => {
    expect(() => checkProtocol({ regimes: ['dense'], seeds: [1] }, { regimes: ['dense'], seeds: [2] })).toThrow(/dense/u);
    expect(() => checkProtocol({ regimes: ['dense'], seeds: [7] }, { regimes: ['messy'], seeds: [7] })).toThrow(/7/u);
    expect(() => checkProtocol(FIT, HELD_OUT, { regimes: ['messy'], seeds: [3] })).toThrow(/FRESH share 3/u);
    expect(() => checkProtocol(FIT, HELD_OUT, { regimes: ['messy'], seeds: [205, 105] })).toThrow(/FRESH seeds 105/u);
  });

  it('the fresh seeds are new, of the held-out regimes, and meet every threshold set', () => {
    expect(FRESH.regimes).toEqual(HELD_OUT.regimes);
    expect(FRESH.seeds.filter((s) => [...FIT.seeds, ...HELD_OUT.seeds].includes(s))).toEqual([]);
    expect(FRESH.seeds.length).toBeGreaterThanOrEqual(5);
    expect(new Set(FRESH.seeds.map((s) => thresholdSetOf(s).name))).toEqual(new Set(THRESHOLD_SETS.map((s) => s.name)));
  });

  it('the tuning harness reads the FIT side only', () => {
    const tune = readFileSync(new URL('../../bench/tune.ts', import.meta.url), 'utf8');
    expect(tune).toMatch(/FIT\.regimes/u);
    expect(tune).not.toMatch(/HELD_OUT|FRESH/u);
  });

  it('held-out seeds meet every threshold set, and ledgers ask for twoTiers only under two tiers', () => {
    expect(new Set(HELD_OUT.seeds.map((s) => thresholdSetOf(s).name))).toEqual(new Set(THRESHOLD_SETS.map((s) => s.name)));
    for (const seed of [...FIT.seeds, ...HELD_OUT.seeds]) {
      const o = ledgerOptions('mixed', seed);
      expect(o.schemes?.twoTiers).toBe(o.thresholds!.length >= 2 ? 8 : 0);
      for (const k of SCHEME_KINDS) if (k !== 'twoTiers') expect(o.schemes?.[k]).toBe(8);
    }
  });

  it('ledgers ask for every decoy kind in every regime, so that tuning on FIT sees near-limit neighbours too', () => {
    for (const regime of REGIMES) {
      const o = ledgerOptions(regime, 101);
      for (const k of DECOY_KINDS) expect(o.decoys?.[k], `${regime} ${k}`).toBe(6);
    }
    expect(HELD_OUT.regimes).toContain('uneven');
    expect(FIT.regimes).toEqual(['classic', 'dense', 'heavyTail']);
  });
});

describe('schemes in reach', () => {
  it('are the linkable schemes whose parts fit one window of the configuration', () => {
    const result = simulate({ seed: 3, regime: 'sparseFields', buyers: 6, recordsPerBuyer: 50 });
    const ledger = { ...result, regime: 'sparseFields' as const, seed: 3, set: THRESHOLD_SETS[0]! };
    const rolling = schemesInReach(ledger, { thresholds: [...SIMULATION_THRESHOLDS] });
    const fiscal = schemesInReach(ledger, { thresholds: [...SIMULATION_THRESHOLDS], window: { period: 'fiscalYear', fiscalYearStart: 1 } });
    const schemes = result.truth.schemes;
    expect(schemes.some((s) => !s.linkable)).toBe(true);
    for (const s of schemes) {
      if (!s.linkable) expect(rolling.has(s.id) || fiscal.has(s.id), s.id).toBe(false);
      // Fiscal-year phases lie in different months: never inside 30 days, always inside their fiscal year.
      if (s.kind === 'fiscalYear') expect([rolling.has(s.id), fiscal.has(s.id)], s.id).toEqual([false, s.linkable]);
      if (s.kind === 'sameVendor') expect(rolling.has(s.id), s.id).toBe(s.linkable);
    }
  });
});
