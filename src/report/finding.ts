import type { Comparison } from '../thresholds/threshold.js';

/** One purchase inside a finding, with what a reviewer needs to see. */
export interface FindingPart {
  readonly id: string;
  /** Position of the record in the input array. */
  readonly index: number;
  readonly date: string;
  readonly vendor: string;
  /** Amount as recorded, in {@link currency}. */
  readonly amount: string;
  readonly currency: string;
  /** Amount in the finding's currency (equal to `amount` when no conversion was needed). */
  readonly converted: string;
  readonly subject?: string;
  readonly category?: string;
  readonly project?: string;
  readonly method?: string;
  readonly document?: string;
}

/** A piece of evidence: what was measured, how strong it is, and a sentence for the reviewer. */
export interface Reason {
  readonly code: ReasonCode;
  /** The measured value (a share, a count, a ratio or days: see the code's documentation). */
  readonly value: number;
  /** Strength of the evidence in [0, 1]; the score is the weighted mean of strengths. */
  readonly strength: number;
  /** Weight used for this reason. */
  readonly weight: number;
  readonly message: string;
}

export type ReasonCode =
  | 'justBelow'
  | 'parts'
  | 'span'
  | 'sameDay'
  | 'vendorConcentration'
  | 'subjectSimilarity'
  | 'equalAmounts'
  | 'roundAmounts'
  | 'consecutiveDocuments'
  | 'totalOverThreshold';

/** The threshold a finding's parts avoided. */
export interface FindingThreshold {
  readonly id: string;
  /** Decimal string in {@link currency}. */
  readonly amount: string;
  readonly currency: string;
  readonly procedure: string;
  readonly comparison: Comparison;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly label?: string;
  readonly source?: string;
}

/** A cluster of purchases that looks like one requirement split under a threshold. */
export interface Finding {
  /** Stable fingerprint of the record ids and threshold id: reruns give the same id. */
  readonly id: string;
  readonly buyer: string;
  /** Record ids in date order (ties by id). */
  readonly recordIds: readonly string[];
  readonly parts: readonly FindingPart[];
  /** Distinct vendors, in order of first appearance. */
  readonly vendors: readonly string[];
  /** Exact sum of the parts, decimal string with at least 2 decimals, in {@link currency}. */
  readonly total: string;
  readonly currency: string;
  readonly threshold: FindingThreshold;
  /** First and last purchase dates, `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
  /** Days from first to last purchase (0 = all on one day). */
  readonly spanDays: number;
  /** In [0, 1]; higher means the cluster looks more deliberate. */
  readonly score: number;
  readonly reasons: readonly Reason[];
  /** A counterfactual sentence for working papers, followed by the strongest reasons. */
  readonly explanation: string;
  /** The policy rule the finding cites, when the options name one (presets do). */
  readonly rule?: { readonly name: string; readonly citation?: string };
}
