/**
 * The buyer baselines against a plain recount from the input records: every figure a finding's
 * buyer evidence rests on (other purchases, days, sizes, vendors, bunching counts) is counted again
 * here by filtering the records, with no code shared with the module but the key normalisers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { BASELINE, buyerBaselines } from '../../src/score/baseline.js';
import { poissonAtLeast } from '../../src/_lib/stats.js';
import { BUNCHING } from '../../src/score/bunching.js';
import { prepare } from '../../src/cluster/prepare.js';
import { scanRecords } from '../../src/records/table.js';
import { resolveOptions } from '../../src/options/resolve.js';
import { categoryKey, normalizeText, vendorKey } from '../../src/records/normalize.js';
import type { PurchaseRecordInput } from '../../src/records/record.js';
import type { DetectSplitsOptions } from '../../src/options/options.js';
import { ledgerArb, VENDORS } from '../helpers/arbitraries.js';
import { runs } from '../helpers/runs.js';
import { dayNumber as dayNo, recountBaseline } from '../helpers/recount.js';

const RATES: Record<string, number> = { CNY: 1, USD: 6.25 };
const exact = (r: PurchaseRecordInput) => new Decimal(String(r.amount)).times(RATES[r.currency] as number);

const policyArb = fc.record({
  depth: fc.constantFrom(0, 2, 4, 5),
  comparison: fc.constantFrom('atOrAbove' as const, 'above' as const),
  minPartShare: fc.constantFrom(0, 0.1, 0.25),
  // Vendors and category prefixes the policy leaves out, and vendor names that stand for many.
  excludeVendors: fc.subarray(VENDORS, { maxLength: 2 }),
  excludeCategories: fc.subarray(['45', '3019', 'b07'], { maxLength: 2 }),
  placeholders: fc.subarray(VENDORS, { maxLength: 2 }),
});
type Policy = typeof policyArb extends fc.Arbitrary<infer P> ? P : never;

/** Whether the policy leaves a record out of the analysis. */
const excludedBy = (p: Policy) => (r: PurchaseRecordInput) =>
  p.excludeVendors.some((v) => vendorKey(v) === vendorKey(r.vendor)) || (r.category !== undefined && p.excludeCategories.some((c) => categoryKey(String(r.category)).startsWith(categoryKey(c))));

function optionsOf(p: Policy): DetectSplitsOptions {
  return {
    exclude: { vendors: p.excludeVendors, categories: p.excludeCategories },
    placeholderVendors: p.placeholders,
    thresholds: [
      { id: 'low', amount: '1000', currency: 'CNY', procedure: 'quotation', comparison: p.comparison },
      { id: 'high', amount: '2500', currency: 'CNY', procedure: 'tender', comparison: p.comparison, validFrom: '2014-02-01' },
    ],
    subject: { categoryPrefix: p.depth },
    rates: { USD: '6.25' },
    minPartShare: p.minPartShare,
  };
}

