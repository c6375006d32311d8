/**
 * Rows of a ledger file → purchase records and rejects. Every data row ends up either in a record
 * or in a reject that names its line, column and reason; nothing is dropped silently.
 *
 * Policies (all documented on {@link LedgerOptions}):
 * - total lines (rows without vendor or date that carry a total label, or amounts alone) → `'subtotal'`;
 * - card repayments (a vendor that is `direct debit payment` …) → `'not_a_purchase'`;
 * - credits and refunds (negative amounts) → `'credit'`, or netted against the purchase they refund;
 * - lines of one document (same buyer, vendor, currency and a real document number) → summed into one record.
 */
import type { Decimal } from 'decimal.js';
import { D, exactDecimal } from '../../_lib/decimal.js';
import { OptionsError } from '../../errors.js';
import { type PurchaseRecordInput, type Reject, type RejectCode, RECORD_FIELDS, REQUIRED_FIELDS } from '../../records/record.js';
import { reuseTable } from '../../records/table.js';
import { type ParseAmountOptions, parseAmount } from './amount.js';
import { type CsvProblem, UNREAD_CELL } from './csv.js';
import { excerpt } from './_excerpt.js';
import { HEADER_ALIASES, type LedgerField, type ResolvedColumns, headerKey, headerUnit, resolveColumns } from './columns.js';
import { checkDatePattern, type ParsedDate, parseDate } from './date.js';
import { matchCredits, type NettingItem } from './credits.js';
import { isPlaceholderDocument, isTotalLine, repaymentTest } from './markers.js';
import { type LedgerOptions, NOT_A_PURCHASE, parseLedgerOptions } from './options.js';

/** The record fields a row may leave empty (subject, category, project …). */
const OPTIONAL_FIELDS = RECORD_FIELDS.filter((f): f is Exclude<LedgerField, (typeof REQUIRED_FIELDS)[number]> => !(REQUIRED_FIELDS as readonly string[]).includes(f));

/** Counts that describe a load. */
export interface LedgerStats {
  /** Data rows read (header excluded, blank rows included). */
  readonly rows: number;
  /** Rows with every cell empty: skipped, not rejected. */
  readonly blank: number;
  /** Records produced. */
  readonly records: number;
  readonly rejected: number;
  /** Rows folded into another row of the same document (`lines: 'sum'`). */
  readonly merged: number;
  /** Credits netted against a purchase (`credits: 'net'`). */
  readonly netted: number;
}

/**
 * Something the reader decided that a reviewer should know: a column pair it was not sure of, a
 * byte-order mark that overrode the encoding given. The CLI prints them.
 */
export interface LedgerWarning {
  /** A stable code: `'bom_overrides_encoding'`, `'currency_column'` … */
  readonly code: string;
  readonly message: string;
  /** The file it concerns, when files were read. */
  readonly file?: string;
  /** The record field it concerns, if one. */
  readonly field?: string;
}

/**
 * Where a ledger's rows came from and how they were read: one per input. What a report's
 * provenance needs to let someone else repeat the run.
 */
export interface LedgerSource {
  /** The file read (`'-'` for standard input); absent for a string or bytes given directly. */
  readonly file?: string;
  /** Bytes read (files and bytes; for a gzip file, its compressed size). */
  readonly bytes?: number;
  /** SHA-256 of the bytes read, hex (`splitscan/node`'s loaders; computed while streaming). */
  readonly sha256?: string;
  /** `'csv'`, `'json'` or `'ndjson'` (`'ocds'` for `loadOcds`). */
  readonly format: string;
  /** Encoding the bytes were read in, and why (absent for text given as a string). */
  readonly encoding?: string;
  readonly encodingEvidence?: string;
  /** Delimiter (delimited text only). */
  readonly delimiter?: string;
  /** Headers as written. */
  readonly headers: readonly string[];
  /** Which column feeds which field, and why. */
  readonly columns: ResolvedColumns;
  /** Counts for this input alone. */
  readonly stats: LedgerStats;
  /** The line the header row starts on (delimited text). */
  readonly headerLine?: number;
  /** The first rows read into records, their date and amount as written and as read. */
  readonly samples: readonly LedgerSample[];
}

