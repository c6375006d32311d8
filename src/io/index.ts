/**
 * The io layer: platform-neutral parsing of ledgers (strings and bytes), OCDS, and report writers.
 * Files are read by `splitscan/node`.
 */
export { parseAmount } from './amount.js';
export type { ParseAmountOptions, ParsedAmount } from './amount.js';
export { HEADER_ALIASES, LEDGER_FIELDS, headerKey, headerUnit, parseColumnMap, resolveColumns } from './columns.js';
export type { ColumnMap, ColumnSource, LedgerField, ResolveColumnsOptions, ResolvedColumns } from './columns.js';
export { DELIMITERS, LineCounter, detectDelimiter, papaStreamConfig, parseCsv } from './csv.js';
export type { CsvRow, Delimiter, ParseCsvOptions, ParsedCsv } from './csv.js';
export { parseDate } from './date.js';
export type { ParsedDate } from './date.js';
export { ENCODING_NAMES, StreamDecoder, decodeText, detectEncoding, encodingOf, stripBom } from './decode.js';
export type { DecodedText, Encoding } from './decode.js';
export { detectFormat, readLedger } from './ledger.js';
export type { LedgerFormat, ReadLedgerOptions } from './ledger.js';
export { fromOcds } from './ocds.js';
export type { FromOcdsOptions, OcdsRecords } from './ocds.js';
export { REPORT_CSV_COLUMNS, REPORT_FORMATS, REPORT_SCHEMA, buildReport, formatReport, reportToCsv, reportToMarkdown, reportToTable } from './report.js';
export type { BuildReportInput, ReportFinding, ReportFormat, ReportPart, ReportSummary, ScanReport } from './report.js';
export { LedgerReader, NOT_A_PURCHASE, locateRejects } from './rows.js';
export type { CreditPolicy, Ledger, LedgerOptions, LedgerStats, LinePolicy } from './rows.js';
export { RECORD_COLUMNS, REJECT_COLUMNS, neutralizeCell, recordsToCsv, rejectsToCsv, safeCsv } from './write.js';
