/**
 * Writing CSV: records for interchange, and cells made safe for spreadsheets.
 */
import { type PurchaseRecordInput, type Reject, RECORD_FIELDS } from '../../records/record.js';
import type { ReportWarning } from './scanReport.js';
import { valueText } from './values.js';
import { badArgument, checkArray } from '../../_lib/args.js';
import { recordArray } from '../../records/input.js';

const FORMULA_START = /^[=+\-@\t\r\n\u0000-\u001f\u007f]/u;

/** A negative decimal number, with an optional exponent: data, not a formula. */
const NEGATIVE_NUMBER = /^-(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/u;

/**
 * Makes a cell safe to open in Excel, LibreOffice or Google Sheets: a value beginning with `=`, `+`,
 * `-`, `@` or a control character (tab, CR …) could run as a formula, so it gets a leading `'`
 * (the OWASP "CSV injection" advice). A negative number (`-718.35`, `-1e5`) is not a formula and
 * stays as it is, so spreadsheets and pandas still read it as a number; `-1+1` and `-A1` are
 * formulas. Other values are unchanged.
 *
 * @example
 * neutralizeCell('=HYPERLINK("http://x")') //=> `'=HYPERLINK("http://x")`
 * neutralizeCell('-718.35')                //=> '-718.35'
 * neutralizeCell('-1+1')                   //=> "'-1+1"
 * neutralizeCell('Acme Ltd')                //=> 'Acme Ltd'
 */
export function neutralizeCell(value: string): string {
  if (typeof value !== 'string') badArgument('neutralizeCell', 'value', 'a string', value);
  return FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value) ? `'${value}` : value;
}

/** One CSV field, RFC 4180: quoted when it holds a comma, a quote, a line break or edge spaces. */
function field(v: string): string {
  return /[",\r\n]|^\s|\s$/u.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Rows as CSV text: fields joined by commas, each row ended by CRLF (as Excel writes it). */
function csvText(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(field).join(',')}\r\n`;
  return out;
}

/**
 * Writes rows as CSV (RFC 4180 quoting, CRLF line ends as Excel expects) with every cell passed
 * through {@link neutralizeCell}.
 */
export function safeCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown): string => (v === undefined || v === null ? '' : neutralizeCell(typeof v === 'string' ? v : String(v)));
  return csvText([header.map(cell), ...rows.map((r) => r.map(cell))]);
}

/**
 * Writes records as a CSV, one column per record field (`RECORD_FIELDS`), that `readLedger` reads
 * back to the same records (a round trip).
 * Values are written as they are (no formula neutralisation: this is data interchange, not a
 * report); dates given as `Date` are written by their local calendar fields.
 *
 * @example
 * recordsToCsv([{ id: 1, buyer: 'B', vendor: 'V', date: '2019-01-02', amount: '5', currency: 'EUR' }])
 * //=> 'id,buyer,vendor,date,amount,currency,subject,category,project,method,document,exemption\r\n1,B,V,2019-01-02,5,EUR,,,,,,\r\n'
 */
export function recordsToCsv(records: readonly PurchaseRecordInput[]): string {
  const data = (recordArray(records, 'recordsToCsv') as readonly PurchaseRecordInput[]).map((r) =>
    RECORD_FIELDS.map((c) => {
      const v = r[c];
      if (v instanceof Date) {
        return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
      }
      return v === undefined || v === null ? '' : String(v);
    }),
  );
  return csvText([[...RECORD_FIELDS], ...data]);
}

/** Columns of {@link rejectsToCsv}. */
const REJECT_COLUMNS = ['file', 'line', 'record', 'id', 'column', 'field', 'code', 'message', 'value'] as const;

/**
 * Writes rejects as a spreadsheet-safe CSV, one row each: `file` and `line` where the row was read,
 * `record` (its position in the records given to detection: only for rejects of `detectSplits`,
 * empty for rows rejected while reading), `id`, the source `column`, the `field`, the reject `code`,
 * the `message` and the offending `value` (as text: JSON for objects, and a placeholder
 * `[a value that cannot be shown: …]` for one that throws when read, such as a revoked Proxy).
 *
 * @example
 * rejectsToCsv([{ field: 'amount', path: ['amount'], code: 'credit', message: 'm', value: '-5', line: 2, column: 'Amt' }])
 * //=> "file,line,record,id,column,field,code,message,value\r\n,2,,,Amt,amount,credit,m,-5\r\n"
 */
export function rejectsToCsv(rejects: readonly Reject[]): string {
  checkArray(rejects, 'rejectsToCsv', 'rejects', 'an array of rejects');
  return safeCsv(
    REJECT_COLUMNS,
    rejects.map((r) => [
      r.file ?? '',
      r.line ?? '',
      r.index ?? '',
      r.id ?? '',
      r.column ?? '',
      r.field,
      r.code,
      r.message,
      valueText(r.value),
    ]),
  );
}

/**
 * Writes a report's warnings as a spreadsheet-safe CSV, one row each: `code`, `buyer` (empty unless
 * the warning concerns one) and `message`; the header alone when there are none. The CSV report is
 * one table of findings with no room for them: this is its companion (`--warnings FILE`).
 *
 * @example
 * warningsToCsv([{ code: 'flag_rate', buyer: 'Parks', message: 'findings hold 40% of the purchases of Parks' }])
 * //=> 'code,buyer,message\r\nflag_rate,Parks,findings hold 40% of the purchases of Parks\r\n'
 */
export function warningsToCsv(warnings: readonly ReportWarning[]): string {
  checkArray(warnings, 'warningsToCsv', 'warnings', 'an array of warnings');
  return safeCsv(['code', 'buyer', 'message'], warnings.map((w) => [w.code, w.buyer ?? '', w.message]));
}
