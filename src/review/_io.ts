/**
 * Everything the review module takes from `src/io/`, in one place: when the report writers move, this
 * file is the one to change.
 */
export type { ScanReport, ReportFinding, ReportPart } from '../io/report.js';
export { decodeText } from '../io/decode.js';
export { parseCsv } from '../io/csv.js';
export { safeCsv } from '../io/write.js';
