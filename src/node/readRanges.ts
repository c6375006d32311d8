/**
 * A large delimited file read on several threads: the main thread reads the first byte range (and
 * decides the encoding, delimiter and header, as for any file), while worker threads read the
 * others; their rows are joined in order (see `src/io/read/ranges.ts`), or, when a range does not
 * join exactly, the file is read again in one piece. Each worker first counts the line breaks of
 * the range before its own (the lines the ranges start on), while the main thread already reads;
 * the first worker also hashes the whole file (see `RangeThread`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Latin1 } from '../io/read/decode.js';
import { type LedgerParserOptions, LedgerParser } from '../io/read/ledger.js';
import { joins, type RangeResult } from '../io/read/ranges.js';
import type { Ledger } from '../io/read/reader.js';
import type { Reject } from '../records/record.js';
import type { BytesAt } from './fileBytes.js';
import { fileRange } from './fileRange.js';
import { RangeThread, type ThreadJob, type ThreadResult } from './rangeThread.js';

/**
 * The threads that read the ranges after the first, the k-th reading range k + 1: each is asked
 * first to count the line breaks of range k (the first also hashing the file: `hash`), then to
 * read its own range. A thread that fails gives `undefined` for a count, a failed result for a read.
 */
interface Readers {
  count(k: number, path: string, from: number, to: number, hash: boolean): Promise<number | undefined>;
  read(k: number, job: ThreadJob): Promise<ThreadResult>;
}

/**
 * When and how a file is read in ranges. Tests lower the threshold and read ranges in-process.
 */
export const RANGES: { minBytes: number; count: number | undefined; here: boolean; readInRanges: number; hashedAgain: number } = {
  /** Files smaller than this are read in one piece. @defaultValue 16 MiB; 1 byte when `SPLITSCAN_READ_RANGES` is set (see `count`) */
  minBytes: rangesFromEnvironment() === undefined ? 16 << 20 : 1,
  /**
   * @defaultValue the environment's `SPLITSCAN_READ_RANGES` (a whole number; 1: one piece), which
   * benchmarks and checks set to take one path whatever the machine's load and the file's size
   * (every delimited file is then read in that many ranges); when not set,
   * {@link rangeCount}: the cores available (at least 2), or 1 (one piece) while other work fills them
   */
  count: rangesFromEnvironment(),
  /**
   * Whether the ranges are read on this thread, each result passed through a structured clone as
   * a worker's message is. @defaultValue false: a worker thread per range
   */
  here: false,
  /** Files read in ranges so far (not read again whole). */
  readInRanges: 0,
  /** Of those, files the first reader could not hash (hashed again on this thread). */
  hashedAgain: 0,
};