/** A row's date and amount as the file wrote them and as they were read (see `inspectLedger`). */
export interface LedgerSample {
  readonly line: number;
  readonly date: readonly [written: string, read: string];
  readonly amount: readonly [written: string, read: string];
  readonly currency: string;
}

/** What a loader returns. */
export interface Ledger {
  /** Records ready for `detectSplits`. */
  readonly records: PurchaseRecordInput[];
  /**
   * Rows that could not be used, sorted by line. Each is located by `line` (1-based, in the text
   * read), `column` (the header of the field at fault) and, for files, `file`; `path` is `[field]`
   * (`[]` when the whole row is at fault).
   * They never carry `index`: that is a position in `records`, and these rows never became records.
   */
  readonly rejects: Reject[];
  /** `lines[i]` is the file line of `records[i]` (its first line when lines were summed). */
  readonly lines: number[];
  /** `files[i]` is the file of `records[i]`, when several files were read (see `combineLedgers`). */
  readonly files?: readonly string[];
  /** Headers of the file, as written (empty when several files were read: see `sources`). */
  readonly headers: readonly string[];
  /** Which column feeds which field (empty when several files were read: see `sources`). */
  readonly columns: ResolvedColumns;
  readonly stats: LedgerStats;
  /** What a reviewer should know about how the input was read. */
  readonly warnings: readonly LedgerWarning[];
  /** How each input was read (one entry per file). */
  readonly sources: readonly LedgerSource[];
  /** The file read (`loadLedger` only). */
  readonly file?: string;
  /** Encoding read (files and bytes only). */
  readonly encoding?: string;
  /** Delimiter used (delimited text only). */
  readonly delimiter?: string;
}

/** A row read into a record, before the lines and credits policies. */
interface Candidate {
  record: PurchaseRecordInput;
  line: number;
  /** The amount, once exact arithmetic is needed (sums, credits). */
  exact?: Decimal;
  /** Lines and ids of the rows summed into it (`lines: 'sum'`). */
  lines?: number[];
  ids?: string[];
  /** Ids of the credits netted against it. */
  netted?: string[];
}

const exactOf = (c: Candidate): Decimal => (c.exact ??= new D(c.record.amount as string));
const isNegative = (c: Candidate): boolean => (c.exact ? c.exact.isNegative() : (c.record.amount as string).startsWith('-'));
const isZero = (c: Candidate): boolean => (c.exact ? c.exact.isZero() : /^0(\.0*)?$/u.test(c.record.amount as string));

const byDateLine = (a: Candidate, b: Candidate): number => {
  const x = String(a.record.date);
  const y = String(b.record.date);
  return x < y ? -1 : x > y ? 1 : a.line - b.line;
};

/** Rows kept as samples. */
const SAMPLES = 5;

/** Distinct values remembered per reader (dates read, vendors tested, strings interned). */
const MEMO = 1 << 17;

/**
 * A copy of a string that does not keep alive the chunk of text it was cut from (a cut of 13
 * characters or more is a view into its chunk in V8, so a few kept cells would hold the whole
 * decoded file in memory).
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A cell without surrounding white space (most cells have none: no copy then). */
function clean(cell: string): string {
  if (cell === '') return cell;
  const a = cell.charCodeAt(0);
  const z = cell.charCodeAt(cell.length - 1);
  return a <= 32 || z <= 32 || a >= 0x80 || z >= 0x80 ? cell.trim() : cell;
}

function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f !== '' && clean(f) !== '') return false;
  return true;
}

/** Options of a {@link LedgerReader}: the ledger options, and how a mapping meets several files. */
export interface LedgerReaderOptions extends LedgerOptions {
  /**
   * A mapped header this input lacks is a warning, and the field is recognised as if unmapped (one
   * mapping applied to files with different headers). @defaultValue false: an error
   */
  mapWhereFound?: boolean | undefined;
}

