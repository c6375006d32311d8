import fc from 'fast-check';

// Property tests: a seed from the environment reproduces a run (fast-check prints the seed and the
// path of any failure). FC_NUM_RUNS raises run counts (see test/helpers/runs.ts).
const seed = process.env['FC_SEED'];
if (seed) fc.configureGlobal({ seed: Number(seed) });
