/**
 * `splitscan/node`: file loaders for Node.js. Files are streamed: the raw text is never held whole
 * (JSON arrays and OCDS documents excepted, which must be parsed whole).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { InputError } from './errors.js';
import { LineCounter, detectDelimiter, papaStreamConfig } from './io/read/csv.js';
import { StreamDecoder, decodeText } from './io/read/decode.js';
import { detectFormat, readLedger, type ReadLedgerOptions } from './io/read/ledger.js';
import { fromOcds, type FromOcdsOptions, type OcdsRecords } from './io/read/ocds.js';
import { type Ledger, LedgerReader } from './io/read/reader.js';

/** Options of {@link loadLedger}. */
export interface LoadLedgerOptions extends ReadLedgerOptions {
  /** Called every `progressEvery` rows with the rows read so far. */
  onProgress?: ((rows: number) => void) | undefined;
  /** @defaultValue 50000 */
  progressEvery?: number | undefined;
}

function unreadable(path: string, e: unknown): InputError {
  const code = (e as { code?: string }).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
  return new InputError('unreadable', `cannot read ${path}: ${why}`, [path]);
}

/**
 * Reads a ledger file (CSV/TSV, JSON array or NDJSON; any supported encoding) into records and
 * rejects, streaming delimited text and NDJSON row by row. Same options and policies as
 * `readLedger`; rejects carry file lines.
 *
 * @throws InputError `'unreadable'` (missing file, directory, permissions) or `'undecodable'`.
 * @throws OptionsError on missing columns, a bad mapping or ambiguous dates.
 * @example
 * const ledger = await loadLedger('seeds/chengxi-2014.csv', { currency: 'CNY' })
 * const result = detectSplits(ledger.records, getPreset('cn-hangzhou'))
 */
export async function loadLedger(path: string, options: LoadLedgerOptions = {}): Promise<Ledger> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (e) {
    throw unreadable(path, e);
  }
  const decoder = new StreamDecoder(options.encoding ?? 'auto');
  const source = createReadStream(path, { highWaterMark: 1 << 16 });
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const next = async (): Promise<string | undefined> => {
    let r: IteratorResult<Buffer>;
    try {
      r = await iterator.next();
    } catch (e) {
      throw unreadable(path, e);
    }
    if (r.done) return undefined;
    return decoder.push(r.value);
  };
  // Peek enough text to decide the format and the delimiter.
  let head = '';
  let ended = false;
  while (head.length < 65536 && !ended) {
    const t = await next();
    if (t === undefined) {
      head += decoder.end();
      ended = true;
    } else head += t;
  }
  head = head.replace(/^\uFEFF/u, '');
  const format = !options.format || options.format === 'auto' ? detectFormat(head) : options.format;
  if (format === 'json') {
    source.destroy();
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (e) {
      throw unreadable(path, e);
    }
    return readLedger(bytes, { ...options, format: 'json' });
  }
  async function* text(): AsyncGenerator<string> {
    if (head) yield head;
    if (ended) return;
    for (;;) {
      const t = await next();
      if (t === undefined) {
        const last = decoder.end();
        if (last) yield last;
        return;
      }
      if (t) yield t;
    }
  }
  const reader = new LedgerReader(options);
  const every = options.progressEvery ?? 50000;
  const progress = (): void => {
    if (options.onProgress && reader.rowsRead % every === 0 && reader.rowsRead > 0) options.onProgress(reader.rowsRead);
  };
  let delimiter: string | undefined;
  try {
    if (format === 'ndjson') {
      let line = 0;
      let rest = '';
      const handle = (l: string): void => {
        line++;
        if (l.trim() === '') return;
        let value: unknown;
        try {
          value = JSON.parse(l);
        } catch {
          value = `unparsable JSON: ${l.slice(0, 80)}`;
        }
        reader.object(value, line);
        progress();
      };
      for await (const t of text()) {
        const parts = (rest + t).split('\n');
        rest = parts.pop() ?? '';
        parts.forEach(handle);
      }
      if (rest !== '') handle(rest);
      if (reader.columns === undefined) throw new InputError('empty', `${path} has no rows`, [path]);
    } else {
      const d = options.delimiter ?? detectDelimiter(head);
      delimiter = d;
      const counter = new LineCounter();
      const rows = Readable.from(text()).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, papaStreamConfig(d)));
      let headerSeen = false;
      for await (const row of rows as AsyncIterable<string[]>) {
        const line = counter.take(row);
        if (row.length === 1 && row[0] === '') continue;
        if (!headerSeen) {
          if (row.every((f) => f.trim() === '')) continue;
          reader.header(row);
          headerSeen = true;
          continue;
        }
        reader.row(row, line);
        progress();
      }
      if (!headerSeen) throw new InputError('empty', `${path} has no header row`, [path]);
    }
  } finally {
    source.destroy();
  }
  const ledger = reader.finish();
  return { ...ledger, encoding: decoder.encoding ?? 'utf-8', ...(delimiter !== undefined ? { delimiter } : {}) };
}

/**
 * Reads an OCDS file (release package, record package, release or array of releases) with
 * `fromOcds`.
 *
 * @throws InputError when the file cannot be read, decoded or parsed as JSON, or is not OCDS.
 */
export async function loadOcds(path: string, options: FromOcdsOptions & { encoding?: ReadLedgerOptions['encoding'] } = {}): Promise<OcdsRecords> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw unreadable(path, e);
  }
  const { text } = decodeText(bytes, options.encoding ?? 'auto');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError('invalid_json', `${path} is not valid JSON: ${(e as Error).message}`, [path]);
  }
  return fromOcds(data, options);
}

export type { LedgerOptions, Ledger, LedgerStats, CreditPolicy, LinePolicy } from './io/read/reader.js';
export type { ReadLedgerOptions, LedgerFormat } from './io/read/ledger.js';
export type { FromOcdsOptions, OcdsRecords } from './io/read/ocds.js';
