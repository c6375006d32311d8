/**
 * The scan's inputs as one ledger, read the one way the package reads files: ledger files through
 * `loadLedgers` (several files, folders, glob patterns, `-` for standard input), or one OCDS file
 * through `loadOcds`. The report's provenance of each input (size, SHA-256, encoding, delimiter,
 * columns) is taken from what the loaders computed while reading (`ledger.sources`).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeText } from '../io/read/decode.js';
import { InputError } from '../errors.js';
import type { Ledger, LedgerSource } from '../io/read/reader.js';
import type { ProvenanceInput } from '../io/write/scanReport.js';
import { type LoadLedgersOptions, loadLedger, loadLedgers, loadOcds } from '../node.js';
import { type InputFormat, UsageError } from './args.js';
import { asStdin } from '../node/stdin.js';

/**
 * Reads the inputs: one OCDS file (`--input-format ocds`, a `.json` file holding one object, or
 * standard input whose first character opens one) as a ledger of its records, anything else with
 * `loadLedgers`.
 *
 * @throws UsageError for `--input-format ocds` with several inputs; InputError and OptionsError as
 *   `loadLedgers` and `loadOcds` throw them.
 */
export async function readInputs(files: readonly string[], options: LoadLedgersOptions, format: InputFormat): Promise<Ledger> {
  const [file] = files;
  const single = files.length === 1 && file !== undefined;
  if (format === 'ocds' && !single) throw new UsageError('--input-format ocds reads one file at a time');
  const ocdsOptions = { ...(options.currency !== undefined ? { currency: options.currency } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) };
  const ledgerOptions = { ...options, ...(format !== 'auto' && format !== 'ocds' ? { format } : {}) };
  if (single && file === '-' && (format === 'auto' || format === 'ocds')) {
    // Standard input can be read once: what it holds is told from its first bytes.
    const input = await peekedStdin();
    if (format === 'auto' && !input.opensObject) return loadLedger(asStdin(input.stream()), ledgerOptions);
    const bytes = await input.whole();
    if (format === 'auto' && !holdsOneObject(decodeText(bytes).text)) return loadLedger(asStdin(oneChunk(bytes)), ledgerOptions);
    return ocdsLedger('-', await loadOcds(bytes, ocdsOptions), options);
  }
  if (!single || !(format === 'ocds' || (format === 'auto' && (await fileHoldsOneObject(file))))) return loadLedgers(files, ledgerOptions);
  return ocdsLedger(file, await loadOcds(file, ocdsOptions), options);
}

/** Reading options that OCDS has no use for (its fields, dates and amounts are the standard's), by flag. */
const NOT_FOR_OCDS = [
  ['map', '--map'],
  ['dateFormat', '--date-format'],
  ['decimalComma', '--decimal-comma'],
  ['unit', '--unit'],
  ['buyer', '--buyer'],
  ['credits', '--credits'],
  ['lines', '--lines'],
  ['lineSuffix', '--line-suffix'],
  ['delimiter', '--delimiter'],
] as const;

/** An OCDS file's records as a ledger of them, with a warning naming the reading flags it did not use. */
function ocdsLedger(file: string, o: Awaited<ReturnType<typeof loadOcds>>, options: LoadLedgersOptions): Ledger {
  const unused = NOT_FOR_OCDS.filter(([option]) => options[option] !== undefined).map(([, flag]) => flag);
  const warnings = unused.length === 0 ? [] : [{ code: 'not_for_ocds', file, message: `${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} not used: an OCDS file's fields, dates and amounts are where and as the standard puts them` }];
  return { file, records: o.records, rejects: o.rejects, lines: [], headers: [], columns: {}, stats: o.source.stats, warnings, sources: [o.source] };
}

/** True when a text holds one JSON object (OCDS), not an array or NDJSON (an object per line). */
function holdsOneObject(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') && !/^\{[^\n]*\}\s*\n\s*\{/u.test(t);
}

/** True when a `.json` file holds one JSON object (OCDS). */
async function fileHoldsOneObject(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() !== '.json') return false;
  try {
    return holdsOneObject(decodeText(await readFile(path)).text);
  } catch {
    return false;
  }
}

/**
 * Standard input, its first bytes read: whether its first character (past a byte-order mark and
 * white space) opens a JSON object, then either the bytes whole or a stream of every byte, the
 * first ones included — one of the two, once (a ledger streams on; only what opens an object,
 * JSON parsed whole anyway, is held).
 */
async function peekedStdin(): Promise<{ opensObject: boolean; whole(): Promise<Uint8Array>; stream(): AsyncIterable<Uint8Array> }> {
  const stdin = (process.stdin as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  // A read that fails is the input's fault, said as loadLedger says it, not a bug of the command.
  const it = {
    next: async (): Promise<IteratorResult<Uint8Array | string>> => {
      try {
        return await stdin.next();
      } catch (e) {
        throw new InputError('unreadable', `cannot read standard input: ${(e as Error).message}`, ['-']);
      }
    },
  };
  const bytes = (c: Uint8Array | string): Uint8Array => (typeof c === 'string' ? new TextEncoder().encode(c) : c);
  const head: Uint8Array[] = [];
  let first: number | undefined;
  while (first === undefined) {
    const next = await it.next();
    if (next.done) break;
    const chunk = bytes(next.value);
    head.push(chunk);
    first = firstCharacter(Buffer.concat(head));
  }
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    yield* head;
    for (let next = await it.next(); !next.done; next = await it.next()) yield bytes(next.value);
  };
  return {
    opensObject: first === 0x7b,
    async whole() {
      const all: Uint8Array[] = [];
      for await (const c of rest()) all.push(c);
      return Buffer.concat(all);
    },
    stream: rest,
  };
}

/** Bytes as a stream of one chunk. */
async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** The first byte past a UTF-8 byte-order mark and ASCII white space, if the bytes hold one. */
function firstCharacter(b: Uint8Array): number | undefined {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return i < b.length ? b[i] : undefined;
}

/**
 * Each input as the report's provenance names it: file, size, SHA-256, format, encoding,
 * delimiter, the header(s) of each field, and the rows read.
 *
 * @example
 * provenanceInputs((await loadLedger('seeds/chengxi-2014.csv', { currency: 'CNY' })).sources)[0].columns.amount //=> ['合同金额(元)']
 */
export function provenanceInputs(sources: readonly LedgerSource[]): ProvenanceInput[] {
  return sources.map((s) => {
    const columns = Object.fromEntries(Object.entries(s.columns).map(([field, c]) => [field, [...(c?.headers ?? [])]]));
    return {
      file: s.file ?? '-',
      bytes: s.bytes ?? 0,
      sha256: s.sha256 ?? '',
      format: s.format,
      ...(s.encoding !== undefined ? { encoding: s.encoding } : {}),
      ...(s.delimiter !== undefined ? { delimiter: s.delimiter } : {}),
      ...(Object.keys(columns).length > 0 ? { columns } : {}),
      rows: s.stats.rows,
    };
  });
}
