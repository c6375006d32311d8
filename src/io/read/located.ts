/**
 * Texts read again from the input when needed, instead of kept: a purchase's subject is where its
 * row lies in the file (two numbers), made into text only for the records a report shows. A ledger
 * whose subjects are not compared by their words (the `pcard` rule, the plain same-day rule) reads
 * half a million purposes to show a few thousand.
 */
import { type DeferredTexts, isPlain, type PackedTexts, packedTexts } from '../../records/columns.js';
import { grow, resized } from '../../_lib/grow.js';
import { InputError } from '../../errors.js';
import { SentTexts } from './sentTexts.js';

/**
 * The text of the row at input bytes `from` to `to` (its line break excluded), as the reader read
 * it from that row, or `undefined` when the bytes there no longer make that row.
 */
export type RowText = (from: number, to: number) => string | undefined;

/**
 * A field whose texts are located in the input (see {@link LocatedTexts}): each record's text
 * number (−1: none); text t is the one of the row at bytes `from[t]` to `from[t] + length[t]`, or,
 * where `from[t]` is −1 (its row's bytes not known), text `length[t]` of `kept`.
 */
export interface LocatedField {
  readonly at: Int32Array;
  readonly from: Float64Array;
  readonly length: Int32Array;
  readonly kept: PackedTexts;
  /** Whether its texts are plain (see `TextField`.plain): every located one is. */
  readonly plain: boolean;
}

/**
 * Texts pushed one per record with the bytes of the row each was read from: a plain text (see
 * `isPlain`) whose row's bytes are known is kept as where it lies; any other as UTF-8 bytes (a
 * {@link SentTexts}). O(1) per text located, O(length) per text kept.
 */
export class LocatedTexts {
  private at: Int32Array = new Int32Array(1024);
  private from: Float64Array = new Float64Array(1024);
  private length: Int32Array = new Int32Array(1024);
  private n = 0;
  private texts = 0;
  private readonly kept = new SentTexts();
  private plain = true;

  /** Records pushed (one without a text included). */
  get size(): number {
    return this.n;
  }

  /** Makes room for `rows` records (and their texts), so that the arrays are not grown as they are pushed (see `Kept.reserve`). */
  reserve(rows: number): void {
    if (rows <= this.at.length) return;
    this.at = resized(this.at, this.n, rows);
    this.from = resized(this.from, this.texts, rows);
    this.length = resized(this.length, this.texts, rows);
  }

  /** Adds a record's text (undefined: none), read from the row at input bytes `from` to `to` (−1: not known). */
  push(text: string | undefined, from: number, to: number): void {
    if (this.n === this.at.length) this.at = grow(this.at, this.n + 1);
    if (text === undefined) {
      this.at[this.n++] = -1;
      return;
    }
    const t = this.texts++;
    if (t === this.from.length) {
      this.from = grow(this.from, t + 1);
      this.length = grow(this.length, t + 1);
    }
    if (from >= 0 && isPlain(text)) {
      this.from[t] = from;
      this.length[t] = to - from;
    } else {
      if (this.plain) this.plain = isPlain(text);
      this.from[t] = -1;
      this.length[t] = this.kept.length;
      this.kept.push(text);
    }
    this.at[this.n++] = t;
  }

  /**
   * The field, for another thread or a {@link TextFieldBuilder}; nothing is pushed after, so its
   * arrays are views of these, not copies (each a page fault a 4 KiB page, on both reading threads).
   */
  field(): LocatedField {
    return { at: this.at.subarray(0, this.n), from: this.from.subarray(0, this.texts), length: this.length.subarray(0, this.texts), kept: this.kept.field().texts, plain: this.plain };
  }
}

/**
 * Texts read again last kept by {@link locatedTexts}, the oldest dropped first: a finding's parts
 * are read when its run is scored and again when the finding is built, a few runs later.
 */
const REREAD_KEPT = 4096;

/**
 * The texts of a {@link LocatedField}, each read again from its row by `row` when read; the last
 * {@link REREAD_KEPT} read so are kept, and not read again.
 */
export function locatedTexts(f: LocatedField, row: RowText): DeferredTexts {
  const kept = packedTexts(f.kept);
  const reread = new Map<number, string>();
  const textAt = (i: number): string => {
    const from = f.from[i] as number;
    if (from < 0) return kept.textAt(f.length[i] as number);
    const known = reread.get(i);
    if (known !== undefined) return known;
    const text = row(from, from + (f.length[i] as number));
    if (text === undefined) throw new InputError('changed', `the input changed after it was read: the row at byte ${from.toLocaleString('en')} no longer holds the text read there; run again`);
    if (reread.size === REREAD_KEPT) reread.delete(reread.keys().next().value as number);
    reread.set(i, text);
    return text;
  };
  return { count: f.from.length, textAt, all: () => Array.from(f.from, (_, i) => textAt(i)) };
}
