/**
 * Fuzzing options (issue 9): valid and invalid values of every option — extreme weights, windows
 * past their bounds, rates at and past theirs, thresholds that are not thresholds, unknown keys, an
 * option that is a revoked Proxy or a getter that throws. Whatever the options: detectSplits either
 * returns a result that accounts for every record, with scores in [0, 1], or throws an
 * OptionsError naming an option — never any other error.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectSplits } from '../../src/detect.js';
import { isOptionsError } from '../../src/errors.js';
import { ledgerArb } from '../helpers/arbitraries.js';
import { buildOptions, hostileOptionsArb } from '../helpers/hostile.js';
import { runs } from '../helpers/runs.js';

/** The result of detectSplits, or the OptionsError it threw; any other error fails the property. */
function outcome(records: unknown[], options: ReturnType<typeof buildOptions>) {
  try {
    return { result: detectSplits(records, options) };
  } catch (e) {
    if (isOptionsError(e)) return { error: e };
    throw e;
  }
}

describe('fuzz: options', () => {
  it('either give a sound result or throw an OptionsError naming an option', () => {
    fc.assert(
      fc.property(ledgerArb(40), hostileOptionsArb, (records, spec) => {
        const { result, error } = outcome(records, buildOptions(spec));
        if (error) {
          expect(error.issues.length).toBeGreaterThan(0);
          expect(error.message).toMatch(/^detectSplits: options/u);
          for (const issue of error.issues) expect(issue.message.length).toBeGreaterThan(0);
          return;
        }
        const r = result as NonNullable<typeof result>;
        expect(r.stats.accepted + r.stats.rejected).toBe(records.length);
        for (const f of r.findings) {
          expect(Number.isNaN(f.score)).toBe(false);
          expect(f.score).toBeGreaterThanOrEqual(0);
          expect(f.score).toBeLessThanOrEqual(1);
          expect(f.total.length).toBeLessThan(64);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('are not vacuous: both outcomes happen, and valid options find splits', () => {
    // On a fixed sample, so that the counts are the same in every run.
    let results = 0;
    let errors = 0;
    let findings = 0;
    for (const [records, spec] of fc.sample(fc.tuple(ledgerArb(40), hostileOptionsArb), { numRuns: 400, seed: 11 })) {
      const { result, error } = outcome(records, buildOptions(spec));
      if (error) errors++;
      else {
        results++;
        findings += result?.findings.length ?? 0;
      }
    }
    expect(results).toBeGreaterThan(40);
    expect(errors).toBeGreaterThan(40);
    expect(findings).toBeGreaterThan(2);
  });

  it.each([
    ['a revoked Proxy as window', 'revokedWindow'],
    ['a band getter that throws', 'throwingBand'],
  ] as const)('%s is an OptionsError, not a raw exception', (_name, hostile) => {
    const options = buildOptions({ values: { thresholds: [{ id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation' }] }, hostile });
    const { error } = outcome([], options);
    expect(error).toBeDefined();
    expect(error?.message).toMatch(/^detectSplits: options/u);
  });
});
