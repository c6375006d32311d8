/**
 * Every option and threshold field says in its own words what it takes: a value of the wrong kind
 * anywhere never gets zod's generic "Invalid input" (zod/mini bundles no locale, so an unset message
 * would be exactly that).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectSplits } from '../../src/detect.js';
import { OPTION_KEYS } from '../../src/options/options.js';
import { optionsErrorOf } from '../helpers/errors.js';

const THRESHOLD = { id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation' };

/** Fields inside the object options, and of a threshold. */
const NESTED: Record<string, readonly string[]> = {
  subject: ['categoryPrefix', 'minSimilarity', 'sameProject', 'sameCategory', 'maxProjectCategories'],
  exclude: ['vendors', 'categories'],
  weights: ['justBelow', 'sameVendor'],
  window: ['days', 'period', 'fiscalYearStart'],
};
const THRESHOLD_FIELDS = [...Object.keys(THRESHOLD), 'comparison', 'categories', 'excludeCategories', 'validFrom', 'validTo', 'vat', 'label', 'jurisdiction', 'source', 'status'];

/** Options with one value replaced by `value`: a top-level option, a field of an object option, or a threshold field. */
const placed = fc.oneof(
  fc.constantFrom(...OPTION_KEYS).map((k) => (value: unknown) => ({ thresholds: [THRESHOLD], [k]: value })),
  fc.constantFrom(...Object.entries(NESTED).flatMap(([k, fields]) => fields.map((f) => [k, f] as const))).map(([k, f]) => (value: unknown) => ({ thresholds: [THRESHOLD], [k]: { [f]: value } })),
  fc.constantFrom(...THRESHOLD_FIELDS).map((f) => (value: unknown) => ({ thresholds: [{ ...THRESHOLD, [f]: value }] })),
);

/** Values of every JSON kind, and the array and object forms of each. */
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null), fc.constant([1]), fc.constant({ a: 1 }), fc.constant(['']), fc.constant([{}]));

describe('option messages', () => {
  it('a value of the wrong kind anywhere is an OptionsError in splitscan\'s words, never zod\'s generic "Invalid input"', () => {
    let thrown = 0;
    fc.assert(
      fc.property(placed, value, (place, v) => {
        let message: string[];
        try {
          detectSplits([], place(v) as never);
          return;
        } catch {
          message = optionsErrorOf(() => detectSplits([], place(v) as never)).issues.map((i) => i.message);
        }
        thrown++;
        for (const m of message) expect(m).not.toMatch(/^Invalid input/u);
      }),
      { numRuns: 2000 },
    );
    expect(thrown).toBeGreaterThan(500);
  });
});
