/**
 * Delimited text (CSV, TSV, `;` and `|` files) → rows of strings with their 1-based line numbers.
 * Parsing is papaparse's (quoted fields, embedded newlines, CRLF); this module adds delimiter
 * detection and line tracking.
 */
import Papa from 'papaparse';

/** Delimiters the loaders recognise. */
export type Delimiter = ',' | ';' | '\t' | '|';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

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

/**
 * Tracks line numbers across rows: a row spans one line plus one for each newline inside its
 * quoted fields.
 */
export class LineCounter {
  private next = 1;

  /** Line of `fields`, advancing past it. */
  take(fields: readonly string[]): number {
    const line = this.next;
    let extra = 0;
    for (const f of fields) {
      for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) extra++;
    }
    this.next += 1 + extra;
    return line;
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
 * For files too big to hold, `splitscan/node`'s `loadLedger` streams instead.
 *
 * @example
 * parseCsv('a;b\n"x\ny";2\n').rows //=> [{ fields: ['a','b'], line: 1 }, { fields: ['x\ny','2'], line: 2 }]
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): ParsedCsv {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const counter = new LineCounter();
  const rows: CsvRow[] = [];
  const body = text.replace(/(\r?\n)$/u, '');
  Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const fields = result.data;
      rows.push({ fields, line: counter.take(fields) });
    },
  });
  return { delimiter, rows };
}

/** papaparse configuration the streaming loader uses (same as {@link parseCsv}). */
export function papaStreamConfig(delimiter: Delimiter): Papa.ParseConfig<string[]> {
  return { delimiter, header: false, skipEmptyLines: false };
}
