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
import { type PurchaseRecordInput, type Reject, type RejectCode } from '../../records/record.js';
import { decodePacked, isPlain, type PackedTexts, type RecordColumns, TEXT_FIELDS, TextFieldBuilder, type TextFieldName, textFields } from '../../records/columns.js';
import { grow } from '../../_lib/grow.js';
import { hash64 } from '../../_lib/hash.js';
import { withRecords } from './ledgerTable.js';
import { SentTexts } from './sentTexts.js';
import { type LocatedField, locatedTexts, LocatedTexts, type RowText } from './located.js';
import { type ParseAmountOptions, parseAmount } from './amount.js';
import { type CsvProblem, UNREAD_CELL } from './csv.js';
import { excerpt } from './_excerpt.js';
import { HEADER_ALIASES, LEDGER_FIELDS, type LedgerField, type ResolvedColumns, headerKey, headerUnit, resolveColumns } from './columns.js';
import { checkDatePattern, dateOrder, eitherWay, type ParsedDate, parseDate } from './date.js';
import { matchCredits, type NettingItem } from './credits.js';
import { isPlaceholderDocument, isTotalLine, repaymentTest } from './markers.js';
import { type LedgerOptions, NOT_A_PURCHASE, parseLedgerOptions } from './options.js';
import { checkOptions } from '../../_lib/args.js';

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

/**
 * The rows read into records, before the lines and credits policies, as columns: row r's fields are
 * the r-th entries (texts numbered per field as they are read: no object per row).
 */
class Kept {
  id: string[] = [];
  line: number[] = [];
  date: string[] = [];
  amount: string[] = [];
  document: (string | undefined)[] = [];
  readonly buyer = new TextFieldBuilder('copy');
  readonly vendor = new TextFieldBuilder('copy');
  readonly currency = new TextFieldBuilder('copy');
  /** Purposes nearly all differ: unless numbered as read (`numberSubjects`), each row's is kept, not looked up among the others (see `TextField`.each). */
  readonly subject: TextFieldBuilder;
  readonly category = new TextFieldBuilder('copy');
  readonly project = new TextFieldBuilder('copy');
  readonly method = new TextFieldBuilder('copy');
  readonly exemption = new TextFieldBuilder('copy');
  /** Each amount as a Decimal, once exact arithmetic is needed (sums, credits). */
  readonly exact = new Map<number, Decimal>();
  /** The rows whose id was made from their content (no id in the file: see {@link contentId}), in order. */
  generated: number[] = [];
  /** The purposes, as bytes for another thread, when this reader reads a later range of a file (see {@link SentTexts}); `subject` then stays empty. */
  sent: SentTexts | undefined;
  /**
   * The purposes read since {@link subject} last took them, as bytes (purposes not numbered as read):
   * kept as bytes there too, each decoded when read (see `TextFieldBuilder.pushPacked`), not copied
   * out of the decoded file into strings (UTF-8 encoded and decoded: see `StringIds`' `'copy'`).
   * `undefined` once a purpose UTF-8 cannot carry (a lone surrogate) was read: strings from then on.
   */
  private mine: SentTexts | undefined;
  /**
   * The purposes read since {@link subject} last took them, as where their rows lie in the file
   * ({@link locate}): read again from there when read (see `located.ts`), on every reading thread.
   */
  private located: LocatedTexts | undefined;
  /** Whether the columns were handed to a ledger as they are (see `finishColumns`): copied before they change again. */
  private shared = false;
  /**
   * Rows kept: the entries of {@link id}, {@link line} … from here on are room reserved for rows to
   * come ({@link reserve}), holes until then; {@link trim} drops them before a column is read whole.
   */
  private n = 0;
  /**
   * Whether a row kept so far has a document: until one has, {@link document} stays empty (each
   * row's entry reads `undefined` all the same), so that a ledger without a document column makes
   * no column of `undefined` as it reads ({@link LedgerReader.finishColumns} shares one with `extra`).
   */
  documented = false;

  /** A row's subject read again from the input (see {@link locate}). */
  private row: RowText = () => undefined;

  /** @param numberSubjects see {@link LedgerReaderOptions}.numberSubjects */
  constructor(private readonly numberSubjects: boolean) {
    this.subject = new TextFieldBuilder('copy', !numberSubjects);
    if (!numberSubjects) this.mine = new SentTexts();
  }

  /** Locates the purposes from now on, unless they are numbered as read: `row` reads one again (see {@link LedgerReader.rereadRows}). Before any row. */
  locate(row: RowText): void {
    if (this.numberSubjects || this.size > 0) return;
    this.row = row;
    this.located = new LocatedTexts();
    this.mine = undefined;
  }

  get size(): number {
    return this.n;
  }

  /**
   * Makes room for `rows` rows in every column (`own`: for the purposes this reader locates itself,
   * the rows of its own range, when it reserves for other ranges' rows too), so that the rows to
   * come are written in place: an array grown row by row (V8 copies it to one half as large again
   * each time it is full) touches about three times the memory of the one it ends as, each page a
   * page fault the first time (on the Toronto-shaped bench file, growing the main thread's columns
   * row by row and again to join the worker's range cost about 18k of its 76k faults). O(rows kept).
   */
  reserve(rows: number, own = rows): void {
    if (rows <= this.id.length) return;
    this.id = withRoom(this.id, this.n, rows);
    this.line = withRoom(this.line, this.n, rows);
    this.date = withRoom(this.date, this.n, rows);
    this.amount = withRoom(this.amount, this.n, rows);
    if (this.documented) this.document = withRoom(this.document, this.n, rows);
    for (const f of TEXT_FIELDS) this[f].reserve(rows);
    this.located?.reserve(own);
  }

  /** Adds a row's own columns (the text fields are pushed to their builders); `generated`: its id was made from its content. */
  add(id: string, generated: boolean, line: number, date: string, amount: string, document: string | undefined): void {
    const r = this.n++;
    this.id[r] = id;
    if (generated) this.generated.push(r);
    this.line[r] = line;
    this.date[r] = date;
    this.amount[r] = amount;
    if (document !== undefined && !this.documented) this.ownDocuments(this.id.length);
    if (this.documented) this.document[r] = document;
  }

  /** Makes {@link document} a column `length` long (holes: each reads `undefined`), once a row has a document. */
  ownDocuments(length: number): void {
    this.documented = true;
    this.document = new Array<string | undefined>(length);
  }

  /** Makes `rows` more rows kept, each column's entries for them (holes) for the caller to fill in place ({@link LedgerReader.absorb}). */
  lengthen(rows: number): void {
    this.reserve(this.n + rows);
    this.n += rows;
    this.trim();
  }

