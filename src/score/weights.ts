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
