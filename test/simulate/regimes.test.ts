/**
 * Regimes: each one's defining property, measured on its ledgers against the classic regime's, and
 * the labels of every regime checked like the classic ones.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate, REGIMES, SIMULATION_THRESHOLDS, type SimulateOptions, type SimulateResult, type SimulatedRecord, type SimulatedRegime } from '../../src/simulate.js';
import type { ThresholdInput } from '../../src/thresholds/threshold.js';
import { vendorKey } from '../../src/records/normalize.js';
import { dayOf } from '../../src/_lib/days.js';
import { runs } from '../helpers/runs.js';
import { checkLabels } from '../helpers/labels.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const EUR_50K: ThresholdInput[] = [{ id: 'eur-50k', amount: '50000', currency: 'EUR', procedure: 'tender' }];
const USD_ABOVE: ThresholdInput[] = [
  { id: 'usd-10k', amount: '10000', currency: 'USD', procedure: 'simplified', comparison: 'above' },
  { id: 'usd-250k', amount: '250000', currency: 'USD', procedure: 'open', comparison: 'above' },
];

/** A mid-sized ledger of a regime: 20 buyers of 300 routine purchases, default or EUR thresholds. */
function ledger(regime: SimulatedRegime, seed: number, thresholds: readonly ThresholdInput[] = SIMULATION_THRESHOLDS): SimulateResult {
  return simulate({ seed, regime, buyers: 20, recordsPerBuyer: 300, thresholds, languages: thresholds === SIMULATION_THRESHOLDS ? ['zh', 'en'] : ['en'] });
}

/** The routine records: in no scheme and no decoy. */
function routine({ records, truth }: SimulateResult): SimulatedRecord[] {
  const labelled = new Set([...truth.schemes, ...truth.decoys].flatMap((x) => x.recordIds));
  return records.filter((r) => !labelled.has(r.id));
}

const share = <T>(xs: readonly T[], p: (x: T) => boolean): number => xs.filter(p).length / xs.length;
const byBuyer = (records: readonly SimulatedRecord[]): Map<string, SimulatedRecord[]> => {
  const m = new Map<string, SimulatedRecord[]>();
  for (const r of records) (m.get(r.buyer) ?? m.set(r.buyer, []).get(r.buyer)!).push(r);
  return m;
};

/** Share of the spend on routine purchases bought directly (under the 300,000 tier) held by the largest 1 % of them. */
function topPercentShare(result: SimulateResult): number {
  const amounts = routine(result).map((r) => Number(r.amount)).filter((x) => x < 300_000).sort((a, b) => b - a);
  const total = amounts.reduce((a, x) => a + x, 0);
  return amounts.slice(0, Math.ceil(amounts.length / 100)).reduce((a, x) => a + x, 0) / total;
}

/** Share of buyers with a vendor they buy from in at least 40 % of the ledger's weeks. */
function weeklyBuyers(result: SimulateResult): number {
  const weeks = new Map<string, Set<number>>();
  for (const r of routine(result)) {
    const key = `${r.buyer}\u0000${vendorKey(r.vendor)}`;
    (weeks.get(key) ?? weeks.set(key, new Set()).get(key)!).add(Math.floor(dayOf(r.date)! / 7));
  }
  const totalWeeks = 104;
  const buyers = new Set(result.records.map((r) => r.buyer));
  const weekly = new Set([...weeks].filter(([, w]) => w.size >= 0.4 * totalWeeks).map(([k]) => k.split('\u0000')[0]));
  return weekly.size / buyers.size;
}

/** Share of a buyer's (vendor key) groups of ≥ 5 records written in more than one spelling. */
function respelt(records: readonly SimulatedRecord[]): number {
  const names = new Map<string, string[]>();
  for (const r of records) {
    const key = `${r.buyer}\u0000${vendorKey(r.vendor)}`;
    (names.get(key) ?? names.set(key, []).get(key)!).push(r.vendor);
  }
  const big = [...names.values()].filter((n) => n.length >= 5);
  return share(big, (n) => new Set(n).size > 1);
}

const VAGUE = new Set(['Goods', 'Services', 'Supplies', 'Sundries', 'Miscellaneous', 'Invoice', 'Payment', 'As per invoice', 'General expenses', '采购', '办公经费', '物资', '服务费', '杂项', '付款', '报销', '日常支出']);