  /** Drops the room reserved past the rows kept ({@link reserve}), before the columns are read whole or handed over. */
  trim(): void {
    if (this.id.length === this.n) return;
    for (const column of [this.id, this.line, this.date, this.amount, ...(this.documented ? [this.document] : [])]) column.length = this.n;
  }

  /** Copies the texts kept and not copied yet (see `StringIds`' `'copy'`). */
  settle(): void {
    for (const f of TEXT_FIELDS) this[f].settle();
  }

  /** Hands the columns over as they are: the next change copies them first ({@link unshare}). */
  share(): void {
    this.shared = true;
  }

  /** Copies the columns handed over, before a change. */
  unshare(): void {
    if (!this.shared) return;
    this.shared = false;
    this.id = this.id.slice(0, this.n);
    this.line = this.line.slice(0, this.n);
    this.date = this.date.slice(0, this.n);
    this.amount = this.amount.slice(0, this.n);
    this.document = this.document.slice(0, this.n);
  }

  /** Adds row's purpose (undefined: none), read from the row at input bytes `from` to `to` (−1: not known). */
  pushSubject(text: string | undefined, from: number, to: number): void {
    if (this.located) this.located.push(text, from, to);
    else if (this.sent) this.sent.push(text);
    else if (this.mine) {
      try {
        this.mine.push(text);
      } catch {
        this.takeMine();
        this.mine = undefined;
        this.subject.push(text);
      }
    } else this.subject.push(text);
  }

  /** Makes this the reader of a later range: purposes not located are written as bytes for the other thread ({@link sent}). */
  readsLaterRange(): void {
    if (this.mine !== undefined) this.sent = new SentTexts();
  }

  /** The purposes, for the reader of the file's first range ({@link LedgerReader.part}). */
  subjectPart(): PackedField | LocatedField | undefined {
    return this.located ? this.located.field() : this.sent?.field();
  }

  /** Adds the purposes another reader read ({@link subjectPart}). */
  pushSubjects(f: PackedField | LocatedField): void {
    if ('from' in f) this.subject.pushDeferred(f.at, locatedTexts(f, this.row), f.plain);
    else if ('bytes' in f.texts) this.subject.pushPacked(f.at, f.texts, f.plain);
    else this.subject.pushNumbered(f.at, unpack(f.texts), f.hashes, f.plain);
  }

  /** Hands the purposes read as bytes to {@link subject}, in order: before it is read, and before other rows are added. */
  takeMine(): void {
    const located = this.located;
    if (located !== undefined) {
      if (located.size === 0) return;
      this.located = new LocatedTexts();
      this.pushSubjects(located.field());
      return;
    }
    const mine = this.mine;
    if (mine === undefined || mine.length === 0) return;
    this.mine = new SentTexts();
    const f = mine.field();
    this.subject.pushPacked(f.at, f.texts, f.plain);
  }

  exactOf(r: number): Decimal {
    let d = this.exact.get(r);
    if (d === undefined) this.exact.set(r, (d = new D(this.amount[r] as string)));
    return d;
  }

  isNegative(r: number): boolean {
    const d = this.exact.size === 0 ? undefined : this.exact.get(r);
    return d ? d.isNegative() : (this.amount[r] as string).charCodeAt(0) === 45;
  }

  isZero(r: number): boolean {
    const d = this.exact.get(r);
    return d ? d.isZero() : /^0(\.0*)?$/u.test(this.amount[r] as string);
  }

  /** Sets row r's amount to an exact value. */
  setAmount(r: number, d: Decimal): void {
    this.exact.set(r, d);
    this.amount[r] = d.toFixed();
  }
}

/**
 * Strings as their concatenation and the end of each in it (in UTF-16 units): one string goes to
 * another thread as one copy of its characters (a structured clone of a flat string), and is cut
 * back into the strings there. Neither side encodes or decodes it: on the Toronto-shaped file, a
 * worker's texts went as UTF-8 bytes (encoded there, decoded on the main thread) for about 0.17 s
 * of the worker's time, while the main thread waited for it.
 */
export type Packed =
  | { readonly text: string; readonly ends: Int32Array }
  /** Strings as UTF-8 bytes in chunks (see {@link SentTexts}). */
  | PackedTexts;

/** `strings` packed. O(length). */
function pack(strings: readonly string[]): Packed {
  const ends = new Int32Array(strings.length);
  let end = 0;
  strings.forEach((s, i) => (ends[i] = end += s.length));
  return { text: strings.join(''), ends };
}

/** The strings of {@link pack} or {@link SentTexts}, each cut from its (chunk's) text. O(strings + bytes). */
function unpack(p: Packed): string[] {
  if ('bytes' in p) return decodePacked(p);
  const out: string[] = new Array(p.ends.length);
  const { text } = p;
  let start = 0;
  for (let i = 0; i < p.ends.length; i++) {
    const end = p.ends[i] as number;
    out[i] = text.slice(start, end);
    start = end;
  }
  return out;
}

/**
 * `a`, whose first `n` entries are in use, with room for `rows` entries (a hole each until filled):
 * `a` itself when it has that many, else a copy of exactly that length (setting `length` past the
 * array's room would make it half as large again: room V8 fills with holes, touching every page).
 */
function withRoom<T>(a: T[], n: number, rows: number): T[] {
  if (a.length >= rows) return a;
  const b = new Array<T>(rows);
  for (let i = 0; i < n; i++) b[i] = a[i] as T;
  return b;
}

/** The strings of `p` written into `out` from `at` on, in order. O(length). */
function unpackInto(out: (string | undefined)[], at: number, p: Packed): void {
  if ('bytes' in p) {
    const strings = decodePacked(p);
    for (let i = 0; i < strings.length; i++) out[at + i] = strings[i];
    return;
  }
  const { text, ends } = p;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] as number;
    out[at + i] = text.slice(start, end);
    start = end;
  }
}

/**
 * The columns, with the id column as the document's when `idAsDocument` (a line suffix given, lines
 * summed, the document not left unread on purpose) and no column holds document numbers: ids such as
 * Oxford's `46287404_1` carry the line number, and the id without it names the document.
 */
function withIdAsDocument(cols: ResolvedColumns, idAsDocument: boolean): ResolvedColumns {
  if (!idAsDocument || cols.document !== undefined || cols.id === undefined) return cols;
  const { warning: _warning, ...id } = cols.id;
  return { ...cols, document: { ...id, how: 'id' } };
}

/** The first `n` documents packed as {@link pack} packs strings (none: `''`; an entry past the array's end has none), and which rows have one (1). O(n). */
function packDocuments(documents: readonly (string | undefined)[], n: number): { document: Packed; hasDocument: Uint8Array } {
  const hasDocument = new Uint8Array(n);
  const ends = new Int32Array(n);
  const texts: string[] = [];
  let end = 0;
  for (let i = 0; i < n; i++) {
    const d = documents[i];
    if (d !== undefined) {
      hasDocument[i] = 1;
      texts.push(d);
      end += d.length;
    }
    ends[i] = end;
  }
  return { document: { text: texts.join(''), ends }, hasDocument };
}

