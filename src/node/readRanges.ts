/**
 * A large delimited file read on several threads: the main thread reads the first byte range (and
 * decides the encoding, delimiter and header, as for any file) and hashes the whole file, while
 * worker threads read the others; their rows are joined in order (see `src/io/read/ranges.ts`), or,
 * when a range does not join exactly, the file is read again in one piece.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Latin1 } from '../io/read/decode.js';
import { type LedgerParserOptions, LedgerParser } from '../io/read/ledger.js';
import { countBreaks, joins, type RangeJob, type RangeResult } from '../io/read/ranges.js';
import type { Ledger } from '../io/read/reader.js';
import { fileRange } from './fileRange.js';

/** Reads one range of a file, ending at byte `end`. */
export type RangeRunner = (job: RangeJob, path: string, end: number) => Promise<RangeResult>;

/**
 * When and how a file is read in ranges. Tests lower the threshold and read ranges in-process.
 */
export const RANGES: { minBytes: number; count: number | undefined; run: RangeRunner | undefined; readInRanges: number } = {
  /** Files smaller than this are read in one piece. */
  minBytes: 16 << 20,
  /** @defaultValue the cores available (at least 2) */
  count: undefined,
  /** @defaultValue a worker thread per range */
  run: undefined,
  /** Files read in ranges so far (not read again whole). */
  readInRanges: 0,
};

/**
 * The ledger of the delimited file at `path`, read in ranges, or `undefined` when it is not read so
 * (smaller than {@link RANGES}.minBytes, JSON, an encoding other than UTF-8 and Windows-1252, a
 * header not found in the first range) or a range did not join exactly (a cut inside a quoted cell,
 * an undecodable byte, an encoding decided past the first range): the caller reads it in one piece,
 * which gives the same ledger or the same error. Errors of the first range are thrown as reading
 * in one piece throws them. `worker` is the worker script.
 */
export async function loadInRanges(path: string, options: LedgerParserOptions, latin1: Latin1, worker: URL | undefined): Promise<Ledger | undefined> {
  if (options.format === 'json' || options.format === 'ndjson') return undefined;
  if (options.encoding !== undefined && options.encoding !== 'auto' && options.encoding !== 'utf-8' && options.encoding !== 'windows-1252') return undefined;
  const size = await stat(path).then((s) => (s.isFile() ? s.size : 0), () => 0);
  if (size < RANGES.minBytes) return undefined;
  const cuts = await cutsOf(path, size, RANGES.count ?? Math.max(2, availableParallelism()));
  if (cuts.length === 0) return undefined;
  const bounds = [0, ...cuts, size];
  const lines = await startLines(path, bounds);
  const workers: Worker[] = [];
  const run = RANGES.run ?? (worker !== undefined ? inWorker(worker, workers) : undefined);
  if (run === undefined) return undefined;
  const { onProgress: _, ...plain } = options;
  const parser = new LedgerParser(options, latin1);
  const hash = createHash('sha256');
  let started: { readonly results: Promise<RangeResult>[]; readonly encoding: RangeJob['start']['encoding'] } | undefined;
  try {
    for await (const chunk of fileRange(path, 0, bounds[1] as number)) {
      hash.update(chunk);
      parser.push(chunk);
      const start = started === undefined ? parser.rangeStart : undefined;
      if (start !== undefined) {
        const results = cuts.map((offset, k) => run({ options: plain, start, offset, line: lines[k + 1] as number, last: k === cuts.length - 1 }, path, bounds[k + 2] as number));
        started = { results, encoding: start.encoding };
      }
    }
    const first = parser.stop();
    if (started === undefined || !first.clean || first.line !== lines[1]) return undefined;
    for await (const chunk of fileRange(path, bounds[1] as number, size)) hash.update(chunk);
    const results = await Promise.all(started.results);
    const read = parser.rowsRead;
    for (let k = 0; k < results.length; k++) {
      const r = results[k] as RangeResult;
      if (!joins(r, started.encoding, parser.datesRead, lines[k + 2])) return undefined;
      parser.absorb(r.part);
    }
    // Progress past the first range, told once the other ranges are in.
    const { onProgress, progressEvery: every = 50000 } = options;
    if (onProgress) for (let n = (Math.floor(read / every) + 1) * every; n <= parser.rowsRead; n += every) onProgress(n);
    const ledger = parser.end({ sha256: hash.digest('hex'), bytes: size });
    RANGES.readInRanges++;
    return ledger;
  } finally {
    for (const w of workers) void w.terminate();
  }
}

/** A {@link RangeRunner} on worker threads (each added to `workers`); a worker that fails gives a failed result. */
function inWorker(script: URL, workers: Worker[]): RangeRunner {
  return (job, path, end) =>
    new Promise((resolve) => {
      const failed = (e: unknown): void => resolve({ clean: false, encoding: undefined, failed: String(e) });
      try {
        const w = new Worker(script, { workerData: { ...job, path, end } });
        workers.push(w);
        w.once('message', (r: RangeResult) => resolve(r));
        w.once('error', failed);
        w.once('exit', (code) => failed(`exit ${code}`));
      } catch (e) {
        failed(e);
      }
    });
}

/** Bytes looked at past each even cut for a line feed. */
const LOOK = 1 << 20;

/** Up to `count` − 1 cuts of the file, each just after the first line feed at or after an even cut. */
async function cutsOf(path: string, size: number, count: number): Promise<number[]> {
  const cuts: number[] = [];
  for (let k = 1; k < count; k++) {
    const at = Math.floor((size * k) / count);
    for await (const chunk of fileRange(path, at, Math.min(size, at + LOOK))) {
      const lf = chunk.indexOf(10);
      if (lf >= 0) {
        const cut = at + lf + 1;
        if (cut < size && cut > (cuts[cuts.length - 1] ?? 0)) cuts.push(cut);
      }
      break;
    }
  }
  return cuts;
}

/** The line each range starts on: one after the line breaks before it. O(bytes before the last cut). */
async function startLines(path: string, bounds: readonly number[]): Promise<number[]> {
  const lines = [1];
  let breaks = 0;
  let cr = false;
  for (let k = 1; k < bounds.length - 1; k++) {
    for await (const chunk of fileRange(path, bounds[k - 1] as number, bounds[k] as number)) {
      const counted = countBreaks(chunk, cr);
      breaks += counted.breaks;
      cr = counted.cr;
    }
    lines.push(breaks + 1);
  }
  return lines;
}
