/**
 * `splitscan/node`: file loaders for Node.js. Files are streamed: the raw text is never held whole
 * (JSON arrays and OCDS documents excepted, which must be parsed whole).
 */
import { createHash } from 'node:crypto';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { InputError, OptionsError, isOptionsError, isSplitscanError } from './errors.js';
import { combineLedgers } from './io/read/combine.js';
import { decodeText } from './io/read/decode.js';
import { inputName, LedgerParser, type LedgerParserOptions, type ReadLedgerOptions } from './io/read/ledger.js';
import { withWarnings } from './io/read/ledgerTable.js';
import { fromOcds, type FromOcdsOptions, type OcdsRecords } from './io/read/ocds.js';
import type { Ledger, LedgerSource, LedgerWarning } from './io/read/reader.js';
import { CHUNK, latin1, reader } from './node/fileRange.js';
import { fileBytes } from './node/fileBytes.js';
import { loadInRanges } from './node/readRanges.js';
import { isStdin } from './node/stdin.js';
import { badArgument, checkOptions } from './_lib/args.js';

/** Options of {@link loadLedger}: those of `readLedger`, `onProgress` / `progressEvery`, and `rereadSubjects`. */
export interface LoadLedgerOptions extends Omit<LedgerParserOptions, 'file'> {
  /**
   * Subjects are not kept but read again from the file when read: each record holds where its row
   * lies (its subject's text, when that row's bytes are not one byte a character). For a program
   * that shows few subjects and compares none by their words, as the command does under `pcard`:
   * on the Toronto-shaped bench file, about 0.5 s less of 5 s, and 60 MB less. The file must stay
   * as it is while the ledger is used (a read after it changed throws `InputError` `'changed'`).
   * Standard input, streams, several files (`loadLedgers`) and `numberSubjects` keep them.
   * @defaultValue false
   */
  rereadSubjects?: boolean | undefined;
}

/** Where a ledger's bytes come from: a file path (`'-'`: standard input), or a stream such as a Node `Readable`. */
export type LedgerInput = string | AsyncIterable<Uint8Array>;

/** The error of a read that failed; `path` undefined: a stream that is not standard input. */
function unreadable(path: string | undefined, e: unknown): InputError {
  const code = (e as { code?: string }).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
  return new InputError('unreadable', `cannot read ${path === undefined ? 'a stream' : inputName(path)}: ${why}`, path === undefined ? [] : [path]);
}

/**
 * The worker script of {@link loadInRanges}: dist/readWorker.js, bundled beside this module and the
 * command once built; `undefined` where modules have no URL (CommonJS: one thread).
 */
