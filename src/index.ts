/**
 * splitscan: find procurement purchases split to stay under legal thresholds.
 * The platform-neutral core (no `node:` imports): browsers, Deno, notebooks and Node.js.
 */

// Detection
export { detectSplits } from './detect.js';
export type { DetectResult, DetectStats } from './detect.js';
export { DEFAULT_SKIP_METHODS, DEFAULT_PLACEHOLDER_VENDORS, DEFAULT_SUBJECT, DEFAULT_BAND, DEFAULT_MAX_PARTS, DEFAULT_MIN_PART_SHARE, DEFAULT_MIN_SCORE } from './options/options.js';
export type { DetectSplitsOptions } from './options/options.js';

// Records
export { validateRecords } from './records/validate.js';
export type { ValidationResult } from './records/validate.js';
export { purchaseRecordSchema } from './records/schema.js';
export { normalizeText, vendorKey, vendorTrade, categoryKey } from './records/normalize.js';
export { RECORD_FIELDS, REQUIRED_FIELDS } from './records/record.js';
export type { PurchaseRecordInput, PurchaseRecord, RecordField, Reject, RecordReject, RejectCode } from './records/record.js';

// Thresholds
export { thresholdInputSchema, thresholdListSchema, parseThresholds } from './thresholds/schema.js';
export type { ThresholdInput, Threshold, Comparison } from './thresholds/threshold.js';

// Grouping policy
export type { WindowOption, CalendarPeriod, VendorRule, SubjectRule, ExcludeRule } from './options/policy.js';

// Similarity
export { subjectTokens } from './similarity/tokens.js';
export { textSimilarity } from './similarity/jaccard.js';

// Scoring and findings
export { AGAINST_CODES, DEFAULT_WEIGHTS, RUN_WEIGHTS } from './options/reasons.js';
export type { ScoreWeights, ReasonCode } from './options/reasons.js';
export { BASELINE } from './score/baseline.js';
export type { BuyerStats } from './score/baseline.js';
export { BUNCHING } from './score/bunching.js';
export type { BunchingTest } from './score/bunching.js';
export { fingerprint } from './report/fingerprint.js';
export type { Finding, FindingPart, FindingThreshold, Reason } from './report/finding.js';
export type { LargeRun } from './report/largeRun.js';
export type { LowScoringRun } from './report/lowScoring.js';

// Errors
export { SplitscanError, OptionsError, InputError, isSplitscanError, isOptionsError, isInputError } from './errors.js';
export type { OptionIssue } from './errors.js';

// Presets: the law as data
export { getPreset, listPresets, presetNames, presetKey, presets, loadThresholds } from './presets/index.js';
export type { Preset, PresetInfo, PresetKind, PresetOverrides, PcardOptions } from './presets/index.js';

// Reading ledgers (strings and bytes; files are read by `splitscan/node`) and OCDS
export { readLedger, locateRejects } from './io/read/ledger.js';
export type { ReadLedgerOptions, LedgerFormat } from './io/read/ledger.js';
export { LedgerReader } from './io/read/reader.js';
export type { Ledger, LedgerStats, LedgerSample, LedgerSource, LedgerWarning } from './io/read/reader.js';
export { combineLedgers } from './io/read/combine.js';
export { inspectLedger } from './io/read/inspect.js';
export type { ColumnChoice, InspectLedgerOptions, LedgerInspection, RejectSummary, SourceInspection } from './io/read/inspect.js';
export { NOT_A_PURCHASE } from './io/read/options.js';
export type { LedgerOptions, CreditPolicy, LinePolicy } from './io/read/options.js';
export { parseAmount } from './io/read/amount.js';
export type { ParseAmountOptions, ParsedAmount } from './io/read/amount.js';
export { parseDate } from './io/read/date.js';
export type { ParsedDate } from './io/read/date.js';
export { parseColumnMap, resolveColumns, HEADER_ALIASES, LEDGER_FIELDS } from './io/read/columns.js';
export type { ColumnMap, ColumnSource, LedgerField, ResolveColumnsOptions, ResolvedColumns } from './io/read/columns.js';
export { detectEncoding, decodeText } from './io/read/decode.js';
export type { Encoding, DecodedText } from './io/read/decode.js';
export { detectDelimiter, parseCsv } from './io/read/csv.js';
export type { Delimiter, ParseCsvOptions, ParsedCsv, CsvRow } from './io/read/csv.js';
export { fromOcds } from './io/read/ocds.js';
export type { FromOcdsOptions, OcdsRecords } from './io/read/ocds.js';

// Reports
export { buildReport } from './io/write/scanReport.js';
export type { ScanReport, ReportBuyer, ReportFinding, ReportPart, ReportSummary, ReportProvenance, ProvenanceInput, ReportWarning, BuildReportInput } from './io/write/scanReport.js';
export { formatReport, REPORT_FORMATS } from './io/write/formats.js';
export type { ReportFormat, FormatReportOptions } from './io/write/formats.js';
export { neutralizeCell, recordsToCsv, rejectsToCsv } from './io/write/csv.js';

