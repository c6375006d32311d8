import { grow, resized } from '../_lib/grow.js';
import type { PurchaseRecordInput } from './record.js';
import { isBlank } from './normalize.js';
import { StringIds } from './stringIds.js';

/**
 * A text field of records given as columns: each record's index into `texts`, −1 when it has none.
 * A loader numbers the texts it reads (one entry per distinct text), so that what is done once per
 * distinct text (validation, normalisation, interning) is done once, however many records repeat it.
 */
export interface TextField {
  readonly at: Int32Array;
  /** Distinct texts: each once (unless {@link each}). */
  readonly texts: readonly string[];
  /**
   * The texts are not numbered as distinct: each record has its own entry, equal texts repeat (a
   * field whose texts nearly all differ, such as a purpose, is not hashed as it is read). Absent:
   * distinct.
   */
  readonly each?: true;
  /**
   * With {@link each}: every text is as validation reads an optional text — trimmed, with a
   * visible character — so validation keeps each record's text without reading it again (the
   * loader checked each as it read it, while it was in the processor's cache; validation, reading
   * half a million purposes cold, spent about 80 ms on the Toronto-shaped bench file). Absent: not known.
   */
  readonly plain?: true;
  /**
   * With {@link each}: text t read alone, without making {@link texts} (a getter then, which makes
   * them all when first read). A loader that read part of a file on another thread keeps the
   * purposes that thread read as the UTF-8 bytes it sent them in (see {@link PackedTexts}), or, when
   * asked to read them again from the file (`rereadSubjects`), where their rows lie; each is made
   * only when read: a report reads the few of its findings' parts. Absent: read `texts`.
   */
  readonly textAt?: (t: number) => string;
}

/**
 * Texts as UTF-8 bytes in chunks, as another thread wrote them: `counts[c]` texts in chunk c; the
 * i-th text ends at UTF-16 unit `ends[i]` of its chunk's decoded text, and at byte `byteEnds[i]` of
 * its chunk's bytes (so one text is decoded alone, or a chunk at once and cut).
 */
export interface PackedTexts {
  readonly bytes: readonly Uint8Array[];
  readonly counts: Int32Array;
  readonly ends: Int32Array;
  readonly byteEnds: Int32Array;
}

/**
 * Texts a {@link TextFieldBuilder} keeps outside its strings, each made when it is read: the UTF-8
 * bytes another thread sent them in ({@link packedTexts}), or the rows of a file they can be read
 * again from (see `src/io/read/located.ts`).
 */
export interface DeferredTexts {
  /** Texts held. */
  readonly count: number;
  /** Text i (0-based among these), made now and not kept. */
  textAt(i: number): string;
  /** Every text, in order. */
  all(): string[];
}

/** A {@link DeferredTexts} kept by a {@link TextFieldBuilder}, and the number of its first text. */
interface KeptDeferred {
  readonly from: number;
  readonly texts: DeferredTexts;
}

const UTF8_TEXTS = new TextDecoder('utf-8', { ignoreBOM: true });

/** The number of texts of a field (its `texts` not made when they are kept as bytes: see {@link TextField}.textAt). */
export function textCount(f: TextField): number {
  return f.textAt !== undefined ? f.at.reduce((m, t) => (t > m ? t : m), -1) + 1 : f.texts.length;
}

/**
 * Purchase records as a loader read them, as columns: record i is `{ id: id[i], buyer: …, date:
 * date[i], amount: amount[i], currency: … }` and its optional fields where it has them, then the
 * fields of `extra[i]` ({@link recordsOf} makes the objects). A file of half a million rows costs a
 * few arrays instead of half a million objects.
 */
export type RecordColumns = {
  readonly size: number;
  readonly id: readonly string[];
  readonly date: readonly string[];
  readonly amount: readonly string[];
  readonly document: readonly (string | undefined)[];
  /** Fields that are not record fields (`lines`, `credits` …), in null-prototype objects; `undefined` when none. */
  readonly extra: readonly (Readonly<Record<string, unknown>> | undefined)[];
} & { readonly [F in TextFieldName]: TextField };

/** The record fields a loader numbers the texts of (every text field but `id` and `document`, which are mostly distinct). */
export const TEXT_FIELDS = ['buyer', 'vendor', 'currency', 'subject', 'category', 'project', 'method', 'exemption'] as const;