/** `SPLITSCAN_READ_RANGES` when it is a whole number from 1 on (see {@link RANGES}.count). */
function rangesFromEnvironment(): number | undefined {
  const n = Number(process.env['SPLITSCAN_READ_RANGES'] ?? '');
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/**
 * The ledger of the delimited file at `path`, read in ranges, or `undefined` when it is not read so
 * (smaller than {@link RANGES}.minBytes, JSON, an encoding other than UTF-8 and Windows-1252, a
 * header not found in the first range) or a range did not join exactly (a cut inside a quoted cell,
 * an undecodable byte, an encoding decided past the first range): the caller reads it in one piece,
 * which gives the same ledger or the same error. Errors of the first range are thrown as reading
 * in one piece throws them. `worker` is the worker script; `bytesAt`, when given, reads the file's
 * bytes again for the subjects, which every range then locates (see `LedgerParser.rereadFrom`).
 */
export async function loadInRanges(path: string, options: LedgerParserOptions, latin1: Latin1, worker: URL | undefined, bytesAt?: BytesAt): Promise<Ledger | undefined> {
  if (options.format === 'json' || options.format === 'ndjson') return undefined;
  if (options.encoding !== undefined && options.encoding !== 'auto' && options.encoding !== 'utf-8' && options.encoding !== 'windows-1252') return undefined;
  const before = runnable();
  const size = await stat(path).then((s) => (s.isFile() ? s.size : 0), () => 0);
  if (size < RANGES.minBytes) return undefined;
  const after = runnable();
  const count = RANGES.count ?? rangeCount(availableParallelism(), loadavg()[0] ?? 0, before === undefined || after === undefined ? undefined : Math.min(before, after));
  if (count < 2) return undefined;
  const cuts = await cutsOf(path, size, count);
  if (cuts.length === 0) return undefined;
  const bounds = [0, ...cuts, size];
  const workers: Worker[] = [];
  // The workers start now: their start-up (loading the reader's modules) and their counting of
  // lines overlap the main thread's reading.
  const readers = RANGES.here ? here(cuts.length) : worker !== undefined ? inWorkers(worker, cuts.length, workers) : undefined;
  if (readers === undefined) return undefined;
  try {
    return await readInRanges(path, options, latin1, readers, bounds, bytesAt);
  } finally {
    for (const w of workers) void w.terminate();
  }
}

/**
 * The ranges a large file is read in when {@link RANGES}.count does not say: one per core available
 * (at least 2), or 1 (the file read in one piece, on this thread) while other work fills every
 * core, by the last minute's load average (`average`) and by the tasks running or ready to run now
 * (`now`, this thread among them; `undefined` where it is not known: ranges then). A reading thread
 * pays for itself only on a core that would otherwise idle: its start, its count of the lines
 * before its range, and the packing and joining of what it read cost nearly a third more CPU than
 * one piece (on the Toronto-shaped file, reading alone, 4 alternating runs at a load average of
 * 7.6-8.2 on 2 cores: 3.9-4.1 s of CPU in two ranges against 3.1-3.2 s in one piece, and 6.3-9.7 s
 * of wall time against 4.6-6.9 s). Both measures must say so: the average lags (it stays high for
 * a minute after other work stops), and one look at the tasks now may fall between two bursts.
 *
 * @example
 * [rangeCount(2, 0.4, 1), rangeCount(2, 5, 6), rangeCount(2, 5, 1), rangeCount(2, 5, undefined)] //=> [2, 1, 2, 2]
 */
export function rangeCount(cores: number, average: number, now: number | undefined): number {
  return now !== undefined && average >= cores && now - 1 >= cores ? 1 : Math.max(2, cores);
}

/**
 * Tasks running or ready to run on the machine now, this thread among them: the fourth field of
 * Linux's /proc/loadavg; `undefined` elsewhere.
 */
function runnable(): number | undefined {
  try {
    const m = /^\S+ \S+ \S+ (\d+)\//u.exec(readFileSync('/proc/loadavg', 'latin1'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** {@link Readers} on this thread (tests): what a worker sends (its reject batches, its result) passed through a structured clone. */
function here(count: number): Readers {
  const threads = Array.from({ length: count }, () => new RangeThread());
  return {
    count: (k, path, from, to, hash) => threads[k]?.count(path, from, to, hash) ?? Promise.resolve(undefined),
    read: async (k, job) => {
      const batches: Reject[][] = [];
      const result = structuredClone((await threads[k]?.read(job, (rejects) => batches.push(structuredClone(rejects)))) ?? { clean: false, encoding: undefined, failed: 'no reader' });
      return withBatches(result, batches);
    },
  };
}

/** A reading thread's result with the rejects it sent ahead in batches (see `readRange`) put back before those of its part, in order. */
function withBatches(result: ThreadResult, batches: readonly (readonly Reject[])[]): ThreadResult {
  const part = result.part;
  if (part === undefined || batches.length === 0) return result;
  const rejects: Reject[] = [];
  for (const batch of [...batches, part.rejects]) for (const r of batch) rejects.push(r);
  return { ...result, part: { ...part, rejects } };
}

/**
 * {@link loadInRanges} once the file is cut at `bounds` (0, the cuts, its size), the ranges after
 * the first read by `readers` and the line breaks of each range but the last counted by them (the
 * k-th range's by the reader of the next, in parallel). The file's SHA-256 comes from the first
 * reader, which hashed it; it is computed here only when that reader could not.
 */
async function readInRanges(path: string, options: LedgerParserOptions, latin1: Latin1, readers: Readers, bounds: readonly number[], bytesAt: BytesAt | undefined): Promise<Ledger | undefined> {
  const cuts = bounds.slice(1, -1);
  const size = bounds[bounds.length - 1] as number;
  const counted = cuts.map((_, k) => readers.count(k, path, bounds[k] as number, bounds[k + 1] as number, k === 0));
  // The line each range starts on: one after the line breaks of the ranges before it.
  const lines: Promise<number | undefined>[] = [Promise.resolve(1)];
  for (const c of counted) {
    const before = lines[lines.length - 1] as Promise<number | undefined>;
    lines.push(Promise.all([before, c]).then(([l, b]) => (l === undefined || b === undefined ? undefined : l + b)));
  }
  const { onProgress: _, ...plain } = options;
  const parser = new LedgerParser(options, latin1);
  if (bytesAt) parser.rereadFrom(bytesAt);
  // It reads the first range and joins the others: room for the rows of the whole file.
  parser.expectBytes(bounds[1] as number, size);
  let started: { readonly results: Promise<ThreadResult>[]; readonly encoding: RangeResult['encoding'] } | undefined;
  for await (const chunk of fileRange(path, 0, bounds[1] as number)) {
    parser.push(chunk);
    const start = started === undefined ? parser.rangeStart : undefined;
    if (start !== undefined) {
      const results = cuts.map((offset, k) =>
        (lines[k + 1] as Promise<number | undefined>).then((line) =>
          line === undefined ? { clean: false, encoding: undefined, failed: 'lines not counted' } : readers.read(k, { options: plain, start, offset, line, last: k === cuts.length - 1, path, end: bounds[k + 2] as number, bytes: (bounds[k + 2] as number) - offset, size, ...(bytesAt ? { locate: true } : {}) }),
        ),
      );
      started = { results, encoding: start.encoding };
    }
  }
  const first = parser.stop();
  if (started === undefined || !first.clean || first.line !== (await lines[1])) return undefined;
  const results = await Promise.all(started.results);
  const read = parser.rowsRead;
  for (let k = 0; k < results.length; k++) {
    const r = results[k] as RangeResult;
    // Dates that read the same both ways left the order open: as if none had been read.
    if (!joins(r, started.encoding, parser.datesRead - parser.datesEitherWay, k + 2 < lines.length ? await lines[k + 2] : undefined, parser.datesOrdered)) return undefined;
    parser.absorb(r.part);
  }
  // Progress past the first range, told once the other ranges are in.
  const { onProgress, progressEvery: every = 50000 } = options;
  if (onProgress) for (let n = (Math.floor(read / every) + 1) * every; n <= parser.rowsRead; n += every) onProgress(n);
  let sha256 = results[0]?.sha256;
  if (sha256 === undefined) {
    sha256 = await sha256Of(path, size);
    RANGES.hashedAgain++;
  }
  const ledger = parser.end({ sha256, bytes: size });
  RANGES.readInRanges++;
  return ledger;
}

/** The SHA-256 (hex) of the first `size` bytes of a file. */
async function sha256Of(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fileRange(path, 0, size)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Ranges read on `count` worker threads, started at once (each added to `workers`): each is asked
 * first to count the line breaks of the range before its own, then sent its job, and stopped once
 * it answered (its heap freed while the main thread joins the ranges). A worker that fails gives a
 * failed result (and no count).
 */
function inWorkers(script: URL, count: number, workers: Worker[]): Readers {
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
    const batches: Reject[][] = [];
    try {
      const w = new Worker(script);
      workers.push(w);
      worker = w;
      const fail = (why: string): void => {
        gone ??= why;
        worker = undefined;
        for (const resolve of waiting.splice(0)) resolve({ failed: gone });
      };
      // A batch of rejects, sent ahead of the result (see `readRange`), is kept for it; anything else answers the oldest question.
      w.on('message', (answer: unknown) => {
        if (answer !== null && typeof answer === 'object' && 'rejects' in answer && !('clean' in answer)) batches.push((answer as { rejects: Reject[] }).rejects);
        else waiting.shift()?.(answer);
      });
      w.once('error', (e) => fail(String(e)));
      w.once('exit', (code) => fail(`exit ${code}`));
    } catch (e) {
      gone = String(e);
    }
    return { ask, gone: () => gone, stop: () => void worker?.terminate(), batches };
  });
  return {
    count: async (k, path, from, to, hash) => {
      const answer = (await ready[k]?.ask({ count: { path, from, to, hash } }, undefined)) as { breaks?: number } | undefined;
      return answer?.breaks;
    },
    read: async (k, job) => {
      const worker = ready[k];
      const failed: RangeResult = { clean: false, encoding: undefined, failed: worker?.gone() ?? 'no worker left' };
      const answer = (await worker?.ask(job, failed)) as ThreadResult | { failed: string } | undefined;
      worker?.stop();
      return answer === undefined ? failed : 'clean' in answer ? withBatches(answer, worker?.batches ?? []) : { clean: false, encoding: undefined, failed: answer.failed };
    },
  };
}

/** Bytes looked at past each even cut for a line feed. */
const LOOK = 1 << 20;

/**
 * How much larger the first range is than the others (a fraction of theirs): its reader starts at
 * once, while each worker first loads and counts the line breaks of the range before its own, and
 * then packs what it read for the main thread; the first worker also hashes the file, which
 * delays its own range's start. (On the Toronto-shaped file, in one process, 3 alternating runs:
 * 0.45 had both threads done within ~0.1 s of each other and read in 2.28-2.40 s; 0.3 and 0.15
 * left the main thread waiting for the worker, 2.38-2.43 s and 2.44-2.48 s.)
 */
const LEAD = 0.45;

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
