/** A file's bytes read again at a given place, synchronously: the subjects a report shows (see `LedgerParser.rereadFrom`). */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';

/**
 * The bytes of an input from `from` to `to` (exclusive): a view valid until the next call (its
 * memory may hold another block then).
 */
export type BytesAt = (from: number, to: number) => Uint8Array;

/** What a file was when it was read: a read again checks that it is still so. */
export interface FileState {
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Reads the bytes of `path` at any place, as they were when it was read (`read`): a file since
 * changed (another size or modification time) is an `InputError` `'changed'`, not a wrong text.
 * The file is opened at the first read of a synchronous stretch of work (a report made from its
 * ledger reads many) and closed after it, so that no handle stays open.
 *
 * @example
 * import { statSync } from 'node:fs'
 * const at = fileBytes('seeds/chengxi-2014.csv', statSync('seeds/chengxi-2014.csv'))
 * // the byte-order mark, then the first header
 * ;[...at(0, 3)] //=> [0xef, 0xbb, 0xbf]
 * new TextDecoder().decode(at(3, 9)) //=> '序号'
 */
export function fileBytes(path: string, read: FileState): BytesAt {
  let fd: number | undefined;
  const close = (): void => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  // The blocks read last, most recent last: a finding's parts are mostly rows near one another
  // (one card, one day), read in date order, not file order. Each block's start → its slot in
  // `slots`, one buffer for all: a new array for each block read cost more than the read itself.
  const blocks = new Map<number, number>();
  const slots = new Uint8Array(BLOCKS * BLOCK);
  const lengths = new Int32Array(BLOCKS);
  const open = (): number => {
    if (fd !== undefined) return fd;
    try {
      fd = openSync(path, 'r');
      const now = fstatSync(fd);
      if (now.size !== read.size || now.mtimeMs !== read.mtimeMs) throw new InputError('changed', `${path} changed after it was read (its subjects are read again from it for the report): run again`, [path]);
    } catch (e) {
      close();
      throw e instanceof InputError ? e : new InputError('unreadable', `cannot read ${path} again: ${(e as Error).message}`, [path]);
    }
    setImmediate(close).unref();
    return fd;
  };
  const fill = (bytes: Uint8Array, at: number, to: number): void => {
    const fd = open();
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, at + done);
      if (n === 0) throw new InputError('changed', `${path} changed after it was read (it ends before byte ${to}): run again`, [path]);
      done += n;
    }
  };
  return (from, to) => {
    const start = from - (from % BLOCK);
    // A row longer than a block (rare): read alone, not kept.
    if (to - start > BLOCK) {
      const bytes = new Uint8Array(to - from);
      fill(bytes, from, to);
      return bytes;
    }
    let slot = blocks.get(start);
    if (slot !== undefined && to <= start + (lengths[slot] as number)) {
      blocks.delete(start);
      blocks.set(start, slot);
    } else {
      if (slot !== undefined) blocks.delete(start);
      else if (blocks.size < BLOCKS) slot = blocks.size;
      else {
        const oldest = blocks.keys().next().value as number;
        slot = blocks.get(oldest) as number;
        blocks.delete(oldest);
      }
      // Past the end the file had, the read finds it shorter: `changed`.
      const length = Math.max(to - start, Math.min(BLOCK, read.size - start));
      fill(slots.subarray(slot * BLOCK, slot * BLOCK + length), start, to);
      lengths[slot] = length;
      blocks.set(start, slot);
    }
    return slots.subarray(slot * BLOCK + from - start, slot * BLOCK + to - start);
  };
}

/** Bytes read at a time (at least a row's), from a multiple of it. */
const BLOCK = 1 << 12;

/** Blocks kept (the least recently used dropped first): 256 KiB. */
const BLOCKS = 64;
