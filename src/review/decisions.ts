/**
 * Reviewers' decisions about findings, kept between runs: the record, its zod schema, and the CSV
 * and JSON files that hold them (an append-only register: a later line about the same finding
 * supersedes an earlier one).
 */
import * as z from 'zod/mini';
import { InputError } from '../errors.js';
import { isIsoDate } from '../_lib/days.js';
import { closest } from '../_lib/closest.js';
import { excerpt } from '../io/read/_excerpt.js';
import { bothWays, dateOrder, eitherWay, parseDate } from '../io/read/date.js';
import { decodeText } from '../io/read/decode.js';
import { parseCsv } from '../io/read/csv.js';
import { neutralizeCell, safeCsv } from '../io/write/csv.js';
import type { ReportFinding, ScanReport } from '../io/write/scanReport.js';
import { allFindings } from './_findings.js';
import { badDocument, checkArray, checkOptions, checkShape, REPORT } from '../_lib/args.js';

/** What a reviewer concluded about a finding. `open`: not concluded yet. */
export const DECISION_STATUSES = Object.freeze(['open', 'confirmed', 'dismissed', 'exempt'] as const);

/** One of {@link DECISION_STATUSES}. */
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Schema tag of a decisions JSON file. */
export const DECISIONS_SCHEMA = 'splitscan/decisions@1';

/**
 * A reviewer's decision about one finding. It names the finding by id *and* by its record ids, so
 * that it still applies when the finding grows or shrinks on a longer ledger (its id then changes).
 *
 * @example
 * { finding: 'F1a2b3c4d5e6f7a8b', status: 'confirmed', records: ['121', '123', '127'],
 *   reviewer: 'Wang Li', date: '2015-01-12', note: 'one signage requirement; referred to the panel' }
 */
export interface Decision {
  /** The finding's id when it was decided. */
  readonly finding: string;
  readonly status: DecisionStatus;
  /** The finding's record ids when it was decided. */
  readonly records: readonly string[];
  readonly reviewer?: string;
  /** Day of the decision, `YYYY-MM-DD`. */
  readonly date?: string;
  readonly note?: string;
  /** The finding's buyer: when given, the decision applies only to a finding of this buyer. */
  readonly buyer?: string;
  /** For the reader of the file only (not used to match): the finding's threshold and total. */
  readonly threshold?: string;
  readonly total?: string;
  readonly currency?: string;
}

const text = z.string({ error: 'must be text' });
const optionalText = z.pipe(
  z.optional(z.pipe(text, z.transform((s) => s.trim()))),
  z.transform((s) => (s === '' ? undefined : s)),
);

/** The zod schema of one {@link Decision} (a JSON entry; a CSV line is read into the same shape). */
export const decisionSchema = z.strictObject({
  finding: text.check(z.trim(), z.minLength(1, 'must be a finding id')),
  status: z.enum(DECISION_STATUSES, { error: `must be one of ${DECISION_STATUSES.join(', ')}` }),
  records: z.array(text.check(z.trim(), z.minLength(1, 'must be a record id')), { error: 'must be a list of record ids' }).check(z.minLength(1, 'must list the finding\'s record ids')),
  reviewer: optionalText,
  date: optionalText.check(z.refine((d) => d === undefined || isIsoDate(d), 'must be a calendar date YYYY-MM-DD')),
  note: optionalText,
  buyer: optionalText,
  threshold: optionalText,
  total: optionalText,
  currency: optionalText,
});

/** A decisions JSON file: `{ schema, decisions: [...] }`, or a bare array of decisions. */
export const decisionsFileSchema = z.union([
  z.strictObject({ schema: z.literal(DECISIONS_SCHEMA), decisions: z.array(z.unknown()) }),
  z.array(z.unknown()),
]);