/** Strings numbered: each one's number (−1: none) among the distinct `texts`, packed. */
export interface Numbered {
  readonly at: Int32Array;
  readonly texts: Packed;
}

/** Strings that repeat (dates) numbered, each distinct one packed once. O(n). */
function numbered(strings: readonly string[]): Numbered {
  const ids = new Map<string, number>();
  const texts: string[] = [];
  const at = new Int32Array(strings.length);
  strings.forEach((s, i) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = texts.push(s) - 1));
    at[i] = id;
  });
  return { at, texts: pack(texts) };
}

/** A text field of a {@link ReaderPart}: each row's text number (−1: none), the texts, and their hashes (see `StringIds`). */
export interface PackedField extends Numbered {
  readonly hashes: Int32Array;
  /** Whether its texts are plain (see `TextField`.plain). */
  readonly plain: boolean;
}

/** What the reader of a range of a file read (see {@link LedgerReader.part}). */
export type ReaderPart = {
  readonly rows: number;
  readonly blank: number;
  readonly datesSeen: number;
  readonly ambiguousFirst: boolean;
  /** Whether it rejected any date as ambiguous (read without a pattern). */
  readonly ambiguousSeen: boolean;
  readonly rejects: readonly Reject[];
  readonly samples: readonly LedgerSample[];
  readonly id: Packed;
  /** The rows (of this part, from 0) whose id was made from their content. */
  readonly generated: Int32Array;
  readonly line: Int32Array;
  /** Dates repeat: numbered. */
  readonly date: Numbered;
  readonly amount: Packed;
  readonly document: Packed;
  readonly hasDocument: Uint8Array;
  /** Purposes: numbered, sent as bytes, or located (see {@link LedgerReader.rereadRows}). */
  readonly subject: PackedField | LocatedField;
} & { readonly [F in Exclude<TextFieldName, 'subject'>]: PackedField };

/** The typed arrays of a part, to transfer rather than copy. */
export function partBuffers(p: ReaderPart): ArrayBuffer[] {
  const fields = TEXT_FIELDS.map((f) => p[f]);
  const packed = [p.id, p.date.texts, p.amount, p.document, ...fields.map((f) => ('from' in f ? f.kept : f.texts))];
  const bytes = packed.flatMap((x) => ('bytes' in x ? [x.counts, x.byteEnds, ...x.bytes] : []));
  const arrays = fields.flatMap((f) => ('from' in f ? [f.at, f.from, f.length] : [f.at, f.hashes]));
  return [p.line, p.generated, p.date.at, p.hasDocument, ...packed.map((x) => x.ends), ...arrays, ...bytes].map((a) => a.buffer as ArrayBuffer);
}

/** Days between a summed line and its document's first line beyond which the sum is worth a warning (`lines_far_apart`). */
const FAR_LINES_DAYS = 31;

/** By date, then line. */
const byDateLine =
  (k: Kept) =>
  (a: number, b: number): number => {
    const x = k.date[a] as string;
    const y = k.date[b] as string;
    return x < y ? -1 : x > y ? 1 : (k.line[a] as number) - (k.line[b] as number);
  };

/** Why a credit is rejected (`credits: 'reject'`), after `line N: `. */
function creditMessage(amount: string, currency: string, vendor: string): string {
  return `credit or refund of ${amount} ${currency} from "${excerpt(vendor)}" is not a purchase (credits are rejected, not netted against their purchases)`;
}

/** Rows kept as samples. */
const SAMPLES = 5;

/** Distinct values remembered per reader (dates read, vendors tested, strings interned). */
const MEMO = 1 << 17;
/**
 * Most rows held while the order of day and month is read from the file's dates (see
 * `LedgerReader.awaitsDateOrder`): a file whose first this many dates all read both ways needs its
 * pattern given.
 */
const HELD_ROWS = 10_000;

/**
 * A copy of a string that does not keep alive the chunk of text it was cut from (a cut of 13
 * characters or more is a view into its chunk in V8, so a few kept cells would hold the whole
 * decoded file in memory).
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The id of a row the file gives none: `R` and 12 hex digits (48 bits of `hash64`) of the
 * values read from it — buyer, vendor, date, amount, currency, subject, category, project, method,
 * document, exemption — so that it does not change when other rows are moved, inserted or deleted
 * (a line number would). Identical rows share it until {@link numberIdenticalRows} tells them apart.
 *
 * @example
 * contentId(['Parks', 'Acme', '2024-01-02', '100', 'EUR']) === contentId(['Parks', 'Acme', '2024-01-02', '100', 'EUR']) //=> true
 * contentId(['Parks', 'Acme', '2024-01-02', '100', 'EUR']).length //=> 13
 */
export function contentId(values: readonly (string | undefined)[]): string {
  const [h1, h2] = hash64(values);
  // One flat string of 13 characters: concatenated, it would be a rope of its pieces (a string of 13
  // or more is), several objects a record, each kept as long as the id.
  const hex = (n: number, shift: number): number => HEX.charCodeAt((n >>> shift) & 15);
  return String.fromCharCode(82, hex(h1, 28), hex(h1, 24), hex(h1, 20), hex(h1, 16), hex(h1, 12), hex(h1, 8), hex(h1, 4), hex(h1, 0), hex(h2, 28), hex(h2, 24), hex(h2, 20), hex(h2, 16));
}

const HEX = '0123456789abcdef';

/** Characters of a {@link contentId}. */
const CONTENT_ID_LENGTH = 13;

/**
 * Tells identical rows without an id apart: the k-th row (in file order) of those with the same
 * {@link contentId} gets `-k` after it from the second on (`R3fa9c2e1b4d0`, `R3fa9c2e1b4d0-2`). Once
 * all of a file's rows are in (a range's reader cannot know the rows of the ranges before it).
 * Numbering again gives the same ids. O(rows named so).
 */
function numberIdenticalRows(k: Kept): void {
  if (k.generated.length === 0) return;
  const seen = new Map<string, number>();
  for (const r of k.generated) {
    const base = (k.id[r] as string).slice(0, CONTENT_ID_LENGTH);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    k.id[r] = n === 1 ? base : `${base}-${n}`;
  }
}

/** The digit at `s[i]`, or a number so negative that {@link isoNumber}'s sum stays below 0. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1e9;
}

/**
 * The digits of a `YYYY-MM-DD` text (ten characters: eight ASCII digits, `-` at 4 and 7) read as
 * one number, YYYYMMDD, or −1 for any other text: a different number for each such text, so it
 * can stand for the text as a key. O(1).
 *
 * @example
 * [isoNumber('2015-03-24'), isoNumber('2015/03/24'), isoNumber('2015-3-24')] //=> [20150324, -1, -1]
 */
