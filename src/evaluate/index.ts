export { evaluate } from './evaluate.js';
export type { EvaluateOptions, EvaluateReport, EvaluatedFinding, SchemeKindQuality, DecoyKindQuality } from './evaluate.js';
