/**
 * `exclude` and `placeholderVendors` against plain oracles: an excluded record is as if it were not
 * there (as far as findings go), and a placeholder vendor is as if every record carrying it came
 * from a supplier of its own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSplits } from '../../src/detect.js';
import type { DetectSplitsOptions } from '../../src/options/options.js';
import { categoryKey, vendorKey } from '../../src/records/normalize.js';
import type { PurchaseRecordInput } from '../../src/records/record.js';
import { ledgerArb, optionsArb, VENDORS } from '../helpers/arbitraries.js';
import { runs } from '../helpers/runs.js';
import { excludedRecords } from '../../src/cluster/excluded.js';
import { resolveOptions } from '../../src/options/resolve.js';
import { scanRecords } from '../../src/records/table.js';

/** What a finding is, independent of record positions: its threshold, records, total and score. */
const findings = (records: readonly PurchaseRecordInput[], options: DetectSplitsOptions) =>
  detectSplits(records, options).findings.map((f) => [f.id, f.threshold.id, f.recordIds.join(','), f.total, f.score]);

// Projects that span many categories stop linking (maxProjectCategories); which projects are broad
// depends on every record, excluded ones too, so the oracles compare with every project specific.
const specific = (o: DetectSplitsOptions): DetectSplitsOptions => ({ ...o, subject: { ...o.subject, maxProjectCategories: Infinity } });

describe('exclude', () => {
  it('gives the findings of the ledger without the excluded vendors and categories', () => {
    fc.assert(
      fc.property(
        ledgerArb(),
        optionsArb,
        fc.subarray(VENDORS),
        fc.subarray(['4', '45', '4523', 'B07', '30191', 'b0701']),
        (records, options, vendors, categories) => {
          const excluded = (r: PurchaseRecordInput) =>
            vendors.some((v) => vendorKey(v) === vendorKey(String(r.vendor))) ||
            (r.category !== undefined && categories.some((c) => categoryKey(String(r.category)).startsWith(categoryKey(c))));
          const o = specific(options);
          expect(findings(records, { ...o, exclude: { vendors, categories } })).toEqual(findings(records.filter((r) => !excluded(r)), o));
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('takes a name ending in * for every vendor whose name starts so', () => {
    fc.assert(
      fc.property(
        ledgerArb(),
        optionsArb,
        fc.subarray(VENDORS, { minLength: 1 }),
        fc.integer({ min: 1, max: 8 }),
        (records, options, names, length) => {
          const prefixes = names.map((v) => `${v.slice(0, length)}*`).filter((p) => vendorKey(p.slice(0, -1)) !== '');
          const excluded = (r: PurchaseRecordInput) => prefixes.some((p) => vendorKey(String(r.vendor)).startsWith(vendorKey(p.slice(0, -1))));
          const o = specific(options);
          expect(findings(records, { ...o, exclude: { vendors: prefixes } })).toEqual(findings(records.filter((r) => !excluded(r)), o));
        },
      ),
      { numRuns: runs(100) },
    );
    // A chain's branches: one prefix takes them all, and nothing else.
    const rows = ['TRAVELODGE GB0000', 'Travelodge Birmingham', 'Travel Co'].flatMap((vendor, i) => [0, 1].map((j) => ({ id: `r${i}${j}`, buyer: 'Card 1', vendor, date: '2017-05-02', amount: '400', currency: 'GBP' })));
    const options: DetectSplitsOptions = { thresholds: [{ id: 't', amount: '500', currency: 'GBP', procedure: 'p' }], vendor: 'same', window: { days: 1 } };
    expect(detectSplits(rows, { ...options, exclude: { vendors: ['travelodge*'] } }).findings.map((f) => f.recordIds)).toEqual([['r20', 'r21']]);
  });

  it('counts excluded records as analysed but skipped', () => {
    const r = detectSplits(
      [
        { id: 'a', buyer: 'B', vendor: 'Acme Ltd', date: '2019-01-01', amount: '600', currency: 'EUR', category: '7011' },
        { id: 'b', buyer: 'B', vendor: 'Beta', date: '2019-01-01', amount: '600', currency: 'EUR' },
      ],
      { thresholds: [{ id: 't', amount: '1000', currency: 'EUR', procedure: 'p' }], exclude: { vendors: ['ACME LIMITED'], categories: ['70'] } },
    );
    expect(r.stats).toMatchObject({ accepted: 2, rejected: 0, skipped: 1 });
  });
});

describe('placeholderVendors', () => {
  it('treats each record of a placeholder vendor as bought from a supplier of its own', () => {
    fc.assert(
      fc.property(ledgerArb(), optionsArb, fc.subarray(VENDORS, { minLength: 1 }), (records, options, names) => {
        const isPlaceholder = (r: PurchaseRecordInput) => names.some((v) => vendorKey(v) === vendorKey(String(r.vendor)));
        const own = records.map((r, i) => (isPlaceholder(r) ? { ...r, vendor: `Supplier number ${i}` } : r));
        expect(findings(records, { ...options, placeholderVendors: names })).toEqual(findings(own, { ...options, placeholderVendors: [] }));
      }),
      { numRuns: runs(150) },
    );
  });

  it('has a default list that keeps "Redacted, personal data" and "Various" apart', () => {
    const rows = ['Redacted, personal data', 'REDACTED - PERSONAL DATA', 'Various', 'various'].map((vendor, i) => ({
      id: `r${i}`, buyer: 'Council', vendor, date: '2015-10-01', amount: '600', currency: 'GBP',
    }));
    const options: DetectSplitsOptions = { thresholds: [{ id: 't', amount: '1000', currency: 'GBP', procedure: 'p' }], vendor: 'same' };
    expect(detectSplits(rows, options).findings).toEqual([]);
    expect(detectSplits(rows, { ...options, placeholderVendors: [] }).findings.map((f) => f.recordIds)).toEqual([['r0', 'r1'], ['r2', 'r3']]);
  });
});

describe('excludedRecords', () => {
  it('answers a rule asked again (the same or an equal one) as it first did, and another rule anew', () => {
    fc.assert(
      fc.property(ledgerArb(), fc.subarray(VENDORS), fc.subarray(['4', '45', 'B07']), fc.subarray(VENDORS), (records, vendors, categories, others) => {
        const table = scanRecords(records);
        const rule = (v: readonly string[], c: readonly string[]) => resolveOptions({ thresholds: [{ id: 't', amount: '1', currency: 'CNY', procedure: 'p' }], exclude: { vendors: [...v], categories: [...c] } }).exclude;
        // Each answer against one computed on a fresh table (nothing kept).
        const fresh = (v: readonly string[], c: readonly string[]) => Array.from(excludedRecords(scanRecords(records), rule(v, c)));
        expect(Array.from(excludedRecords(table, rule(vendors, categories)))).toEqual(fresh(vendors, categories));
        expect(Array.from(excludedRecords(table, rule(others, categories)))).toEqual(fresh(others, categories));
        expect(Array.from(excludedRecords(table, rule(vendors, [])))).toEqual(fresh(vendors, []));
        expect(Array.from(excludedRecords(table, rule(vendors, categories)))).toEqual(fresh(vendors, categories));
      }),
      { numRuns: runs(100) },
    );
  });
});
