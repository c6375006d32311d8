import fc from 'fast-check';

// Property tests: a seed from the environment reproduces a run (fast-check prints the seed and the
// path of any failure); FC_NUM_RUNS scales every property's run count.
const seed = process.env['FC_SEED'];
const runs = process.env['FC_NUM_RUNS'];
fc.configureGlobal({
  ...(seed ? { seed: Number(seed) } : {}),
  ...(runs ? { numRuns: Number(runs) } : {}),
});
