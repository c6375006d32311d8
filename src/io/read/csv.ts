/**
 * Delimited text (CSV, TSV, `;` and `|` files) → rows of strings with their 1-based line numbers.
 * A state machine of its own, over text pushed in chunks: RFC 4180 quoting, every line break (LF,
 * CRLF, a lone CR) wherever it occurs, bounded rows and cells, and quote errors reported with the
 * line they start on instead of swallowing the rows after them.
 */
import { excerpt } from './_excerpt.js';
import { badDocument, checkOptions } from '../../_lib/args.js';

/** Delimiters the loaders recognise, in the order {@link detectDelimiter} prefers them. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** One of {@link DELIMITERS}. */
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Bounds on what one row may be. A row or cell beyond them is a reject (its line, an excerpt),
 * never a giant string: a 100 MB line costs one pass and no memory.
 */
export const CSV_LIMITS = {
  /** Characters in one cell. */
  cell: 1 << 16,
  /** Characters in one row (all its lines). */
  row: 1 << 20,
  /** Line breaks inside one quoted cell: a quote open longer than this was never meant to be. */
  quotedLines: 100,
} as const;

/**
 * Picks the delimiter of a CSV-like text from its first lines: the candidate that appears (outside
 * quotes) in the header and the same number of times on the most following lines; ties go to the
 * larger count, then to the order `,` `;` tab `|`. Lines above the header with none of them (a
 * report's title) are passed over. Falls back to `,`.
 *
 * @example
 * detectDelimiter('a;b;c\n1;2,5;3\n') //=> ';'
 * detectDelimiter('Payments over 500\nBody\tSupplier\tAmount\nLeeds\tAcme, Ltd\t9\n') //=> '\t'
 */
