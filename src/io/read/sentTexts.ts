/**
 * Texts written as UTF-8 bytes as they are read, for another thread or to be decoded one at a time.
 */
import { grow } from '../../_lib/grow.js';
import { isPlain, type PackedTexts } from '../../records/columns.js';

/** Bytes of each chunk {@link SentTexts} writes into (at least; a text takes at most 3 bytes a UTF-16 unit, and one of several columns joined may need a larger chunk). */
const SENT_CHUNK = 1 << 20;
const UTF8_OUT = new TextEncoder();

/**
 * A text field numbered one text a row (purposes: `TextField`.each) as the reader of a later range
 * of a file reads it for the reader of the first: each text written as UTF-8 into chunks of bytes as
 * it is read, not kept as a string. The chunks go to the other thread transferred (not copied),
 * where they stay bytes (see `TextFieldBuilder.pushPacked`): a text is decoded when it is read
 * (a report reads its findings' parts'), all of them when the field's `texts` are read (the
 * records). On the Toronto-shaped bench file, decoding them all on the main thread took ~0.2 s of
 * the joining of the ranges, in 37 MB of fresh memory. Kept as strings, the texts were
 * copied out of the decoded file (UTF-8 encoded and decoded), joined into one string and that string
 * cloned into the message, each copy in fresh memory, whose first touch costs (a page fault a 4 KiB
 * page: ~3 ms a MB on the bench machine). On the Toronto-shaped bench file, the worker's packing and
 * the message's cloning took 0.75-1.08 s as strings, 0.31-0.41 s as bytes (2 alternating runs each,
 * one thread), and touched 160 MB of fresh memory instead of 55 MB. A text that is not well-formed UTF-16 (a lone surrogate, which UTF-8 cannot carry) fails
 * the range: the file is then read in one piece.
 */
export class SentTexts {
  private readonly chunks: Uint8Array[] = [];
  private readonly counts: number[] = [];
  /** The chunk being written (none yet: empty), and the size of the next (doubling up to {@link SENT_CHUNK}: a small ledger takes little). */
  private chunk = new Uint8Array(0);
  private size = 1 << 16;
  private used = 0;
  /** UTF-16 units written into the current chunk, and texts in it. */
  private units = 0;
  private inChunk = 0;
  private ends: Int32Array = new Int32Array(1024);
  private byteEnds: Int32Array = new Int32Array(1024);
  private texts = 0;
  private at: Int32Array = new Int32Array(1024);
  private n = 0;
  private plain = true;

  push(text: string | undefined): void {
    if (this.n === this.at.length) this.at = grow(this.at, this.n + 1);
    if (text === undefined) {
      this.at[this.n++] = -1;
      return;
    }
    if (this.plain) this.plain = isPlain(text);
    if (this.used + 3 * text.length > this.chunk.length) this.nextChunk(3 * text.length);
    const { written } = UTF8_OUT.encodeInto(text, this.chunk.subarray(this.used));
    if (written !== text.length && !(text as unknown as { isWellFormed(): boolean }).isWellFormed()) throw new Error('a text with a lone surrogate');
    this.used += written;
    this.units += text.length;
    if (this.texts === this.ends.length) {
      this.ends = grow(this.ends, this.texts + 1);
      this.byteEnds = grow(this.byteEnds, this.texts + 1);
    }
    this.ends[this.texts] = this.units;
    this.byteEnds[this.texts] = this.used;
    this.at[this.n++] = this.texts++;
    this.inChunk++;
  }

  /** Ends the chunk being written (when it holds a text), and starts one of at least `bytes` (none when 0). */
  private nextChunk(bytes = 0): void {
    if (this.inChunk > 0) {
      this.chunks.push(this.chunk.subarray(0, this.used));
      this.counts.push(this.inChunk);
    }
    this.chunk = new Uint8Array(bytes === 0 ? 0 : Math.max(this.size, bytes));
    if (bytes > 0) this.size = Math.min(SENT_CHUNK, 2 * this.size);
    this.used = 0;
    this.units = 0;
    this.inChunk = 0;
  }

  /** Texts pushed (an undefined one included). */
  get length(): number {
    return this.n;
  }

  /** The field, for {@link LedgerReader.part}; nothing is pushed after. */
  field(): { at: Int32Array; texts: PackedTexts; hashes: Int32Array; plain: boolean } {
    if (this.inChunk > 0) this.nextChunk();
    return { at: this.at.slice(0, this.n), texts: { bytes: this.chunks, counts: Int32Array.from(this.counts), ends: this.ends.slice(0, this.texts), byteEnds: this.byteEnds.slice(0, this.texts) }, hashes: new Int32Array(0), plain: this.plain };
  }
}