/** A decisions-file entry that was not used, and why. */
export interface DecisionIssue {
  /** 1-based line of a CSV file. */
  readonly line?: number;
  /** Position of the entry (JSON array index, or CSV data row from 0). */
  readonly index: number;
  /** The finding id of the entry, when it had one. */
  readonly finding?: string;
  /** The field at fault, or `''` for the whole entry. */
  readonly field: string;
  /**
   * `invalid`: the entry breaks the schema and is not used; `field_ignored`: the entry is used
   * without this optional field, which it could not be read (a date that is no date, or reads as two);
   * `superseded`: a later entry decides the same finding; `out_of_order`: the entry that holds for
   * its finding (the last) is dated before an earlier entry that decides it otherwise (another
   * status, records or buyer), so which is the newer cannot be told — it still holds.
   */
  readonly code: 'invalid' | 'field_ignored' | 'superseded' | 'out_of_order';
  readonly message: string;
  readonly value?: unknown;
}

/** What {@link readDecisions} returns: every entry is in `decisions` or `issues` (or in both: a field ignored). */
export interface DecisionsRead {
  readonly decisions: readonly Decision[];
  readonly issues: readonly DecisionIssue[];
}

/** Options of {@link readDecisions}. */
export interface ReadDecisionsOptions {
  /** @defaultValue `'auto'`: JSON when the text starts with `[` or `{`, else CSV */
  readonly format?: 'auto' | 'csv' | 'json';
}

/** Columns of a decisions CSV, in the order {@link decisionsToCsv} writes them. */
export const DECISION_CSV_COLUMNS = Object.freeze(['finding_id', 'status', 'reviewer', 'date', 'note', 'record_ids', 'buyer', 'threshold_id', 'total', 'currency'] as const);

const CSV_FIELD: Readonly<Record<(typeof DECISION_CSV_COLUMNS)[number], keyof Decision>> = {
  finding_id: 'finding',
  status: 'status',
  reviewer: 'reviewer',
  date: 'date',
  note: 'note',
  record_ids: 'records',
  buyer: 'buyer',
  threshold_id: 'threshold',
  total: 'total',
  currency: 'currency',
};
const REQUIRED_COLUMNS = ['finding_id', 'status', 'record_ids'] as const;

/**
 * Reads a decisions file (CSV or JSON; bytes in any encoding `decodeText` detects, or text). Each
 * entry is validated with {@link decisionSchema}; bad entries come back in `issues` with their line
 * and field, never thrown. The register is append-only: when several entries decide the same
 * finding id, the last in the file holds, whatever their dates, and the others are reported as
 * `superseded`. When the one that holds is dated before an earlier entry that decides the finding
 * otherwise (another status, records or buyer), the dates contradict the order and which decision
 * is the newer cannot be told: it still holds, and an `out_of_order` issue names both.
 *
 * In CSV, `record_ids` lists the ids separated by `;` (or holds a JSON array when an id contains
 * `;`), statuses ignore case, and a leading `'` that a spreadsheet-safe writer put before `=`, `+`,
 * `-`, `@` or `'` is removed. A date not written `YYYY-MM-DD` (as spreadsheets re-save them) is
 * read when it reads one way only (`2024/2/1`, `13/02/2024`, `1 Feb 2024`); one that reads as two
 * dates (`01/02/2024`) or none does not void the decision: it is used without a date, and an issue
 * (`field_ignored`) says so.
 *
 * Runs in O(n) for n entries.
 *
 * @throws {InputError} `'invalid_json'` or `'invalid_decisions'` when the file as a whole cannot be
 * read (not JSON, not a list of decisions, no header, a required column missing).
 * @example
 * readDecisions('finding_id,status,record_ids\nF0011223344556677,Confirmed,121; 123\n').decisions
 * //=> [{ finding: 'F0011223344556677', status: 'confirmed', records: ['121', '123'] }]
 */
