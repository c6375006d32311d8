import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/_lib/decimal.js';
import { OptionsError } from '../../src/errors.js';
import { DEFAULT_PLACEHOLDER_VENDORS, DEFAULT_SKIP_METHODS } from '../../src/options/options.js';
import { categoryKey, normalizeText, vendorKey } from '../../src/records/normalize.js';
import { validateRecords } from '../../src/records/validate.js';
import { buyerCoverage, detectedCoverage, type BuyerCoverage } from '../../src/review/coverage.js';
import { detectSplits } from '../../src/detect.js';
import { reuseTable } from '../../src/records/table.js';
import { flagRates, pct } from '../../src/review/flagRates.js';
import type { DetectSplitsOptions } from '../../src/options/options.js';
import type { ThresholdInput } from '../../src/thresholds/threshold.js';
import { ledgerArb, optionsArb } from '../helpers/arbitraries.js';
import { runs } from '../helpers/runs.js';
import { makeReport } from './_reports.js';
import { sameWindow } from '../oracle.js';
import { resolveOptions } from '../../src/options/resolve.js';
import { dayOf } from '../../src/_lib/days.js';

const BINS = { from: 0.5, to: 1.5, bins: 40 };

/** The obvious per-record computation, all in exact decimals. */
function oracle(records: readonly unknown[], options: DetectSplitsOptions): BuyerCoverage[] {
  const { records: valid } = validateRecords(records);
  const rates: Record<string, string> = { CNY: '1', ...((options.rates ?? {}) as Record<string, string>) };
  const skip = new Set(DEFAULT_SKIP_METHODS.map(normalizeText));
  const resolved = resolveOptions(options);
  const placeholders = new Set((options.placeholderVendors ?? DEFAULT_PLACEHOLDER_VENDORS).map(vendorKey));
  const tiers = [...(options.thresholds as ThresholdInput[])].sort((a, b) => new D(b.amount).cmp(new D(a.amount)) || (a.id < b.id ? -1 : 1));
  const width = new D(BINS.to - BINS.from).div(BINS.bins);
  interface Hist { threshold: string; amount: string; from: number; to: number; counts: number[]; below: number; above: number }
  interface Acc { key: string; buyer: string; first: string; records: number; assessed: number; spend: InstanceType<typeof D>; noThreshold: number; currency: number; excluded: number; ungrouped: number; histograms: Map<string, Hist> }
  const out = new Map<string, Acc>();
  for (const r of valid) {
    const first = `${r.date}\u0000${r.id}`;
    let c = out.get(r.buyerKey);
    if (c === undefined) out.set(r.buyerKey, (c = { key: r.buyerKey, buyer: r.buyer, first, records: 0, assessed: 0, spend: new D(0), noThreshold: 0, currency: 0, excluded: 0, ungrouped: 0, histograms: new Map() }));
    if (first < c.first) [c.first, c.buyer] = [first, r.buyer];
    c.records++;
    const rate = rates[r.currency];
    if (rate === undefined) {
      c.currency++;
      continue;
    }
    const value = r.amount.times(rate);
    const inForce = tiers.filter((t) => {
      // In force on its date, or within a window opened on the last day in force (a run begun in force reaches it).
      if ((t.validFrom && r.date < t.validFrom) || (t.validTo && r.date > t.validTo && !sameWindow(resolved, dayOf(t.validTo)!, dayOf(r.date)!))) return false;
      if (t.categories && (r.categoryKey === undefined || !t.categories.some((p) => (r.categoryKey as string).startsWith(categoryKey(p))))) return false;
      if (t.excludeCategories && r.categoryKey !== undefined && t.excludeCategories.some((p) => (r.categoryKey as string).startsWith(categoryKey(p)))) return false;
      return true;
    });
    for (const t of inForce) {
      let h = c.histograms.get(t.id);
      if (h === undefined) c.histograms.set(t.id, (h = { threshold: t.id, amount: new D(t.amount).toFixed(2), from: BINS.from, to: BINS.to, counts: new Array<number>(BINS.bins).fill(0), below: 0, above: 0 }));
      const ratio = value.div(t.amount);
      if (ratio.lt(BINS.from)) h.below++;
      else if (ratio.gte(BINS.to)) h.above++;
      else h.counts[ratio.minus(BINS.from).div(width).floor().toNumber()]! += 1;
    }
    if (inForce.length === 0) c.noThreshold++;
    else if (r.exemption !== undefined || (r.methodKey !== undefined && skip.has(r.methodKey))) c.excluded++;
    // Missing a field the rule groups by: the project of sameProject, the category of sameCategory, a named vendor of vendor 'same'.
    else if ((options.subject?.sameProject && r.projectKey === undefined) || (options.subject?.sameCategory && r.categoryKey === undefined) || (options.vendor === 'same' && placeholders.has(r.vendorKey))) c.ungrouped++;
    else {
      c.assessed++;
      c.spend = c.spend.plus(value);
    }
  }
  return [...out.values()]
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((c) => {
      const tooFew = c.assessed < (options.minParts ?? 2) ? c.assessed : 0;
      return {
        buyer: c.buyer,
        currency: 'CNY',
        records: c.records,
        assessed: c.assessed - tooFew,
        assessedSpend: tooFew ? '0.00' : c.spend.toFixed(2),
        notApplicable: { noThreshold: c.noThreshold, currency: c.currency, excluded: c.excluded, ungrouped: c.ungrouped, tooFewRecords: tooFew },
        histograms: tiers.flatMap((t) => c.histograms.get(t.id) ?? []),
      };
    });
}

