/** Bytes of a file, streamed: what the loaders and the range readers read files with. */
import { readSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { countBreaks } from '../io/read/ranges.js';

/** Bytes as ISO-8859-1, by Node's native copy (the decoder uses it where the text is the same: see `sameAsLatin1`). */
export const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** Bytes read from a file at a time. */
export const CHUNK = 1 << 18;

/**
 * The bytes of `path` from `start` to `end` (exclusive), chunk by chunk, through a file handle
 * closed when the iteration ends, however it ends. Errors of the file system pass unchanged.
 *
 * Each chunk is a view of one buffer, read into again for the next chunk: a consumer done with a
 * chunk before it asks for the next (every one here: they decode, hash or count it) keeps nothing
 * of it. A buffer a chunk was cost a page fault a page of fresh memory (about 0.3 s of a thread's
 * time over the first 113 MB of the Toronto-shaped bench file, against 35 ms reading into one).
 *
 * A regular file is read on this thread (see {@link reader}).
 */
export async function* fileRange(path: string, start: number, end: number): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const read = await reader(handle);
    const buffer = new Uint8Array(Math.max(0, Math.min(CHUNK, end - start)));
    for (let at = start; at < end; ) {
      const bytesRead = await read(buffer, Math.min(buffer.length, end - at), at);
      if (bytesRead === 0) return;
      at += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Reads up to `length` bytes into `buffer` from byte `position` (`null`: where the last read ended); resolves to the bytes read. */
export type ChunkReader = (buffer: Uint8Array, length: number, position: number | null) => Promise<number>;

/**
 * How chunks of `handle` are read. A regular file's are read on this thread, each followed by one
 * turn of the event loop (what another thread sent, such as a reading worker's answer, is handled
 * between two chunks; other work is not held up longer than one chunk's copy): an asynchronous
 * read waits, each chunk, for a thread of libuv's pool to be given a core, which the threads
 * that read and collect garbage keep busy (on the Toronto-shaped bench file read in two ranges,
 * the main thread waited 0.7-1.3 s in its 437 reads of 256 KiB, on a loaded machine, for about
 * 40 µs of copying each). Anything else (a pipe, a device) is read asynchronously: a read on this
 * thread could wait for a writer indefinitely.
 */
export async function reader(handle: FileHandle): Promise<ChunkReader> {
  const regular = await handle.stat().then((s) => s.isFile(), () => false);
  if (!regular) return async (buffer, length, position) => (await handle.read(buffer, 0, length, position)).bytesRead;
  return async (buffer, length, position) => {
    const bytesRead = readSync(handle.fd, buffer, 0, length, position);
    await turn();
    return bytesRead;
  };
}

/** One turn of the event loop (its check phase: I/O and messages that arrived are handled first). */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The line breaks (see `countBreaks`) of bytes `from` to `to` of `path`, a range that starts just
 * after a line feed (or at the file's start); `undefined` when the file cannot be read. O(to − from).
 * Each chunk is searched as a `Buffer` (a view, no copy): Node's `Buffer#indexOf` finds a byte
 * several times as fast as `Uint8Array#indexOf` (about 4× on the Toronto-shaped file's line feeds).
 * `seen` is shown each chunk, in order (a hash of the file).
 */
export async function breaksIn(path: string, from: number, to: number, seen?: (chunk: Uint8Array) => void): Promise<number | undefined> {
  let breaks = 0;
  let cr = false;
  try {
    for await (const chunk of fileRange(path, from, to)) {
      seen?.(chunk);
      const counted = countBreaks(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), cr);
      breaks += counted.breaks;
      cr = counted.cr;
    }
  } catch {
    return undefined;
  }
  return breaks;
}
