import type { PurchaseRecordInput, Reject } from './records/record.js';
import type { ThresholdInput } from './thresholds/threshold.js';
import type { SubjectRule, VendorRule, WindowOption } from './cluster/policy.js';
import type { Finding } from './report/finding.js';
import type { ScoreWeights } from './score/weights.js';

/** Options of {@link detectSplits}. Only `thresholds` is required. */
export interface DetectSplitsOptions {
  /** The tiers to test. Several may apply at once; each is in force between its validity dates. */
  thresholds: readonly ThresholdInput[];
  /** @defaultValue `{ days: 30 }` */
  window?: WindowOption | undefined;
  /** @defaultValue `'any'` */
  vendor?: VendorRule | undefined;
  /** @defaultValue `{ categoryPrefix: 4, minSimilarity: 0.3, sameProject: false, sameCategory: false }` */
  subject?: SubjectRule | undefined;
  /** Currency findings are reported in. @defaultValue the thresholds' currency when they share one */
  currency?: string | undefined;
  /** Value of one unit of each other currency in `currency`, e.g. `{ USD: '7.1' }` for CNY. */
  rates?: Readonly<Record<string, string | number>> | undefined;
  /** A part within this fraction under a threshold counts as "just below" it. @defaultValue 0.1 */
  band?: number | undefined;
  /** Fewest parts a finding may have. @defaultValue 2 */
  minParts?: number | undefined;
  /** Procedures (matched case-insensitively on `method`) whose records are never parts. @defaultValue see DEFAULT_SKIP_METHODS */
  skipMethods?: readonly string[] | undefined;
  /** Override the score weights. */
  weights?: Partial<ScoreWeights> | undefined;
  /** Name of the policy rule findings cite (set by presets). */
  name?: string | undefined;
  /** Citation of that rule. */
  citation?: string | undefined;
  /** One-paragraph description of the policy (set by presets; not used by detection). */
  description?: string | undefined;
}

/** Counts that describe a run. */
export interface DetectStats {
  /** Records passed in. */
  readonly input: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Accepted records that could never be parts (skipped method or exemption). */
  readonly skipped: number;
  readonly buyers: number;
  readonly findings: number;
  /** Findings per threshold id. */
  readonly findingsByThreshold: Readonly<Record<string, number>>;
}

/** What {@link detectSplits} returns. */
export interface DetectResult {
  /** Sorted by score (highest first), then by buyer, start date and id. */
  readonly findings: readonly Finding[];
  readonly rejects: readonly Reject[];
  readonly stats: DetectStats;
}

export function detectSplits(_records: readonly unknown[], _options: DetectSplitsOptions): DetectResult {
  throw new Error('detectSplits: being written');
}

export type { PurchaseRecordInput };