describe('buyerBaselines', () => {
  it("measures a run against the buyer's other purchases exactly as a recount of the records does", () => {
    // Runs whose buyer's days span a gap of the ledger (more than 31 days without a record): some must be drawn.
    let gapsSeen = 0;
    fc.assert(
      fc.property(ledgerArb(60), policyArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0, 1), (records, policy, pick, tierIndex) => {
        const opts = resolveOptions(optionsOf(policy));
        const table = scanRecords(records, { currency: opts.currency, rates: opts.rates });
        const ledger = prepare(table, opts);
        const baselines = buyerBaselines(table, opts);
        fc.pre(table.size > 0);
        // A run: some records of the buyer of a record the policy keeps, in date order (ties by id).
        const kept = Array.from(ledger.order).filter((k) => !excludedBy(policy)(records[table.row[k] as number] as PurchaseRecordInput));
        fc.pre(kept.length > 0);
        const buyer = table.buyer.key[kept[pick % kept.length] as number];
        const mine = kept.filter((k) => table.buyer.key[k] === buyer);
        const chosen = mine.filter((_, i) => ((pick >> (i % 24)) & 1) === 1 || i === 0);
        const parts = chosen.map((k) => ledger.itemOf(k));
        const tier = opts.thresholds[tierIndex] as (typeof opts.thresholds)[number];
        const facts = baselines.measure(parts, tier);

        // The recount.
        const ids = new Set(parts.map((p) => table.id[p.k] as string));
        const k = parts.length;
        const limit = Number(tier.threshold.amount);
        const want = recountBaseline(records.filter((r) => !excludedBy(policy)(r)), ids, limit, policy.comparison, { depth: policy.depth, minPartShare: policy.minPartShare, rates: RATES, placeholders: policy.placeholders, ledger: Array.from(table.row, (i) => records[i] as PurchaseRecordInput) });
        expect(facts.subject).toEqual(want.subject);
        expect(facts.rate.buyerOthers).toBe(want.buyerOthers);
        expect(facts.rate.days).toBe(want.days);
        expect(facts.rate.uncovered).toBe(want.uncovered);
        if (want.uncovered > 0) gapsSeen++;
        expect(facts.rate.window).toBe(want.window);
        expect(facts.rate.others).toBe(want.sized);
        const expected = ((want.sized + BASELINE.pseudoCount) / want.days) * want.window;
        expect(facts.rate.expected).toBeCloseTo(expected, 12);
        // The chance in one span, and in some span of the buyer's days (each span independent).
        expect(facts.rate.pWindow).toBeCloseTo(poissonAtLeast(k, expected), 12);
        expect(facts.rate.spans).toBeCloseTo(want.days / want.window, 12);
        expect(facts.rate.p).toBeCloseTo(1 - Math.pow(1 - facts.rate.pWindow, want.days / want.window), 9);
        expect(facts.rate.p).toBeGreaterThanOrEqual(facts.rate.pWindow);
        expect(facts.rate.applicable).toBe(want.buyerOthers >= BASELINE.minRecords && want.days >= BASELINE.minDays);
        expect(facts.size.others).toBe(want.others);
        expect(facts.size.applicable).toBe(want.others >= BASELINE.minSubject);
        expect(facts.size.percentile).toBeCloseTo(want.percentile, 12);
        expect(facts.vendor.vendors).toBe(want.vendors);
        expect(facts.vendor.placeholders).toBe(want.placeholders);
        expect(facts.vendor.fromVendors).toBe(want.fromVendors);
        expect(k).toBeGreaterThan(0);
        // A subject measured many times is sorted and searched instead of scanned: the same answers.
        for (let rep = 0; rep < 6; rep++) expect(baselines.measure(parts, tier)).toEqual(facts);
      }),
      { numRuns: runs(300) },
    );
    expect(gapsSeen).toBeGreaterThan(0);
  });

  it('lists every buyer once, by key, with its records, dates and bunching counts recounted from the records', () => {
    fc.assert(
      fc.property(ledgerArb(60), policyArb, (records, policy) => {
        const opts = resolveOptions(optionsOf(policy));
        const table = scanRecords(records, { currency: opts.currency, rates: opts.rates });
        const { buyers } = buyerBaselines(table, opts);
        const analysed = records.filter((r) => !excludedBy(policy)(r));
        const keys = [...new Set(analysed.map((r) => normalizeText(r.buyer)))].sort();
        expect(buyers.map((b) => normalizeText(b.buyer))).toEqual(keys);
        for (const b of buyers) {
          const mine = analysed.filter((r) => normalizeText(r.buyer) === normalizeText(b.buyer));
          const earliest = [...mine].sort((x, y) => (String(x.date) < String(y.date) ? -1 : String(x.date) > String(y.date) ? 1 : String(x.id) < String(y.id) ? -1 : 1))[0]!;
          expect(b.buyer).toBe(earliest.buyer.trim());
          expect(b.records).toBe(mine.length);
          expect(b.first).toBe(earliest.date);
          expect(b.last).toBe(mine.map((r) => String(r.date)).sort().at(-1));
          for (const t of opts.thresholds) {
            const inForce = mine.filter((r) => dayNo(r.date) >= t.fromDay && dayNo(r.date) <= t.toDay && Number(r.amount) > 0);
            const test = b.bunching.find((x) => x.threshold === t.threshold.id);
            if (inForce.length === 0) {
              expect(test).toBeUndefined();
              continue;
            }
            expect(test?.sample).toBe(inForce.length);
            // The band, on exact amounts: [0.9 L, L), or [0.9 L, L] for `above`.
            const L = t.value;
            const from = L.times(1 - BUNCHING.band);
            const band = inForce.filter((r) => exact(r).gte(from) && (policy.comparison === 'above' ? exact(r).lte(L) : exact(r).lt(L)));
            expect(test?.observed).toBe(band.length);
            expect(test?.applicable).toBe(false); // never 200 purchases here
          }
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it("finds a buyer's bunching under a limit, and none in a buyer whose amounts are smooth", () => {
    // Two buyers with 600 purchases each from the same smooth spread of amounts around 1,000; the
    // second also has 60 purchases just under it.
    const records: PurchaseRecordInput[] = [];
    let id = 0;
    for (const buyer of ['Smooth Office', 'Bunched Office']) {
      for (let i = 0; i < 600; i++) {
        // Amounts 400 to 2,500 spread evenly on the log scale (a smooth density).
        const amount = (400 * Math.exp((Math.log(2500 / 400) * (i + 0.5)) / 600)).toFixed(2);
        records.push({ id: `R${id++}`, buyer, vendor: `V${i % 7}`, date: `2014-${String((i % 12) + 1).padStart(2, '0')}-10`, amount, currency: 'CNY' });
      }
    }
    for (let i = 0; i < 60; i++) records.push({ id: `R${id++}`, buyer: 'Bunched Office', vendor: 'V1', date: '2014-06-01', amount: String(950 + i), currency: 'CNY' });
    const opts = resolveOptions({ thresholds: [{ id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation' }] });
    const { buyers } = buyerBaselines(scanRecords(records), opts);
    const [bunched, smooth] = buyers;
    expect(bunched?.buyer).toBe('Bunched Office');
    const t = bunched?.bunching[0];
    expect(t?.applicable && t.z > 3 && t.p < 0.01).toBe(true);
    const s = smooth?.bunching[0];
    expect(s?.applicable && Math.abs(s.z) < 2).toBe(true);
  });
});
