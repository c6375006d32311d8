import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectSplits } from '../src/detect.js';
import { oracleDetect, oracleRuns, sortFindings } from './oracle.js';
import { VENDORS, WITH_PLACEHOLDER, ledgerArb, optionsArb } from './helpers/arbitraries.js';
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
      // A placeholder vendor ("Various") among them: never the same vendor as another record.
      fc.property(ledgerArb(60, WITH_PLACEHOLDER), optionsArb, (records, options) => {
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

  it('on a buyer with enough routine purchases that its few other words are rare', () => {
    // 100 routine purchases make City Hall's vocabulary large enough for a word in three or fewer of
    // its subjects to be rare (RARE_WEIGHT: at most one in 32). A few purchases share one such word
    // and little else (not similar at 0.2 or above): only the rare-token rule can link them, and only
    // where neither categories nor projects are comparable.
    const isoDay = (d: number) => new Date(Date.UTC(2014, 0, 1 + d)).toISOString().slice(0, 10);
    const routine = fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 100 }),
        cents: fc.integer({ min: 10_000, max: 90_000 }),
        subject: fc.constantFrom('office supplies', 'cleaning services', 'printing paper', 'security guards'),
        vendor: fc.constantFrom(...VENDORS),
      }),
      { minLength: 100, maxLength: 100 },
    );
    const rareOnes = fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 20 }),
        cents: fc.integer({ min: 40_000, max: 95_000 }),
        rare: fc.constantFrom('signage', 'billboard'),
        words: fc.uniqueArray(fc.constantFrom('tower', 'base', 'road', 'board', 'lettering', 'frame', 'lamp', 'post'), { minLength: 2, maxLength: 2 }),
        vendor: fc.constantFrom(...VENDORS),
        category: fc.option(fc.constantFrom('4523', '3019'), { nil: undefined }),
        project: fc.option(fc.constantFrom('P-1', 'P-2'), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 6 },
    );
    const ledger = fc.tuple(ledgerArb(10), routine, rareOnes).map(([rs, more, rare]) => [
      ...rs.map((r) => ({ ...r, buyer: 'City Hall' })),
      ...more.map((m, i) => ({ id: `Q${String(i).padStart(3, '0')}`, buyer: 'City Hall', vendor: m.vendor, date: isoDay(m.day), amount: (m.cents / 100).toFixed(2), currency: 'CNY', subject: m.subject })),
      ...rare.map((m, i) => ({
        id: `S${i}`,
        buyer: 'City Hall',
        vendor: m.vendor,
        date: isoDay(m.day),
        amount: (m.cents / 100).toFixed(2),
        currency: 'CNY',
        subject: `${m.rare} ${m.words.join(' ')}`,
        ...(m.category === undefined ? {} : { category: m.category }),
        ...(m.project === undefined ? {} : { project: m.project }),
      })),
    ]);
    fc.assert(
      fc.property(ledger, optionsArb, (records, options) => {
        expect(fast(records, options)).toEqual(slow(records, options));
      }),
      { numRuns: runs(150) },
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