/**
 * Turns a header and rows into a {@link Ledger}: the row → record step of every loader, with the
 * ledger policies. Push-based: the ledger driver behind `readLedger` and `loadLedger` feeds it each
 * row as it is parsed, and it can be fed directly. Memory is proportional to the records kept.
 *
 * @example
 * const r = new LedgerReader({ currency: 'CNY' })
 * r.header(['采购单位', '供应商', '合同金额(元)', '签订日期'])
 * r.row(['管委会', '甲公司', '98,000', '2014-11-03'], 2)
 * r.finish().records //=> [{ id: 'L2', buyer: '管委会', vendor: '甲公司', amount: '98000', currency: 'CNY', date: '2014-11-03' }]
 */
export class LedgerReader {
  private readonly options: LedgerReaderOptions;
  private cols: ResolvedColumns | undefined;
  private headerRow: readonly string[] = [];
  private unit: string | number = 1;
  private readonly candidates: Candidate[] = [];
  private readonly rejects: Reject[] = [];
  private readonly warnings: LedgerWarning[] = [];
  private readonly suffix: RegExp | undefined;
  private rowCount = 0;
  private blank = 0;
  private datesSeen = 0;
  private readonly firstRows: LedgerSample[] = [];
  private readonly dates = new Map<string, ParsedDate>();
  private readonly repaid = new Map<string, string>();
  private readonly strings = new Map<string, string>();
  private readonly repaymentOf: (vendor: string) => string | undefined;
  private amountOptions: ParseAmountOptions = {};
  /** The optional fields the file has columns for. */
  private optional: readonly LedgerField[] = [];

  /** @throws OptionsError naming each bad option (see {@link LedgerOptions}). */
  constructor(options: LedgerReaderOptions = {}) {
    this.options = options;
    this.suffix = parseLedgerOptions(options).suffix;
    if (options.dateFormat !== undefined) checkDatePattern(options.dateFormat, 'readLedger');
    this.repaymentOf = repaymentTest(options.notPurchase ?? NOT_A_PURCHASE);
  }

  /** Columns in use (after {@link header}). */
  get columns(): ResolvedColumns | undefined {
    return this.cols;
  }

  /** Records a warning for the ledger. */
  warn(code: string, message: string, field?: string): void {
    this.warnings.push({ code, message, ...(field !== undefined ? { field } : {}) });
  }

  /** Rows pushed so far (header excluded). */
  get rowsRead(): number {
    return this.rowCount;
  }

  /**
   * Sets the header and resolves columns.
   * @throws OptionsError when required fields have no column (the message lists the headers found).
   */
  header(fields: readonly string[]): void {
    this.headerRow = fields.slice();
    const optional: LedgerField[] = [];
    if (this.options.currency !== undefined) optional.push('currency');
    if (this.options.buyer !== undefined) optional.push('buyer');
    const skipped = (field: LedgerField, header: string): void => {
      this.warn('map_not_here', `no column "${excerpt(header, 40)}" (map ${field}=${excerpt(header, 40)}) in this file: ${field} is read from the headers recognised here`, field);
    };
    this.cols = resolveColumns(this.headerRow, { map: this.options.map, optional, ...(this.options.mapWhereFound ? { onUnknownHeader: skipped } : {}) });
    for (const [field, source] of Object.entries(this.cols)) if (source.warning !== undefined) this.warn('column_pair', source.warning, field);
    const amountHeader = this.cols.amount?.headers[0];
    this.unit = this.options.unit ?? (amountHeader !== undefined ? headerUnit(amountHeader) : undefined) ?? 1;
    this.amountOptions = { decimalComma: this.options.decimalComma, unit: this.unit };
    this.optional = OPTIONAL_FIELDS.filter((f) => this.cols?.[f] !== undefined);
  }

  /**
   * The columns rows need (1) of the header's, after {@link header}: those mapped to a field, and
   * every amount column (a row of amounts alone is a total line, whichever amount it fills).
   */
  wantedColumns(): Uint8Array {
    const wanted = new Uint8Array(this.headerRow.length);
    for (const source of Object.values(this.cols ?? {})) for (const i of source.indexes) wanted[i] = 1;
    const amounts = new Set(HEADER_ALIASES.amount);
    this.headerRow.forEach((h, i) => {
      if (amounts.has(headerKey(h))) wanted[i] = 1;
    });
    return wanted;
  }

