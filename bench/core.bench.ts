/**
 * Benchmarks of the core's parts on one seeded 10k-record ledger:
 * `npx vitest bench --run bench/core.bench.ts`.
 *
 * - tokenising: `subjectTokens` over every subject, then `vocabularies` (each buyer's tokens, ranked and weighed);
 * - validating: `validateRecords`;
 * - clustering: `detectSplits` with the text signal off (category / project / time linking only),
 *   with the vendor rule 'same' (small partitions) and 'any' (the default);
 * - detectSplits with the default options.
 */
import { bench, describe } from 'vitest';
import { simulate, SIMULATION_THRESHOLDS } from '../src/simulate.js';
import { subjectTokens } from '../src/similarity/tokens.js';
import { vocabularies } from '../src/similarity/vocabulary.js';
import { validateRecords } from '../src/records/validate.js';
import { detectSplits } from '../src/detect.js';

const { records } = simulate({ seed: 20240501, size: 10_000 });
const subjects = records.map((r) => r.subject);
const buyerIds = new Map(records.map((r) => [r.buyer, 0]));
[...buyerIds.keys()].forEach((b, i) => buyerIds.set(b, i));
const buyerOf = Int32Array.from(records, (r) => buyerIds.get(r.buyer) as number);
const subjectOf = Int32Array.from(records, (_, k) => k);
const thresholds = [...SIMULATION_THRESHOLDS];
const options = { time: 2000, iterations: 5 };

describe(`tokenising ${records.length} subjects`, () => {
  bench('subjectTokens', () => {
    for (const s of subjects) subjectTokens(s);
  }, options);
  bench('vocabularies', () => {
    vocabularies(buyerOf, subjectOf, (s) => subjects[s] as string);
  }, options);
});

describe(`validating ${records.length} records`, () => {
  bench('validateRecords', () => {
    validateRecords(records);
  }, options);
});

describe(`clustering ${records.length} records (text signal off)`, () => {
  bench("vendor 'same'", () => {
    detectSplits(records, { thresholds, vendor: 'same', subject: { minSimilarity: 0 } });
  }, options);
  bench("vendor 'any'", () => {
    detectSplits(records, { thresholds, subject: { minSimilarity: 0 } });
  }, options);
});

describe(`detectSplits on ${records.length} records`, () => {
  bench('defaults', () => {
    detectSplits(records, { thresholds });
  }, options);
  bench("window { period: 'fiscalYear' }", () => {
    detectSplits(records, { thresholds, window: { period: 'fiscalYear', fiscalYearStart: 1 } });
  }, options);
});
