/**
 * What one reading thread of `readRanges` does, written once for a worker thread and for ranges
 * read on this thread (tests): it counts the line breaks of the range before its own, then reads
 * its own. The thread that counts the first range also hashes the file (SHA-256, for the ledger's
 * provenance), off the main thread: the first range as it counts it, its own range as it reads
 * it, then the rest of the file.
 */
import { createHash, type Hash } from 'node:crypto';
import { readRange, type RangeJob, type RangeResult } from '../io/read/ranges.js';
import type { Reject } from '../records/record.js';
import { breaksIn, fileRange, latin1 } from './fileRange.js';

/** A reading thread's job: its range (ending at byte `end`), and the file's `size`, up to which the thread that hashes hashes. */
export type ThreadJob = RangeJob & { readonly path: string; readonly end: number; readonly size: number };

/** What reading a range gave, with the file's SHA-256 (hex) from the thread that hashed it all. */
export type ThreadResult = RangeResult & { readonly sha256?: string };

/** One reading thread: the hash it feeds, when it hashes, and how many of the file's first bytes it hashed. */
export class RangeThread {
  private hash: Hash | undefined;
  private hashed = 0;

  /**
   * The line breaks of bytes `from` to `to` of `path` (see `breaksIn`), hashed when `hash` (the
   * first range: `from` is 0); `undefined` when the file cannot be read. O(to − from).
   */
  count(path: string, from: number, to: number, hash: boolean): Promise<number | undefined> {
    if (hash && from === 0) {
      this.hash = createHash('sha256');
      this.hashed = 0;
    }
    return breaksIn(path, from, to, this.feed(from));
  }

  /**
   * Reads the range of `job` (see `readRange`: never throws). A thread that hashes hashes the range
   * as it reads it, then the rest of the file, and gives the file's SHA-256 with the result once it
   * hashed every byte (none when it could not). `onRejects` is handed the rejects as they are made,
   * a batch at a time (see `readRange`): the result holds only those made after the last batch.
   */
  async read(job: ThreadJob, onRejects?: (rejects: Reject[]) => void): Promise<ThreadResult> {
    const result = await readRange(this.fed(fileRange(job.path, job.offset, job.end), job.offset), job, latin1, onRejects);
    if (this.hash === undefined || this.hashed !== job.end || result.part === undefined) return result;
    try {
      const feed = this.feed(job.end);
      for await (const chunk of fileRange(job.path, job.end, job.size)) feed?.(chunk);
    } catch {
      return result;
    }
    if (this.hashed !== job.size) return result;
    const sha256 = this.hash.digest('hex');
    this.hash = undefined;
    return { ...result, sha256 };
  }

  /** What hashes the bytes from `from` on, chunk by chunk, when they continue those hashed. */
  private feed(from: number): ((chunk: Uint8Array) => void) | undefined {
    const hash = this.hash;
    if (hash === undefined || this.hashed !== from) return undefined;
    return (chunk) => {
      hash.update(chunk);
      this.hashed += chunk.byteLength;
    };
  }

  /** `chunks` (the bytes from `from` on), each fed to the hash on its way. */
  private async *fed(chunks: AsyncIterable<Uint8Array>, from: number): AsyncGenerator<Uint8Array> {
    const feed = this.feed(from);
    for await (const chunk of chunks) {
      feed?.(chunk);
      yield chunk;
    }
  }
}