  /** Whether a vendor is a card repayment, tested once per distinct vendor. */
  private repayment(vendor: string): string | undefined {
    if (vendor === '') return undefined;
    const hit = this.repaid.get(vendor);
    if (hit !== undefined) return hit === '' ? undefined : hit;
    const m = this.repaymentOf(vendor);
    if (this.repaid.size >= MEMO) this.repaid.clear();
    this.repaid.set(own(vendor), m ?? '');
    return m;
  }

  /** Adds one data row (cells in header order) found at `line`. */
  row(fields: readonly string[], line: number): void {
    const cols = this.cols;
    if (cols === undefined) throw new Error('LedgerReader.row: header() first');
    this.rowCount++;
    if (isBlank(fields)) {
      this.blank++;
      return;
    }
    const width = this.headerRow.length;
    if (fields.length > width && fields.slice(width).some((f) => clean(f) !== '')) {
      return this.reject(line, 'unparsable_row', '', `${fields.length} cells for ${width} headers (a delimiter or quote problem?)`, fields.map((f) => (f === UNREAD_CELL ? '…' : f)).join(' | '));
    }
    if (fields.length < width && fields.length <= 1) return this.reject(line, 'unparsable_row', '', `1 cell for ${width} headers`, fields.join(''));
    const idCell = this.cell(fields, 'id');
    const id = idCell !== '' ? idCell : `L${line}`;
    const buyerCell = this.cell(fields, 'buyer');
    const buyer = buyerCell || (cols.buyer ? '' : (this.options.buyer ?? ''));
    const vendor = this.cell(fields, 'vendor');
    const rawDate = this.cell(fields, 'date');
    const rawAmount = this.cell(fields, 'amount');
    if (vendor === '' || rawDate === '') {
      const labels = [buyerCell, vendor, idCell, this.cell(fields, 'subject')];
      if (isTotalLine({ buyer: buyerCell, vendor, date: rawDate, labels, hasAmount: () => fields.some((f) => parseAmount(f).ok) })) {
        return this.reject(line, 'subtotal', '', 'a total line, not a purchase (no vendor or date, and a total label or amounts alone)', rawAmount || undefined, id);
      }
    }
    const marker = this.repayment(vendor);
    if (marker !== undefined) return this.reject(line, 'not_a_purchase', 'vendor', `"${excerpt(vendor)}" is not a purchase (a repayment: matches "${marker}")`, vendor, id);
    if (buyer === '') return this.reject(line, 'missing', 'buyer', 'buyer is empty', undefined, id);
    if (vendor === '') return this.reject(line, 'missing', 'vendor', 'vendor is empty', undefined, id);
    if (rawAmount === '') return this.reject(line, 'missing', 'amount', 'amount is empty', undefined, id);
    const amount = parseAmount(rawAmount, this.amountOptions);
    if (!amount.ok) return this.reject(line, 'invalid_amount', 'amount', amount.message, rawAmount, id);
    if (rawDate === '') return this.reject(line, 'missing', 'date', 'date is empty', undefined, id);
    const date = this.date(rawDate);
    if (!date.ok) {
      if (date.ambiguous && this.datesSeen === 0) {
        throw new OptionsError('readLedger', [
          { path: ['dateFormat'], message: `line ${line}, column "${excerpt(cols.date?.headers[0] ?? 'date', 40)}": ${date.message}` },
        ]);
      }
      return this.reject(line, date.ambiguous ? 'ambiguous_date' : 'invalid_date', 'date', date.message, rawDate, id);
    }
    this.datesSeen++;
    const currencyCell = this.cell(fields, 'currency');
    const currency = currencyCell !== '' ? this.intern(currencyCell.toUpperCase()) : (amount.currency ?? this.options.currency ?? '').toUpperCase();
    if (currency === '') return this.reject(line, 'missing', 'currency', 'currency is empty (give a default currency)', undefined, id);

    const record: PurchaseRecordInput = { id: own(id), buyer: this.intern(buyer), vendor: this.intern(vendor), date: date.date, amount: amount.amount, currency };
    for (const f of this.optional) {
      const v = this.cell(fields, f);
      if (v !== '') record[f] = f === 'subject' || f === 'document' ? own(v) : this.intern(v);
    }
    this.candidates.push({ record, line });
    if (this.firstRows.length < SAMPLES) this.firstRows.push({ line, date: [rawDate, date.date], amount: [rawAmount, amount.amount], currency });
  }

