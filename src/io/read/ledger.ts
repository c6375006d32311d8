/**
 * `readLedger`: a whole ledger held as a string or bytes (CSV/TSV, JSON array or NDJSON) → records
 * and rejects. Platform-neutral; `splitscan/node` streams files through the same {@link LedgerReader}.
 */
import { InputError } from '../../errors.js';
import { type Delimiter, parseCsv } from './csv.js';
import { type Encoding, decodeText, stripBom } from './decode.js';
import type { RecordReject, Reject } from '../../records/record.js';
import type { LedgerField } from './columns.js';
import { type Ledger, type LedgerOptions, LedgerReader } from './reader.js';

/** Text formats a ledger can come in. */
export type LedgerFormat = 'csv' | 'json' | 'ndjson';

/** Options of {@link readLedger}. */
export interface ReadLedgerOptions extends LedgerOptions {
  /** @defaultValue detected: `[` starts a JSON array, `{` NDJSON, anything else delimited text */
  format?: LedgerFormat | 'auto' | undefined;
  /** Field delimiter of delimited text. @defaultValue detected among `,` `;` tab `|` */
  delimiter?: Delimiter | undefined;
  /** Encoding of bytes. @defaultValue `'auto'` (see `detectEncoding`) */
  encoding?: Encoding | 'auto' | undefined;
}

/**
 * Guesses the format from the first non-blank character: `[` JSON array, `{` NDJSON, else CSV.
 *
 * @example
 * detectFormat('{"id":1}\n{"id":2}') //=> 'ndjson'
 */
export function detectFormat(text: string): LedgerFormat {
  const c = stripBom(text).trimStart()[0];
  if (c === '[') return 'json';
  if (c === '{') return 'ndjson';
  return 'csv';
}

/**
 * Reads a ledger from a string or bytes: decodes, parses, maps columns, reads amounts and dates,
 * and applies the subtotal, repayment, lines and credits policies of {@link LedgerOptions}. Bad rows
 * become rejects with their line, column and reason; the run goes on.
 *
 * Runs in O(n) for n rows (O(n·c) when `credits: 'net'` matches c candidate purchases per credit).
 *
 * @throws OptionsError when required columns are missing (the message lists the headers found), a
 *   mapped column does not exist, or the first dates read are ambiguous without `dateFormat`.
 * @throws InputError `'undecodable'` for bytes invalid in the chosen encoding, `'invalid_json'` for
 *   a JSON array that does not parse, `'empty'` for input without a header.
 * @example
 * const { records, rejects } = readLedger('buyer,vendor,date,amount,currency\nCity,Acme,2019-03-04,"$1,234.50",USD\n')
 * records[0] //=> { id: 'L2', buyer: 'City', vendor: 'Acme', date: '2019-03-04', amount: '1234.5', currency: 'USD' }
 */
export function readLedger(input: string | Uint8Array, options: ReadLedgerOptions = {}): Ledger {
  let text: string;
  let encoding: string | undefined;
  if (typeof input === 'string') text = stripBom(input);
  else {
    const decoded = decodeText(input, options.encoding ?? 'auto');
    text = decoded.text;
    encoding = decoded.encoding;
  }
  const format = !options.format || options.format === 'auto' ? detectFormat(text) : options.format;
  const reader = new LedgerReader(options);
  let delimiter: string | undefined;
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new InputError('invalid_json', `the input is not valid JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(data)) throw new InputError('invalid_json', 'a JSON ledger must be an array of objects');
    const keys: string[] = [];
    const seen = new Set<string>();
    for (const o of data) {
      if (o !== null && typeof o === 'object' && !Array.isArray(o)) {
        for (const k of Object.keys(o)) if (!seen.has(k)) (seen.add(k), keys.push(k));
      }
    }
    reader.header(keys);
    data.forEach((o, i) => reader.object(o, i + 1));
  } else if (format === 'ndjson') {
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      if (l.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(l);
      } catch {
        value = undefined;
      }
      reader.object(value === undefined ? `unparsable JSON: ${l.slice(0, 80)}` : value, i + 1);
    });
    if (reader.columns === undefined) throw new InputError('empty', 'the input has no rows');
  } else {
    const parsed = parseCsv(text, options.delimiter ? { delimiter: options.delimiter } : {});
    delimiter = parsed.delimiter;
    const rows = parsed.rows;
    const headerAt = rows.findIndex((r) => r.fields.some((f) => f.trim() !== ''));
    const header = rows[headerAt];
    if (header === undefined) throw new InputError('empty', 'the input has no header row');
    reader.header(header.fields);
    for (let i = headerAt + 1; i < rows.length; i++) {
      const r = rows[i];
      // An empty line is not a row; a row of empty cells (`;;;`) is counted as blank by the reader.
      if (r && !(r.fields.length === 1 && r.fields[0] === '')) reader.row(r.fields, r.line);
    }
  }
  const ledger = reader.finish();
  return {
    ...ledger,
    ...(encoding !== undefined ? { encoding } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
  };
}

/**
 * Gives core rejects (from `detectSplits(ledger.records, …)`, whose `index` is a position in
 * `records`) the file line and column they came from.
 *
 * @example
 * locateRejects(result.rejects, ledger)[0].line //=> 17
 */
export function locateRejects(rejects: readonly RecordReject[], ledger: Pick<Ledger, 'lines' | 'columns'>): Reject[] {
  return rejects.map((r) => {
    const line = ledger.lines[r.index];
    const column = ledger.columns[r.field as LedgerField]?.headers.join('+');
    return {
      ...r,
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined && r.column === undefined ? { column } : {}),
    };
  });
}
