export { simulate, SIMULATION_THRESHOLDS } from './simulate.js';
export type { SimulateOptions, SimulateResult, SimulatedLanguage } from './simulate.js';
export { SCHEME_KINDS, DECOY_KINDS } from './truth.js';
export type { SchemeKind, DecoyKind, SchemeTruth, DecoyTruth, Truth, SimulatedRecord } from './truth.js';