/** One of {@link TEXT_FIELDS}. */
export type TextFieldName = (typeof TEXT_FIELDS)[number];

/** The optional text fields of {@link RecordColumns}, in the order a record object lists them. */
const OPTIONAL = ['subject', 'category', 'project', 'method', 'document', 'exemption'] as const;

/** Record i's text in field `f`, or undefined. */
function textOf(f: TextField, i: number): string | undefined {
  const t = f.at[i] as number;
  return t < 0 ? undefined : f.texts[t];
}

/**
 * The records of the columns, as objects: required fields first, then the optional ones a record
 * has (subject, category, project, method, document, exemption), then its extra fields. Runs in
 * O(n · fields).
 *
 * @example
 * const none = { at: Int32Array.of(-1), texts: [] }
 * const name = (s: string) => ({ at: Int32Array.of(0), texts: [s] })
 * recordsOf({ size: 1, id: ['A1'], buyer: name('City'), vendor: name('Acme'), date: ['2019-03-04'], amount: ['5'], currency: name('EUR'),
 *   subject: none, category: none, project: none, method: none, document: [undefined], exemption: none, extra: [undefined] })
 * //=> [{ id: 'A1', buyer: 'City', vendor: 'Acme', date: '2019-03-04', amount: '5', currency: 'EUR' }]
 */
export function recordsOf(c: RecordColumns): PurchaseRecordInput[] {
  const out: PurchaseRecordInput[] = new Array(c.size);
  for (let i = 0; i < c.size; i++) {
    const r: PurchaseRecordInput = {
      id: c.id[i] as string,
      buyer: textOf(c.buyer, i) as string,
      vendor: textOf(c.vendor, i) as string,
      date: c.date[i] as string,
      amount: c.amount[i] as string,
      currency: textOf(c.currency, i) as string,
    };
    for (const f of OPTIONAL) {
      const v = f === 'document' ? c.document[i] : textOf(c[f], i);
      if (v !== undefined) r[f] = v;
    }
    const extra = c.extra[i];
    if (extra !== undefined) for (const k in extra) r[k] = extra[k];
    out[i] = r;
  }
  return out;
}

/** The longest run of records without a text made so far (see {@link noTexts}). */
let none = new Int32Array(0);

/**
 * The text numbers of `n` records without a text (−1 each), as a view of one array shared by every
 * caller: the fields a file has no column for (on the Toronto-shaped bench file three of the eight
 * text fields, each written once by the reader and again by the table: about 2.6k page faults) take
 * no memory of their own. Never written into (nothing writes into a field's numbers once made, and
 * a worker's numbers, transferred, are made apart: see {@link TextFieldBuilder.numbers}). O(n) the
 * first time a run that long is asked for, O(1) after.
 */
export function noTexts(n: number): Int32Array {
  if (none.length < n) none = new Int32Array(n).fill(-1);
  return none.subarray(0, n);
}

/** Distinct texts of a field up to which {@link TextFieldBuilder} looks texts up in a Map first. */
const FEW = 1 << 12;

/**
 * Builds a {@link TextField} one record at a time, numbering each distinct text once (a
 * {@link StringIds}). O(length) per text pushed.
 *
 * @example
 * const f = new TextFieldBuilder()
 * ;['b', undefined, 'a', 'b'].forEach((t) => f.push(t))
 * const field = f.pick([3, 2, 1])
 * ;[[...field.at], field.texts] //=> [[0, 1, -1], ['b', 'a']]
 */
export class TextFieldBuilder {
  private readonly ids: StringIds;
  private at: Int32Array = new Int32Array(1024);
  private n = 0;
  /**
   * Records pushed without a text before any with one, whose −1 is not written into {@link at} yet
   * ({@link written} writes it): a field the file has no column for grows no array record by record.
   */
  private blank = 0;
  /** Each text's number while the field has at most {@link FEW} distinct texts (the kept strings, not the ones pushed); `undefined` past that. */
  private few: Map<string, number> | undefined = new Map();
  /** Whether every text pushed (numbered {@link each}) is plain (see {@link TextField}.plain). */
  private plain = true;
  /** The text last pushed, as kept (while {@link few} is used), and its number. */
  private lastText: string | undefined;
  private lastId = -1;
  /** Texts numbered {@link each} after those of `ids`, kept deferred (see {@link pushDeferred}), in order. */
  private packed: KeptDeferred[] = [];
  /** Texts in {@link packed}. */
  private packedCount = 0;
  /** Texts of {@link packed} decoded alone so far (see {@link textAt}). */
  private readAlone = 0;
  /**
   * @param keep what is kept of a new text (see {@link StringIds}). @defaultValue the text itself
   * @param each each record's text numbered on its own, not looked up (see {@link TextField}.each). @defaultValue false
   */
  constructor(
    keep?: ((s: string) => string) | 'copy',
    private readonly each = false,
  ) {
    this.ids = new StringIds(keep);
  }