const perBuyer = (records: readonly SimulatedRecord[], p: (r: SimulatedRecord) => boolean): number[] => [...byBuyer(records).values()].map((rs) => share(rs, p));
const fcParams = { seed: SEED, numRuns: runs(4) };
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('regimes', () => {
  it(`labels are right in every regime, with any thresholds (FC_SEED=${SEED})`, () => {
    const options: fc.Arbitrary<SimulateOptions & { thresholds: readonly ThresholdInput[] }> = fc.record({
      seed: seeds,
      regime: fc.constantFrom(...REGIMES),
      buyers: fc.integer({ min: 1, max: 6 }),
      recordsPerBuyer: fc.integer({ min: 0, max: 150 }),
      fiscalYearStart: fc.integer({ min: 1, max: 12 }),
      thresholds: fc.constantFrom<readonly ThresholdInput[]>(SIMULATION_THRESHOLDS, EUR_50K, USD_ABOVE),
    });
    fc.assert(fc.property(options, (o) => {
      const { records, truth } = simulate(o);
      checkLabels(records, truth, o.thresholds, o.fiscalYearStart);
    }), { seed: SEED, numRuns: runs(40) });
  });

  it('heavyTail: the largest 1 % of purchases bought directly hold over 13 % of their spend (classic: under 11 %)', () => {
    // A log-normal puts 1 − Φ(2.33 − σ) of its mass in its top 1 %: 9 % at σ = 1 (less, capped at half
    // the tier), 15 % and more at σ ≥ 1.3, even cut at the tier.
    fc.assert(fc.property(seeds, (seed) => {
      expect(topPercentShare(ledger('heavyTail', seed))).toBeGreaterThan(0.13);
      expect(topPercentShare(ledger('classic', seed))).toBeLessThan(0.11);
    }), fcParams);
  });

  it('dense: most buyers buy from one vendor in at least 40 % of weeks, with monthly contracts and tiny buys from one supplier', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const dense = ledger('dense', seed, EUR_50K);
      expect(weeklyBuyers(dense)).toBeGreaterThanOrEqual(0.6);
      expect(weeklyBuyers(ledger('classic', seed, EUR_50K))).toBeLessThanOrEqual(0.35);
      for (const [buyer, rs] of byBuyer(routine(dense))) {
        // Service contracts (documents SC…-01, one a month for two years) take up to a quarter of a
        // buyer's purchases: two of them fit from 192 purchases on.
        const contracts = new Set(rs.filter((r) => /^SC\d+-\d\d$/u.test(r.document ?? '')).map((r) => r.document!.split('-')[0]));
        if (rs.length >= 200) expect(contracts.size, buyer).toBeGreaterThanOrEqual(2);
        // Tiny buys: one supplier with a tenth or more of the buyer's purchases, each under 1 % of the limit.
        const tiny = new Map<string, number>();
        for (const r of rs) if (Number(r.amount) < 500) tiny.set(vendorKey(r.vendor), (tiny.get(vendorKey(r.vendor)) ?? 0) + 1);
        expect(Math.max(0, ...tiny.values()), buyer).toBeGreaterThanOrEqual(Math.floor(rs.length / 10));
      }
    }), fcParams);
  });

  it('dense: a busy-category split sits among routine purchases from the same vendor', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const result = ledger('dense', seed, EUR_50K);
      const rs = routine(result);
      const byId = new Map(result.records.map((r) => [r.id, r]));
      const busy = result.truth.schemes.filter((s) => s.kind === 'busyCategory');
      expect(busy.length).toBeGreaterThan(0);
      const diluted = busy.filter((s) => {
        const first = byId.get(s.recordIds[0]!)!;
        const day = dayOf(first.date)!;
        const neighbours = rs.filter((r) => r.buyer === s.buyer && vendorKey(r.vendor) === vendorKey(first.vendor) && Math.abs(dayOf(r.date)! - day) <= 30);
        return neighbours.length >= 2;
      });
      expect(diluted.length / busy.length).toBeGreaterThanOrEqual(0.9);
    }), fcParams);
  });

  it('sparseFields: few records carry a category code or a project, many subjects say nothing', () => {
    // 40 buyers, so that the share of buyers recording codes (20 % sparse, 85 % classic) is stable.
    const many = (regime: SimulatedRegime, seed: number): SimulatedRecord[] => simulate({ seed, regime, buyers: 40, recordsPerBuyer: 120 }).records;
    fc.assert(fc.property(seeds, (seed) => {
      const sparse = many('sparseFields', seed);
      expect(share(sparse, (r) => r.category !== undefined)).toBeLessThan(0.5);
      expect(share(sparse, (r) => r.project !== undefined)).toBeLessThan(0.5);
      expect(share(sparse, (r) => VAGUE.has(r.subject))).toBeGreaterThan(0.3);
      expect(share(sparse, (r) => r.document === undefined)).toBeGreaterThan(0.25);
      const classic = many('classic', seed);
      expect(share(classic, (r) => r.category !== undefined)).toBeGreaterThan(0.5);
      expect(share(classic, (r) => VAGUE.has(r.subject))).toBe(0);
    }), fcParams);
  });

  it('messy: most vendors a buyer often uses are written more than one way, codes and methods too', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const messy = ledger('messy', seed, USD_ABOVE).records;
      expect(respelt(messy)).toBeGreaterThan(0.8);
      expect(share(messy.filter((r) => r.category !== undefined), (r) => !/^\d{8}$/u.test(r.category!))).toBeGreaterThan(0.15);
      expect(new Set(messy.map((r) => r.method)).size).toBeGreaterThan(15);
      const classic = ledger('classic', seed, USD_ABOVE).records;
      expect(respelt(classic)).toBe(0);
      expect(classic.every((r) => r.category === undefined || /^\d{8}$/u.test(r.category))).toBe(true);
    }), fcParams);
  });

  it('mixed: buyers of one ledger keep records in different ways', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const { records } = ledger('mixed', seed);
      const vague = perBuyer(records, (r) => VAGUE.has(r.subject));
      expect(Math.min(...vague)).toBe(0);
      expect(Math.max(...vague)).toBeGreaterThan(0.2);
      const spellings = [...byBuyer(records).values()].map(respelt);
      expect(Math.min(...spellings)).toBe(0);
      expect(Math.max(...spellings)).toBeGreaterThan(0.3);
    }), fcParams);
  });

  it('under a regime, amounts follow the thresholds: a purchase is the same share of the lowest tier in CNY and EUR', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const median = (result: SimulateResult, tier: number): number => {
        const xs = routine(result).map((r) => Number(r.amount) / tier).sort((a, b) => a - b);
        return xs[Math.floor(xs.length / 2)]!;
      };
      const ratio = median(ledger('classic', seed), 300_000) / median(ledger('classic', seed, EUR_50K), 50_000);
      expect(ratio).toBeGreaterThan(0.67);
      expect(ratio).toBeLessThan(1.5);
    }), fcParams);
  });
});

