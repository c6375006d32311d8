/**
 * The scan's input files read as one ledger, with what provenance needs of each (bytes, SHA-256,
 * encoding, delimiter, columns, rows).
 *
 * Merge note: the reading helper's `loadLedgers` (splitscan/node) reads several files, folders and
 * standard input with per-file provenance computed while streaming; it replaces {@link readInputs}
 * and {@link fileDigest} here, which do the minimum the command needs meanwhile (one file after
 * another, one more pass over the bytes for the hash).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { decodeText } from '../io/read/decode.js';
import { locateRejects } from '../io/read/ledger.js';
import type { Ledger } from '../io/read/reader.js';
import type { ProvenanceInput } from '../io/write/scanReport.js';
import { loadLedger, loadOcds, type LoadLedgerOptions } from '../node.js';
import type { PurchaseRecordInput, RecordReject, Reject } from '../records/record.js';
import type { InputFormat } from './args.js';

/** The scan's inputs as one ledger. */
export interface Inputs {
  readonly records: readonly PurchaseRecordInput[];
  /** Rows rejected while reading, with their file and line. */
  readonly rejects: readonly Reject[];
  /** `lines[i]`: the file line of record i. */
  readonly lines: readonly number[];
  /** `files[i]`: the file of record i (only when several files were read). */
  readonly files?: readonly string[];
  readonly stats: { readonly rows: number; readonly blank: number; readonly merged: number; readonly netted: number };
  /** One entry per file, for the report's provenance. */
  readonly sources: readonly ProvenanceInput[];
  /** Detection's rejects (which know records by index) with their file, line and column. */
  locate(rejects: readonly RecordReject[]): RecordReject[];
}

/** Size and SHA-256 (hex) of a file, read in one streaming pass. */
export async function fileDigest(path: string): Promise<{ readonly bytes: number; readonly sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (e) {
    throw new InputError('unreadable', `cannot read ${path}: ${(e as Error).message}`, [path]);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** True when a `.json` file holds one JSON object (OCDS), not an array or NDJSON. */
async function isOcds(path: string, format: InputFormat): Promise<boolean> {
  if (format === 'ocds') return true;
  if (format !== 'auto' || extname(path).toLowerCase() !== '.json') return false;
  try {
    const text = decodeText(await readFile(path)).text.trimStart();
    return text.startsWith('{') && !/^\{[^\n]*\}\s*\n\s*\{/u.test(text);
  } catch {
    return false;
  }
}

/** One file read: a ledger (OCDS made to look like one) and the format it was read as. */
async function readOne(file: string, options: LoadLedgerOptions, format: InputFormat): Promise<{ ledger: Ledger; format: string }> {
  if (await isOcds(file, format)) {
    const o = await loadOcds(file, { ...(options.currency !== undefined ? { currency: options.currency } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) });
    const rows = o.records.length + o.rejects.length;
    const ledger = { file, records: o.records, rejects: o.rejects, lines: [], headers: [], columns: {}, stats: { rows, blank: 0, records: o.records.length, rejected: o.rejects.length, merged: 0, netted: 0 } };
    return { ledger, format: 'ocds' };
  }
  const ledger = await loadLedger(file, { ...options, ...(format !== 'auto' && format !== 'ocds' ? { format } : {}) });
  const read = format !== 'auto' ? format : ledger.delimiter !== undefined ? 'csv' : /\.(nd)?jsonl?$/iu.test(file) && !/\.json$/iu.test(file) ? 'ndjson' : 'json';
  return { ledger, format: read };
}

/**
 * Reads the files one after another into one ledger: records in file order, each file's rows
 * rejected with their file and line, and per file its size, SHA-256, encoding, delimiter, columns
 * and rows.
 *
 * @throws InputError when a file cannot be read; OptionsError when its columns or dates need a flag.
 */
export async function readInputs(files: readonly string[], options: LoadLedgerOptions, format: InputFormat): Promise<Inputs> {
  const ledgers: Ledger[] = [];
  const sources: ProvenanceInput[] = [];
  for (const file of files) {
    const { ledger, format: read } = await readOne(file, options, format);
    ledgers.push(ledger);
    const columns = Object.fromEntries(Object.entries(ledger.columns).map(([field, c]) => [field, [...(c?.headers ?? [])]]));
    sources.push({
      file,
      ...(await fileDigest(file)),
      format: read,
      ...(ledger.encoding !== undefined ? { encoding: ledger.encoding } : {}),
      ...(ledger.delimiter !== undefined ? { delimiter: ledger.delimiter } : {}),
      ...(Object.keys(columns).length > 0 ? { columns } : {}),
      rows: ledger.stats.rows,
    });
  }
  const starts: number[] = [];
  let n = 0;
  for (const l of ledgers) {
    starts.push(n);
    n += l.records.length;
  }
  const ledgerOf = (index: number): [Ledger, number] => {
    let i = ledgers.length - 1;
    while (i > 0 && (starts[i] as number) > index) i--;
    return [ledgers[i] as Ledger, index - (starts[i] as number)];
  };
  const sum = (f: (l: Ledger) => number) => ledgers.reduce((a, l) => a + f(l), 0);
  return {
    records: ledgers.flatMap((l) => l.records),
    rejects: ledgers.flatMap((l) => l.rejects.map((r) => (r.file === undefined && l.file !== undefined ? { ...r, file: l.file } : r))),
    lines: ledgers.flatMap((l) => l.lines),
    ...(ledgers.length > 1 ? { files: ledgers.flatMap((l) => l.records.map(() => l.file as string)) } : {}),
    stats: { rows: sum((l) => l.stats.rows), blank: sum((l) => l.stats.blank), merged: sum((l) => l.stats.merged), netted: sum((l) => l.stats.netted) },
    sources,
    locate: (rejects) =>
      rejects.map((r) => {
        // Each file locates its own records; the index stays the one detection gave.
        const [ledger, local] = ledgerOf(r.index);
        return { ...(locateRejects([{ ...r, index: local }], ledger)[0] as RecordReject), index: r.index };
      }),
  };
}
