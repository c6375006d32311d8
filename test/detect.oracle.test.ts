import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectSplits } from '../src/detect.js';
import { oracleDetect, oracleRuns, sortFindings } from './oracle.js';
import { ledgerArb, optionsArb } from './helpers/arbitraries.js';
import { runs } from './helpers/runs.js';

/** Findings (sorted ids) and large runs (their count and listed ids) of detectSplits. */
function fast(records: unknown[], options: Parameters<typeof detectSplits>[1]) {
  const { findings, stats } = detectSplits(records, options);
  return {
    findings: sortFindings(findings.map((f) => ({ thresholdId: f.threshold.id, recordIds: [...f.recordIds].sort() }))),
    largeRuns: sortFindings(stats.largeRuns.map((l) => ({ thresholdId: l.threshold.id, recordIds: [...l.recordIds], parts: l.parts }))),
  };
}

/** The oracle's, with large runs listed as detectSplits lists them (the first maxParts ids). */
function slow(records: unknown[], options: Parameters<typeof detectSplits>[1]) {
  const { findings, largeRuns } = oracleRuns(records, options);
  const cap = options.maxParts ?? 50;
  return { findings, largeRuns: largeRuns.map((l) => ({ thresholdId: l.thresholdId, recordIds: l.recordIds.slice(0, cap), parts: l.recordIds.length })) };
}

describe('detectSplits agrees with the brute-force oracle', () => {
  it('on random ledgers of up to 60 records, every window, vendor and subject rule', () => {
    fc.assert(
      fc.property(ledgerArb(60), optionsArb, (records, options) => {
        expect(fast(records, options)).toEqual(slow(records, options));
      }),
      { numRuns: runs(400) },
    );
  });

  it('on dense ledgers (one buyer, few days) where components are large', () => {
    const dense = ledgerArb(60).map((rs) => rs.map((r) => ({ ...r, buyer: 'City Hall', date: r.date < '2014-01-15' ? r.date : '2014-01-10' })));
    fc.assert(
      fc.property(dense, optionsArb, (records, options) => {
        expect(fast(records, options)).toEqual(slow(records, options));
      }),
      { numRuns: runs(200) },
    );
  });

  it('on chains of mid-sized purchases on nearby days, where window edges decide', () => {
    const chain = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 200, max: 700 })), { minLength: 2, maxLength: 25 })
      .map((rows) =>
        rows.map(([day, amount], i) => ({
          id: `C${i}`,
          buyer: 'City Hall',
          vendor: i % 3 ? 'Acme Ltd' : 'Beta GmbH',
          date: `2014-02-${String(day + 1).padStart(2, '0')}`,
          amount: String(amount),
          currency: 'CNY',
          subject: 'road signs',
        })),
      );
    fc.assert(
      fc.property(chain, optionsArb, (records, options) => {
        expect(fast(records, options)).toEqual(slow(records, options));
      }),
      { numRuns: runs(300) },
    );
  });

  it('finds something often enough for the agreement to mean something', () => {
    // Guard against a vacuous oracle test: on the default generators most runs have findings.
    let withFindings = 0;
    fc.assert(
      fc.property(ledgerArb(60), optionsArb, (records, options) => {
        if (oracleDetect(records, options).length > 0) withFindings++;
      }),
      { numRuns: runs(200), seed: 42 },
    );
    expect(withFindings).toBeGreaterThan(40);
  });
});
