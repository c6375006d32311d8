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
 * Default weights. Being just under a limit is the classic sign and weighs most; a tight span,
 * similar subjects and consecutive document numbers come next; the rest are supporting signs.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  justBelow: 3,
  parts: 1,
  span: 2,
  sameDay: 1,
  vendorConcentration: 1,
  subjectSimilarity: 2,
  equalAmounts: 1,
  roundAmounts: 1,
  consecutiveDocuments: 2,
  totalOverThreshold: 1,
});