export function readDecisions(input: string | Uint8Array, options: ReadDecisionsOptions = {}): DecisionsRead {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) badDocument('readDecisions', 'input', 'text or bytes (a string or a Uint8Array)', input);
  checkOptions(options, 'readDecisions');
  const content = typeof input === 'string' ? input.replace(/^\uFEFF/u, '') : decodeText(input).text;
  const format = options.format && options.format !== 'auto' ? options.format : /^\s*[[{]/u.test(content) ? 'json' : 'csv';
  const entries = format === 'json' ? jsonEntries(content) : csvEntries(content);
  const decisions: { decision: Decision; index: number; line?: number }[] = [];
  const issues: DecisionIssue[] = [];
  for (const e of entries) {
    const finding = (e.value as { finding?: unknown } | null)?.finding;
    const where = {
      ...(e.line !== undefined ? { line: e.line } : {}),
      index: e.index,
      ...(typeof finding === 'string' && finding.trim() !== '' ? { finding: finding.trim() } : {}),
    };
    const name = (field: string): string => (e.column !== undefined && field !== '' ? (e.column[field] ?? field) : field);
    const { value, dateIssue } = withDate(e.value);
    const parsed = decisionSchema.safeParse(value);
    if (parsed.success) {
      decisions.push({ decision: clean(parsed.data), index: e.index, ...(e.line !== undefined ? { line: e.line } : {}) });
      if (dateIssue !== undefined) issues.push({ ...where, field: name('date'), code: 'field_ignored', message: `${name('date')} ${dateIssue.message}: the decision is used without a date; write it as YYYY-MM-DD`, value: dateIssue.value });
      continue;
    }
    const first = parsed.error.issues[0];
    const key = first?.path[0];
    const field = typeof key === 'string' ? key : '';
    const given = field ? (value as Record<string, unknown>)[field] : value;
    const guess = field === 'status' && typeof given === 'string' ? closest(given, DECISION_STATUSES) : undefined;
    const shown = field === 'status' && typeof given === 'string' && given !== '' ? ` ${JSON.stringify(excerpt(given, 40))}` : '';
    issues.push({
      ...where,
      field: name(field),
      code: 'invalid',
      message: `${field ? `${name(field)}${shown} ` : ''}${first?.message ?? 'is not a decision'}${guess !== undefined ? ` (did you mean "${guess}"?)` : ''}: the line is not used`,
      value: given,
    });
  }
  // One decision per finding: the register is append-only, so its last line (entry) about it holds.
  const latest = new Map<string, (typeof decisions)[number]>();
  for (const d of decisions) latest.set(d.decision.finding, d);
  const place = (d: (typeof decisions)[number]) => (d.line !== undefined ? `line ${d.line}` : `entry ${d.index}`);
  const newest = new Map<string, (typeof decisions)[number]>();
  for (const d of decisions) {
    const held = latest.get(d.decision.finding);
    if (held === d || held === undefined) continue;
    issues.push({
      ...(d.line !== undefined ? { line: d.line } : {}),
      index: d.index,
      finding: d.decision.finding,
      field: '',
      code: 'superseded',
      message: `superseded by the decision ${held.line !== undefined ? `on line ${held.line}` : `at index ${held.index}`}${held.decision.date ? ` of ${held.decision.date}` : ''} about the same finding`,
    });
    // An earlier line dated after the one that holds, and deciding otherwise: the dates contradict the order.
    const other = newest.get(d.decision.finding);
    if (d.decision.date !== undefined && held.decision.date !== undefined && d.decision.date > held.decision.date && decidesOtherwise(d.decision, held.decision) && (other === undefined || (d.decision.date >= (other.decision.date ?? '')))) {
      newest.set(d.decision.finding, d);
    }
  }
  for (const [finding, d] of newest) {
    const held = latest.get(finding) as (typeof decisions)[number];
    issues.push({
      ...(held.line !== undefined ? { line: held.line } : {}),
      index: held.index,
      finding,
      field: 'date',
      code: 'out_of_order',
      message: `date ${held.decision.date} is before that of ${place(d)} (${d.decision.date}, ${d.decision.status}), an earlier line about the same finding: which decision is the newer cannot be told; the later line holds (${held.decision.status}): append a line that settles it`,
      value: held.decision.date,
    });
  }
  issues.sort((x, y) => x.index - y.index || (x.code === 'superseded' ? -1 : 1));
  return { decisions: [...latest.values()].sort((x, y) => x.index - y.index).map((d) => d.decision), issues };
}

interface Entry {
  readonly value: unknown;
  readonly index: number;
  readonly line?: number;
  /** CSV only: field → column name, to name the column in issues. */
  readonly column?: Readonly<Record<string, string>>;
}

function jsonEntries(content: string): Entry[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    throw new InputError('invalid_json', `decisions file is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = decisionsFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new InputError('invalid_decisions', `decisions file must be { "schema": "${DECISIONS_SCHEMA}", "decisions": [...] } or an array of decisions`);
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.decisions;
  return list.map((value, index) => ({ value, index }));
}

/** The `'` a spreadsheet-safe writer puts before a formula character (or before a value's own `'`). */
const FORMULA_GUARD = /^'(?=['=+\-@\t\r\n\u0000-\u001f\u007f])/u;