  /** The first rows read into records (at most five), for inspection. */
  get samples(): readonly LedgerSample[] {
    return this.firstRows;
  }

  /** A field's cell in `fields` (several columns joined with ` / `), without surrounding spaces. */
  private cell(fields: readonly string[], f: LedgerField): string {
    const src = (this.cols as ResolvedColumns)[f];
    if (!src) return '';
    const ix = src.indexes;
    if (ix.length === 1) return clean(fields[ix[0] as number] ?? '');
    return ix
      .map((i) => clean(fields[i] ?? ''))
      .filter((x) => x !== '')
      .join(' / ');
  }

  /** A date read once per distinct text (ledgers repeat their dates). */
  private date(raw: string): ParsedDate {
    let d = this.dates.get(raw);
    if (d === undefined) {
      d = parseDate(raw, this.options.dateFormat);
      if (this.dates.size >= MEMO) this.dates.clear();
      this.dates.set(own(raw), d);
    }
    return d;
  }

  /**
   * One copy of each repeated long value (buyers, vendors, descriptions of codes), detached from the
   * text it was cut from. Short values are copies already, and are kept as they are.
   */
  private intern(value: string): string {
    if (value.length < 13) return value;
    let v = this.strings.get(value);
    if (v === undefined) {
      v = own(value);
      if (this.strings.size < MEMO) this.strings.set(v, v);
    }
    return v;
  }

  private reject(line: number, code: RejectCode, field: string, message: string, value?: unknown, id?: string): void {
    const r: { -readonly [K in keyof Reject]: Reject[K] } = { field, path: field !== '' ? [field] : [], code, message: `line ${line}: ${message}`, line };
    if (id !== undefined) r.id = own(id);
    if (value !== undefined) r.value = typeof value === 'string' ? own(excerpt(value)) : value;
    const column = field !== '' ? this.cols?.[field as LedgerField]?.headers.join('+') : undefined;
    if (column !== undefined) r.column = column;
    this.rejects.push(r);
  }

  /** Adds a stretch of text that is no row (a quote error, a row past the limits) as an `'unparsable_row'` reject. */
  problem(p: CsvProblem): void {
    this.rowCount++;
    this.rejects.push({ field: '', path: [], code: 'unparsable_row', message: `line ${p.line}: ${p.message}`, value: p.excerpt, line: p.line });
  }

  /**
   * Adds one object (JSON / NDJSON). Keys are headers; the first object's keys become the header
   * unless {@link header} was called. Numbers must be exact (see `exactDecimal`).
   */
  object(value: unknown, line: number): void {
    if (this.cols === undefined) {
      this.header(value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.rowCount++;
      this.rejects.push({ field: '', path: [], code: 'unparsable_row', message: `line ${line}: not an object`, value, line });
      return;
    }
    const obj = value as Record<string, unknown>;
    const cells = this.headerRow.map((h) => {
      const v = obj[h];
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return exactDecimal(v) === undefined ? `inexact number ${v}` : String(v);
      if (typeof v === 'string') return v;
      if (typeof v === 'boolean') return String(v);
      return JSON.stringify(v);
    });
    this.row(cells, line);
  }