  /** Copies the texts kept and not copied yet (see {@link StringIds}' `'copy'`). */
  settle(): void {
    this.ids.settle();
  }

  /**
   * Makes room for `rows` records in {@link at}, so that it is not grown as they are pushed (see
   * `Kept.reserve`); not for a field without a text so far (most likely a column the file lacks,
   * whose records stay counted, not written: see {@link blank}). O(records pushed).
   */
  reserve(rows: number): void {
    if (rows <= this.at.length || (this.blank === this.n && this.n > 0)) return;
    this.at = resized(this.at, this.blank === this.n ? 0 : this.n, rows);
  }

  /** Writes the −1 of the {@link blank} records into {@link at}, before it is read or written past them. O(blank). */
  private written(): void {
    if (this.blank === 0) return;
    if (this.at.length < this.n) this.at = new Int32Array(Math.max(this.n, 2 * this.at.length));
    this.at.fill(-1, 0, this.blank);
    this.blank = 0;
  }

  /** The distinct texts, by number (those kept as bytes decoded now: see {@link pushPacked}). */
  get texts(): readonly string[] {
    this.ids.settle();
    if (this.packed.length > 0) this.unpackAll();
    return this.ids.texts;
  }

  /**
   * Adds records numbered {@link each} whose texts another thread sent as bytes (`texts`; `at`: each
   * record's text number among them, −1: none), kept as bytes: each is decoded when read alone
   * ({@link textAt}), or all at once when {@link texts} is read. The numbers are those
   * {@link pushNumbered} gives the same texts. `plain` as there. O(records).
   */
  pushPacked(at: ArrayLike<number>, texts: PackedTexts, plain: boolean): void {
    this.pushDeferred(at, packedTexts(texts), plain);
  }

  /**
   * Adds records whose texts are made when read (`texts`; `at`: each record's text number among
   * them, −1: none): numbered {@link each}, they stay deferred until {@link textAt} reads one or
   * {@link texts} reads them all; otherwise they are made and numbered now. `plain` as in
   * {@link pushNumbered}. O(records).
   */
  pushDeferred(at: ArrayLike<number>, texts: DeferredTexts, plain: boolean): void {
    if (!this.each) {
      this.pushNumbered(at, texts.all(), undefined, plain);
      return;
    }
    this.written();
    const count = texts.count;
    if (count > 0 && !plain) this.plain = false;
    if (this.n + at.length > this.at.length) this.at = grow(this.at, this.n + at.length);
    const from = this.ids.size + this.packedCount;
    for (let i = 0; i < at.length; i++) {
      const t = at[i] as number;
      this.at[this.n++] = t < 0 ? -1 : from + t;
    }
    if (count === 0) return;
    this.packed.push({ from, texts });
    this.packedCount += count;
  }

  /**
   * Text t (see {@link TextField}.textAt): one kept deferred is made alone, not kept; once an
   * eighth of them were read so (a caller reading them all, such as numbering them to compare
   * subjects by their words), all are made at once and kept. O(its length) plus the deferred texts' own cost (O(log chunks) for bytes, a read of the file for a row).
   */
  textAt(t: number): string {
    if (t >= this.ids.size && ++this.readAlone > this.packedCount >> 3) this.unpackAll();
    if (t < this.ids.size) {
      this.ids.settle();
      return this.ids.texts[t] as string;
    }
    let k = this.packed.length - 1;
    while (k > 0 && (this.packed[k] as KeptDeferred).from > t) k--;
    const { from, texts } = this.packed[k] as KeptDeferred;
    return texts.textAt(t - from);
  }