describe('decoys written in varied forms', () => {
  /** The decoys' records of a kind, by decoy. */
  const decoys = ({ records, truth }: SimulateResult, kind: string) => {
    const byId = new Map(records.map((r) => [r.id, r]));
    return truth.decoys.filter((d) => d.kind === kind).map((d) => d.recordIds.map((id) => byId.get(id)!));
  };
  const many = (regime: SimulatedRegime, seed: number) =>
    simulate({ seed, regime, buyers: 20, recordsPerBuyer: 50, decoys: { perPersonTravel: 12, marketplaceOrder: 30 }, languages: ['en'], thresholds: EUR_50K });
  /** An order number of nine digits in a subject, and documents that are its lines (`827903052-1`, `PO827903052-L1` …). */
  const inSubject = (r: SimulatedRecord) => /order \d{9}/iu.test(r.subject);
  const inDocument = (r: SimulatedRecord) => /^(?:PO)?\d{9}[-/_]/u.test(r.document ?? '');
  /** The per-traveller subjects as the classic simulator writes them. */
  const classicTrip = (r: SimulatedRecord) => /^Study visit to \w+ – [A-Z]\. \w+$/u.test(r.subject);

  it('in messy ledgers: names in other places and forms, rates a little apart, order numbers only in the document or only in the subject', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const messy = many('messy', seed);
      const trips = decoys(messy, 'perPersonTravel');
      const orders = decoys(messy, 'marketplaceOrder');
      expect(trips.length).toBeGreaterThan(0);
      // Some trips written otherwise; some at rates that differ (never by more than a tenth).
      expect(trips.some((t) => !t.every(classicTrip))).toBe(true);
      for (const t of trips) expect(Math.max(...t.map((r) => Number(r.amount)))).toBeLessThanOrEqual(1.1 * Math.min(...t.map((r) => Number(r.amount))));
      // Some orders named in no subject, some in no document.
      expect(orders.some((o) => !o.some(inSubject) && o.some(inDocument))).toBe(true);
      expect(orders.some((o) => o.some(inSubject) && !o.some(inDocument))).toBe(true);
    }), fcParams);
  });

  it('in classic ledgers: one way only, as before (one rate, the name last, the order number in both)', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const classic = many('classic', seed);
      for (const t of decoys(classic, 'perPersonTravel')) {
        expect(t.every(classicTrip)).toBe(true);
        expect(new Set(t.map((r) => r.amount)).size).toBe(1);
      }
      for (const o of decoys(classic, 'marketplaceOrder')) expect(o.every((r) => inSubject(r) && inDocument(r))).toBe(true);
    }), fcParams);
  });
});