/**
 * An entry with its `date` as `YYYY-MM-DD`: read as the ledger reader reads dates when it reads one
 * way only, else left out, with why (`dateIssue`). Other entries as they are.
 */
function withDate(value: unknown): { value: unknown; dateIssue?: { message: string; value: string } } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { value };
  const { date, ...rest } = value as Record<string, unknown>;
  if (typeof date !== 'string' || date.trim() === '' || isIsoDate(date.trim())) return { value };
  const raw = date.trim();
  const plain = parseDate(raw);
  const order = dateOrder(raw);
  const read = plain.ok ? plain : order === 'same' ? eitherWay(raw) : order !== undefined && order !== 'either' ? parseDate(raw, order) : undefined;
  if (read?.ok) return { value: { ...rest, date: read.date } };
  const both = order === 'either' ? bothWays(raw) : undefined;
  const why = both?.day.ok && both.month.ok ? `could be ${both.day.date} (day first) or ${both.month.date} (month first)` : 'is not a date';
  return { value: rest, dateIssue: { message: `${JSON.stringify(excerpt(raw, 40))} ${why}`, value: date } };
}

/** A file's header cells as a message lists them: quoted, each cut to 40 characters, at most 30. */
function columnList(cells: readonly string[]): string {
  const shown = cells.slice(0, 30).map((c) => JSON.stringify(excerpt(c.trim(), 40)));
  return `${shown.join(', ')}${cells.length > 30 ? ` and ${cells.length - 30} more` : ''}`;
}

function csvEntries(content: string): Entry[] {
  const rows = parseCsv(content).rows.filter((r) => !(r.fields.length === 1 && r.fields[0]?.trim() === ''));
  const header = rows[0];
  if (header === undefined) throw new InputError('invalid_decisions', 'decisions file has no header row');
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new InputError('invalid_decisions', `decisions file lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (its columns: ${columnList(header.fields)}; a register's: ${DECISION_CSV_COLUMNS.join(', ')})`);
  }
  const column: Record<string, string> = {};
  for (const [name, field] of Object.entries(CSV_FIELD)) column[field] = name;
  return rows.slice(1).map((row, index) => {
    const value: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const field = CSV_FIELD[name as keyof typeof CSV_FIELD];
      if (field === undefined) return;
      let cell = (row.fields[i] ?? '').replace(FORMULA_GUARD, '').trim();
      if (field === 'status') cell = cell.toLowerCase();
      if (field === 'records') {
        value[field] = recordList(cell);
        return;
      }
      if (cell !== '' || field === 'finding') value[field] = cell;
    });
    return { value, index, line: row.line, column };
  });
}

