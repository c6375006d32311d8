import { grow } from '../_lib/grow.js';

/**
 * Numbers distinct strings 0, 1, 2 … in the order they are first seen: what a `Map<string,
 * number>` does, made for hundreds of thousands of fresh strings (cells cut from a file, each met
 * once or twice). A Map hashes each new string in V8 and keeps it in a table of objects; this one
 * hashes with FNV-1a (see `hashOf`) and keeps ids and hashes in typed arrays (open
 * addressing, half full at most), so a lookup reads the string once, compares whole strings only
 * on equal hashes, and allocates nothing. Measured on the 447,912 ids of the Toronto-shaped bench
 * file: 70 ms against a Map's 255 ms.
 *
 * Runs in O(length) per lookup, expected (strings crafted to share a 32-bit hash make their
 * lookups slower, never wrong: equal hashes are told apart by comparing the strings).
 *
 * @example
 * const ids = new StringIds()
 * ;[ids.id('b'), ids.id('a'), ids.id('b')] //=> [0, 1, 0]
 * ids.texts //=> ['b', 'a']
 */
export class StringIds {
  /** The strings, by id. */
  readonly texts: string[] = [];
  /** Hash of each id's string. */
  private hashes: Int32Array = new Int32Array(64);
  /** Id + 1 at each slot, 0 when empty; its length a power of two. */
  private slots: Int32Array = new Int32Array(128);

  /** Ids of the strings kept as given until copied with others ({@link COPIES}), and their length in all. */
  private uncopied: number[] = [];
  private uncopiedLength = 0;

  /**
   * @param keep what is kept of a new string: `'copy'` for a copy that does not hold the text the
   *   string was cut from (what a loader keeps of its cells). Such copies are made a batch at a time
   *   ({@link COPIES}): each new string is kept as it is, then the batch is joined into one string
   *   (allocated once, outside V8's young generation when large) and each string is replaced by its
   *   cut of that one: no young copy per string that the garbage collector moves twice before it
   *   settles (a third of the reader's collection time on the Toronto-shaped file, its 175-character
   *   subjects). @defaultValue the string itself
   */
  constructor(private readonly keep: ((s: string) => string) | 'copy' = (s) => s) {}

  /** Number of distinct strings seen. */
  get size(): number {
    return this.texts.length;
  }

  /** Copies the strings not yet copied (see the constructor's `keep`): after it, no string kept holds a text it was cut from. */
  settle(): void {
    const ids = this.uncopied;
    if (ids.length === 0) return;
    const texts = this.texts;
    if (ids.length === 1) {
      // One string is copied as a flattened concatenation (V8 gives a one-element join back as it is).
      const id = ids[0] as number;
      texts[id] = (' ' + (texts[id] as string)).slice(1);
    } else {
      // Strings that fit one byte per character are copied apart from the others (see latin1Join).
      const wide: number[] = [];
      const narrow = latin1Join(texts, ids, wide);
      if (narrow.ids.length > 0) cutBack(texts, narrow.ids, narrow.text);
      if (wide.length > 0) cutBack(texts, wide, wide.map((id) => texts[id] as string).join(''));
    }
    this.uncopied = [];
    this.uncopiedLength = 0;
  }

  /** The id of `s`, numbering it when new. */
  id(s: string): number {
    return this.idHashed(s, hashOf(s));
  }

  /** The hash of each id's string, as {@link idHashed} takes them (another thread's, sent along with its strings). */
  hashesOf(): Int32Array {
    return this.hashes.slice(0, this.texts.length);
  }

  /**
   * {@link id} of `s` whose hash `h` another StringIds computed ({@link hashesOf}): `s` is not read
   * again unless an equal hash is met. `kept`: `s` is kept as it is when new, not through `keep`
   * (a string cut from one that holds the kept strings alone). @defaultValue false
   */
  idHashed(s: string, h: number, kept = false): number {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const at = this.slots[slot] as number;
      if (at === 0) break;
      if (this.hashes[at - 1] === h && this.texts[at - 1] === s) return at - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.append(s, kept);
    if (id === this.hashes.length) this.hashes = grow(this.hashes, id + 1);
    this.hashes[id] = h;
    this.slots[slot] = id + 1;
    if (2 * (id + 1) > this.slots.length) this.rehash();
    return id;
  }

  /**
   * A new id for `s`, whether or not it was seen (it is not looked up, nor found by {@link id}
   * after): for strings numbered one per use, not as distinct ones. `kept` as in {@link idHashed}.
   * O(1), allocating nothing but the entry.
   */
  append(s: string, kept = false): number {
    const id = this.texts.length;
    const keep = this.keep;
    if (kept || typeof keep !== 'function') this.texts.push(s);
    else this.texts.push(keep(s));
    // Cuts of fewer than 13 characters are copies already in V8 (longer ones are views into their text).
    if (!kept && keep === 'copy' && s.length >= 13) {
      this.uncopied.push(id);
      if ((this.uncopiedLength += s.length) >= COPIES) this.settle();
    }
    return id;
  }

