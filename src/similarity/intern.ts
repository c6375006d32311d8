import { asciiWords, isAscii, lower, STOPWORDS, subjectTokens } from './tokens.js';
import { grow } from '../_lib/grow.js';

/**
 * Subject tokens as numbers: {@link TokenIds.read} gives the distinct tokens of a text
 * ({@link subjectTokens}) as ids, numbered in the order they are first met, without a string per
 * token read. ASCII text (the common case) is read as spans of the text itself: a span is hashed and
 * looked up in place, and a new token is kept as (text, start, length), so no string is made for it
 * at all; other text goes through {@link subjectTokens}, whose strings are kept as they are.
 *
 * Runs in O(length of text) per read (hashing, open addressing).
 *
 * @example
 * const t = new TokenIds();
 * t.read('Road signs, road works'); t.count //=> 3
 * t.tokenText(t.ids[2]!) //=> 'works'
 * const works = t.ids[2];
 * t.read('Works of 2024'); [t.count, t.ids[0] === works] //=> [1, true]
 */
export class TokenIds {
  /** The ids read by the last {@link read}, in `ids[0 … count)`. */
  ids: Int32Array = new Int32Array(64);
  count = 0;
  /** Token g is `source[g]`'s characters [start[g], start[g] + length[g]), read in lower case. */
  private source: string[] = [];
  private start: Int32Array = new Int32Array(1024);
  private length: Int32Array = new Int32Array(1024);
  private hashes: Int32Array = new Int32Array(1024);
  /** The last read each token was found in (its distinctness within one text). */
  private stamp: Int32Array = new Int32Array(1024);
  private reads = 0;
  private slots: Int32Array = new Int32Array(2048).fill(-1);
  /** Ids below this are stop words (interned first; ASCII words that are stop words are dropped, as
   * subjectTokens drops them; its tokens of other text are taken as they are). */
  private readonly stops: number;
  private readonly word = (from: number, to: number): void => this.add(this.text, from, to, this.stops);
  private text = '';

  constructor() {
    for (const w of STOPWORDS) this.intern(w, 0, w.length);
    this.stops = this.source.length;
  }

  /** Token ids given so far (stop words included: ids are below this). */
  get size(): number {
    return this.source.length;
  }

  /** Reads the distinct tokens of `text` into `ids[0 … count)`, in first-seen order. */
  read(text: string): void {
    this.count = 0;
    this.reads++;
    if (isAscii(text)) {
      this.text = text;
      asciiWords(text, this.word);
      this.text = '';
    } else for (const t of subjectTokens(text)) this.add(t, 0, t.length, 0);
  }

  /** The text of token g (a new string). */
  tokenText(g: number): string {
    const from = this.start[g] as number;
    return (this.source[g] as string).slice(from, from + (this.length[g] as number)).toLowerCase();
  }

  /** Adds token text[from … to) to the ids read unless it is there or its id is below `stops` (a stop word). */
  private add(text: string, from: number, to: number, stops: number): void {
    const g = this.intern(text, from, to);
    if (g < stops || this.stamp[g] === this.reads) return;
    this.stamp[g] = this.reads;
    if (this.count === this.ids.length) this.ids = grow(this.ids, this.count + 1);
    this.ids[this.count++] = g;
  }

  /** The id of the token text[from … to) in lower case, given it if new. */
  private intern(text: string, from: number, to: number): number {
    let hash = 0x811c9dc5 ^ (to - from);
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ lower(text.charCodeAt(i)), 0x01000193);
    hash ^= hash >>> 15;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let g = this.slots[slot] as number; g !== -1; g = this.slots[slot] as number) {
      if (this.hashes[g] === hash && this.same(g, text, from, to)) return g;
      slot = (slot + 1) & mask;
    }
    const g = this.source.length;
    if (g === this.start.length) {
      this.start = grow(this.start, g + 1);
      this.length = grow(this.length, g + 1);
      this.hashes = grow(this.hashes, g + 1);
      this.stamp = grow(this.stamp, g + 1);
    }
    this.source.push(text);
    this.start[g] = from;
    this.length[g] = to - from;
    this.hashes[g] = hash;
    this.slots[slot] = g;
    if (2 * (g + 1) > this.slots.length) this.rehash();
    return g;
  }

  private same(g: number, text: string, from: number, to: number): boolean {
    if (this.length[g] !== to - from) return false;
    const other = this.source[g] as string;
    const at = (this.start[g] as number) - from;
    for (let i = from; i < to; i++) if (lower(other.charCodeAt(at + i)) !== lower(text.charCodeAt(i))) return false;
    return true;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let g = 0; g < this.source.length; g++) {
      let slot = (this.hashes[g] as number) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = g;
    }
    this.slots = slots;
  }
}
