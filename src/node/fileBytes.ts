/** A file's bytes read again at a given place, synchronously: the subjects a report shows (see `LedgerParser.rereadFrom`). */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';

/** The bytes of an input from `from` to `to` (exclusive). */
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
  // (one card, one day), read in date order, not file order.
  const blocks = new Map<number, Uint8Array>();
  return (from, to) => {
    const start = from - (from % BLOCK);
    const cached = blocks.get(start);
    if (cached && to <= start + cached.length) {
      blocks.delete(start);
      blocks.set(start, cached);
      return cached.subarray(from - start, to - start);
    }
    if (fd === undefined) {
      try {
        fd = openSync(path, 'r');
        const now = fstatSync(fd);
        if (now.size !== read.size || now.mtimeMs !== read.mtimeMs) throw new InputError('changed', `${path} changed after it was read (its subjects are read again from it for the report): run again`, [path]);
      } catch (e) {
        close();
        throw e instanceof InputError ? e : new InputError('unreadable', `cannot read ${path} again: ${(e as Error).message}`, [path]);
      }
      setImmediate(close).unref();
    }
    // Whole blocks from the one holding `from`, through `to` (a row longer than a block takes several).
    const bytes = new Uint8Array(Math.max(to - start, Math.min(BLOCK, read.size - start)));
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, start + at);
      if (n === 0) throw new InputError('changed', `${path} changed after it was read (it ends before byte ${to}): run again`, [path]);
      at += n;
    }
    blocks.set(start, bytes);
    if (blocks.size > BLOCKS) blocks.delete(blocks.keys().next().value as number);
    return bytes.subarray(from - start, to - start);
  };
}

/** Bytes read at a time (at least a row's), from a multiple of it. */
const BLOCK = 1 << 12;

/** Blocks kept (the least recently used dropped first): 256 KiB. */
const BLOCKS = 64;