  /** The id of `s`, or −1 when it was never seen. */
  get(s: string): number {
    const h = hashOf(s);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = this.slots[slot] as number;
      if (at === 0) return -1;
      if (this.hashes[at - 1] === h && this.texts[at - 1] === s) return at - 1;
    }
  }

  /** Makes room for `more` new strings at once (the slots doubled once, not at each growth on the way). */
  reserve(more: number): void {
    let length = this.slots.length;
    while (2 * (this.texts.length + more) > length) length *= 2;
    if (length > this.slots.length) this.rehash(length);
  }

  /** Places every id again in `length` slots (twice as many as now when not given). */
  private rehash(length = this.slots.length * 2): void {
    const slots = new Int32Array(length);
    const mask = slots.length - 1;
    for (let id = 0; id < this.texts.length; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/**
 * Characters of the strings copied in one batch (see {@link StringIds}' `keep`): the batch is one
 * string of at least 256 KB, which V8 allocates in its large-object space (never moved).
 */
const COPIES = 1 << 18;

/** A character above U+00FF: a string without one can be kept in one byte per character. */
const WIDE = /[^\0-\xff]/u;

/** UTF-8 bytes of the strings being copied (see {@link latin1Join}), grown as needed. */
let copyBytes = new Uint8Array(0);
const UTF8_TEXT = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The strings `texts[id]` of `ids` with no character above U+00FF, concatenated into a string of
 * one byte per character whatever the strings' own representation (`ids`: theirs, in order); the
 * others' ids are added to `wide`. A cell cut from a line that holds a `’` is stored in two bytes
 * per character in V8 even where it holds none itself, and a join of strings is two bytes per
 * character as soon as one of them is, so a batch of copies took twice the memory it needs (on the
 * Toronto-shaped bench file, nearly every batch of purposes). Each string is written as UTF-8
 * into one buffer (an ASCII one, as most are, is known narrow by its byte count, without a search
 * for a wide character), which the UTF-8 decoder reads back as one string, one byte per character
 * when it fits. O(length).
 */
function latin1Join(texts: readonly string[], ids: readonly number[], wide: number[]): { text: string; ids: number[] } {
  let length = 0;
  for (const id of ids) length += (texts[id] as string).length;
  // Characters up to U+00FF take at most two bytes in UTF-8 (a wider one is written, then dropped: three at most).
  if (copyBytes.length < 3 * length) copyBytes = new Uint8Array(3 * length);
  const narrow: number[] = [];
  let n = 0;
  for (const id of ids) {
    const s = texts[id] as string;
    const { written } = UTF8.encodeInto(s, copyBytes.subarray(n));
    if (written !== s.length && WIDE.test(s)) wide.push(id);
    else {
      narrow.push(id);
      n += written;
    }
  }
  return { text: n === 0 ? '' : UTF8_TEXT.decode(copyBytes.subarray(0, n)), ids: narrow };
}

/** Replaces each `texts[id]` of `ids` with its cut of `joined`, their concatenation in that order. */
function cutBack(texts: string[], ids: readonly number[], joined: string): void {
  let at = 0;
  for (const id of ids) {
    const end = at + (texts[id] as string).length;
    texts[id] = joined.slice(at, end);
    at = end;
  }
}

/** Strings at least this long (and at most {@link BYTES_UP_TO}) are hashed from their UTF-8 bytes. */
const BYTES_FROM = 24;
/** The longest string hashed from its bytes (a longer one is hashed unit by unit). */
const BYTES_UP_TO = 4096;
/** The bytes of the string being hashed (UTF-8 writes at most 3 bytes per UTF-16 unit), and as 32-bit words. */
const SCRATCH = new Uint8Array(BYTES_UP_TO * 3);
const WORDS = new Int32Array(SCRATCH.buffer);
const UTF8 = new TextEncoder();

/**
 * A 32-bit hash of `s`, its length mixed in first: FNV-1a over its UTF-16 units, or, for a string
 * of {@link BYTES_FROM} to {@link BYTES_UP_TO} units, over its UTF-8 bytes four at a time (written
 * by the runtime's encoder in one call: about a third of the time on the Toronto-shaped file's
 * 175-character subjects). Equal strings hash alike; strings whose bytes are alike (a lone
 * surrogate is written as U+FFFD) only share a hash, and are told apart by comparing them.
 */
export function hashOf(s: string): number {
  const n = s.length;
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  if (n < BYTES_FROM || n > BYTES_UP_TO) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  } else {
    const written = UTF8.encodeInto(s, SCRATCH).written;
    const words = written >> 2;
    for (let i = 0; i < words; i++) h = Math.imul(h ^ (WORDS[i] as number), 0x01000193) ^ (h >>> 15);
    for (let i = words << 2; i < written; i++) h = Math.imul(h ^ (SCRATCH[i] as number), 0x01000193);
  }
  // The low bits pick the slot: fold the high ones in.
  return h ^ (h >>> 16);
}