  /** Makes the deferred texts and keeps them in `ids`, in order (the numbers stay). */
  private unpackAll(): void {
    const packed = this.packed;
    this.packed = [];
    this.packedCount = 0;
    for (const p of packed) for (const s of p.texts.all()) this.ids.append(s, true);
  }

  /** Adds the next record's text (undefined: none). */
  push(text: string | undefined): void {
    if (this.packed.length > 0) this.unpackAll();
    if (text === undefined && this.blank === this.n) {
      this.blank = ++this.n;
      return;
    }
    this.written();
    if (this.each && text !== undefined && this.plain) this.plain = isPlain(text);
    if (this.n === this.at.length) this.at = grow(this.at, this.n + 1);
    this.at[this.n++] = text === undefined ? -1 : this.number(text);
  }

  /**
   * The number of `text`: found in {@link few} while the field has few distinct texts (V8's Map
   * hashes a string natively, faster than `StringIds` hashes it in JavaScript: buyers, vendors,
   * currencies, categories repeat on most rows), else in the {@link StringIds}.
   */
  private number(text: string): number {
    if (this.each) return this.ids.append(text);
    const few = this.few;
    if (few === undefined) return this.ids.id(text);
    // The previous record's text comes again on most rows of a ledger sorted by buyer (on every row for a currency).
    if (text === this.lastText) return this.lastId;
    let id = few.get(text);
    if (id === undefined) {
      id = this.ids.id(text);
      if (few.size >= FEW) {
        this.few = undefined;
        this.lastText = undefined;
        return id;
      }
      // The key is the text kept, copied at once: the text pushed may hold the chunk it was cut from.
      this.ids.settle();
      few.set(this.ids.texts[id] as string, id);
    }
    this.lastText = this.ids.texts[id];
    this.lastId = id;
    return id;
  }

  /**
   * Adds records given by text number (−1: none) among `texts`, whose hashes another builder may
   * have computed (`hashes`, see {@link hashes}); texts given with their hashes are kept as they are
   * (cut from a string that holds them alone: see `unpack`), not copied. `plain`: the texts are
   * plain (see {@link TextField}.plain), as the builder that numbered them found. O(records + texts).
   */
  pushNumbered(at: ArrayLike<number>, texts: readonly string[], hashes?: Int32Array, plain = false): void {
    if (this.packed.length > 0 && texts.length > 0) this.unpackAll();
    if (texts.length === 0 && this.blank === this.n) {
      // A field the records do not have, none of those before either.
      this.blank = this.n += at.length;
      return;
    }
    this.written();
    if (texts.length > 0 && !plain) this.plain = false;
    if (this.n + at.length > this.at.length) this.at = grow(this.at, this.n + at.length);
    if (texts.length === 0) {
      // A field the records do not have.
      const from = this.n;
      this.n += at.length;
      this.at.fill(-1, from, this.n);
      return;
    }
    if (!this.each) this.ids.reserve(texts.length);
    const renumber = this.each ? texts.map((t) => this.ids.append(t, hashes !== undefined)) : texts.map((t, i) => (hashes === undefined ? this.ids.id(t) : this.ids.idHashed(t, hashes[i] as number, true)));
    for (let i = 0; i < at.length; i++) {
      const t = at[i] as number;
      this.at[this.n++] = t < 0 ? -1 : (renumber[t] as number);
    }
  }

  /** Whether every text pushed so far is plain (see {@link TextField}.plain; false unless numbered {@link each}). */
  get plainTexts(): boolean {
    return this.each && this.plain;
  }

  /** The hash of each distinct text (for {@link pushNumbered} in another thread; none are computed for a field numbered `each`). */
  hashes(): Int32Array {
    return this.ids.hashesOf();
  }

  /**
   * Each record's text number (−1: none), in the order pushed: a view of the builder's own, not a
   * copy, for a caller done pushing (a range's reader handing its part to another thread, which
   * takes the array; a concatenation). Fresh for a field without a text (never {@link noTexts}'
   * shared array, which a transfer would take from every other field).
   */
  numbers(): Int32Array {
    if (this.blank === this.n) return new Int32Array(this.n).fill(-1);
    this.written();
    return this.at.subarray(0, this.n);
  }

  /** The text of the i-th record pushed, or undefined. */
  get(i: number): string | undefined {
    if (i < this.blank) return undefined;
    const t = this.at[i] as number;
    return t < 0 ? undefined : this.texts[t];
  }

