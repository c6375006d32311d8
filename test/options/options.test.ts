/** The options detectSplits takes: unknown keys, misspellings and the values each option accepts. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectSplits } from '../../src/detect.js';
import { optionsErrorOf } from '../helpers/errors.js';
import { runs } from '../helpers/runs.js';

const THRESHOLDS = [{ id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation' }];


const detect = (options: Record<string, unknown>) => detectSplits([], { thresholds: THRESHOLDS, ...options } as never);

describe('unknown options', () => {
  it.each([
    ['a misspelt top-level option', { minscore: 1 }, ['minscore'], 'did you mean "minScore"?'],
    ['a misspelt window', { windw: { days: 3 } }, ['windw'], 'did you mean "window"?'],
    ['a misspelt subject field', { subject: { minSim: 0.5 } }, ['subject', 'minSim'], 'did you mean "minSimilarity"?'],
    ['a misspelt weight', { weights: { justbelow: 2 } }, ['weights', 'justbelow'], 'did you mean "justBelow"?'],
    ['a misspelt window field', { window: { dayz: 3 } }, ['window', 'dayz'], 'did you mean "days"?'],
    ['a field of another window kind', { window: { days: 3, fiscalYearStart: 4 } }, ['window', 'fiscalYearStart'], 'unknown key "fiscalYearStart"'],
    ['a key far from every option', { colour: 'red' }, ['colour'], 'known keys: thresholds, window'],
  ] as const)('%s is an OptionsError at its path', (_what, options, path, text) => {
    const e = optionsErrorOf(() => detect(options));
    expect(e.path).toEqual(path);
    expect(e.message).toMatch(/^detectSplits: /u);
    expect(e.message).toContain(text);
  });

  it('any key that is not an option throws, naming the key', () => {
    const known = new Set(['thresholds', 'window', 'vendor', 'linkSameVendor', 'subject', 'currency', 'rates', 'band', 'minParts', 'maxParts', 'minPartShare', 'skipMethods', 'minScore', 'weights', 'name', 'citation', 'description']);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== '__proto__'), (key) => {
        const e = optionsErrorOf(() => detect({ [key]: 1 }));
        expect(e.issues.map((i) => i.path)).toContainEqual([key]);
        expect(e.message).toContain(JSON.stringify(key));
      }),
      { numRuns: runs(100) },
    );
  });

  it('every issue is reported at once', () => {
    const e = optionsErrorOf(() => detect({ minscore: 1, band: 2, subject: { minSim: 1 } }));
    expect(e.issues.map((i) => i.path)).toEqual(expect.arrayContaining([['minscore'], ['band'], ['subject', 'minSim']]));
  });

  it('a preset\'s descriptive fields are options', () => {
    expect(detect({ name: 'rule', citation: 'Art. 1', description: 'what it does' }).findings).toEqual([]);
  });
});
