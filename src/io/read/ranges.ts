/**
 * A delimited file read in byte ranges, each by its own parser (on its own thread, in
 * `splitscan/node`), and put together as one parser reading it all would have read it. The ranges
 * are cut after a line feed; a parser of a later range starts as the first one describes the input
 * ({@link RangeStart}: encoding, delimiter, header) on the line the cut falls on. Whether a cut fell
 * inside a quoted cell is not guessed but checked: the range before it must end where a row ends.
 */
import type { Encoding, Latin1 } from './decode.js';
import { type LedgerParserOptions, LedgerParser, type RangeStart } from './ledger.js';
import type { Reject } from '../../records/record.js';
import type { ReaderPart } from './reader.js';

/** One range to read: the options (without functions), how the input starts, where the range does. */
export interface RangeJob {
  readonly options: Omit<LedgerParserOptions, 'onProgress'>;
  readonly start: RangeStart;
  /** Byte offset of the range in the input. */
  readonly offset: number;
  /** The line the range starts on. */
  readonly line: number;
  /** Whether the range ends the input. */
  readonly last: boolean;
  /** The bytes of the range, when known: its reader reserves room for their rows (see `LedgerParser.expectBytes`). */
  readonly bytes?: number;
  /** Whether its subjects are located, for the first range's parser to read again (see `LedgerParser.rereadFrom`). @defaultValue false */
  readonly locate?: boolean;
}

/** What reading a range gave. */
export interface RangeResult {
  /** What its reader read; absent when reading failed. */
  readonly part?: ReaderPart;
  /** Whether the range ended where a row ends (always true for the last). */
  readonly clean: boolean;
  /** The encoding its decoder was left in (`undefined`: ASCII only, none decided). */
  readonly encoding: Encoding | undefined;
  /** The line after the range's last row (for a range that is not the last). */
  readonly line?: number;
  /** Why reading failed (an undecodable byte …): the input is then read whole, which reports it. */
  readonly failed?: string;
}

/**
 * Rejects a range's reader holds before it hands them over, after the chunk that made them (see
 * {@link readRange}): on the Toronto-shaped bench file (subtotal lines and credits), those of a few
 * chunks of 256 KiB.
 */
export const REJECT_BATCH = 2048;

/**
 * Reads the chunks of one range as the parser of the whole input would. Never throws: an error is
 * a `failed` result (the caller reads the input in one piece then, and that reading reports it).
 *
 * `onRejects`, when given, is handed the rejects made so far, in order, after each chunk that leaves
 * {@link REJECT_BATCH} or more held, and the part holds only those made after: a worker thread
 * sends them to the main thread while both still read, where they are cloned while it reads too,
 * instead of tens of thousands of small objects cloned after both ranges are read, when the main
 * thread has nothing else to do (on the Toronto-shaped bench file, a worker's ~33,000 rejects:
 * about 30 ms of the worker's time to write and 25 ms of the main thread's to read, at the end).
 */
export async function readRange(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, job: RangeJob, latin1?: Latin1, onRejects?: (rejects: Reject[]) => void): Promise<RangeResult> {
  try {
    const parser = LedgerParser.resume(job.options, job.start, job.offset, job.line, latin1);
    if (job.locate === true) parser.rereadFrom();
    if (job.bytes !== undefined) parser.expectBytes(job.bytes);
    for await (const chunk of chunks) {
      parser.push(chunk);
      if (onRejects !== undefined && parser.rejectsHeld >= REJECT_BATCH) onRejects(parser.takeRejects());
    }
    if (job.last) {
      const { part, encoding } = parser.endRange();
      return { part, clean: true, encoding };
    }
    const { clean, encoding, line } = parser.stop();
    return { part: parser.part(), clean, encoding, line };
  } catch (e) {
    return { clean: false, encoding: undefined, failed: String((e as Error | undefined)?.message ?? e) };
  }
}

/**
 * Whether the range read into `result` joins the ranges before it exactly: read in full, ended at a
 * row's end unless last, decoded as they were (it started in `assumed`, the first range's encoding
 * when it started, and decided none of its own), its lines numbered up to `next` (the line the next
 * range starts on; `undefined` for the last), not holding the input's first dates when they
 * were ambiguous (`datesBefore`: dates read before it, not counting those that read the same
 * day-first and month-first before any other: the order was still open), and, when the first range took the order of
 * day and month from its dates (`ordered`), having rejected no date for want of that order.
 */
export function joins(result: RangeResult, assumed: Encoding | undefined, datesBefore: number, next: number | undefined, ordered = false): result is RangeResult & { part: ReaderPart } {
  if (result.part === undefined || !result.clean || result.encoding !== assumed) return false;
  if (next !== undefined && result.line !== next) return false;
  if (ordered && result.part.ambiguousSeen) return false;
  return !(datesBefore === 0 && result.part.ambiguousFirst);
}

/**
 * Line breaks in `bytes` as delimited text counts them: each LF, CRLF and lone CR once (`crBefore`:
 * the byte before them was a CR). Returns the count and whether the last byte is a CR. O(n).
 *
 * @example
 * countBreaks(new TextEncoder().encode('a\r\nb\rc\n'), false) //=> { breaks: 3, cr: false }
 */
export function countBreaks(bytes: Uint8Array, crBefore: boolean): { breaks: number; cr: boolean } {
  let breaks = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) breaks++;
  for (let i = bytes.indexOf(13); i >= 0; i = bytes.indexOf(13, i + 1)) if (i + 1 < bytes.length && bytes[i + 1] !== 10) breaks++;
  // A CR that ended the bytes before: alone unless these start with its LF.
  if (crBefore && bytes.length > 0 && bytes[0] !== 10) breaks++;
  const cr = bytes.length > 0 && bytes[bytes.length - 1] === 13;
  return { breaks, cr };
}
