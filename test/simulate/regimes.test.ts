/**
 * Regimes: each one's defining property, measured on its ledgers against the classic regime's, and
 * the labels of every regime checked like the classic ones.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate, REGIMES, SIMULATION_THRESHOLDS, type SimulateOptions, type SimulateResult, type SimulatedRecord, type SimulatedRegime } from '../../src/simulate.js';
import type { ThresholdInput } from '../../src/thresholds/threshold.js';
import { vendorKey, vendorTrade } from '../../src/records/normalize.js';
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
      checkLabels(records, truth, o.thresholds, o.fiscalYearStart, o.regime === 'uneven' || o.regime === 'mixed');
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
      // Most, not all: a split drawn where its vendor has fewer than two routine purchases within 30
      // days stays apart. Seeds 1–300 give 10 of 10 or 9 of 10; seed 544187059 gives 8 of 10.
      expect(diluted.length / busy.length).toBeGreaterThanOrEqual(0.7);
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
      // A buyer with no vendor of five purchases or more shows no spelling either way (NaN): left out.
      const spellings = [...byBuyer(records).values()].map(respelt).filter((x) => !Number.isNaN(x));
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

describe('uneven', () => {
  /** A protocol-sized ledger: 40 buyers of 350 routine purchases on average, one 50,000 EUR limit. */
  const big = (regime: SimulatedRegime, seed: number, fiscalYearStart = 1): SimulateResult =>
    simulate({ seed, regime, buyers: 40, recordsPerBuyer: 350, thresholds: EUR_50K, languages: ['en'], fiscalYearStart });
  /** Routine purchases per buyer, largest first. */
  const sizes = (result: SimulateResult): SimulatedRecord[][] => [...byBuyer(routine(result)).values()].sort((a, b) => b.length - a.length);
  /** The most purchases of one vendor trade (the vendor's own name where it has none) at 10–100 % of the limit within 30 days. */
  function busiestWindow(records: readonly SimulatedRecord[], limit: number): number {
    const days = new Map<string, number[]>();
    for (const r of records) {
      const a = Number(r.amount);
      if (a < 0.1 * limit || a >= limit) continue;
      const key = vendorTrade(vendorKey(r.vendor)) ?? vendorKey(r.vendor);
      (days.get(key) ?? days.set(key, []).get(key)!).push(dayOf(r.date)!);
    }
    let best = 0;
    for (const ds of days.values()) {
      ds.sort((a, b) => a - b);
      for (let i = 0, j = 0; i < ds.length; i++) {
        while (ds[i]! - ds[j]! > 29) j++;
        best = Math.max(best, i - j + 1);
      }
    }
    return best;
  }
  /** Purchases a day in the months `rush` (1–12) over those a day in the others but `skip`. */
  function rushRatio(records: readonly SimulatedRecord[], rush: readonly number[], skip: readonly number[]): number {
    const count = (months: readonly number[]) => records.filter((r) => months.includes(Number(r.date.slice(5, 7)))).length;
    const others = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => !rush.includes(m) && !skip.includes(m));
    return count(rush) / rush.length / (count(others) / others.length);
  }

  it('buyers of very different sizes: the largest buys over 1,000 times a year, more than 10 times the median buyer, and most buy under 100 times a year', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const uneven = sizes(big('uneven', seed)).map((rs) => rs.length / 2);
      const median = uneven[Math.floor(uneven.length / 2)]!;
      expect(uneven[0]).toBeGreaterThan(1000);
      expect(uneven[0]).toBeGreaterThan(10 * median);
      expect(uneven.filter((n) => n < 100).length).toBeGreaterThanOrEqual(20);
      const classic = sizes(big('classic', seed)).map((rs) => rs.length);
      // Classic sizes: ×0.3–×1.7, a ratio of 5.67 — of the buyers' purchases, before the routine
      // ones lose their schemes' and decoys' records: seed 1532511603 gives 599 and 105 routine
      // purchases (5.70), FC_SEED=1026144909 680 and 120. 6.5 bounds them with room (worst of 250
      // seeds: 5.68); uneven's largest buyer is over 10 times its median.
      expect(2 * classic[0]!).toBeLessThan(13 * classic[classic.length - 1]!);
    }), fcParams);
  });

  it('a year-end rush: the fiscal year\'s last month holds 2–4 times a usual month\'s purchases a day (classic: a December flush about 1.9)', () => {
    fc.assert(fc.property(seeds, (seed) => {
      // December always rushes when the fiscal year starts in January; November only for some buyers.
      const ratio = rushRatio(routine(big('uneven', seed)), [12], [11]);
      expect(ratio).toBeGreaterThan(2.2);
      expect(ratio).toBeLessThan(4.2);
      expect(rushRatio(routine(big('classic', seed)), [12], [11])).toBeLessThan(2.2);
      // A fiscal year from April: the rush is in March.
      expect(rushRatio(routine(big('uneven', seed, 4)), [3], [2])).toBeGreaterThan(2);
    }), fcParams);
  });

  it('in the largest buyer, a busy month holds more than 50 purchases large enough to be parts, of one vendor trade, within 30 days', () => {
    fc.assert(fc.property(seeds, (seed) => {
      expect(busiestWindow(sizes(big('uneven', seed))[0]!, 50_000)).toBeGreaterThan(50);
      expect(busiestWindow(sizes(big('classic', seed))[0]!, 50_000)).toBeLessThan(25);
    }), fcParams);
  });

  it('busy categories keep under 0.6 of the lowest tier without a heap of one amount there', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const amounts = routine(big('uneven', seed)).map((r) => Number(r.amount));
      // 0.6 of the 50,000 limit, the cap a busy purchase stays under; clamping put dozens exactly on it.
      const atCap = amounts.filter((a) => a === 30_000).length;
      const nearCap = amounts.filter((a) => a > 28_000 && a < 30_000).length;
      expect(atCap).toBeLessThanOrEqual(1);
      expect(nearCap).toBeGreaterThan(0);
    }), fcParams);
  });

  it('diluted splits: every busy-category split and some same-vendor and equal-parts splits lie between routine purchases from their vendor', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const result = big('uneven', seed);
      const byId = new Map(result.records.map((r) => [r.id, r]));
      const index = new Map<string, number[]>();
      for (const r of routine(result)) {
        const key = `${r.buyer}\u0000${vendorKey(r.vendor)}`;
        (index.get(key) ?? index.set(key, []).get(key)!).push(dayOf(r.date)!);
      }
      const diluted = (ids: readonly string[]): boolean => {
        const first = byId.get(ids[0]!)!;
        const ds = index.get(`${first.buyer}\u0000${vendorKey(first.vendor)}`) ?? [];
        const [a, z] = [dayOf(first.date)!, dayOf(byId.get(ids[ids.length - 1]!)!.date)!];
        return ds.some((d) => d < a && d >= a - 6) && ds.some((d) => d > z && d <= z + 7);
      };
      const busy = result.truth.schemes.filter((s) => s.kind === 'busyCategory');
      expect(busy.length).toBeGreaterThan(0);
      for (const s of busy) expect(diluted(s.recordIds), s.id).toBe(true);
      const others = result.truth.schemes.filter((s) => s.kind === 'sameVendor' || s.kind === 'equalParts');
      expect(share(others, (s) => diluted(s.recordIds))).toBeGreaterThan(0.15);
    }), fcParams);
  });

  it('slow splits: many splits of kinds bought within 10 days spread over 14–29 days (none in classic or dense)', () => {
    const slowShare = (result: SimulateResult): number => {
      const byId = new Map(result.records.map((r) => [r.id, r]));
      const quick = result.truth.schemes.filter((s) => s.kind === 'sameVendor' || s.kind === 'equalParts' || s.kind === 'busyCategory');
      const spans = quick.map((s) => dayOf(byId.get(s.recordIds[s.recordIds.length - 1]!)!.date)! - dayOf(byId.get(s.recordIds[0]!)!.date)!);
      for (const x of spans) expect(x).toBeLessThanOrEqual(29);
      return share(spans, (x) => x >= 14);
    };
    fc.assert(fc.property(seeds, (seed) => {
      // 0.33–0.62 on 40 consecutive seeds, but 0.17 (10 of 60) on seed 1434360960: a tail, not a
      // defect of the generator; more than 0.1 still asks for many slow splits (7 of 60 at least).
      expect(slowShare(big('uneven', seed))).toBeGreaterThan(0.1);
      expect(slowShare(ledger('classic', seed, EUR_50K))).toBe(0);
      expect(slowShare(ledger('dense', seed, EUR_50K))).toBe(0);
    }), fcParams);
  });

  it('site bundles: rotated-vendor splits whose parts share only a site word, of other category groups and vendors; the site also names some routine subjects', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const result = big('uneven', seed);
      const byId = new Map(result.records.map((r) => [r.id, r]));
      const rs = routine(result);
      const sites = ['Civic Centre', 'Elm Street Park', 'Innovation Tower', 'Science Hall', 'Old Town Square', 'Harbour Library', 'North Depot', 'Kingsway Pavilion'];
      const bundles = result.truth.schemes.filter((s) => s.kind === 'rotatedVendors').map((s) => s.recordIds.map((id) => byId.get(id)!))
        .filter((parts) => sites.some((site) => parts.every((p) => p.subject.startsWith(`${site} `))));
      expect(bundles.length).toBeGreaterThan(0);
      for (const parts of bundles) {
        const site = sites.find((x) => parts[0]!.subject.startsWith(`${x} `))!;
        expect(new Set(parts.map((p) => vendorKey(p.vendor))).size).toBe(parts.length);
        const groups = parts.map((p) => p.category?.slice(0, 3)).filter((c) => c !== undefined);
        expect(new Set(groups).size).toBe(groups.length);
        // No project of their own: the buyer's general running costs, or none.
        for (const p of parts) expect(p.project === undefined || /General running costs/u.test(p.project)).toBe(true);
        // 5 % of the subjects of a buyer's purchases on random days name one of its 2–3 sites: some do in a buyer of 1,000 purchases or more.
        const own = rs.filter((r) => r.buyer === parts[0]!.buyer);
        if (own.length >= 1000) expect(own.some((r) => r.subject.startsWith(`${site} – `))).toBe(true);
      }
    }), fcParams);
  });

  it('near-limit neighbours: decoys of unrelated purchases each just under the limit, in every regime', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const result = big('uneven', seed);
      const neighbours = result.truth.decoys.filter((d) => d.kind === 'nearLimitNeighbours');
      expect(neighbours.length).toBe(20);
      const byId = new Map(result.records.map((r) => [r.id, r]));
      for (const d of neighbours) {
        const parts = d.recordIds.map((id) => byId.get(id)!);
        expect(new Set(parts.map((p) => p.subject)).size, d.id).toBe(parts.length);
      }
      checkLabels(result.records, result.truth, EUR_50K, 1, true);
      expect(ledger('dense', seed, EUR_50K).truth.decoys.some((d) => d.kind === 'nearLimitNeighbours')).toBe(true);
    }), fcParams);
  });

  it('mixed: some buyers sized by rank and some not, some rushing at the year end and some not', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const buyers = sizes(big('mixed', seed));
      const counts = buyers.map((rs) => rs.length);
      expect(counts[0]).toBeGreaterThan(3 * counts[Math.floor(counts.length / 2)]!);
      const ratios = buyers.filter((rs) => rs.length >= 300).map((rs) => rushRatio(rs, [12], [11]));
      expect(Math.max(...ratios)).toBeGreaterThan(2.2);
      expect(Math.min(...ratios)).toBeLessThan(2.1);
    }), fcParams);
  });

  it('is deterministic: one seed, one ledger', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const o = { seed, regime: 'uneven' as const, buyers: 8, recordsPerBuyer: 120 };
      expect(simulate(o)).toEqual(simulate(o));
    }), fcParams);
  });

  it('order books: most uneven buyers and some mixed ones number their orders in one series, in date order; other regimes write invoice numbers', () => {
    fc.assert(fc.property(seeds, (seed) => {
      /** Per buyer with invoice-style or order numbers: whether its orders are numbered `PO`, and in date order. */
      const books = (result: SimulateResult) => [...byBuyer(result.records).values()].flatMap((rs) => {
        const orders = rs.filter((r) => /^PO\d{4}-\d{5}$/u.test(r.document ?? ''));
        const invoices = rs.filter((r) => /^FP\d{10}$/u.test(r.document ?? ''));
        if (orders.length + invoices.length < 10) return [];
        // A buyer keeps a book or not: all its numbers are orders, or none; in date order, never repeated.
        expect(orders.length === 0 || invoices.length === 0).toBe(true);
        const numbers = orders.map((r) => Number(r.document!.slice(-5)));
        numbers.forEach((n, i) => {
          if (i > 0) expect(n).toBeGreaterThan(numbers[i - 1]!);
          if (i > 0) expect(orders[i]!.date >= orders[i - 1]!.date).toBe(true);
        });
        return [orders.length > 0];
      });
      const uneven = books(big('uneven', seed));
      const mixed = books(big('mixed', seed));
      expect(share(uneven, (x) => x)).toBeGreaterThan(0.55);
      // Half of the mixed buyers keep a book, drawn buyer by buyer: over 300 seeds the share ran
      // 0.20–0.73 (median 0.53), so the bounds say "some, not all" with room for the draw.
      expect(share(mixed, (x) => x)).toBeGreaterThan(0.1);
      expect(share(mixed, (x) => x)).toBeLessThan(0.9);
      for (const regime of ['classic', 'dense', 'heavyTail', 'sparseFields', 'messy'] as const) expect(books(big(regime, seed)).some((x) => x)).toBe(false);
    }), { ...fcParams, numRuns: runs(2) });
  });
});