  /** The field of the records pushed at `rows`, in that order (every record pushed, in order, when not given: a view of the numbers, not a copy). O(rows). */
  pick(rows?: readonly number[]): TextField {
    let at: Int32Array;
    // No record has a text (a column the file lacks): the numbers shared by all such fields.
    if (this.blank === this.n) at = noTexts(rows === undefined ? this.n : rows.length);
    else if (rows === undefined) {
      this.written();
      at = this.at.subarray(0, this.n);
    } else {
      this.written();
      at = new Int32Array(rows.length);
      for (let j = 0; j < rows.length; j++) at[j] = this.at[rows[j] as number] as number;
    }
    if (this.each && this.packed.length > 0) {
      // Texts kept as bytes: read one at a time, or all when `texts` is first read.
      this.ids.settle();
      const field = { at, each: true as const, ...(this.plain ? { plain: true as const } : {}), textAt: (t: number) => this.textAt(t) } as TextField;
      Object.defineProperty(field, 'texts', { enumerable: true, get: () => this.texts });
      return field;
    }
    return this.each ? { at, texts: this.texts, each: true, ...(this.plain ? { plain: true as const } : {}) } : { at, texts: this.texts };
  }
}

/** A {@link PackedTexts} as {@link DeferredTexts}: one text decoded alone in O(its length + log chunks), all at once by {@link decodePacked}. */
export function packedTexts(texts: PackedTexts): DeferredTexts {
  const firsts = new Int32Array(texts.counts.length);
  for (let c = 1; c < firsts.length; c++) firsts[c] = (firsts[c - 1] as number) + (texts.counts[c - 1] as number);
  return {
    count: texts.ends.length,
    textAt(i: number): string {
      // The chunk holding text i: the last whose first text is at or before it.
      let lo = 0;
      let hi = firsts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((firsts[mid] as number) <= i) lo = mid;
        else hi = mid - 1;
      }
      const start = i === firsts[lo] ? 0 : (texts.byteEnds[i - 1] as number);
      return UTF8_TEXTS.decode((texts.bytes[lo] as Uint8Array).subarray(start, texts.byteEnds[i] as number));
    },
    all: () => decodePacked(texts),
  };
}

/** The texts of a {@link PackedTexts}, in order: each chunk decoded once and cut. O(bytes). */
export function decodePacked(p: PackedTexts): string[] {
  const out: string[] = new Array(p.ends.length);
  let i = 0;
  p.bytes.forEach((bytes, c) => {
    const text = UTF8_TEXTS.decode(bytes);
    let start = 0;
    for (const last = i + (p.counts[c] as number); i < last; i++) {
      const end = p.ends[i] as number;
      out[i] = text.slice(start, end);
      start = end;
    }
  });
  return out;
}

/**
 * The records of several {@link RecordColumns}, one after the other: `recordsOf(concatColumns(parts))`
 * is `parts.flatMap(recordsOf)`. The texts of each field are numbered again, in order of first use.
 * Runs in O(n) plus O(length) per distinct text of each part.
 */
export function concatColumns(parts: readonly RecordColumns[]): RecordColumns {
  const size = parts.reduce((n, p) => n + p.size, 0);
  const text = (f: TextFieldName): TextField => {
    const b = new TextFieldBuilder();
    for (const p of parts) b.pushNumbered(p[f].at.subarray(0, p.size), p[f].texts);
    return { at: b.numbers(), texts: b.texts };
  };
  const all = <T>(column: (p: RecordColumns) => readonly T[]): T[] => parts.flatMap((p) => column(p).slice(0, p.size));
  return {
    size,
    id: all((p) => p.id),
    date: all((p) => p.date),
    amount: all((p) => p.amount),
    document: all((p) => p.document),
    extra: all((p) => p.extra),
    ...textFields(text),
  };
}

/** Whether validation reads `s` as an optional text as it is: trimmed, with a visible character (see `readOptional`). */
export function isPlain(s: string): boolean {
  return s !== '' && s.trim() === s && !isBlank(s);
}

/** Each text field's value, by `make`. */
export function textFields<T>(make: (f: TextFieldName) => T): { [F in TextFieldName]: T } {
  return Object.fromEntries(TEXT_FIELDS.map((f) => [f, make(f)])) as { [F in TextFieldName]: T };
}
