/**
 * `splitscan/review`: the auditor's desk. A self-contained HTML report, reviewers' decisions that
 * stick across runs, what changed since the last run, and per-buyer coverage with flag-rate
 * warnings. Platform-neutral like the core (no `node:` imports); it carries the chart library
 * (uPlot) the page inlines, which the core bundle does not.
 */

// The HTML report
export { toHtml } from './html.js';
export type { ToHtmlOptions, BuyerBunching } from './html.js';

// Decisions that stick
export { DECISION_STATUSES, DECISIONS_SCHEMA, DECISION_CSV_COLUMNS, decisionSchema, decisionsFileSchema, readDecisions, decisionsToCsv, decisionsToAppend, decisionsToJson, decisionsTemplate } from './decisions.js';
export type { Decision, DecisionStatus, DecisionIssue, DecisionsRead, ReadDecisionsOptions } from './decisions.js';
export { applyDecisions } from './applyDecisions.js';
export type { DecidedReport, DecidedFinding, FindingDecision, DecisionSummary, UnmatchedDecision, NotShownFinding, ApplyDecisionsOptions, TotalChange, RenamedRecord, AmbiguousRecord } from './applyDecisions.js';

// What changed
export { diffReports, formatDiff, DIFF_SCHEMA } from './diff.js';
export type { ReportDiff, FindingChange, AmountChange, DiffTotal, DiffSide, DiffFormat } from './diff.js';

// Coverage and guardrails
export { buyerCoverage } from './coverage.js';
export type { BuyerCoverage, BuyerCoverageOptions, AmountHistogram, HistogramBins, NotApplicable } from './coverage.js';
export { flagRates } from './flagRates.js';
export type { FlagRates, FlagRatesOptions, BuyerFlags, FlagWarning } from './flagRates.js';
