/**
 * Delimited text (CSV, TSV, `;` and `|` files) → rows of strings with their 1-based line numbers.
 * Parsing is papaparse's (quoted fields, embedded newlines, CRLF); this module adds delimiter
 * detection and line tracking.
 */
import Papa from 'papaparse';

/** Delimiters the loaders recognise, in the order {@link detectDelimiter} prefers them. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** One of {@link DELIMITERS}. */
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter of a CSV-like text from its first lines: the candidate that appears (outside
 * quotes) in the header and the same number of times on the most following lines; ties go to the
 * larger count, then to the order `,` `;` tab `|`. Falls back to `,`.
 *
 * @example
 * detectDelimiter('a;b;c\n1;2,5;3\n') //=> ';'
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = firstLines(text, 12);
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

/** Up to `n` logical lines (newlines inside quotes do not split), skipping blank ones. */
function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && out.length < n; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      const line = text.slice(start, i).replace(/\r$/u, '');
      if (line.trim() !== '') out.push(line);
      start = i + 1;
    }
  }
  if (out.length < n && start < text.length && !quoted) {
    const line = text.slice(start).replace(/\r$/u, '');
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

/** Line breaks papaparse splits rows on. */
type LineBreak = '\n' | '\r\n' | '\r';

/** The first line break outside quotes; undefined until one is seen whole. */
function lineBreakOf(text: string): LineBreak | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') return '\n';
    else if (!quoted && c === '\r') return i + 1 === text.length ? undefined : text[i + 1] === '\n' ? '\r\n' : '\r';
  }
  return undefined;
}

const BREAK = /\r\n|\r|\n/gu;

/**
 * Splits delimited text pushed in chunks into rows, each with the file line it starts on (a row
 * spans one line plus one per line break inside its quoted fields). Parsing is papaparse's `Parser`
 * (quoted fields, embedded newlines, CRLF); a row cut by a chunk boundary is carried over to the
 * next chunk, as papaparse's own streamers do. The line break (LF, CRLF or CR) is the first one
 * outside quotes; text is held until it is seen.
 *
 * Memory: one chunk and one row; O(n) for n characters.
 */
export class CsvRows {
  private parser: Papa.Parser | undefined;
  private rest = '';
  private line = 1;

  constructor(readonly delimiter: Delimiter) {}

  /** Parses `text` after what was pushed before, calling `row` for each complete row. */
  push(text: string, row: (fields: string[], line: number) => void): void {
    const input = this.rest + text;
    if (this.parser === undefined) {
      const newline = lineBreakOf(input);
      if (newline === undefined) {
        this.rest = input;
        return;
      }
      this.parser = this.open(newline);
    }
    const result = this.parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
    this.rest = input.slice(result.meta.cursor);
    this.emit(result.data, row);
  }

  /** Parses what is left once the text has ended. */
  end(row: (fields: string[], line: number) => void): void {
    if (this.rest === '') return;
    this.parser ??= this.open(lineBreakOf(`${this.rest}\n`) ?? '\n');
    const result = this.parser.parse(this.rest, 0, false) as Papa.ParseResult<string[]>;
    this.rest = '';
    this.emit(result.data, row);
  }

  private open(newline: LineBreak): Papa.Parser {
    return new Papa.Parser({ delimiter: this.delimiter, newline, header: false });
  }

  private emit(rows: readonly string[][], row: (fields: string[], line: number) => void): void {
    for (const fields of rows) {
      const line = this.line;
      this.line++;
      for (const f of fields) if (f.includes('\n') || f.includes('\r')) this.line += f.match(BREAK)?.length ?? 0;
      row(fields, line);
    }
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
}

/**
 * Parses a whole CSV/TSV text (papaparse, no header handling) and numbers its rows' lines.
 * Ledgers read by `readLedger` and `loadLedger` go through the same {@link CsvRows}, in chunks.
 *
 * @example
 * parseCsv('a;b\n"x\ny";2\n').rows //=> [{ fields: ['a','b'], line: 1 }, { fields: ['x\ny','2'], line: 2 }]
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): ParsedCsv {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const split = new CsvRows(delimiter);
  const rows: CsvRow[] = [];
  const add = (fields: string[], line: number): void => void rows.push({ fields, line });
  split.push(text, add);
  split.end(add);
  return { delimiter, rows };
}
