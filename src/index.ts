/**
 * splitscan: find procurement purchases split to stay under legal thresholds.
 * The platform-neutral core (no `node:` imports): browsers, Deno, notebooks and Node.js.
 */

// Detection
export { detectSplits } from './detect.js';
export type { DetectResult, DetectStats } from './detect.js';
export { DEFAULT_SKIP_METHODS, DEFAULT_SUBJECT, DEFAULT_BAND, DEFAULT_MIN_PART_SHARE, DEFAULT_MIN_SCORE } from './options/options.js';
export type { DetectSplitsOptions } from './options/options.js';

// Records
export { validateRecords } from './records/validate.js';
export type { ValidationResult } from './records/validate.js';
export { purchaseRecordSchema } from './records/schema.js';
export { normalizeText, vendorKey, categoryKey } from './records/normalize.js';
export { RECORD_FIELDS, REQUIRED_FIELDS } from './records/record.js';
export type { PurchaseRecordInput, PurchaseRecord, RecordField, Reject, RecordReject, RejectCode } from './records/record.js';

// Thresholds
export { thresholdInputSchema, thresholdListSchema, parseThresholds } from './thresholds/schema.js';
export type { ThresholdInput, Threshold, Comparison } from './thresholds/threshold.js';

// Grouping policy
export type { WindowOption, CalendarPeriod, VendorRule, SubjectRule } from './options/policy.js';

// Similarity
export { subjectTokens } from './similarity/tokens.js';
export { textSimilarity } from './similarity/jaccard.js';

// Scoring and findings
export { DEFAULT_WEIGHTS } from './options/reasons.js';
export type { ScoreWeights, ReasonCode } from './options/reasons.js';
export { fingerprint } from './report/fingerprint.js';
export type { Finding, FindingPart, FindingThreshold, Reason } from './report/finding.js';

// Errors
export { SplitscanError, OptionsError, InputError, isSplitscanError, isOptionsError, isInputError } from './errors.js';
export type { OptionIssue } from './errors.js';

// Presets: the law as data
export { getPreset, listPresets, presetNames, presetKey, presets, loadThresholds } from './presets/index.js';
export type { Preset, PresetInfo, PresetKind, PresetOverrides, PcardOptions } from './presets/index.js';

// Reading ledgers (strings and bytes; files are read by `splitscan/node`) and OCDS
export { readLedger, LedgerReader, locateRejects, NOT_A_PURCHASE } from './io/index.js';
export type { Ledger, LedgerOptions, LedgerStats, ReadLedgerOptions, CreditPolicy, LinePolicy, LedgerFormat } from './io/index.js';
export { parseAmount, parseDate, parseColumnMap, resolveColumns, HEADER_ALIASES, LEDGER_FIELDS } from './io/index.js';
export type { ParseAmountOptions, ParsedAmount, ParsedDate, ColumnMap, LedgerField, ResolvedColumns } from './io/index.js';
export { detectEncoding, decodeText, detectDelimiter, parseCsv } from './io/index.js';
export type { Encoding, DecodedText, Delimiter, ParsedCsv, CsvRow } from './io/index.js';
export { fromOcds } from './io/index.js';
export type { FromOcdsOptions, OcdsRecords } from './io/index.js';

// Reports
export { buildReport, formatReport, REPORT_FORMATS, neutralizeCell, recordsToCsv, rejectsToCsv } from './io/index.js';
export type { ScanReport, ReportFinding, ReportPart, ReportSummary, ReportFormat, BuildReportInput } from './io/index.js';

// Measuring quality: simulated ledgers with ground truth, and their evaluation
export { simulate, SIMULATION_THRESHOLDS, SCHEME_KINDS, DECOY_KINDS } from './simulate/index.js';
export type { SimulateOptions, SimulateResult, SimulatedLanguage, SimulatedRecord, Truth, SchemeTruth, DecoyTruth, SchemeKind, DecoyKind } from './simulate/index.js';
export { evaluate } from './evaluate/index.js';
export type { EvaluateOptions, EvaluateReport, EvaluatedFinding, SchemeKindQuality, DecoyKindQuality } from './evaluate/index.js';