function workerScript(): URL | undefined {
  try {
    return new URL('./readWorker.js', import.meta.url);
  } catch {
    return undefined;
  }
}

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
    // One buffer read into again for each chunk (see `fileRange`): `push` is done with a chunk when it returns.
    const buffer = new Uint8Array(CHUNK);
    const read = await reader(handle);
    for (;;) {
      let bytesRead: number;
      try {
        bytesRead = await read(buffer, CHUNK, null);
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

/** Feeds a stream's chunks to `push`; the stream is released (its iterator returned) whatever happens. */
async function readStream(name: string | undefined, stream: AsyncIterable<Uint8Array | string>, push: (chunk: Uint8Array) => void): Promise<void> {
  try {
    for await (const chunk of stream) push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  } catch (e) {
    throw isSplitscanError(e) ? e : unreadable(name, e);
  }
}

/**
 * Reads a ledger (CSV/TSV, JSON array or NDJSON; any supported encoding) into records and rejects,
 * streaming it through the same driver as `readLedger`: only the records kept and one chunk are
 * held (JSON arrays excepted, which are parsed whole). Same options and policies as `readLedger`;
 * rejects carry the file and their lines. The SHA-256 of the bytes is computed as they stream, for
 * the ledger's `sources` (a report's provenance).
 *
 * A delimited file of 16 MB or more is read on several threads: the first byte range here (which
 * decides the encoding, delimiter and header), the others on worker threads, each cut after a line
 * feed; their rows come back as columns and are joined in order. A range that does not join exactly
 * (a cut inside a quoted line break, an encoding decided past the first range, an undecodable
 * byte) makes the file be read again in one piece: the ledger, every line, reject and warning, is
 * always the one reading in one piece gives. `onProgress` then hears of the other ranges' rows
 * once they are in, and the SHA-256 is computed by the first worker, off this thread. (The
 * CommonJS build reads on one thread.)
 *
 * `input` is a file path, `'-'` for standard input, or any async iterable of bytes (a Node
 * `Readable`, a web `ReadableStream`): `process.stdin` is named `'-'` in rejects, as `'-'` is; any
 * other stream has no `file` (as text given to `readLedger`), and a failed read of it says
 * "cannot read a stream".
 *
 * @throws InputError `'unreadable'` (missing file, directory, permissions), `'undecodable'` (with
 *   the byte, its offset and line), `'compressed'`, `'unparsable'` (a header that cannot be read).
 * @throws OptionsError on missing columns, a bad mapping or ambiguous dates (naming the file), and
 *   for an `input` that is neither a string nor an async iterable.
 * @example
 * const ledger = await loadLedger('seeds/chengxi-2014.csv', { currency: 'CNY' })
 * ledger.records.length //=> 146
 * // the refund on line 70 and the 合计 line
 * ledger.rejects.map((r) => [r.code, r.line]) //=> [['credit', 70], ['subtotal', 149]]
 * // as `sha256sum seeds/chengxi-2014.csv` prints it
 * ledger.sources[0].sha256 //=> '74c6c8ca1f3f2fa59365face858baeae35d0552ea0a44158a01eff3a2db2b94a'
 */
export async function loadLedger(input: LedgerInput, options: LoadLedgerOptions = {}): Promise<Ledger> {
  if (typeof input !== 'string' && typeof (input as { [Symbol.asyncIterator]?: unknown } | null)?.[Symbol.asyncIterator] !== 'function') {
    badArgument('loadLedger', 'input', "a file path, '-' or a stream (an async iterable of bytes)", input);
  }
  checkOptions(options, 'loadLedger');
  // A stream is named `-` when it is standard input; any other has no file name.
  const name = typeof input === 'string' ? input : isStdin(input) ? '-' : undefined;
  const { rereadSubjects, ...parsing } = options;
  const file = typeof input === 'string' && input !== '-' ? input : undefined;
  const state = file !== undefined && rereadSubjects === true && options.numberSubjects !== true ? await stat(file).catch(() => undefined) : undefined;
  const bytesAt = file !== undefined && state?.isFile() ? fileBytes(file, state) : undefined;
  const parser = new LedgerParser({ ...parsing, file: name }, latin1);
  if (bytesAt) parser.rereadFrom(bytesAt);
  // Read in one piece: room for the rows of the whole file (see `LedgerParser.expectBytes`).
  const whole = file !== undefined ? (state ?? (await stat(file).catch(() => undefined))) : undefined;
  if (whole?.isFile()) parser.expectBytes(whole.size);
  try {
    // A large delimited file is read on several threads (the same ledger, or read again whole).
    const ranged = file !== undefined ? await loadInRanges(file, { ...parsing, file: name }, latin1, workerScript(), bytesAt) : undefined;
    if (ranged !== undefined) return ranged;
  } catch (e) {
    if (isOptionsError(e) && name !== undefined && !e.message.includes(name)) throw new OptionsError(`${e.message.split(':')[0] ?? 'loadLedger'} (${name})`, e.issues);
    throw e;
  }
  const hash = createHash('sha256');
  const push = (chunk: Uint8Array): void => {
    hash.update(chunk);
    parser.push(chunk);
  };
  try {
    if (input === '-') await readStream(name, process.stdin, push);
    else if (typeof input === 'string') await readChunks(input, push);
    else await readStream(name, input, push);
    return parser.end({ sha256: hash.digest('hex') });
  } catch (e) {
    // Name the file in an options error too: with several files, which one needs the fix matters.
    if (isOptionsError(e) && name !== undefined && !e.message.includes(name)) throw new OptionsError(`${e.message.split(':')[0] ?? 'loadLedger'} (${name})`, e.issues);
    throw e;
  }
}

/** Options of {@link loadLedgers}: those of {@link loadLedger}, applied to every file. */
export type LoadLedgersOptions = LoadLedgerOptions;

/** Extensions a folder's ledger files have (a folder given as input is read for these). */
export const LEDGER_EXTENSIONS = Object.freeze(['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl'] as const);

/**
 * Reads several ledger files into one: each file is read on its own (its own encoding, delimiter,
 * header and column recognition), then {@link combineLedgers} joins them — records, lines and
 * rejects carry their `file`, and an id found in more than one file is prefixed with its file
 * (`2013-01.csv:2327-1`); ids found in one file only stay as written.
 *
 * `inputs` are file paths, folders (their files ending in {@link LEDGER_EXTENSIONS}, not
 * recursively), glob patterns (`*`, `?`, `[…]` and `**`, expanded here, sorted), or `'-'`
 * (standard input, once). A file named more than once (the same path twice, a folder and a file in
 * it, overlapping patterns; compared by real path) is read once, with a `'duplicate_input'`
 * warning. A `map` applies to every file where its headers are found; a file
 * lacking a mapped header gets a warning and its recognised header instead, and a mapped header
 * found in no file is an error.
 *
 * Files are read one after the other; memory is the records kept plus one chunk.
 *
 * @throws InputError `'no_files'` when no input is given or a folder or pattern matches no ledger
 *   file, and as {@link loadLedger}.
 * @throws OptionsError as {@link loadLedger}, and for a mapped header found in no file.
 * @example
 * const ledger = await loadLedgers('test/fixtures/io/docs/months', { dateFormat: 'MM-dd-yyyy' })
 * ledger.sources.map((s) => [s.file, s.encoding, s.delimiter])
 * //=> [['test/fixtures/io/docs/months/2013-01.tsv', 'utf-8', '\t'],
 * //    ['test/fixtures/io/docs/months/2018-07.csv', 'windows-1252', ',']]
 */
export async function loadLedgers(inputs: string | readonly string[], options: LoadLedgersOptions = {}): Promise<Ledger> {
  const list = typeof inputs === 'string' ? [inputs] : inputs;
  if (!Array.isArray(list)) badArgument('loadLedgers', 'inputs', 'a file path or an array of them', inputs);
  list.forEach((input, i) => typeof input !== 'string' && badArgument('loadLedgers', ['inputs', i], "a file path, a folder, a pattern or '-'", input));
  checkOptions(options, 'loadLedgers');
  if (list.length === 0) throw new InputError('no_files', 'no ledger file given', []);
  const { files, warnings } = await distinctFiles(list);
  if (files.length === 1) return withWarnings(await loadLedger(files[0] as string, options), warnings);
  const ledgers: Ledger[] = [];
  const missing = new Map<string, number>();
  for (const file of files) {
    // Several files' subjects are joined (see `combineLedgers`): kept, not read again.
    const ledger = await loadLedger(file, { ...options, mapWhereFound: true, rereadSubjects: false });
    for (const w of ledger.warnings) if (w.code === 'map_not_here' && w.field !== undefined) missing.set(w.field, (missing.get(w.field) ?? 0) + 1);
    ledgers.push(ledger);
  }
  const nowhere = [...missing].filter(([, n]) => n === files.length).map(([field]) => field);
  if (nowhere.length) {
    throw new OptionsError(
      'loadLedgers',
      nowhere.map((field) => ({ path: ['map', field], message: `column "${String(options.map?.[field as keyof typeof options.map])}" is in none of the ${files.length} files` })),
    );
  }
  return withWarnings(combineLedgers(ledgers), warnings);
}

/**
 * The files `inputs` name, each once: a file named again (the same path twice, a folder and a file
 * in it, overlapping patterns; compared by real path) is read the first time only, with a
 * `'duplicate_input'` warning saying how it was given.
 */
async function distinctFiles(inputs: readonly string[]): Promise<{ files: string[]; warnings: LedgerWarning[] }> {
  const named = new Map<string, { file: string; given: string[] }>();
  let stdin = 0;
  for (const input of inputs) {
    for (const file of await expand(input)) {
      if (file === '-' && ++stdin > 1) throw new InputError('unreadable', 'standard input (-) can be read once only', ['-']);
      // A file that cannot be resolved is kept under its path: reading it says what is wrong.
      const key = file === '-' ? '-' : await realpath(file).catch(() => resolve(file));
      const given = file === input ? file : `${file} in ${input}`;
      const seen = named.get(key);
      if (seen) seen.given.push(given);
      else named.set(key, { file, given: [given] });
    }
  }
  const twice = [...named.values()].filter((n) => n.given.length > 1);
  return {
    files: [...named.values()].map((n) => n.file),
    warnings: twice.map((n) => ({ code: 'duplicate_input', file: n.file, message: `given more than once (${n.given.join(', ')}): read once` })),
  };
}

/** A path, folder, pattern or `-` → the files it names, sorted. */
async function expand(input: string): Promise<string[]> {
  if (input === '-') return ['-'];
  if (/[*?[]/u.test(input)) {
    const found = await glob(input);
    if (!found.length) throw new InputError('no_files', `no file matches ${input}`, [input]);
    return found;
  }
  const info = await stat(input).catch(() => undefined);
  if (!info?.isDirectory()) return [input];
  const names = (await readdir(input)).filter((n) => !n.startsWith('.') && LEDGER_EXTENSIONS.some((x) => n.toLowerCase().endsWith(x))).sort();
  if (!names.length) throw new InputError('no_files', `${input} holds no ledger file (${LEDGER_EXTENSIONS.join(' ')})`, [input]);
  return names.map((n) => join(input, n));
}

/** Files matching a glob pattern (`*` and `?` within a name, `[…]` sets, `**` any folders), sorted. */
async function glob(pattern: string): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split(/[\\/]/u).filter((p, i) => p !== '' || i > 0);
  const out = new Set<string>();
  const at = (dir: string, name: string): string => (dir === '' ? name : join(dir, name));
  const list = (dir: string) => readdir(dir === '' ? '.' : dir, { withFileTypes: true }).catch(() => []);
  const walk = async (dir: string, rest: readonly string[]): Promise<void> => {
    const [head, ...tail] = rest;
    if (head === undefined) return;
    if (head === '**') {
      await walk(dir, tail);
      for (const e of await list(dir)) if (e.isDirectory() && !e.name.startsWith('.')) await walk(at(dir, e.name), rest);
      return;
    }
    if (!/[*?[]/u.test(head)) {
      const path = at(dir, head);
      if (tail.length) await walk(path, tail);
      else if (await stat(path).then((x) => x.isFile(), () => false)) out.add(path);
      return;
    }
    const re = new RegExp(`^${head.replace(/[.+^${}()|\\]/gu, '\\$&').replace(/\*/gu, '[^/]*').replace(/\?/gu, '[^/]')}$`, 'u');
    for (const e of await list(dir)) {
      if (!re.test(e.name) || (e.name.startsWith('.') && !head.startsWith('.'))) continue;
      if (tail.length === 0 && e.isFile()) out.add(at(dir, e.name));
      else if (tail.length && e.isDirectory()) await walk(at(dir, e.name), tail);
    }
  };
  await walk(absolute ? sep : '', parts);
  return [...out].sort();
}

/** Options of {@link loadOcds}: those of `fromOcds`, and the encoding of the bytes. */
export type LoadOcdsOptions = FromOcdsOptions & { encoding?: ReadLedgerOptions['encoding'] };

/**
 * Reads an OCDS file (release package, record package, release or array of releases) with
 * `fromOcds`; its rejects name the `file`, and `source` says how it was read (size, SHA-256,
 * encoding; a report's provenance), as a ledger's `sources` do. `path` is a file path, `'-'` for
 * standard input (read whole: JSON is parsed whole), or the bytes themselves, named `'-'`.
 *
 * @throws InputError when the file cannot be read, decoded or parsed as JSON, or is not OCDS.
 */
export async function loadOcds(path: string | Uint8Array, options: LoadOcdsOptions = {}): Promise<OcdsRecords & { readonly source: LedgerSource }> {
  if (typeof path !== 'string' && !(path instanceof Uint8Array)) badArgument('loadOcds', 'path', "a file path, '-' or bytes (a Uint8Array)", path);
  checkOptions(options, 'loadOcds');
  if (typeof path !== 'string') return ocdsOf('-', path, options);
  if (path === '-') {
    const chunks: Uint8Array[] = [];
    await readStream(path, process.stdin, (chunk) => chunks.push(chunk));
    return ocdsOf(path, Buffer.concat(chunks), options);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw unreadable(path, e);
  }
  return ocdsOf(path, bytes, options);
}

function ocdsOf(path: string, bytes: Uint8Array, options: LoadOcdsOptions): OcdsRecords & { readonly source: LedgerSource } {
  const { text, encoding } = decodeText(bytes, options.encoding ?? 'auto');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError('invalid_json', `${inputName(path)} is not valid JSON: ${(e as Error).message}`, [path]);
  }
  const result = fromOcds(data, options);
  const rejects = result.rejects.map((r) => ({ ...r, file: path }));
  const stats = { rows: result.records.length + rejects.length, blank: 0, records: result.records.length, rejected: rejects.length, merged: 0, netted: 0 };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ...result, rejects, source: { file: path, bytes: bytes.length, sha256, format: 'ocds', encoding, headers: [], columns: {}, stats, samples: [] } };
}

export { combineLedgers } from './io/read/combine.js';
export type { Ledger, LedgerStats, LedgerSource, LedgerWarning } from './io/read/reader.js';
export type { LedgerOptions, CreditPolicy, LinePolicy } from './io/read/options.js';
export type { ReadLedgerOptions, LedgerFormat } from './io/read/ledger.js';
export type { FromOcdsOptions, OcdsRecords } from './io/read/ocds.js';