export function detectDelimiter(text: string): Delimiter {
  if (typeof text !== 'string') badDocument('detectDelimiter', 'text', 'text', text);
  const all = firstLines(text, 24);
  const start = all.findIndex((l) => DELIMITERS.some((d) => countOutsideQuotes(l, d) > 0));
  const lines = all.slice(Math.max(0, start), Math.max(0, start) + 12);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const head = counts[0] ?? 0;
    if (head === 0) continue;
    const rest = counts.slice(1);
    const same = rest.length === 0 ? 1 : rest.filter((c) => c === head).length / rest.length;
    const score = same * 1000 + Math.min(head, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Up to `n` logical lines (line breaks inside quotes do not split), skipping blank ones. */
function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && out.length < n; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if ((c === '\n' || c === '\r') && !quoted) {
      const line = text.slice(start, i);
      if (line.trim() !== '') out.push(line);
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (out.length < n && start < text.length && !quoted) {
    const line = text.slice(start);
    if (line.trim() !== '') out.push(line);
  }
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let quoted = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

/** A parsed row and the file line it starts on. */
export interface CsvRow {
  readonly fields: readonly string[];
  /** 1-based line where the row starts. */
  readonly line: number;
}

/** A stretch of text that is no row: a quote error or a row beyond {@link CSV_LIMITS}. */
export interface CsvProblem {
  /** First line of the stretch. */
  readonly line: number;
  /** Its last line (equal to `line` for one line). */
  readonly lastLine: number;
  readonly message: string;
  /** The start of the text, cut to a short excerpt. */
  readonly excerpt: string;
}

/** A non-empty cell of a column not {@link CsvRows.wanted}: never cut out of the text. */
export const UNREAD_CELL = '\u0000';

/** Where {@link CsvRows} sends what it reads. */
export interface CsvSink {
  /** A row's cells: the array is reused for the next row, so a sink that keeps it copies it. */
  row(fields: string[], line: number): void;
  problem(problem: CsvProblem): void;
}

const QUOTE = 34;
/** `indexOf`'s answer, with "not found" as the end of the text. */
const at = (i: number, n: number): number => (i < 0 ? n : i);
const LF = 10;
const CR = 13;
/** `scan` found no complete row: wait for more text. */
const MORE = -1;

/**
 * The first line after the first of the text from `start` to `end` (one row spanning lines) that
 * holds `width` − 1 delimiters or more inside quotes — a line that reads as a whole row of its own,
 * which a stray quote swallowed into a cell — as its offset from the row's first line (1: the next
 * line); 0 when none does. Quotes are counted as they come (`""` twice, so no change), which is
 * all a row over several lines needs: its line breaks are inside a quoted cell.
 */
function rowInside(buf: string, start: number, end: number, d: number, width: number): number {
  let line = 0;
  let delimiters = 0;
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = buf.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (c === LF || c === CR) {
      if (line > 0 && delimiters >= width - 1) return line;
      if (c === CR && buf.charCodeAt(i + 1) === LF) i++;
      line++;
      delimiters = 0;
    } else if (c === d && quoted && line > 0) delimiters++;
  }
  return line > 0 && delimiters >= width - 1 ? line : 0;
}

/**
 * Splits delimited text pushed in chunks into rows, each with the file line it starts on.
 *
 * - A cell that starts with `"` is quoted: `""` inside is a quote, and delimiters and line breaks
 *   are text. A quote elsewhere in a cell is an ordinary character.
 * - LF, CRLF and a lone CR all end a row, each counting one line, wherever they occur: a file that
 *   mixes them loses no row.
 * - Quote errors become {@link CsvProblem}s, and reading goes on: text after a closing quote
 *   (`"Acme"x`) spoils its row only; a quote that is still open at the end of the text, after
 *   {@link CSV_LIMITS}.quotedLines line breaks or a row's worth of characters, that makes a
 *   multi-line row with another number of cells than the header ({@link width}), or whose cell
 *   holds a line that reads as a whole row of its own (at least the header's cells less one
 *   delimiters, in a file of 4 columns or more: `…,"Chair, ergonomic` then `City,Acme,…,Monitor
 *   24"`), was a stray one: the line it opened on is the problem, and the lines after it are read
 *   again as rows.
 * - A row longer than {@link CSV_LIMITS}.row is a problem, and the rest of its line is skipped
 *   without being kept; a cell longer than {@link CSV_LIMITS}.cell spoils its row.
 *
 * Memory: one chunk and one incomplete row (at most a row's limit). Time: O(n) for n characters,
 * plus a re-read of at most a row's limit for each stray quote.
 */
export class CsvRows {
  /** Cells a row should have (the header's), once known: it tells a stray quote from a multi-line cell. */
  width: number | undefined;
  /**
   * The columns whose text is wanted (1), once known: other cells are read past without being cut
   * out of the text, and come as {@link UNREAD_CELL} (or `''` when empty). @defaultValue all
   */
  wanted: Uint8Array | undefined;
  private rest = '';
  private line = 1;
  /** Skipping the rest of an over-long line (`'line'`), or a LF after its CR (`'lf'`). */
  private skipping: 'no' | 'line' | 'lf' = 'no';
  private readonly d: number;
  /** The cells of the row being read (one array for every row: no garbage per row). */
  private readonly cells: string[] = [];
  /**
   * The next LF and CR in the text being read, at or after the last position they were searched
   * from (rows are read forward: a position found stays right until passed; reading that goes back
   * after a stray quote forgets them); −1 when not searched.
   */
  private lf = -1;
  private cr = -1;
  /** The input byte of `rest[0]`, and of the text being read; −1 where the text is not one byte a character or the byte is not known. */
  private restByte = -1;
  private bufByte = -1;
  /**
   * Where the row last sent to the sink lies in the input: its first byte and the byte after its
   * last character (its line break excluded), while the sink reads it; −1 when the text it was
   * read from was not pushed with its byte (see {@link push}).
   */
  rowFrom = -1;
  rowTo = -1;

  constructor(readonly delimiter: Delimiter) {
    this.d = delimiter.charCodeAt(0);
  }

  /** The line the next row starts on. */
  get nextLine(): number {
    return this.line;
  }

  /**
   * Starts the numbering at `line` (before any text: a reader of a later range of a file, whose
   * first row is on that line).
   */
  startAt(line: number): void {
    this.line = line;
  }

  /** Whether the text pushed so far ended where a row ends: nothing pending, no line being skipped. */
  get atRowStart(): boolean {
    return this.rest === '' && this.skipping === 'no';
  }

  /** Text received but not yet read into rows (an incomplete row). */
  get pending(): string {
    return this.rest;
  }

  /**
   * Reads `text` after what was pushed before, sending each complete row to `sink`. `byte`: the
   * input byte `text` starts at when each of its characters is one byte of the input (a
   * single-byte encoding, or ASCII), so that each row's bytes are known ({@link rowFrom}); −1 when not.
   */
  push(text: string, sink: CsvSink, byte = -1): void {
    if (this.skipping !== 'no') {
      const skipped = this.skip(text);
      if (byte >= 0) byte += text.length - skipped.length;
      text = skipped;
      if (text === '') return;
    }
    const rest = this.rest;
    // The rows' bytes are known when those of the rest and of the text are, one after the other.
    this.bufByte = rest === '' ? byte : byte >= 0 && this.restByte >= 0 && this.restByte + rest.length === byte ? this.restByte : -1;
    const buf = rest === '' ? text : rest + text;
    const at = this.read(buf, false, sink);
    this.rest = at === buf.length ? '' : buf.slice(at);
    this.restByte = this.bufByte >= 0 ? this.bufByte + at : -1;
  }

  /** Reads what is left once the text has ended. */
  end(sink: CsvSink): void {
    if (this.skipping !== 'no') {
      this.skipping = 'no';
      return;
    }
    const buf = this.rest;
    this.rest = '';
    this.bufByte = this.restByte;
    if (buf !== '') this.read(buf, true, sink);
  }

  /** Drops text up to the end of the over-long line; returns what follows it. */
  private skip(text: string): string {
    if (this.skipping === 'lf') {
      this.skipping = 'no';
      return text.charCodeAt(0) === LF ? text.slice(1) : text;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      this.line++;
      this.skipping = c === CR && i + 1 === text.length ? 'lf' : 'no';
      return c === CR && text.charCodeAt(i + 1) === LF ? text.slice(i + 2) : text.slice(i + 1);
    }
    return '';
  }

  /** Reads rows from `buf` and returns how much of it was consumed. */
  private read(buf: string, final: boolean, sink: CsvSink): number {
    this.lf = -1;
    this.cr = -1;
    let at = 0;
    while (at < buf.length) {
      const next = this.scan(buf, at, final, sink);
      if (next === MORE) break;
      if (this.skipping !== 'no') return buf.length;
      at = next;
    }
    return at;
  }

  /**
   * Reads the row starting at `start`: sends it (or a problem) and returns where the next row
   * starts, or {@link MORE} when the row may go on past the text received.
   */
  private scan(buf: string, start: number, final: boolean, sink: CsvSink): number {
    const n = buf.length;
    const d = this.d;
    const fields = this.cells;
    fields.length = 0;
    let i = start;
    let breaks = 0;
    // The next delimiter at or after the position read (-1: not searched yet); LF and CR likewise,
    // remembered from row to row (a file without CR is not searched to its end for each row).
    let nd = -1;
    let nl = this.lf;
    let nc = this.cr;
    let spoiled: string | undefined;
    for (;;) {
      if (i - start > CSV_LIMITS.row) return this.tooLong(buf, start, breaks, final, sink);
      let value: string;
      let c: number;
      const want = this.wanted === undefined || this.wanted[fields.length] === 1;
      if (buf.charCodeAt(i) === QUOTE) {
        // A quoted cell: find its closing quote, counting the line breaks it holds.
        let j = i + 1;
        let pieces: string[] | undefined;
        let from = j;
        for (;;) {
          const q = buf.indexOf('"', j);
          const stop = q < 0 ? n : q;
          // Most quoted cells hold no line break: the next line feed and carriage return lie past
          // the quote (searched as the unquoted cells search them), and the cell is not read char by char.
          if (nl < j) this.lf = nl = at(buf.indexOf('\n', j), n);
          if (nc < j) this.cr = nc = at(buf.indexOf('\r', j), n);
          if (nl < stop || nc < stop) for (let k = j; k < stop; k++) {
            const ch = buf.charCodeAt(k);
            if (ch === LF || (ch === CR && buf.charCodeAt(k + 1) !== LF)) breaks++;
          }
          if (breaks > CSV_LIMITS.quotedLines || stop - start > CSV_LIMITS.row) {
            return this.strayQuote(buf, start, final, sink, `a quote opened on line ${this.line} is still open after ${breaks > CSV_LIMITS.quotedLines ? `${CSV_LIMITS.quotedLines} line breaks` : `${CSV_LIMITS.row.toLocaleString('en')} characters`}`);
          }
          if (q < 0) {
            if (!final) return MORE;
            return this.strayQuote(buf, start, final, sink, `a quote opened on line ${this.line} is never closed`);
          }
          if (q + 1 === n && !final) return MORE; // `""` may be cut between chunks
          if (buf.charCodeAt(q + 1) === QUOTE) {
            if (want) (pieces ??= []).push(buf.slice(from, q + 1));
            j = q + 2;
            from = j;
            continue;
          }
          if (!want) value = q > i + 1 ? UNREAD_CELL : '';
          else value = pieces === undefined ? buf.slice(from, q) : pieces.join('') + buf.slice(from, q);
          i = q + 1;
          break;
        }
        c = i < n ? buf.charCodeAt(i) : -1;
        if (c !== d && c !== LF && c !== CR && c !== -1) {
          // Text after the closing quote: keep it, and spoil the row.
          spoiled ??= `text after the closing quote of cell ${fields.length + 1}`;
          let k = i;
          while (k < n) {
            const ch = buf.charCodeAt(k);
            if (ch === d || ch === LF || ch === CR) break;
            k++;
          }
          if (k === n && !final) return MORE;
          value = want ? value + buf.slice(i, k) : UNREAD_CELL;
          i = k;
          c = i < n ? buf.charCodeAt(i) : -1;
        }
      } else {
        // The cell ends at the next delimiter or line break: found by indexOf, each position
        // remembered through the row until passed, so the text is searched about once.
        if (nd < i) nd = at(buf.indexOf(this.delimiter, i), n);
        if (nl < i) this.lf = nl = at(buf.indexOf('\n', i), n);
        if (nc < i) this.cr = nc = at(buf.indexOf('\r', i), n);
        const k = Math.min(nd, nl, nc);
        if (k === n && !final) return k - start > CSV_LIMITS.row ? this.tooLong(buf, start, breaks, final, sink) : MORE;
        value = want ? buf.slice(i, k) : k > i ? UNREAD_CELL : '';
        i = k;
        c = i < n ? buf.charCodeAt(i) : -1;
      }
      if (value.length > CSV_LIMITS.cell) {
        spoiled ??= `cell ${fields.length + 1} has ${value.length.toLocaleString('en')} characters, over the limit of ${CSV_LIMITS.cell.toLocaleString('en')}`;
        value = '';
      }
      fields.push(value);
      if (c === d) {
        i++;
        continue;
      }
      // End of the row: a line break or the end of the text.
      let next = i;
      if (c === CR) {
        if (i + 1 === n && !final) return MORE;
        next = buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      } else if (c === LF) next = i + 1;
      if (breaks > 0 && (spoiled !== undefined || (this.width !== undefined && fields.length !== this.width))) {
        const why = spoiled ?? `its ${fields.length} cells over ${breaks + 1} lines do not match the header's ${this.width}`;
        return this.strayQuote(buf, start, final, sink, `a quote opened on line ${this.line} makes a broken row (${why})`);
      }
      if (breaks > 0 && this.width !== undefined && this.width >= 4) {
        const swallowed = rowInside(buf, start, i, d, this.width);
        if (swallowed > 0) return this.strayQuote(buf, start, final, sink, `a quote opened on line ${this.line} runs over line ${this.line + swallowed}, which reads as a row of its own (${this.width} cells)`);
      }
      const line = this.line;
      this.line += 1 + breaks;
      if (spoiled !== undefined) sink.problem({ line, lastLine: line, message: spoiled, excerpt: excerpt(buf.slice(start, i)) });
      else {
        const b = this.bufByte;
        this.rowFrom = b < 0 ? -1 : b + start;
        this.rowTo = b < 0 ? -1 : b + i;
        sink.row(fields, line);
      }
      return next;
    }
  }

  /**
   * A quote that opened on the row's first line runs on too far: that line is a problem, and
   * reading starts again on the next line.
   */
  private strayQuote(buf: string, start: number, final: boolean, sink: CsvSink, message: string): number {
    return this.drop(buf, start, final, sink, `${message}; line ${this.line} is not read, reading goes on at line ${this.line + 1}`);
  }

  /** A row past the length limit: a stray quote if it spans lines, else a giant line to drop. */
  private tooLong(buf: string, start: number, breaks: number, final: boolean, sink: CsvSink): number {
    if (breaks > 0) return this.strayQuote(buf, start, final, sink, `a quote opened on line ${this.line} runs past ${CSV_LIMITS.row.toLocaleString('en')} characters`);
    return this.drop(buf, start, final, sink, `line ${this.line} is longer than ${CSV_LIMITS.row.toLocaleString('en')} characters; it is not read`);
  }

  /**
   * Reports the line starting at `start` as a problem and returns where the next line starts; when
   * its end has not arrived yet, the rest of it is skipped as it comes, without being kept.
   */
  private drop(buf: string, start: number, final: boolean, sink: CsvSink, message: string): number {
    // Reading goes back to the line after `start`: the line breaks found past it may not be the next.
    this.lf = -1;
    this.cr = -1;
    let e = start;
    const n = buf.length;
    while (e < n) {
      const c = buf.charCodeAt(e);
      if (c === LF || c === CR) break;
      e++;
    }
    const line = this.line;
    sink.problem({ line, lastLine: line, message, excerpt: excerpt(buf.slice(start, Math.min(e, start + 200))) });
    if (e === n) {
      if (final) this.line++;
      else this.skipping = 'line';
      return n;
    }
    this.line++;
    if (buf.charCodeAt(e) === CR) {
      if (e + 1 === n && !final) {
        this.skipping = 'lf';
        return n;
      }
      return buf.charCodeAt(e + 1) === LF ? e + 2 : e + 1;
    }
    return e + 1;
  }
}

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** @defaultValue detected by {@link detectDelimiter} */
  delimiter?: Delimiter | undefined;
}

/** What {@link parseCsv} returns. */
export interface ParsedCsv {
  readonly delimiter: Delimiter;
  /** Every row, the header included, blank lines included (as `['']`). */
  readonly rows: readonly CsvRow[];
  /** Stretches of text that are no row (quote errors, rows past {@link CSV_LIMITS}). */
  readonly problems: readonly CsvProblem[];
}

/**
 * Parses a whole CSV/TSV text (no header handling) and numbers its rows' lines. Ledgers read by
 * `readLedger` and `loadLedger` go through the same {@link CsvRows}, in chunks.
 *
 * @example
 * parseCsv('a;b\n"x\ny";2\n').rows //=> [{ fields: ['a','b'], line: 1 }, { fields: ['x\ny','2'], line: 2 }]
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): ParsedCsv {
  if (typeof text !== 'string') badDocument('parseCsv', 'text', 'text', text);
  checkOptions(options, 'parseCsv');
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const split = new CsvRows(delimiter);
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const sink: CsvSink = { row: (fields, line) => void rows.push({ fields: fields.slice(), line }), problem: (p) => void problems.push(p) };
  split.push(text, sink);
  split.end(sink);
  return { delimiter, rows, problems };
}
