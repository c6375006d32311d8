/**
 * `splitscan/simulate`: measuring detection quality. Seeded ledgers with ground-truth labels (split
 * schemes and legitimate decoys), and the evaluation of findings against them. Platform-neutral, like
 * the core, and kept out of the core bundle: detection does not need it.
 */

// Simulated ledgers with ground truth
export { simulate } from './simulate/simulate.js';
export { SIMULATION_THRESHOLDS } from './simulate/options.js';
export type { SimulateOptions, SimulatedLanguage } from './simulate/options.js';
export { REGIMES } from './simulate/regimes.js';
export type { SimulatedRegime } from './simulate/regimes.js';
export { SCHEME_KINDS, DECOY_KINDS } from './simulate/truth.js';
export type { SimulateResult, SimulatedRecord, Truth, SchemeTruth, DecoyTruth, SchemeKind, DecoyKind } from './simulate/truth.js';

// Their evaluation
export { evaluate } from './evaluate/evaluate.js';
export type { EvaluateOptions, EvaluateReport, EvaluatedFinding, SchemeKindQuality, DecoyKindQuality } from './evaluate/evaluate.js';