  /** Applies the lines and credits policies and returns the ledger (without its sources: the driver knows them). */
  finish(): Omit<Ledger, 'sources'> {
    let list = this.candidates;
    let merged = 0;
    if ((this.options.lines ?? 'sum') === 'sum' && this.cols?.document) ({ list, merged } = this.sumDocuments(list));
    const kept: Candidate[] = [];
    const credits: Candidate[] = [];
    for (const c of list) {
      if (isNegative(c)) credits.push(c);
      else if (isZero(c) && (c.lines?.length ?? 1) > 1) this.creditReject(c, `the lines of document ${String(c.record.document)} (${(c.ids ?? []).join(', ')}) add up to zero: a purchase and its credit`);
      else kept.push(c);
    }
    let netted = 0;
    const zeroed = new Set<Candidate>();
    if ((this.options.credits ?? 'reject') === 'reject') {
      for (const c of credits) this.creditReject(c, `credit or refund of ${String(c.record.amount)} ${c.record.currency} from "${excerpt(c.record.vendor)}" is not a purchase (credits: 'reject')`);
    } else {
      const item = (c: Candidate, amount: Decimal): NettingItem => ({
        key: JSON.stringify([c.record.buyer, c.record.vendor.toLowerCase(), c.record.currency]),
        document: c.record.document !== undefined && !isPlaceholderDocument(c.record.document) ? c.record.document : undefined,
        date: String(c.record.date),
        line: c.line,
        amount,
      });
      const { purchase, left } = matchCredits(
        kept.map((c) => item(c, exactOf(c))),
        credits.map((c) => item(c, exactOf(c).abs())),
      );
      const byDate = credits.map((_, i) => i).sort((a, b) => byDateLine(credits[a] as Candidate, credits[b] as Candidate));
      for (const i of byDate) {
        const credit = credits[i] as Candidate;
        const p = kept[purchase[i] as number];
        if (p === undefined) {
          this.creditReject(credit, `credit of ${String(credit.record.amount)} ${credit.record.currency} from "${excerpt(credit.record.vendor)}" has no purchase on or before it of at least that size to net against`);
          continue;
        }
        netted++;
        (p.netted ??= []).push(String(credit.record.id));
      }
      kept.forEach((p, i) => {
        if (!p.netted) return;
        const rest = left[i] as Decimal;
        p.exact = rest;
        p.record.amount = rest.toFixed();
        p.record.credits = p.netted.slice();
        if (rest.isZero()) {
          zeroed.add(p);
          this.creditReject(p, `purchase fully refunded by ${p.netted.join(', ')} (credits: 'net')`);
        }
      });
    }
    const final = zeroed.size ? kept.filter((c) => !zeroed.has(c)) : kept;
    const rejects = this.rejects.slice().sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const records = final.map((c) => c.record);
    // A command validates these records twice (detection, then the report's coverage): once is enough.
    reuseTable(records);
    return {
      records,
      rejects,
      lines: final.map((c) => c.line),
      headers: this.headerRow,
      columns: this.cols ?? {},
      stats: { rows: this.rowCount, blank: this.blank, records: final.length, rejected: rejects.length, merged, netted },
      warnings: this.warnings,
    };
  }

  /**
   * Sums rows with the same buyer, vendor, currency and document number (a placeholder number such
   * as `-` or `N/A` names no document) into the first of them.
   */
  private sumDocuments(list: readonly Candidate[]): { list: Candidate[]; merged: number } {
    const byDoc = new Map<string, Candidate>();
    const out: Candidate[] = [];
    let merged = 0;
    for (const c of list) {
      const doc = c.record.document;
      if (doc === undefined || isPlaceholderDocument(doc)) {
        out.push(c);
        continue;
      }
      const base = this.suffix ? doc.replace(this.suffix, '') : doc;
      const key = JSON.stringify([c.record.buyer.toLowerCase(), c.record.vendor.toLowerCase(), c.record.currency, base]);
      const first = byDoc.get(key);
      if (first === undefined) {
        c.record.document = base;
        byDoc.set(key, c);
        out.push(c);
        continue;
      }
      merged++;
      const sum = exactOf(first).plus(exactOf(c));
      first.exact = sum;
      first.record.amount = sum.toFixed();
      (first.lines ??= [first.line]).push(c.line);
      (first.ids ??= [String(first.record.id)]).push(String(c.record.id));
      if (String(c.record.date) < String(first.record.date)) first.record.date = c.record.date;
      first.record.lines = first.lines.slice();
      first.record.lineIds = first.ids.slice();
    }
    return { list: out, merged };
  }

  private creditReject(c: Candidate, message: string): void {
    this.rejects.push({
      id: String(c.record.id),
      field: 'amount',
      path: ['amount'],
      code: 'credit',
      message: `line ${c.line}: ${message}`,
      value: c.record.amount,
      line: c.line,
      ...(this.cols?.amount ? { column: this.cols.amount.headers.join('+') } : {}),
    });
  }
}
