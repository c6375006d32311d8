/**
 * A large delimited file read on several threads: the main thread reads the first byte range (and
 * decides the encoding, delimiter and header, as for any file) and hashes the whole file, while
 * worker threads read the others; their rows are joined in order (see `src/io/read/ranges.ts`), or,
 * when a range does not join exactly, the file is read again in one piece. Each worker first counts
 * the line breaks of the range before its own (the lines the ranges start on), while the main
 * thread already reads.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Latin1 } from '../io/read/decode.js';
import { type LedgerParserOptions, LedgerParser } from '../io/read/ledger.js';
import { joins, type RangeJob, type RangeResult } from '../io/read/ranges.js';
import type { Ledger } from '../io/read/reader.js';
import { breaksIn, fileRange } from './fileRange.js';

/** Reads one range of a file, ending at byte `end`. */
export type RangeRunner = (job: RangeJob, path: string, end: number) => Promise<RangeResult>;

/** Counts the line breaks of bytes `from` to `to` of a file (just after a line feed: see {@link breaksIn}); `undefined` when it could not. */
type BreakCounter = (path: string, from: number, to: number) => Promise<number | undefined>;

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
  const workers: Worker[] = [];
  // The workers start now: their start-up (loading the reader's modules) and their counting of
  // lines overlap the main thread's reading.
  const threads = RANGES.run === undefined && worker !== undefined ? inWorkers(worker, cuts.length, workers) : undefined;
  const run = RANGES.run ?? threads?.run;
  if (run === undefined) return undefined;
  try {
    return await readInRanges(path, options, latin1, run, threads?.count ?? inProcess, bounds);
  } finally {
    for (const w of workers) void w.terminate();
  }
}

/** A {@link BreakCounter} on this thread (tests' in-process ranges). */
const inProcess: BreakCounter = (path, from, to) => breaksIn(path, from, to);

/**
 * {@link loadInRanges} once the file is cut at `bounds` (0, the cuts, its size), its ranges read by
 * `run` and the line breaks of each range but the last counted by `count` (the k-th range's by
 * the reader of the next, in parallel).
 */
async function readInRanges(path: string, options: LedgerParserOptions, latin1: Latin1, run: RangeRunner, count: BreakCounter, bounds: readonly number[]): Promise<Ledger | undefined> {
  const cuts = bounds.slice(1, -1);
  const size = bounds[bounds.length - 1] as number;
  const counted = cuts.map((_, k) => count(path, bounds[k] as number, bounds[k + 1] as number));
  // The line each range starts on: one after the line breaks of the ranges before it.
  const lines: Promise<number | undefined>[] = [Promise.resolve(1)];
  for (const c of counted) {
    const before = lines[lines.length - 1] as Promise<number | undefined>;
    lines.push(Promise.all([before, c]).then(([l, b]) => (l === undefined || b === undefined ? undefined : l + b)));
  }
  const { onProgress: _, ...plain } = options;
  const parser = new LedgerParser(options, latin1);
  const hash = createHash('sha256');
  let started: { readonly results: Promise<RangeResult>[]; readonly encoding: RangeJob['start']['encoding'] } | undefined;
  for await (const chunk of fileRange(path, 0, bounds[1] as number)) {
    hash.update(chunk);
    parser.push(chunk);
    const start = started === undefined ? parser.rangeStart : undefined;
    if (start !== undefined) {
      const results = cuts.map((offset, k) =>
        (lines[k + 1] as Promise<number | undefined>).then((line) =>
          line === undefined ? { clean: false, encoding: undefined, failed: 'lines not counted' } : run({ options: plain, start, offset, line, last: k === cuts.length - 1 }, path, bounds[k + 2] as number),
        ),
      );
      started = { results, encoding: start.encoding };
    }
  }
  const first = parser.stop();
  if (started === undefined || !first.clean || first.line !== (await lines[1])) return undefined;
  for await (const chunk of fileRange(path, bounds[1] as number, size)) hash.update(chunk);
  const results = await Promise.all(started.results);
  const read = parser.rowsRead;
  for (let k = 0; k < results.length; k++) {
    const r = results[k] as RangeResult;
    if (!joins(r, started.encoding, parser.datesRead, k + 2 < lines.length ? await lines[k + 2] : undefined)) return undefined;
    parser.absorb(r.part);
  }
  // Progress past the first range, told once the other ranges are in.
  const { onProgress, progressEvery: every = 50000 } = options;
  if (onProgress) for (let n = (Math.floor(read / every) + 1) * every; n <= parser.rowsRead; n += every) onProgress(n);
  const ledger = parser.end({ sha256: hash.digest('hex'), bytes: size });
  RANGES.readInRanges++;
  return ledger;
}

/**
 * Ranges read on `count` worker threads, started at once (each added to `workers`): each is asked
 * first to count the line breaks of the range before its own, then sent its job. A worker that
 * fails gives a failed result (and no count).
 */
function inWorkers(script: URL, count: number, workers: Worker[]): { run: RangeRunner; count: BreakCounter } {
  const ready = Array.from({ length: count }, () => {
    // The worker's answers, in the order of the questions.
    const waiting: ((answer: unknown) => void)[] = [];
    const ask = (question: unknown, failed: unknown): Promise<unknown> =>
      new Promise((resolve) => {
        if (worker === undefined) return resolve(failed);
        waiting.push(resolve);
        worker.postMessage(question);
      });
    let worker: Worker | undefined;
    let gone: string | undefined;
    try {
      const w = new Worker(script);
      workers.push(w);
      worker = w;
      const fail = (why: string): void => {
        gone ??= why;
        worker = undefined;
        for (const resolve of waiting.splice(0)) resolve({ failed: gone });
      };
      w.on('message', (answer: unknown) => waiting.shift()?.(answer));
      w.once('error', (e) => fail(String(e)));
      w.once('exit', (code) => fail(`exit ${code}`));
    } catch (e) {
      gone = String(e);
    }
    return { ask, gone: () => gone };
  });
  let counting = 0;
  let running = 0;
  return {
    count: async (path, from, to) => {
      const answer = (await ready[counting++]?.ask({ count: { path, from, to } }, undefined)) as { breaks?: number } | undefined;
      return answer?.breaks;
    },
    run: async (job, path, end) => {
      const worker = ready[running++];
      const failed: RangeResult = { clean: false, encoding: undefined, failed: worker?.gone() ?? 'no worker left' };
      const answer = (await worker?.ask({ ...job, path, end }, failed)) as RangeResult | { failed: string } | undefined;
      return answer === undefined ? failed : 'clean' in answer ? answer : { clean: false, encoding: undefined, failed: answer.failed };
    },
  };
}

/** Bytes looked at past each even cut for a line feed. */
const LOOK = 1 << 20;

/**
 * How much larger the first range is than the others (a fraction of theirs): its reader starts at
 * once, while each worker first loads and counts the line breaks of the range before its own, and
 * then packs what it read for the main thread.
 */
const LEAD = 0.2;

/**
 * Up to `count` − 1 cuts of the file, each just after the first line feed at or after its even cut
 * (the first range {@link LEAD} larger than the others).
 */
async function cutsOf(path: string, size: number, count: number): Promise<number[]> {
  const cuts: number[] = [];
  for (let k = 1; k < count; k++) {
    const at = Math.floor((size * (k + LEAD)) / (count + LEAD));
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
