/** Weight of each kind of evidence in a finding's score (the weighted mean of strengths). */
export interface ScoreWeights {
  justBelow: number;
  parts: number;
  span: number;
  sameDay: number;
  vendorConcentration: number;
  subjectSimilarity: number;
  equalAmounts: number;
  roundAmounts: number;
  consecutiveDocuments: number;
  totalOverThreshold: number;
}

/**
 * Default weights. Parts just under a limit and parts bought close together are the classic signs
 * and weigh most; consecutive document numbers and equal amounts come next; the rest support.
 * Subject similarity weighs little: the parts were already linked by their subjects.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  justBelow: 3,
  parts: 1,
  span: 3,
  sameDay: 1,
  vendorConcentration: 1,
  subjectSimilarity: 1,
  equalAmounts: 1.5,
  roundAmounts: 1,
  consecutiveDocuments: 2,
  totalOverThreshold: 1,
});