export function isoNumber(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const n =
    digitAt(s, 0) * 1e7 + digitAt(s, 1) * 1e6 + digitAt(s, 2) * 1e5 + digitAt(s, 3) * 1e4 + digitAt(s, 5) * 1e3 + digitAt(s, 6) * 100 + digitAt(s, 8) * 10 + digitAt(s, 9);
  return n >= 0 ? n : -1;
}

/**
 * Whether a cell reads as an amount (see `parseAmount`). An empty cell never does, and is not
 * parsed: a total line's label cells are mostly empty (on the Toronto-shaped bench file, five empty
 * cells before the amount on each of its 70,000 card subtotals, each parse a failed result and its message).
 */
function isAmount(cell: string): boolean {
  return cell !== '' && parseAmount(cell).ok;
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
  /**
   * Subjects are numbered as distinct texts as they are read (each hashed and looked up among the
   * others), not kept one per record and numbered when first compared. The ledger, its table and
   * detection are the same either way; numbering them as read is faster for a program that
   * compares subjects by their words (`minSimilarity` above 0), which reads their numbers, and
   * slower for any other (purposes nearly all differ). @defaultValue false
   */
  numberSubjects?: boolean | undefined;
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
 * r.finish().records //=> [{ id: 'Rfc5fd215d586', buyer: '管委会', vendor: '甲公司', amount: '98000', currency: 'CNY', date: '2014-11-03' }]
 */
export class LedgerReader {
  private readonly options: LedgerReaderOptions;
  private cols: ResolvedColumns | undefined;
  /**
   * Each field's column indexes (undefined: no column), set with the header: a row finds its cells
   * by constant keys here, not by a field name that varies from call to call (a megamorphic lookup
   * for each of a row's dozen cells: about 65 ms of the main thread's reading of the Toronto-shaped file).
   */
  private at: Readonly<Partial<Record<LedgerField, readonly number[]>>> = {};
  private headerRow: readonly string[] = [];
  private unit: string | number = 1;
  private readonly kept: Kept;
  private readonly rejects: Reject[] = [];
  private readonly warnings: LedgerWarning[] = [];
  private readonly suffix: RegExp | undefined;
  /** The first real document number met when summing lines, and whether any ended in {@link suffix} (for {@link warnSuffixUnused}). */
  private firstDocument: string | undefined;
  private suffixFound = false;
  private rowCount = 0;
  private blank = 0;
  private datesSeen = 0;
  /**
   * Dates read while no other had been that read the same day-first and month-first
   * (`01/01/2019`): read as they are, they prove no order, and the dates after them may still
   * (see {@link awaitsDateOrder}).
   */
  private sameEitherWay = 0;
  /** Reading a later range of a file ({@link readsLaterRange}): an ambiguous first date is noted, not thrown. */
  private later = false;
  /** Whether an ambiguous date came before any date was read. */
  private ambiguousFirst = false;
  /** Whether any date was rejected as ambiguous. */
  private ambiguousSeen = false;
  /** The date pattern in force: the option's, or the one the file's own dates proved (see {@link awaitsDateOrder}). */
  private dateFormat: string | undefined;
  /**
   * Rows (and problems) held, in order, while the first dates read both ways and none has yet
   * proved the order of day and month; undefined when none is held.
   */
  private held: ({ readonly fields: readonly string[]; readonly line: number; readonly from: number; readonly to: number } | { readonly problem: CsvProblem })[] | undefined;
  private readonly firstRows: LedgerSample[] = [];
  private readonly dates = new Map<string, ParsedDate>();
  /** The dates of {@link dates} written `YYYY-MM-DD`, by {@link isoNumber} (most ledgers' dates: no string hashed per row). */
  private readonly isoDates = new Map<number, ParsedDate>();
  private readonly repaid = new Map<string, string>();
  private readonly repaymentOf: (vendor: string) => string | undefined;
  private amountOptions: ParseAmountOptions = {};
  /**
   * Credits are rejected as they are read, not once the rows are in (see {@link finishColumns}):
   * when they are rejected (`credits: 'reject'`) and no lines are summed into documents (which may
   * change an amount's sign), a row's credit is known on its own. Set with the header. The rows
   * then all become records: no pass over them for their signs, each column copied as it is (on
   * the Toronto-shaped bench file, the main thread's joining of two ranges and ending: 155 ms at
   * best against 236 ms, 4 alternating runs in one process).
   */
  private creditsAsRead = false;

  /** @throws OptionsError naming each bad option (see {@link LedgerOptions}). */
  constructor(options: LedgerReaderOptions = {}) {
    checkOptions(options, 'LedgerReader');
    this.options = options;
    this.kept = new Kept(options.numberSubjects === true);
    this.suffix = parseLedgerOptions(options).suffix;
    if (options.dateFormat !== undefined) checkDatePattern(options.dateFormat, 'readLedger');
    this.dateFormat = options.dateFormat;
    this.repaymentOf = repaymentTest(options.notPurchase ?? NOT_A_PURCHASE);
  }

  /** The header row (after {@link header}). */
  get headerFields(): readonly string[] {
    return this.headerRow;
  }

  /** Columns in use (after {@link header}). */
  get columns(): ResolvedColumns | undefined {
    return this.cols;
  }

  /** Records a warning for the ledger. */
  warn(code: string, message: string, field?: string): void {
    this.warnings.push({ code, message, ...(field !== undefined ? { field } : {}) });
  }

  /** Copies the texts kept that may still hold the text they were cut from (see `StringIds`' `'copy'`): a caller that pushes large texts settles now and then. */
  settle(): void {
    this.kept.settle();
  }

  /** Dates read so far. */
  get datesRead(): number {
    return this.datesSeen;
  }

  /** Of {@link datesRead}, those read, before any other, the same day-first and month-first (`01/01/2019`): they proved no order. */
  get datesEitherWay(): number {
    return this.sameEitherWay;
  }

  /** Rows pushed so far (header excluded). */
  get rowsRead(): number {
    return this.rowCount;
  }

  /** Rejects made so far and not yet taken ({@link takeRejects}). */
  get rejectsHeld(): number {
    return this.rejects.length;
  }

  /**
   * The rejects made so far, in order, no longer held: a reader of a later range hands them over as
   * it reads (see `readRange`), and {@link part} holds only those made after. O(rejects taken).
   */
  takeRejects(): Reject[] {
    return this.rejects.splice(0);
  }

  /** Rows read into records so far (the rows kept: not blank, not rejected as read). */
  get rowsKept(): number {
    return this.kept.size;
  }

  /**
   * Makes room for `rows` rows read into records in all, `own` of them read by this reader (the
   * rest joined from other ranges: see {@link absorb}), so that its columns are not grown row by
   * row (see `Kept.reserve`). A hint: more rows than that are still read, fewer leave no room behind.
   */
  reserve(rows: number, own = rows): void {
    this.kept.reserve(Math.ceil(rows), Math.ceil(own));
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
    this.cols = withIdAsDocument(resolveColumns(this.headerRow, { map: this.options.map, optional, ...(this.options.mapWhereFound ? { onUnknownHeader: skipped } : {}) }), this.suffix !== undefined && this.summing && this.options.map?.document?.trim() !== '');
    const cols = this.cols;
    this.at = Object.fromEntries(LEDGER_FIELDS.map((f) => [f, cols[f]?.indexes]));
    for (const [field, source] of Object.entries(this.cols)) if (source.warning !== undefined) this.warn('column_pair', source.warning, field);
    // The buyer given is for a file without a buyer column: one with it keeps its own, and says so.
    const buyerHeader = this.cols.buyer?.headers.join(' + ');
    if (this.options.buyer !== undefined && buyerHeader !== undefined) this.warn('buyer_column', `the buyer given ("${excerpt(this.options.buyer, 40)}") is not used: this file names each row's buyer in "${excerpt(buyerHeader, 40)}"`, 'buyer');
    const amountHeader = this.cols.amount?.headers[0];
    this.unit = this.options.unit ?? (amountHeader !== undefined ? headerUnit(amountHeader) : undefined) ?? 1;
    this.amountOptions = { decimalComma: this.options.decimalComma, unit: this.unit };
    this.creditsAsRead = (this.options.credits ?? 'reject') === 'reject' && !(this.summing && this.cols.document !== undefined);
  }

  /** Whether rows sharing a document number are summed (`lines: 'sum'`, the default). */
  private get summing(): boolean {
    return (this.options.lines ?? 'sum') === 'sum';
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

  /**
   * Adds one data row (cells in header order) found at `line`; `from` and `to`: where it lies in
   * the input's bytes, when known (for a subject located: see {@link rereadRows}).
   */
  row(fields: readonly string[], line: number, from = -1, to = -1): void {
    if ((this.held !== undefined || this.orderOpen) && this.awaitsDateOrder(fields, line, from, to)) return;
    const { cols, at } = this;
    this.kept.unshare();
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
    const idCell = this.cell(fields, at.id);
    // A row without an id of its own is named after its content once it is read (see contentId); its rejects by their line.
    const id = idCell !== '' ? idCell : undefined;
    const buyerCell = this.cell(fields, at.buyer);
    const buyer = buyerCell || (cols.buyer ? '' : (this.options.buyer ?? ''));
    const vendor = this.cell(fields, at.vendor);
    const rawDate = this.cell(fields, at.date);
    const rawAmount = this.cell(fields, at.amount);
    if (vendor === '' || rawDate === '') {
      const labels = [buyerCell, vendor, idCell, this.cell(fields, at.subject)];
      if (isTotalLine({ buyer: buyerCell, vendor, date: rawDate, labels, hasAmount: () => fields.some(isAmount) })) {
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
    let date = this.date(rawDate);
    const first = this.noDateDecided;
    if (!date.ok && date.ambiguous && first && !this.later) {
      // No pattern yet: a date that reads the same both ways needs none (see awaitsDateOrder).
      const same = eitherWay(rawDate);
      if (same !== undefined) {
        date = same;
        this.sameEitherWay++;
      }
    }
    if (!date.ok) {
      if (date.ambiguous && first && !this.later) throw this.ambiguousDates(line, rawDate);
      if (date.ambiguous && first) this.ambiguousFirst = true;
      if (date.ambiguous) this.ambiguousSeen = true;
      return this.reject(line, date.ambiguous ? 'ambiguous_date' : 'invalid_date', 'date', date.message, rawDate, id);
    }
    this.datesSeen++;
    const currencyCell = this.cell(fields, at.currency);
    const currency = currencyCell !== '' ? currencyCell.toUpperCase() : (amount.currency ?? this.options.currency ?? '').toUpperCase();
    if (amount.currency !== undefined && amount.currency !== currency && /^[A-Z]{3}$/u.test(currency)) {
      const column = excerpt(this.cols?.currency?.headers.join('+') ?? 'currency', 40);
      return this.reject(line, 'invalid_amount', 'amount', `"${excerpt(rawAmount)}" is in ${amount.currency}, but the row's currency (column "${column}") is ${currency}`, rawAmount, id);
    }
    if (currency === '') return this.reject(line, 'missing', 'currency', 'currency is empty (give a default currency: option currency; the command: --currency CODE)', undefined, id);
    if (this.creditsAsRead && amount.amount.charCodeAt(0) === 45) {
      // The reject finishColumns would make of it (see creditReject), made here, while the row is in
      // the cache and on its reading thread; it was among the rows read into records until then.
      if (this.firstRows.length < SAMPLES) this.firstRows.push({ line, date: [rawDate, date.date], amount: [rawAmount, amount.amount], currency });
      this.rejects.push({
        ...(id !== undefined ? { id: own(id) } : {}),
        field: 'amount',
        path: ['amount'],
        code: 'credit',
        message: `line ${line}: ${creditMessage(amount.amount, currency, vendor)}`,
        value: amount.amount,
        line,
        ...(cols.amount ? { column: cols.amount.headers.join('+') } : {}),
      });
      return;
    }

    const k = this.kept;
    const document = this.optionalCell(fields, at.document);
    const subject = this.optionalCell(fields, at.subject);
    const category = this.optionalCell(fields, at.category);
    const project = this.optionalCell(fields, at.project);
    const method = this.optionalCell(fields, at.method);
    const exemption = this.optionalCell(fields, at.exemption);
    const named = id !== undefined ? own(id) : contentId([buyer, vendor, date.date, amount.amount, currency, subject, category, project, method, document, exemption]);
    k.add(named, id === undefined, line, date.date, amount.amount, document === undefined ? undefined : own(document));
    k.buyer.push(buyer);
    k.vendor.push(vendor);
    k.currency.push(currency);
    k.pushSubject(subject, from, to);
    k.category.push(category);
    k.project.push(project);
    k.method.push(method);
    k.exemption.push(exemption);
    if (this.firstRows.length < SAMPLES) this.firstRows.push({ line, date: [rawDate, date.date], amount: [rawAmount, amount.amount], currency });
  }

  /**
   * Whether `row` waits for the order of day and month, held: while no pattern is given and no date
   * was read yet ({@link orderOpen}), a day-or-month-first date that reads both ways as two dates
   * (`03/04/2011`) holds its row and every row after it until a date that reads only one way
   * (`07-13-2011`: 13 is no month) proves the order for the file; the held rows are then read in
   * turn, in order, by that pattern. A date that reads one way decides at once. One that reads the
   * same both ways (`01/01/2011`) is read as it is when no row is held, and decides nothing: the
   * dates after it still may. Readers of a later range never decide: their dates are read as the
   * option says (see `joins`). More than {@link HELD_ROWS} rows held is the error an ambiguous
   * first date is.
   */
  private awaitsDateOrder(fields: readonly string[], line: number, from: number, to: number): boolean {
    if (this.cols === undefined || this.later) return false;
    const raw = this.cell(fields, this.at.date);
    const order = dateOrder(raw);
    const held = this.held;
    if (order !== undefined && order !== 'either' && order !== 'same') {
      this.decideDateOrder(order, line, raw);
      if (held === undefined) return false;
      this.held = undefined;
      for (const h of held) {
        if ('problem' in h) this.problem(h.problem);
        else this.row(h.fields, h.line, h.from, h.to);
      }
      return false;
    }
    if (held === undefined && (order === undefined || order === 'same')) return false;
    const rows = (this.held ??= []);
    if (rows.length >= HELD_ROWS) throw this.heldTooLong();
    rows.push({ fields: fields.slice(), line, from, to });
    return true;
  }

  /** Reads dates by `pattern` from now on, as the date `raw` on `line` proved, and says so in a warning. */
  private decideDateOrder(pattern: string, line: number, raw: string): void {
    this.dateFormat = pattern;
    this.dates.clear();
    this.isoDates.clear();
    const column = excerpt(this.cols?.date?.headers[0] ?? 'date', 40);
    this.warn('date_order', `dates are read as ${pattern}: line ${line}, column "${column}": "${excerpt(raw)}" reads only so, and no date before it reads otherwise; give the date format to read them another way (option dateFormat; the command: --date-format PATTERN)`, 'date');
  }

  /** The error for a first date that reads both ways, on `line`, with no pattern to read it by. */
  private ambiguousDates(line: number, raw: string): OptionsError {
    const date = parseDate(raw);
    const message = date.ok ? `"${excerpt(raw)}" could be day-first or month-first` : date.message;
    return new OptionsError('readLedger', [{ path: ['dateFormat'], message: `line ${line}, column "${excerpt(this.cols?.date?.headers[0] ?? 'date', 40)}": ${message}` }]);
  }

  /** The error when the held rows' dates never proved an order (see {@link awaitsDateOrder}). */
  private heldTooLong(): OptionsError {
    const held = this.held ?? [];
    // Holding starts with the row whose date reads both ways (see awaitsDateOrder): it is the first.
    const first = held[0] as { readonly fields: readonly string[]; readonly line: number };
    const error = this.ambiguousDates(first.line, this.cell(first.fields, this.at.date));
    const rows = held.length - 1;
    if (rows === 0) return error;
    const after = `, and every date in the ${rows.toLocaleString('en')} ${rows === 1 ? 'row' : 'rows'} after it,`;
    return new OptionsError('readLedger', error.issues.map((i) => ({ ...i, message: i.message.replace(' could be day-first or month-first', `${after} could be day-first or month-first`) })));
  }

  /**
   * Whether the order of day and month may still be read from the dates to come: no pattern given
   * or proved, and every date read so far reads the same both ways (or none was read).
   */
  private get orderOpen(): boolean {
    return this.dateFormat === undefined && this.noDateDecided;
  }

  /** Whether every date read so far (if any) read the same day-first and month-first: none decided an order. */
  private get noDateDecided(): boolean {
    return this.datesSeen === this.sameEitherWay;
  }

  /** Whether rows are held, waiting for a date that proves the order of day and month (see {@link awaitsDateOrder}). */
  get holdsRows(): boolean {
    return this.held !== undefined;
  }

  /** Whether the order of day and month was read from the file's dates rather than given (see {@link awaitsDateOrder}). */
  get datesOrdered(): boolean {
    return this.dateFormat !== this.options.dateFormat;
  }

  /**
   * Makes this reader one of a later range of a file, after {@link header}: an ambiguous date
   * before any other is a reject, noted in {@link part} (the reader of the whole file decides,
   * knowing whether dates came before), not an error.
   */
  readsLaterRange(): void {
    this.later = true;
    this.kept.readsLaterRange();
  }

  /**
   * Locates the subjects instead of keeping them, before any row is read (unless they are numbered
   * as read): each is where its row lies in the input (see `located.ts`), and `row(from, to)` gives
   * the subject of the row at input bytes `from` to `to` when it is read (see {@link subjectOf}).
   * A reader of a later range, whose subjects another reader reads again, needs no `row`. A row whose
   * bytes are not known (text not one byte a character) keeps its subject.
   */
  rereadRows(row: RowText = () => undefined): void {
    this.kept.locate(row);
  }

  /** The subject of a row's cells as {@link row} reads it, when it is plain (see `isPlain`; else undefined: not a text located). */
  subjectOf(fields: readonly string[]): string | undefined {
    const text = this.optionalCell(fields, this.at.subject);
    return text !== undefined && isPlain(text) ? text : undefined;
  }

  /**
   * What this reader read, for the reader of the file's first range to {@link absorb}: texts and
   * per-row strings packed as one string and offsets each, so that a worker thread sends it as a
   * few strings and typed arrays (transferable), never as row objects.
   */
  part(): ReaderPart {
    const k = this.kept;
    k.trim();
    const subject = k.subjectPart();
    return {
      rows: this.rowCount,
      blank: this.blank,
      datesSeen: this.datesSeen,
      ambiguousFirst: this.ambiguousFirst,
      ambiguousSeen: this.ambiguousSeen,
      rejects: this.rejects,
      samples: this.firstRows,
      id: pack(k.id),
      generated: Int32Array.from(k.generated),
      line: Int32Array.from(k.line),
      date: numbered(k.date),
      amount: pack(k.amount),
      ...packDocuments(k.document, k.size),
      ...textFields((f): PackedField => ({ at: k[f].numbers(), texts: pack(k[f].texts), hashes: k[f].hashes(), plain: k[f].plainTexts })),
      ...(subject ? { subject } : {}),
    };
  }

  /**
   * Adds what the reader of the next range of the file read ({@link part}), as if this reader had
   * read it: rows, rejects, samples, counts. O(rows + texts).
   */
  absorb(p: ReaderPart): void {
    const k = this.kept;
    k.unshare();
    k.takeMine();
    this.rowCount += p.rows;
    this.blank += p.blank;
    this.datesSeen += p.datesSeen;
    for (const r of p.rejects) this.rejects.push(r);
    for (const s of p.samples) if (this.firstRows.length < SAMPLES) this.firstRows.push(s);
    // Each column lengthened once and filled in place (it is this reader's own: see `unshare`), not
    // unpacked into an array and concatenated (two fresh arrays a column, each a page fault a 4 KiB
    // page touched first: ~0.1 s of the main thread's joining on the Toronto-shaped bench file);
    // in the room reserved for them when the reader knew the file's size (see `reserve`).
    const n = p.line.length;
    const m = k.size;
    k.lengthen(n);
    const { id, line, date, amount, document } = k;
    unpackInto(id, m, p.id);
    for (let i = 0; i < p.generated.length; i++) k.generated.push(m + (p.generated[i] as number));
    unpackInto(amount, m, p.amount);
    // Typed arrays copied by a plain loop: Array.from walks them through their iterator.
    for (let i = 0; i < n; i++) line[m + i] = p.line[i] as number;
    const dates = unpack(p.date.texts);
    for (let i = 0; i < n; i++) date[m + i] = dates[p.date.at[i] as number] as string;
    // Most ledgers have no document column: no empty text cut per row then.
    if (!('bytes' in p.document) && p.document.text === '') {
      if (k.documented) document.fill(undefined, m);
    } else {
      if (!k.documented) k.ownDocuments(m + n);
      unpackInto(k.document, m, p.document);
      for (let i = 0; i < n; i++) if (p.hasDocument[i] !== 1) k.document[m + i] = undefined;
    }
    // Purposes sent as bytes or located stay so until read (see `TextField`.textAt): the main thread does not decode them all.
    k.pushSubjects(p.subject);
    for (const f of TEXT_FIELDS) {
      if (f === 'subject') continue;
      const { at, texts, hashes, plain } = p[f];
      k[f].pushNumbered(at, unpack(texts), hashes, plain);
    }
  }

  /** The first rows read into records (at most five), for inspection. */
  get samples(): readonly LedgerSample[] {
    return this.firstRows;
  }

  /** A field's cell in `fields` (several columns joined with ` / `), without surrounding spaces; `ix`: the field's columns (see {@link at}). */
  private cell(fields: readonly string[], ix: readonly number[] | undefined): string {
    if (ix === undefined) return '';
    if (ix.length === 1) return clean(fields[ix[0] as number] ?? '');
    return ix
      .map((i) => clean(fields[i] ?? ''))
      .filter((x) => x !== '')
      .join(' / ');
  }

  /** An optional field's cell, undefined when the file has no column for it or the cell is empty. */
  private optionalCell(fields: readonly string[], ix: readonly number[] | undefined): string | undefined {
    const v = this.cell(fields, ix);
    return v === '' ? undefined : v;
  }

  /**
   * A date read once per distinct text (ledgers repeat their dates). A `YYYY-MM-DD` text is looked
   * up by its digits as one number ({@link isoNumber}, which stands for that text alone), not by the
   * string: on the Toronto-shaped bench file's 527,375 rows, read in one range, the string lookups
   * took about 470 ms and the number lookups about 310 ms (both with the timer's cost, ~50 ms: 2
   * alternating runs each).
   */
  private date(raw: string): ParsedDate {
    const iso = isoNumber(raw);
    if (iso >= 0) {
      let d = this.isoDates.get(iso);
      if (d === undefined) {
        d = parseDate(raw, this.dateFormat);
        if (this.isoDates.size >= MEMO) this.isoDates.clear();
        this.isoDates.set(iso, d);
      }
      return d;
    }
    let d = this.dates.get(raw);
    if (d === undefined) {
      d = parseDate(raw, this.dateFormat);
      if (this.dates.size >= MEMO) this.dates.clear();
      this.dates.set(own(raw), d);
    }
    return d;
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
    if (this.held !== undefined) {
      if (this.held.length >= HELD_ROWS) throw this.heldTooLong();
      this.held.push({ problem: p });
      return;
    }
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

  /**
   * Applies the lines and credits policies and returns the ledger (without its sources: the driver
   * knows them). Its `records` are made when first read (see `withRecords`).
   */
  finish(): Omit<Ledger, 'sources'> {
    const { records, ...fields } = this.finishColumns();
    return withRecords(fields, records);
  }

  /** {@link finish}, with the records as columns (what the drivers use). */
  finishColumns(): Omit<Ledger, 'sources' | 'records'> & { records: RecordColumns } {
    if (this.held !== undefined) throw this.heldTooLong();
    const k = this.kept;
    k.unshare();
    k.takeMine();
    k.trim();
    numberIdenticalRows(k);
    // Credits rejected as they were read (and no lines summed): every row read into records is kept,
    // in order; no list of them is made (an array of a number a row, each page a fault).
    const every = this.creditsAsRead;
    let list: number[] = new Array<number>(every ? 0 : k.size);
    for (let r = 0; r < list.length; r++) list[r] = r;
    let merged = 0;
    /** Lines and ids of the rows summed into a row (`lines: 'sum'`), and the ids of the credits netted against it. */
    const summed = new Map<number, { lines: number[]; ids: string[] }>();
    const netted = new Map<number, string[]>();
    if (this.summing && this.cols?.document) ({ list, merged } = this.sumDocuments(list, summed));
    this.warnSuffixUnused();
    let kept: number[] = [];
    const credits: number[] = [];
    for (const r of list) {
      if (k.isNegative(r)) credits.push(r);
      else if (summed.has(r) && k.isZero(r)) this.creditReject(r, `the lines of document ${String(k.document[r])} (${(summed.get(r)?.ids ?? []).join(', ')}) add up to zero: a purchase and its credit`);
      else kept.push(r);
    }
    const zeroed = new Set<number>();
    if ((this.options.credits ?? 'reject') === 'reject') {
      for (const r of credits) this.creditReject(r, creditMessage(k.amount[r] as string, k.currency.get(r) as string, k.vendor.get(r) as string));
    } else {
      const item = (r: number, amount: Decimal): NettingItem => {
        const document = k.document[r];
        return {
          key: JSON.stringify([k.buyer.get(r), (k.vendor.get(r) as string).toLowerCase(), k.currency.get(r)]),
          document: document !== undefined && !isPlaceholderDocument(document) ? document : undefined,
          date: k.date[r] as string,
          line: k.line[r] as number,
          amount,
        };
      };
      const { purchase, left } = matchCredits(
        kept.map((r) => item(r, k.exactOf(r))),
        credits.map((r) => item(r, k.exactOf(r).abs())),
      );
      const order = byDateLine(k);
      const byDate = credits.map((_, i) => i).sort((a, b) => order(credits[a] as number, credits[b] as number));
      for (const i of byDate) {
        const credit = credits[i] as number;
        const p = kept[purchase[i] as number];
        if (p === undefined) {
          this.creditReject(credit, `credit of ${String(k.amount[credit])} ${String(k.currency.get(credit))} from "${excerpt(k.vendor.get(credit) as string)}" has no purchase on or before it of at least that size to net against`);
          continue;
        }
        const ids = netted.get(p);
        if (ids) ids.push(k.id[credit] as string);
        else netted.set(p, [k.id[credit] as string]);
      }
      kept.forEach((p, i) => {
        const ids = netted.get(p);
        if (!ids) return;
        const rest = left[i] as Decimal;
        k.setAmount(p, rest);
        if (rest.isZero()) {
          zeroed.add(p);
          this.creditReject(p, `purchase fully refunded by ${ids.join(', ')} (credits netted against their purchases: option credits 'net'; the command: --credits net)`);
        }
      });
    }
    const final = zeroed.size ? kept.filter((r) => !zeroed.has(r)) : kept;
    const size = every ? k.size : final.length;
    const rejects = this.rejects.slice().sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    /** A column of `undefined` a record (no extra fields; no documents), made once for both. */
    const none = summed.size === 0 && netted.size === 0 ? new Array<undefined>(size).fill(undefined) : undefined;
    const extra = none ?? final.map((r) => {
      const sum = summed.get(r);
      const ids = netted.get(r);
      if (sum === undefined && ids === undefined) return undefined;
      const fields = Object.create(null) as Record<string, unknown>;
      if (sum) {
        fields['lines'] = sum.lines.slice();
        fields['lineIds'] = sum.ids.slice();
      }
      if (ids) fields['credits'] = ids.slice();
      return fields;
    });
    // Every row kept, in order (no credit among them): each column handed over as it is, not copied
    // (copied by the reader if it reads on: see Kept.share). On the Toronto-shaped bench file's
    // 447,912 records the ending took 60-155 ms against 153-218 ms, with 2-3k page faults against 8-10k.
    const all = size === k.size;
    if (all) k.share();
    const pick = <T>(column: T[]): T[] => (all ? column : final.map((r) => column[r] as T));
    const records: RecordColumns = {
      size,
      id: pick(k.id),
      date: pick(k.date),
      amount: pick(k.amount),
      document: k.documented ? pick(k.document) : (none ?? new Array<undefined>(size).fill(undefined)),
      extra,
      ...textFields((f) => k[f].pick(all ? undefined : final)),
    };
    return {
      records,
      rejects,
      lines: pick(k.line),
      headers: this.headerRow,
      columns: this.cols ?? {},
      stats: { rows: this.rowCount, blank: this.blank, records: size, rejected: rejects.length, merged, netted: netted.size === 0 ? 0 : [...netted.values()].reduce((n, ids) => n + ids.length, 0) },
      warnings: this.warnings,
    };
  }

  /**
   * Sums rows with the same buyer, vendor, currency and document number (a placeholder number such
   * as `-` or `N/A` names no document) into the first of them, noting in `summed` the lines and
   * ids each first row gathers.
   */
  private sumDocuments(list: readonly number[], summed: Map<number, { lines: number[]; ids: string[] }>): { list: number[]; merged: number } {
    const k = this.kept;
    const byDoc = new Map<string, number>();
    const out: number[] = [];
    let merged = 0;
    // Lines summed into a document dated more than FAR_LINES_DAYS from its first line, and one of them.
    let far = 0;
    let farExample = '';
    for (const r of list) {
      const doc = k.document[r];
      if (doc === undefined || isPlaceholderDocument(doc)) {
        out.push(r);
        continue;
      }
      this.firstDocument ??= doc;
      const base = this.suffix ? doc.replace(this.suffix, '') : doc;
      if (base !== doc) this.suffixFound = true;
      const key = JSON.stringify([(k.buyer.get(r) as string).toLowerCase(), (k.vendor.get(r) as string).toLowerCase(), k.currency.get(r), base]);
      const first = byDoc.get(key);
      if (first === undefined) {
        k.document[r] = base;
        byDoc.set(key, r);
        out.push(r);
        continue;
      }
      merged++;
      k.setAmount(first, k.exactOf(first).plus(k.exactOf(r)));
      let sum = summed.get(first);
      if (sum === undefined) summed.set(first, (sum = { lines: [k.line[first] as number], ids: [k.id[first] as string] }));
      sum.lines.push(k.line[r] as number);
      sum.ids.push(k.id[r] as string);
      // Lines a month or more apart are more likely purchases of their own than lines of one document.
      const days = Math.abs(Date.parse(k.date[r] as string) - Date.parse(k.date[first] as string)) / 864e5;
      if (days > FAR_LINES_DAYS && far++ === 0) farExample = `"${excerpt(k.id[r] as string, 30)}" of ${k.date[r] as string} into "${excerpt(base, 30)}" of ${k.date[first] as string}`;
      if ((k.date[r] as string) < (k.date[first] as string)) k.date[first] = k.date[r] as string;
    }
    if (far > 0) {
      this.warn('lines_far_apart', `${far} line${far === 1 ? '' : 's'} summed into a document dated more than ${FAR_LINES_DAYS} days from its first line (e.g. ${farExample}): lines of one document are rarely that far apart; if these numbers are not document numbers with line suffixes, keep the lines apart (option lines 'keep'; the command: --lines keep) or check the line suffix (option lineSuffix; the command: --line-suffix)`, 'document');
    }
    return { list: out, merged };
  }

  /**
   * Warns (`line_suffix_unused`) when a `lineSuffix` given sums no lines whatever the rows: lines
   * kept, no column of document numbers (nor ids) to strip it from, or no number ending in it.
   */
  private warnSuffixUnused(): void {
    if (this.options.lineSuffix === undefined || this.cols === undefined) return;
    const suffix = `the line suffix "${excerpt(this.options.lineSuffix, 40)}" (option lineSuffix; the command: --line-suffix)`;
    const column = this.cols.document?.headers.join('+');
    const mapIt = 'map the column that holds the line numbers (option map; the command: --map document=COLUMN)';
    let message: string | undefined;
    if (!this.summing) message = `${suffix} sums no lines: lines are kept as records (option lines 'keep'; the command: --lines keep)`;
    else if (column === undefined) message = `${suffix} sums no lines: the file has no document or id column to strip it from; ${mapIt}`;
    else if (this.firstDocument !== undefined && !this.suffixFound) {
      message = `no document number in column "${excerpt(column, 40)}" ends in ${suffix}, e.g. "${excerpt(this.firstDocument, 40)}": no lines summed by it; check the pattern, or ${mapIt}`;
    }
    if (message !== undefined) this.warn('line_suffix_unused', message, 'document');
  }

  private creditReject(r: number, message: string): void {
    const k = this.kept;
    const line = k.line[r] as number;
    this.rejects.push({
      id: k.id[r] as string,
      field: 'amount',
      path: ['amount'],
      code: 'credit',
      message: `line ${line}: ${message}`,
      value: k.amount[r],
      line,
      ...(this.cols?.amount ? { column: this.cols.amount.headers.join('+') } : {}),
    });
  }
}
