/**
 * `splitscan/node`: file loaders for Node.js. Files are streamed: the raw text is never held whole
 * (JSON arrays and OCDS documents excepted, which must be parsed whole).
 */
import { open, readFile } from 'node:fs/promises';
import { InputError } from './errors.js';
import { decodeText } from './io/read/decode.js';
import { LedgerParser, type LedgerParserOptions, type ReadLedgerOptions } from './io/read/ledger.js';
import { fromOcds, type FromOcdsOptions, type OcdsRecords } from './io/read/ocds.js';
import type { Ledger } from './io/read/reader.js';

/** Options of {@link loadLedger}: those of `readLedger`, and `onProgress` / `progressEvery`. */
export type LoadLedgerOptions = Omit<LedgerParserOptions, 'file'>;

function unreadable(path: string, e: unknown): InputError {
  const code = (e as { code?: string }).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
  return new InputError('unreadable', `cannot read ${path}: ${why}`, [path]);
}

/** Bytes read from a file at a time. */
const CHUNK = 1 << 18;

/**
 * Feeds the bytes of a file to `push`, chunk by chunk, through a file handle that is closed before
 * the returned promise settles, whatever `push` or the read throws. A read error is an
 * `'unreadable'` {@link InputError}; errors thrown by `push` pass unchanged.
 */
async function readChunks(path: string, push: (chunk: Uint8Array) => void): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    for (;;) {
      const buffer = new Uint8Array(CHUNK);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, CHUNK, null));
      } catch (e) {
        throw unreadable(path, e);
      }
      if (bytesRead === 0) return;
      push(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

/**
 * Reads a ledger file (CSV/TSV, JSON array or NDJSON; any supported encoding) into records and
 * rejects, streaming it through the same driver as `readLedger`: only the records kept and one
 * chunk are held (JSON arrays excepted, which are parsed whole). Same options and policies as
 * `readLedger`; rejects carry file lines.
 *
 * @throws InputError `'unreadable'` (missing file, directory, permissions) or `'undecodable'`.
 * @throws OptionsError on missing columns, a bad mapping or ambiguous dates.
 * @example
 * const ledger = await loadLedger('seeds/chengxi-2014.csv', { currency: 'CNY' })
 * const result = detectSplits(ledger.records, getPreset('cn-hangzhou'))
 */
export async function loadLedger(path: string, options: LoadLedgerOptions = {}): Promise<Ledger> {
  const parser = new LedgerParser({ ...options, file: path });
  await readChunks(path, (chunk) => parser.push(chunk));
  return parser.end();
}

/**
 * Reads an OCDS file (release package, record package, release or array of releases) with
 * `fromOcds`; its rejects name the `file`.
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
  const result = fromOcds(data, options);
  return { ...result, rejects: result.rejects.map((r) => ({ ...r, file: path })) };
}

export type { Ledger, LedgerStats } from './io/read/reader.js';
export type { LedgerOptions, CreditPolicy, LinePolicy } from './io/read/options.js';
export type { ReadLedgerOptions, LedgerFormat } from './io/read/ledger.js';
export type { FromOcdsOptions, OcdsRecords } from './io/read/ocds.js';