function recordList(cell: string): unknown {
  if (cell.startsWith('[')) {
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  return cell === '' ? [] : cell.split(';').map((s) => s.trim()).filter((s) => s !== '');
}

/** Whether two decisions about one finding conclude differently: another status, other records, another buyer. */
function decidesOtherwise(a: Decision, b: Decision): boolean {
  return a.status !== b.status || a.buyer !== b.buyer || a.records.length !== b.records.length || a.records.some((r, i) => r !== b.records[i]);
}

/** Drops absent optional fields, so decisions compare and print cleanly. */
function clean(d: z.infer<typeof decisionSchema>): Decision {
  const out: Record<string, unknown> = { finding: d.finding, status: d.status, records: d.records };
  for (const k of ['reviewer', 'date', 'note', 'buyer', 'threshold', 'total', 'currency'] as const) if (d[k] !== undefined) out[k] = d[k];
  return out as unknown as Decision;
}

/**
 * Writes decisions as a CSV that {@link readDecisions} reads back to the same decisions, with cells
 * made safe for spreadsheets (a leading `=`, `+`, `-` or `@` gets a `'`, which reading removes).
 *
 * @example
 * decisionsToCsv([{ finding: 'F0011223344556677', status: 'open', records: ['121', '123'] }])
 * //=> 'finding_id,status,reviewer,date,note,record_ids,buyer,threshold_id,total,currency\r\nF0011223344556677,open,,,,121; 123,,,,\r\n'
 */
export function decisionsToCsv(decisions: readonly Decision[]): string {
  checkArray(decisions, 'decisionsToCsv', 'decisions', 'an array of decisions');
  return safeCsv(
    DECISION_CSV_COLUMNS,
    decisions.map((d) =>
      DECISION_CSV_COLUMNS.map((c) => {
        const v = d[CSV_FIELD[c]];
        const ids = v as readonly string[];
        const cell = c !== 'record_ids' ? (v as string | undefined) : ids.some((id) => id.includes(';') || id.startsWith('[')) ? JSON.stringify(ids) : ids.join('; ');
        // A value's own leading `'` is doubled, so reading (which drops one) gives it back.
        return cell?.startsWith("'") ? `'${cell}` : cell;
      }),
    ),
  );
}

/**
 * The lines that append `decisions` to the CSV register whose text is `register`, written as the
 * register is written: its delimiter (`,` `;` tab `|`, as reading detects it), its line ending
 * (CRLF, LF or CR, from its first line), its columns in its order (a column it lacks is left out, a
 * column of its own left empty), quoted where a cell holds the delimiter, a quote or a line break,
 * or every cell when its header is quoted so; a line ending first when its last line has none.
 * Cells are spreadsheet-safe as {@link decisionsToCsv} writes them. An empty register gets
 * {@link decisionsToCsv} (header and lines). So a register a spreadsheet saved with `;` (a
 * decimal-comma locale's Excel) reads back, appended lines included, without a bad line.
 *
 * @throws {InputError} `'invalid_decisions'` when the register is JSON (append entries to its
 * `decisions` instead: {@link decisionsToJson}), or has no header, or lacks a required column.
 * @example
 * decisionsToAppend('\uFEFFfinding_id;status;record_ids\r\nF0;confirmed;"1; 2"\r\n',
 *   [{ finding: 'F1', status: 'open', records: ['3', '4'], total: '5100.00' }])
 * //=> 'F1;open;"3; 4"\r\n'
 */
export function decisionsToAppend(register: string, decisions: readonly Decision[]): string {
  if (typeof register !== 'string') badDocument('decisionsToAppend', 'register', 'the register\'s text (a string)', register);
  checkArray(decisions, 'decisionsToAppend', 'decisions', 'an array of decisions');
  const content = register.replace(/^\uFEFF/u, '');
  if (content.trim() === '') return decisionsToCsv(decisions);
  if (/^\s*[[{]/u.test(content)) {
    throw new InputError('invalid_decisions', 'the register is JSON: CSV lines cannot be appended to it; add the entries to its "decisions" list (decisionsToJson writes them), or keep a CSV register');
  }
  const parsed = parseCsv(content);
  const header = parsed.rows.find((r) => !(r.fields.length === 1 && r.fields[0]?.trim() === ''));
  if (header === undefined) throw new InputError('invalid_decisions', 'decisions file has no header row');
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new InputError('invalid_decisions', `decisions file lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (its columns: ${columnList(header.fields)}; a register's: ${DECISION_CSV_COLUMNS.join(', ')})`);
  const delimiter = parsed.delimiter;
  const eol = /\r\n|\n|\r/u.exec(content)?.[0] ?? '\r\n';
  // A header written with every cell quoted: its lines are written so too.
  const firstLine = content.split(/\r\n|\n|\r/u).find((l) => l.trim() !== '') ?? '';
  const quoteAll = firstLine.split(delimiter).every((c) => /^\s*".*"\s*$/u.test(c));
  const quote = (v: string): string => (quoteAll || v.includes(delimiter) || /["\r\n]|^\s|\s$/u.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const cells = decisions.map((d) => csvCells(d));
  const lines = cells.map((row) => names.map((n) => quote(row.get(n) ?? '')).join(delimiter));
  const lead = /[\r\n]$/u.test(content) ? '' : eol;
  return lines.length === 0 ? '' : `${lead}${lines.join(eol)}${eol}`;
}

/** A decision's cells by CSV column, as {@link decisionsToCsv} writes them (spreadsheet-safe). */
function csvCells(d: Decision): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of DECISION_CSV_COLUMNS) {
    const v = d[CSV_FIELD[c]];
    if (v === undefined) continue;
    const ids = v as readonly string[];
    const cell = c !== 'record_ids' ? (v as string) : ids.some((id) => id.includes(';') || id.startsWith('[')) ? JSON.stringify(ids) : ids.join('; ');
    out.set(c, neutralizeCell(cell.startsWith("'") ? `'${cell}` : cell));
  }
  return out;
}

/** Writes decisions as a JSON file (`{ schema, decisions }`) that {@link readDecisions} reads back. */
export function decisionsToJson(decisions: readonly Decision[]): string {
  checkArray(decisions, 'decisionsToJson', 'decisions', 'an array of decisions');
  return `${JSON.stringify({ schema: DECISIONS_SCHEMA, decisions }, null, 2)}\n`;
}

/**
 * One `open` decision for each finding of the report that has no decision yet (all of them for a
 * report that went through no `applyDecisions`), with its record ids, buyer, threshold and total
 * filled in: the lines a reviewer appends to the register and completes.
 *
 * @example
 * decisionsTemplate(report) // the seed's report
 * //=> [{ finding: 'F17012fbe5f67be3d', status: 'open', records: ['121', '123', '127', '129', '130', '132'],
 * //      buyer: '杭州城西科创产业集聚区管委会', threshold: 'HZ-2018-FIGURES-OPEN', total: '1594200.00', currency: 'CNY' }]
 * decisionsToCsv(decisionsTemplate(report)) // a sheet to fill in: status, reviewer, date, note
 */
export function decisionsTemplate(report: ScanReport): Decision[] {
  checkShape(report, REPORT, 'decisionsTemplate', 'report');
  return allFindings(report as { findings: readonly (ReportFinding & { decision?: unknown })[]; dismissed?: readonly (ReportFinding & { decision?: unknown })[] })
    .filter((f) => f.decision === undefined)
    .map((f) => ({
      finding: f.id,
      status: 'open' as const,
      records: [...f.recordIds],
      buyer: f.buyer,
      threshold: f.threshold.id,
      total: f.total,
      currency: f.currency,
    }));
}