const norm = (c: BuyerCoverage) => ({ ...c, assessedSpend: new D(c.assessedSpend).toFixed(2), histograms: c.histograms.map((h) => ({ ...h, amount: new D(h.amount).toFixed(2) })) });

describe('buyerCoverage', () => {
  it('agrees with a per-record oracle in exact decimals, with and without exchange rates', () => {
    fc.assert(
      fc.property(ledgerArb(50), optionsArb, fc.boolean(), (ledger, options, withRates) => {
        const opts = withRates ? options : { ...options, rates: {} };
        const got = buyerCoverage(ledger, { ...opts, histogram: BINS });
        const want = oracle(ledger, opts);
        expect(got.map(norm)).toEqual(want.map(norm));
        for (const c of got) {
          const na = c.notApplicable;
          expect(c.assessed + na.noThreshold + na.currency + na.excluded + na.ungrouped + na.tooFewRecords).toBe(c.records);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('puts amounts exactly on a bin edge in the bin above it, the limit included', () => {
    const thresholds = [{ id: 't', amount: '1000', currency: 'CNY', procedure: 'quotation' }];
    const amounts = ['500', '499.99', '1000', '999.99', '1025', '1024.99', '1500', '1499.99', '0.3', '3000'];
    const records = amounts.map((amount, i) => ({ id: `r${i}`, buyer: 'B', vendor: 'V', date: '2015-01-01', amount, currency: 'CNY' }));
    const [c] = buyerCoverage(records, { thresholds });
    const h = c?.histograms[0];
    expect(h?.below).toBe(2); // 499.99 and 0.3
    expect(h?.above).toBe(2); // 1500, 3000
    expect(h?.counts[0]).toBe(1); // 500
    expect(h?.counts[19]).toBe(1); // 999.99: [975, 1000)
    expect(h?.counts[20]).toBe(2); // 1000 and 1024.99: [1000, 1025)
    expect(h?.counts[21]).toBe(1); // 1025
    expect(h?.counts[39]).toBe(1); // 1499.99
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(ledgerArb(40), optionsArb, (ledger, options) => {
        expect(buyerCoverage([...ledger].reverse(), options)).toEqual(buyerCoverage(ledger, options));
      }),
      { numRuns: runs(100) },
    );
  });

  it('after detection (detectedCoverage, from the table detection kept of a loader\'s records) is the same as buyerCoverage', () => {
    fc.assert(
      fc.property(ledgerArb(50), optionsArb, fc.boolean(), (ledger, options, marked) => {
        const records = [...ledger];
        // A loader's records are marked for reuse; other arrays are validated afresh.
        if (marked) reuseTable(records);
        detectSplits(records, options);
        expect(detectedCoverage(records, options)).toEqual(buyerCoverage([...ledger], options));
      }),
      { numRuns: runs(100) },
    );
  });

  it('without histograms (the command\'s flag rates) is buyerCoverage with every histogram left out', () => {
    fc.assert(
      fc.property(ledgerArb(50), optionsArb, (ledger, options) => {
        const records = [...ledger];
        reuseTable(records);
        detectSplits(records, options);
        expect(detectedCoverage(records, options, false)).toEqual(buyerCoverage([...ledger], options).map((c) => ({ ...c, histograms: [] })));
      }),
      { numRuns: runs(100) },
    );
  });

  it('throws an OptionsError naming a bad option', () => {
    const thresholds = [{ id: 't', amount: '1000', currency: 'CNY', procedure: 'quotation' }];
    expect(() => buyerCoverage([], { thresholds, histogram: { bins: 0 } })).toThrow(OptionsError);
    expect(() => buyerCoverage([], { thresholds, histogram: { from: 1, to: 1 } })).toThrow(/buyerCoverage: options\.histogram\.to/u);
    expect(() => buyerCoverage([], { thresholds: [] })).toThrow(/buyerCoverage: options\.thresholds/u);
  });
});

describe('flagRates', () => {
  const coverage = (buyer: string, assessed: number, spend: string): BuyerCoverage => ({
    buyer,
    currency: 'CNY',
    records: assessed,
    assessed,
    assessedSpend: spend,
    notApplicable: { noThreshold: 0, currency: 0, excluded: 0, ungrouped: 0, tooFewRecords: 0 },
    histograms: [],
  });
  const report = makeReport([
    { recordIds: ['1', '2', '3', '4', '5'], buyer: 'Water Board', amount: '100.00' },
    { recordIds: ['6', '7', '8', '9', '10'], buyer: 'WATER  board', amount: '100.00' },
    { recordIds: ['11', '12'], buyer: 'City Hall', amount: '50.00' },
    { recordIds: ['13', '14'], buyer: 'Tiny Office', amount: '50.00' },
  ]);

  it('computes shares per buyer (named as detection compares them) and warns above the rates', () => {
    const rates = flagRates(report, [coverage('Water Board', 30, '2000.00'), coverage('City Hall', 100, '100000.00'), coverage('Tiny Office', 4, '200.00')]);
    expect(rates.buyers.map((b) => [b.buyer, b.findings, b.flagged, b.flaggedSpend, b.purchaseShare, b.spendShare])).toEqual([
      ['Tiny Office', 1, 2, '100.00', 0.5, 0.5],
      ['Water Board', 2, 10, '1000.00', 1 / 3, 0.5],
      ['City Hall', 1, 2, '100.00', 0.02, 0.001],
    ]);
    // Tiny Office has too few purchases to warn; Water Board's spend share is at (not above) 50%.
    expect(rates.warnings.map((w) => [w.buyer, w.measure])).toEqual([['Water Board', 'purchases']]);
    expect(rates.warnings[0]?.message).toBe(
      'Water Board: findings hold 33% of its 30 assessed purchases (10), above the 25% warning rate: a rule that flags this much of one buyer needs a look at the rule (thresholds, window, subject grouping) before the buyer.',
    );
    expect(flagRates(report, [coverage('Water Board', 30, '1999.99')], { maxPurchaseShare: 0.5 }).warnings.map((w) => w.measure)).toEqual(['spend']);
  });

  it('are the rule\'s, over every finding of the run, when given them for a report cut by top', () => {
    const cov = [coverage('Water Board', 30, '2000.00'), coverage('City Hall', 100, '100000.00'), coverage('Tiny Office', 4, '200.00')];
    const cut = { ...report, findings: report.findings.slice(0, 1), summary: { ...report.summary, shown: 1 } };
    // Cut, the rates are lower bounds and Water Board (one of its two findings listed) no longer warns.
    expect(flagRates(cut, cov)).toMatchObject({ partial: true, warnings: [] });
    const whole = flagRates(cut, cov, { findings: report.findings });
    expect(whole).toEqual(flagRates(report, cov));
    expect(whole.warnings.map((w) => w.buyer)).toEqual(['Water Board']);
  });

  it('without coverage, counts findings and flagged spend and warns about nothing', () => {
    const rates = flagRates(report);
    expect(rates.buyers.map((b) => [b.buyer, b.findings, b.purchaseShare])).toEqual([
      ['Water Board', 2, undefined],
      ['City Hall', 1, undefined],
      ['Tiny Office', 1, undefined],
    ]);
    expect(rates.warnings).toEqual([]);
  });

  it('throws an OptionsError for a share outside (0, 1]', () => {
    expect(() => flagRates(report, [], { maxPurchaseShare: 0 })).toThrow(/flagRates: options\.maxPurchaseShare/u);
    expect(() => flagRates(report, [], { minPurchases: 0.5 })).toThrow(OptionsError);
  });

  it('writes shares as percentages', () => {
    expect([0.3412, 0.004, 0, 1, 0.0999].map(pct)).toEqual(['34%', '0.4%', '0%', '100%', '10%']);
  });
});
