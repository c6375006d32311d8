/**
 * The data the report page embeds (as JSON) for its script: what the page shows and no more, with
 * money as exact grouped text for reading and as numbers only for chart positions. Parts and
 * reasons are tuples to keep a 10,000-finding page small.
 */

/** A part: id, date, vendor, amount as recorded (grouped) and its currency, value in the report currency (for the chart), running total (grouped) and its value, subject, category, project, method, document, file line. */
export type PagePart = [
  id: string,
  date: string,
  vendor: string,
  amount: string,
  currency: string,
  value: number,
  running: string,
  runningValue: number,
  subject: string,
  category: string,
  project: string,
  method: string,
  document: string,
  line: number | null,
];

/** A reason: code, measured value, strength, weight, sentence. */
export type PageReason = [code: string, value: number, strength: number, weight: number, message: string];

/** A finding's decision, as the page shows it. */
export interface PageDecision {
  readonly status: string;
  readonly reviewer: string;
  readonly date: string;
  readonly note: string;
  /** The finding id decided on (differs from the finding's when it changed). */
  readonly finding: string;
  readonly changed: boolean;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** The total then and now in words (`total 5,100.00 → 9,980.00 EUR`), or '' when it did not change. */
  readonly total: string;
}

export interface PageFinding {
  readonly id: string;
  readonly rank: number;
  readonly score: number;
  readonly buyer: string;
  readonly vendors: readonly string[];
  readonly threshold: string;
  /** Threshold amount, grouped, and as a number for the chart. */
  readonly limit: string;
  readonly limitValue: number;
  readonly procedure: string;
  /** `≥` or `>`. */
  readonly cmp: string;
  readonly total: string;
  readonly totalValue: number;
  readonly currency: string;
  readonly start: string;
  readonly end: string;
  readonly span: number;
  /** Review status; `''` when no decisions were applied. */
  readonly status: string;
  readonly decision?: PageDecision;
  /** Why the finding is open when the decisions about it disagree (see `DecidedFinding.conflict`). */
  readonly conflict?: string;
  /** The other decisions that apply to it, in words (see `DecidedFinding.merged`). */
  readonly merged?: string;
  readonly explanation: string;
  readonly rule: string;
  readonly reasons: readonly PageReason[];
  readonly parts: readonly PagePart[];
  /** Index of the part whose running total first reaches the limit. */
  readonly crossing: number;
}

export interface PageBuyer {
  readonly buyer: string;
  readonly findings: number;
  readonly flagged: number;
  readonly flaggedSpend: string;
  readonly currency: string;
  /** Shares in [0, 1], or null when coverage was not given. */
  readonly purchaseShare: number | null;
  readonly spendShare: number | null;
  readonly records: number | null;
  readonly assessed: number | null;
  readonly assessedSpend: string;
  /** Not-applicable counts: no threshold, currency, excluded, ungrouped, too few records (null without coverage). */
  readonly na: [number, number, number, number, number] | null;
  readonly bunching: string;
  readonly warning: string;
}

export interface PageHistogram {
  readonly buyer: string;
  readonly threshold: string;
  readonly limit: string;
  readonly currency: string;
  readonly from: number;
  readonly to: number;
  readonly counts: readonly number[];
  readonly below: number;
  readonly above: number;
  readonly bunching: string;
}

export interface PageData {
  readonly findings: readonly PageFinding[];
  readonly buyers: readonly PageBuyer[];
  readonly histograms: readonly PageHistogram[];
  /** True when decisions were applied (the status column and filter show). */
  readonly reviewed: boolean;
  /** True when coverage was given (shares and not-applicable counts show). */
  readonly coverage: boolean;
  readonly pageSize: number;
}
