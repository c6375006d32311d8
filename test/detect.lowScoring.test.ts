/**
 * The crossing runs left out for scoring under `minScore` are listed (`lowScoring`), with the id
 * each would have as a finding: a decision made when it was one can be told from one about a
 * finding that is gone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSplits } from '../src/detect.js';
import { ledgerArb, optionsArb } from './helpers/arbitraries.js';
import { runs } from './helpers/runs.js';

describe('detectSplits: runs under minScore', () => {
  it('are the findings a minScore of 0 adds, with the same ids, records and scores, under one threshold (property)', () => {
    fc.assert(
      fc.property(ledgerArb(), optionsArb, fc.double({ min: 0.05, max: 1, noNaN: true }), (records, options, minScore) => {
        // One threshold: a run left out claims no part another threshold could take.
        const one = { ...options, thresholds: options.thresholds.slice(0, 1) };
        const all = detectSplits(records, { ...one, minScore: 0 });
        const cut = detectSplits(records, { ...one, minScore });
        const shape = (xs: readonly { id: string; buyer: string; score: number; recordIds: readonly string[] }[]) => xs.map((x) => [x.id, x.buyer, x.score, [...x.recordIds]]).sort();
        expect(shape([...cut.findings, ...cut.lowScoring])).toEqual(shape(all.findings));
        for (const r of cut.lowScoring) expect(r.score).toBeLessThan(minScore);
        expect(cut.lowScoring.every((r) => r.threshold === one.thresholds[0]?.id)).toBe(true);
        expect(cut.stats.belowMinScore).toBe(cut.lowScoring.length);
      }),
      { numRuns: runs(150) },
    );
  });
});
