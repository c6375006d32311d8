import type { Decimal } from 'decimal.js';
import { RECORD_FIELDS, type PurchaseRecord, type RecordField, type RecordReject } from './record.js';
import { FieldError, isDate, readAmountText, readCategory, readCurrency, readDate, readId, readName, readOptional, readVendor } from './fields.js';
import { categoryKey, normalizeText, vendorKey } from './normalize.js';
import { dayOf, isoOf } from '../_lib/days.js';
import { approxNumber, D } from '../_lib/decimal.js';
import { resized } from '../_lib/grow.js';
import { groupedCount } from '../_lib/grouping.js';
import { thrownText } from '../_lib/thrown.js';
import { hashOf, StringIds } from './stringIds.js';
import { noTexts, TEXT_FIELDS, textCount, textFields, type RecordColumns, type TextField, type TextFieldName } from './columns.js';

/**
 * The others of `all` (the records sharing an id, in order) that the reject of `self` names, and how
 * many more it counts: five at most, so that an id on every one of n rows does not make n messages
 * of n indexes each. O(1) per call.
 */
export function othersNamed(all: readonly number[], self: number): { named: number[]; more: number } {
  const named = all.slice(0, SHOWN_OTHERS + 1).filter((i) => i !== self).slice(0, SHOWN_OTHERS);
  return { named, more: all.length - 1 - named.length };
}

/** Other records a repeated id's reject names (the rest are counted). */
const SHOWN_OTHERS = 5;
/**
 * A text field as columns: each record's text as written (trimmed), for display, and its
 * normalised key, for comparing. Both are interned: indexes into `texts` and `keys`, −1 when the
 * record has none.
 */
export interface TextColumn {
  readonly text: Int32Array;
  readonly texts: readonly string[];
  readonly key: Int32Array;
  readonly keys: readonly string[];
}

/**
 * Accepted records as columns, the form detection reads: a few typed arrays and interned strings
 * per record instead of an object graph, so a million-row ledger costs tens of megabytes, not a
 * gigabyte. The table is self-contained: it holds everything a {@link PurchaseRecord} needs, as it
 * was read once and validated ({@link recordAt} never looks at the input again).
 */
export interface RecordTable {
  /** Number of accepted records. */
  readonly size: number;
  /** Input index of each accepted record, ascending. */
  readonly row: Int32Array;
  readonly id: readonly string[];
  readonly day: Int32Array;
  /** Exact decimal text of each amount, as recorded. */
  readonly amount: readonly string[];
  /**
   * Each amount as a JS number, in the report currency when the table was scanned with a
   * {@link Conversion} (exact up to 15 significant digits, else the nearest double).
   */
  readonly approx: Float64Array;
  /** Interned ISO 4217 codes. */
  readonly currency: Int32Array;
  readonly currencies: readonly string[];
  /** Rate of each currency to the report currency; `undefined` where amounts are taken as recorded. */
  readonly rates: readonly (Decimal | undefined)[];
  readonly buyer: TextColumn;
  readonly vendor: TextColumn;
  readonly category: TextColumn;
  readonly project: TextColumn;
  readonly method: TextColumn;
  /** Subject texts as written (trimmed); their keys are the texts themselves. */
  readonly subject: TextColumn;
  readonly exemption: TextColumn;
  readonly document: readonly (string | undefined)[];
  /** Fields that are not record fields, in null-prototype objects; `undefined` when a record has none. */
  readonly extra: readonly (Readonly<Record<string, unknown>> | undefined)[];
  /** Rejected records, by input index. */
  readonly rejects: readonly RecordReject[];
}

/** Where amounts are summed: the report currency and the value of one unit of each currency in it. */
export interface Conversion {
  readonly currency: string;
  readonly rates: ReadonlyMap<string, Decimal>;
}

const FIELD_NAMES: ReadonlySet<string> = new Set(RECORD_FIELDS);

/**
 * Interns texts as written and, through them, their normalised keys. Without a normalisation a
 * text is its own key: one map serves both (ids of texts and keys are then equal).
 */
class Interner {
  readonly texts: string[] = [];
  readonly keys: string[];
  /** Key id of each text id. */
  readonly keyOf: number[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  constructor(private readonly normalise: ((s: string) => string) | undefined) {
    this.keys = normalise ? [] : this.texts;
  }

  private lastText: string | undefined;
  private lastId = -1;
  /** Whether a text was ever looked up: until then texts may be added unlooked-up ({@link add}). */
  private looked = false;

  /** The text id of `text` (the last one is remembered: a text's key is asked for just before it is set). */
  id(text: string): number {
    if (text === this.lastText) return this.lastId;
    if (!this.looked) {
      // Texts added without a lookup are entered now.
      this.looked = true;
      this.texts.forEach((t, i) => this.byText.set(t, i));
    }
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.add(text);
      this.byText.set(text, id);
    }
    this.lastText = text;
    this.lastId = id;
    return id;
  }

  /**
   * The id of a text the caller knows is new, when no text was looked up yet ({@link id} from then
   * on): a loader's distinct texts, each kept as it was given, are numbered without a hash map.
   */
  fresh(text: string): number {
    return this.looked ? this.id(text) : this.add(text);
  }

  /** Numbers a new text and its key. */
  private add(text: string): number {
    const id = this.texts.length;
    this.texts.push(text);
    if (this.normalise === undefined) this.keyOf.push(id);
    else {
      const key = this.normalise(text);
      let keyId = this.byKey.get(key);
      if (keyId === undefined) {
        keyId = this.keys.length;
        this.keys.push(key);
        this.byKey.set(key, keyId);
      }
      this.keyOf.push(keyId);
    }
    return id;
  }

  /** The key of `text` (interning it): each distinct text is normalised once. */
  readonly keyOfText = (text: string): string => this.keys[this.keyOf[this.id(text)] as number] as string;
}

/** Not read yet: the mark of a text number whose field was not validated yet. */
const UNREAD: unique symbol = Symbol('unread');

/**
 * Builds a column while records are scanned, then trims it to the accepted ones. A caller that
 * numbers its texts (a loader's {@link TextField}) passes each record's number as a hint: a text is
 * then validated and interned once per number, not once per record.
 */
class ColumnBuilder {
  /** Each record's text id (−1: none); the caller's numbers while {@link textHinted}. */
  private text: Int32Array;
  /** Each record's key id (−1: none): {@link text} itself without a normalisation; the caller's numbers while {@link keyHinted}. */
  private key: Int32Array;
  /**
   * The caller's text numbers (its `TextField`.at, the constructor's `numbers`): while every record
   * set is the record of the same index there and its text id (key id; number kept, see
   * {@link eachAt}) is its number itself, the column is those numbers, not written. A loader
   * numbers a field's texts in the order its records first use them, as the table does, so for a
   * ledger whose records all validate as read the table's columns are the loader's numbers (on the
   * Toronto-shaped bench file, up to nine arrays of a number a record: about 4k page faults).
   */
  private numbers: Int32Array | undefined;
  private textHinted: boolean;
  private keyHinted: boolean;
  /** Whether texts have keys of their own (a normalisation): else {@link key} is {@link text}. */
  private readonly normalised: boolean;
  /** Each record's text, when the caller's texts are one per record (see {@link eachColumn}); else `undefined`. */
  private readonly each: (string | undefined)[] | undefined;
  /**
   * With `each` and `plain`, when the caller's texts are read one at a time (`textAt`, see
   * `TextField`): each record's text number (its hint) instead of its text, which is read only
   * when someone reads it (see {@link eachColumn}); else `undefined`.
   */
  private eachAt: Int32Array | undefined;
  /** Whether {@link eachAt} is the caller's numbers ({@link numbers}). */
  private eachAtHinted: boolean;
  private readonly interner: Interner;
  /** The key of a text, memoised per distinct text. */
  readonly keyOf: (text: string) => string;
  /** The field read from each hinted text (a value or `undefined`; {@link UNREAD} until read; errors are read again). */
  private readonly values: (string | undefined | typeof UNREAD)[];
  /** The text id of each hinted text once set, else −1. */
  private readonly ids: Int32Array;
  /** Reads the field from a value as given. */
  private readonly readField: (v: unknown) => string | undefined | FieldError;
  /**
   * The caller's texts are none (a column the file lacks: `hints` 0) and the field is optional:
   * every record's text is −1, written once ({@link text}, which is also {@link key}), not record
   * by record. On the Toronto-shaped bench file, three of the eight text fields.
   */
  private readonly none: boolean;
  /**
   * @param each the caller's texts are one per record, not distinct (a loader's field numbered
   *   `each`: see `TextField`): each record's text is kept as it is and numbered only if someone
   *   reads the column's numbers (a field without normalisation only). @defaultValue false
   * @param plain with `each`: the texts given are plain, an optional text field's (see
   *   `TextField`.plain), each kept as given without being read. @defaultValue false
   */
  constructor(
    private readonly n: number,
    normalise: ((s: string) => string) | undefined,
    read: FieldRead,
    hints?: number,
    each = false,
    private readonly plain = false,
    private readonly textAt?: (t: number) => string,
    numbers?: Int32Array,
  ) {
    this.interner = new Interner(normalise);
    this.keyOf = this.interner.keyOfText;
    const keyOf = this.keyOf;
    this.readField = (v) => read(v, keyOf);
    const lazy = each && normalise === undefined && plain && textAt !== undefined;
    this.each = each && normalise === undefined ? new Array<string | undefined>(lazy ? 0 : n) : undefined;
    const numbered = this.each === undefined ? n : 0;
    this.none = hints === 0 && this.each === undefined && this.readField(undefined) === undefined;
    this.normalised = normalise !== undefined;
    // The caller's numbers, as long as they serve (see `numbers`).
    this.numbers = numbers !== undefined && numbers.length >= n && !this.none && (lazy || this.each === undefined) ? numbers : undefined;
    this.eachAtHinted = lazy && this.numbers !== undefined;
    this.eachAt = lazy ? (this.numbers ?? new Int32Array(n)) : undefined;
    this.textHinted = this.keyHinted = !lazy && this.numbers !== undefined;
    this.text = this.none ? noTexts(numbered) : this.textHinted ? (this.numbers as Int32Array) : new Int32Array(numbered);
    this.key = normalise && !this.none && !this.keyHinted ? new Int32Array(numbered) : this.text;
    this.values = new Array<string | undefined | typeof UNREAD>(this.each === undefined ? (hints ?? 0) : 0).fill(UNREAD);
    this.ids = new Int32Array(this.each === undefined ? (hints ?? 0) : 0).fill(-1);
  }

  /**
   * Makes the columns still the caller's numbers the builder's own, their first `k` entries
   * copied: record k (and those after) does not have its number as id, or is not the caller's record k.
   */
  ownColumns(k: number): void {
    const numbers = this.numbers;
    if (numbers === undefined) return;
    if (this.eachAtHinted) {
      this.eachAt = resized(numbers, k, this.n);
      this.eachAtHinted = false;
    }
    if (this.textHinted) {
      this.text = resized(numbers, k, this.n);
      this.textHinted = false;
    }
    if (this.keyHinted) {
      // Without a normalisation a text id is its key id: one array.
      this.key = this.normalised ? resized(numbers, k, this.n) : this.text;
      this.keyHinted = false;
    }
    this.numbers = undefined;
  }

  /** The field read from `given`, once per hinted text (−1: no hint). */
  read(given: unknown, hint: number): string | undefined | FieldError {
    if (this.none && given === undefined) return undefined;
    // A plain text (or none) is what reading it gives: kept without being read.
    if (this.plain && this.each !== undefined) return given as string | undefined;
    if (hint < 0 || this.each !== undefined) return this.readField(given);
    const known = this.values[hint];
    if (known !== UNREAD) return known;
    const v = this.readField(given);
    if (!(v instanceof FieldError)) this.values[hint] = v;
    return v;
  }

  /**
   * Sets record k's text. `given` is the text of `hint` the value was read from: when the value is
   * that text itself, the caller's texts being distinct, a text met first is new.
   */
  set(k: number, value: string | undefined, hint = -1, given?: unknown): void {
    if (this.none) {
      // −1 already: a column without texts reads no text (see `read`).
      if (value === undefined) return;
      throw new Error(`ColumnBuilder.set: text ${JSON.stringify(value)} in a column given without texts`);
    }
    if (this.eachAt !== undefined) {
      if (!this.eachAtHinted) this.eachAt[k] = hint;
      return;
    }
    if (this.each !== undefined) {
      this.each[k] = value;
      return;
    }
    if (value === undefined) {
      if (this.numbers !== undefined && hint !== -1) this.ownColumns(k);
      if (!this.textHinted) this.text[k] = -1;
      if (!this.keyHinted) this.key[k] = -1;
      return;
    }
    let id = hint < 0 ? -1 : (this.ids[hint] as number);
    if (id < 0) {
      id = hint >= 0 && value === given ? this.interner.fresh(value) : this.interner.id(value);
      if (hint >= 0) this.ids[hint] = id;
    }
    const keyId = this.interner.keyOf[id] as number;
    if (this.textHinted && id !== hint) this.ownColumns(k);
    if (this.keyHinted && keyId !== hint) this.keyOwned(k);
    if (!this.textHinted) this.text[k] = id;
    if (!this.keyHinted) this.key[k] = keyId;
  }

  /** Makes the key column alone the builder's own (the text ids still the caller's numbers), its first `k` entries copied. */
  private keyOwned(k: number): void {
    this.key = resized(this.numbers as Int32Array, k, this.n);
    this.keyHinted = false;
  }

  /** Whether record texts are kept as their numbers, read when read (see {@link eachAt}): the caller need not read them. */
  get readsLater(): boolean {
    return this.eachAt !== undefined;
  }

  /** The column of the first `size` records. */
  build(size: number): TextColumn {
    if (this.eachAt !== undefined) return eachColumn(numberedSource(this.eachAt.subarray(0, size), this.textAt as (t: number) => string));
    if (this.each !== undefined) return eachColumn(arraySource(trimmed(this.each, size)));
    const text = this.text.subarray(0, size);
    return { text, texts: this.interner.texts, key: this.key === this.text ? text : this.key.subarray(0, size), keys: this.interner.keys };
  }
}

/** Where a column made by {@link eachColumn} keeps each record's text, and what it was made from. */
const EACH: unique symbol = Symbol('each');

/** A {@link TextColumn} that may hold each record's text ({@link eachColumn}). */
interface MaybeEach extends TextColumn {
  readonly [EACH]?: EachTexts;
}

/** Each record's text, and the texts the column is numbered over: `all`, of which the records are those at `picked` (all of them when absent). */
interface EachTexts {
  readonly each: EachSource;
  readonly all: EachSource;
  readonly picked?: readonly number[];
}

/** Texts, one per record, read one at a time: an array's, or texts read only when asked for (see `TextField`.textAt). */
interface EachSource {
  readonly size: number;
  text(k: number): string | undefined;
}

/** The texts of an array, as an {@link EachSource}. */
function arraySource(texts: readonly (string | undefined)[]): EachSource {
  return { size: texts.length, text: (k) => texts[k] };
}

/** Texts given by number (−1: none), each read by `textAt` when asked for, as an {@link EachSource}. */
function numberedSource(at: Int32Array, textAt: (t: number) => string): EachSource {
  return {
    size: at.length,
    text: (k) => {
      const t = at[k] as number;
      return t < 0 ? undefined : textAt(t);
    },
  };
}

/**
 * A column of texts compared as written (no normalisation: their keys are the texts) given as
 * each record's text, one per record (a loader's purposes, which nearly all differ): the texts are
 * numbered — interned, in order of first use, as {@link ColumnBuilder} numbers them — only when
 * `text`, `texts`, `key` or `keys` is first read (detection reads them only to compare subjects by
 * their words); {@link textAt} and {@link keyAt} read each record's text without numbering.
 * `picked`: the records are those of `all` at these indexes (a table cut by {@link keepOnly},
 * whose texts stay those of every record it was cut from, as a numbered column's do). O(1); the
 * numbering O(n) plus O(length) per text.
 */
function eachColumn(all: EachSource, picked?: readonly number[]): TextColumn {
  const texts: EachTexts = picked === undefined ? { each: all, all } : { each: { size: picked.length, text: (k) => all.text(picked[k] as number) }, all, picked };
  let numbered: TextColumn | undefined;
  const column = (): TextColumn => {
    if (numbered !== undefined) return numbered;
    // Hundreds of thousands of long texts, nearly all distinct: numbered by hashing (StringIds), not in a Map.
    const ids = new StringIds();
    const numbers = new Int32Array(all.size);
    for (let k = 0; k < all.size; k++) {
      const s = all.text(k);
      numbers[k] = s === undefined ? -1 : ids.id(s);
    }
    const text = picked === undefined ? numbers : Int32Array.from(picked, (k) => numbers[k] as number);
    return (numbered = { text, texts: ids.texts, key: text, keys: ids.texts });
  };
  const c = {} as TextColumn;
  Object.defineProperty(c, EACH, { value: texts });
  for (const f of ['text', 'texts', 'key', 'keys'] as const) Object.defineProperty(c, f, { enumerable: true, get: () => column()[f] });
  return c;
}

/**
 * Validates records into a {@link RecordTable}, reading each field of each record once. Never throws
 * on bad data: each input is either accepted or rejected with its index, id (when usable), field,
 * code and a plain message. A record with several problems is rejected once, for the first in the
 * order of RECORD_FIELDS; the message counts the others. When several otherwise valid records share
 * an id, all of them are rejected (none can be told apart, and keeping the first would make the
 * result depend on input order). With a `conversion`, the remaining records in a currency without a
 * rate are rejected (`no_exchange_rate`) and `approx` is in the report currency.
 *
 * An array marked with {@link reuseTable} (a loader's `ledger.records`) is validated once: later
 * calls check, by reading each record again, that no record, field or array slot changed since,
 * and then start from the table already built (a changed input is validated afresh).
 *
 * Runs in O(n log n) (the ids' hashes sorted, see {@link repeatedIds}; O(n) besides) and allocates
 * per good record only its id's hash (and an object for its
 * other fields, when it has any).
 */
export function scanRecords(input: readonly unknown[], conversion?: Conversion): RecordTable {
  const built = BUILT.get(input);
  if (built !== undefined) return convert(built, conversion);
  let base: RecordTable | undefined;
  const kept = REUSE.get(input);
  if (kept === undefined) base = validateTable(input, undefined);
  else if (kept !== true && unchanged(kept, input)) base = kept.table;
  else {
    const snapshot = new Snapshot(input);
    base = validateTable(input, snapshot);
    REUSE.set(input, snapshot.complete ? { table: base, snapshot } : true);
  }
  return convert(base, conversion);
}

/**
 * Marks an array of records as one that will be validated more than once, unchanged (a loader's
 * `ledger.records`, which a command hands to `detectSplits` and then to `buyerCoverage`): the
 * table {@link scanRecords} builds from it is kept, as long as the array lives, with what it read,
 * so that the next scan of the same, unchanged array skips validation.
 *
 * Runs in O(1).
 */
export function reuseTable(records: readonly unknown[]): void {
  if (!REUSE.has(records)) REUSE.set(records, true);
}

/**
 * The table (before conversion) a scan kept of an array marked with {@link reuseTable}, taken
 * without reading the array again: only for a caller that knows the array has not changed since
 * (the command, between detection and `buyerCoverage`). `undefined` when none was kept. O(1).
 */
export function keptTable(records: readonly unknown[]): RecordTable | undefined {
  const built = BUILT.get(records);
  if (built !== undefined) return built;
  const kept = REUSE.get(records);
  return kept === undefined || kept === true ? undefined : kept.table;
}

/**
 * A stand-in for `count` records already validated into `table` (a loader's records, read as
 * columns): an empty array of their length that {@link scanRecords} and {@link keptTable} answer
 * with the table, without reading it. For a caller that hands a table it built to `detectSplits`
 * and `buyerCoverage` (the command): the array is fresh, holds nothing, and no one else has it.
 * It is sparse: its last slot set and deleted, V8 keeps its slots as a dictionary (empty), not as
 * `count` holes written one by one (on the Toronto-shaped bench file, 3.5 MB: about 880 page
 * faults). Runs in O(1).
 */
export function tableInput(table: RecordTable, count: number): readonly unknown[] {
  const input: unknown[] = [];
  if (count > 0) {
    input[count - 1] = undefined;
    delete input[count - 1];
  }
  BUILT.set(input, table);
  return input;
}

/** The stand-ins made by {@link tableInput} and their tables. */
const BUILT = new WeakMap<readonly unknown[], RecordTable>();

/** Marked arrays: `true` until scanned (or when their reading cannot be checked), then their table and what it was read from. */
const REUSE = new WeakMap<readonly unknown[], true | { readonly table: RecordTable; readonly snapshot: Snapshot }>();

/**
 * What a scan read from each input: the objects, and for each record whose fields are not all
 * exactly the values the table keeps (a rejected record, a number id, a padded text …) the raw
 * values of its fields. Enough to tell, by reading the input again, whether a new scan would give
 * the same table (see {@link unchanged}).
 */
class Snapshot {
  readonly items: unknown[];
  /** Table index of each input index, −1 for a rejected one. */
  readonly at: Int32Array;
  /** The record fields of the inputs the table does not keep as they were given (rejects, numbers, padded text …). */
  readonly raw = new Map<number, readonly unknown[]>();
  /** False when an input cannot be checked by reading it again: the table is then not kept. */
  complete = true;
  constructor(input: readonly unknown[]) {
    this.items = input.slice();
    this.at = new Int32Array(input.length).fill(-1);
  }
}

/** Record fields read by the scan, in the order of RECORD_FIELDS. */
function fieldsOf(obj: Record<string, unknown>): unknown[] {
  return [obj['id'], obj['buyer'], obj['vendor'], obj['date'], obj['amount'], obj['currency'], obj['subject'], obj['category'], obj['project'], obj['method'], obj['document'], obj['exemption']];
}

/** Number of for-in keys of an object. */
function keyCount(obj: object): number {
  let n = 0;
  for (const _ in obj) n++;
  return n;
}

/** Whether `v` is the `YYYY-MM-DD` text of day number `day` (the one text {@link dayOf} reads as it). */
function isDayText(v: unknown, day: number): boolean {
  return typeof v === 'string' && dayOf(v) === day;
}

/** Number of values in `values` that are not undefined. */
function defined(values: readonly unknown[]): number {
  let n = 0;
  for (const v of values) if (v !== undefined) n++;
  return n;
}

/**
 * Whether `input` still holds what `snapshot` read: the same array length, the same object in each
 * slot, each record field the same value (the table's own value, or the raw one kept), the extra
 * fields the same values, and no key added or removed (the for-in keys count what was defined and
 * the extra fields, none else). A read that throws means changed. Runs in O(n · fields).
 */
function unchanged(kept: { readonly table: RecordTable; readonly snapshot: Snapshot }, input: readonly unknown[]): boolean {
  const { table: t, snapshot: s } = kept;
  const n = input.length;
  if (n !== s.items.length) return false;
  try {
    for (let i = 0; i < n; i++) {
      const item = input[i];
      if (item !== s.items[i]) return false;
      const k = s.at[i] as number;
      const raw = s.raw.get(i);
      if (raw === undefined && k < 0) continue; // not an object: the same value, the same reject
      const obj = item as Record<string, unknown>;
      let fields: number;
      if (raw !== undefined) {
        const now = fieldsOf(obj);
        for (let f = 0; f < now.length; f++) if (!Object.is(now[f], raw[f])) return false;
        if (k < 0) continue; // rejected: its fields alone decide its reject
        fields = defined(raw);
      } else {
        if (
          obj['id'] !== t.id[k] || obj['buyer'] !== textAt(t.buyer, k) || obj['vendor'] !== textAt(t.vendor, k) || !isDayText(obj['date'], t.day[k] as number) ||
          obj['amount'] !== t.amount[k] || obj['currency'] !== t.currencies[t.currency[k] as number] || obj['subject'] !== textAt(t.subject, k) ||
          obj['category'] !== textAt(t.category, k) || obj['project'] !== textAt(t.project, k) || obj['method'] !== textAt(t.method, k) ||
          obj['document'] !== t.document[k] || obj['exemption'] !== textAt(t.exemption, k)
        ) {
          return false;
        }
        fields = 6 + present(t.subject, k) + present(t.category, k) + present(t.project, k) + present(t.method, k) + present(t.exemption, k) + (t.document[k] !== undefined ? 1 : 0);
      }
      const extra = t.extra[k];
      if (extra !== undefined) {
        for (const f in extra) {
          if (!Object.is(obj[f], extra[f]) || !Object.prototype.hasOwnProperty.call(obj, f)) return false;
          fields++;
        }
      }
      if (keyCount(obj) !== fields) return false;
    }
  } catch {
    return false;
  }
  return true;
}

/** 1 when table index k has a value in column `c`, else 0. */
function present(c: TextColumn, k: number): number {
  return textAt(c, k) !== undefined ? 1 : 0;
}

/**
 * The table of `input` before conversion: {@link scanRecords} without a `conversion`. With a
 * `snapshot`, notes what it reads for {@link unchanged}.
 */
function validateTable(input: readonly unknown[], snapshot: Snapshot | undefined): RecordTable {
  const b = new TableBuilder(input.length, snapshot);
  const given: unknown[] = new Array(RECORD_FIELDS.length);
  for (let index = 0; index < input.length; index++) {
    // A record whose reading throws (a getter, a Proxy trap, a revoked Proxy) is a reject like any
    // other bad record: bad data never throws.
    let raw: unknown;
    try {
      raw = input[index];
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || isDate(raw)) {
        b.rejects.push({ index, field: '', path: [index], code: 'not_an_object', message: `record ${index} is not an object`, value: raw });
        // A Date or an array may change without another object taking its slot.
        if (snapshot && typeof raw === 'object' && raw !== null) snapshot.complete = false;
        continue;
      }
      const obj = raw as Record<string, unknown>;
      // Each field is read once: what is validated is what the table keeps.
      for (let f = 0; f < given.length; f++) given[f] = obj[RECORD_FIELDS[f] as RecordField];
      b.add(index, given, undefined, obj, undefined);
    } catch (error) {
      b.rejects.push(unreadable(index, raw, error));
      if (snapshot) snapshot.complete = false;
    }
  }
  return b.build();
}

/**
 * The table {@link scanRecords} builds (before conversion) from `recordsOf(columns)`, built from the
 * columns without making the records: each distinct text of a {@link TextField} is validated,
 * normalised and interned once. Runs in O(n log n) (the ids' hashes sorted) plus O(length) per distinct text.
 */
export function columnsTable(columns: RecordColumns): RecordTable {
  const c = columns;
  const b = new TableBuilder(
    c.size,
    undefined,
    textFields((f) => textCount(c[f])),
    textFields((f) => c[f].each === true),
    textFields((f) => c[f].plain === true && OPTIONAL_TEXT.has(f)),
    textFields((f) => c[f].textAt),
    // Each field's numbers: the table's columns while they are its ids (see `ColumnBuilder`.numbers).
    textFields((f) => c[f].at),
  );
  b.addColumns(c);
  return b.build();
}

/**
 * Validates records, one call of {@link add} each, into the columns of a {@link RecordTable}: the
 * one place that says how a record's fields are read, kept or rejected, whether the records come as
 * objects ({@link validateTable}) or as columns ({@link columnsTable}).
 */
class TableBuilder {
  private readonly rows: Int32Array;
  private ids: string[] = [];
  private readonly days: Int32Array;
  private amounts: string[] = [];
  private readonly approx: Float64Array;
  private readonly cols: Readonly<Record<TextFieldName, ColumnBuilder>>;
  private documents: (string | undefined)[] = [];
  private extras: (Readonly<Record<string, unknown>> | undefined)[] = [];
  /**
   * The columns whose id, amount, document and extra columns are the table's as they are, while
   * every record read from them is kept, in order, with those values as given ({@link addColumns}):
   * {@link ids} … are then not written (four arrays of a pointer a record: on the Toronto-shaped
   * bench file about 3.5k of the main thread's page faults); `undefined` once they are.
   */
  private given: RecordColumns | undefined;
  /** Whether {@link ids} … are allocated, records written into them ({@link ownColumns}). */
  private owned = false;
  readonly rejects: RecordReject[] = [];
  /** The day of each valid date text met as given (up to {@link DATES_KEPT} of them). */
  private readonly dayOfDate = new Map<string, number>();
  private size = 0;

  /**
   * @param hints the number of texts each text field's hints number, when given.
   * @param each the text fields whose hints number each record's text, not distinct texts (see `TextField`.each).
   */
  constructor(
    private readonly n: number,
    private readonly snapshot: Snapshot | undefined,
    hints?: Readonly<Record<TextFieldName, number>>,
    each?: Readonly<Record<TextFieldName, boolean>>,
    plain?: Readonly<Record<TextFieldName, boolean>>,
    textAt?: Readonly<Record<TextFieldName, ((t: number) => string) | undefined>>,
    numbers?: Readonly<Record<TextFieldName, Int32Array>>,
  ) {
    this.rows = new Int32Array(n);
    this.days = new Int32Array(n);
    this.approx = new Float64Array(n);
    this.cols = textFields((f) => new ColumnBuilder(n, KEY_OF[f], READ[f], hints?.[f], each?.[f], plain?.[f], textAt?.[f], numbers?.[f]));
  }

  /**
   * Makes the id, amount, document and extra columns the table's own ({@link given} until then: its
   * first {@link size} entries copied), for records to be written into.
   */
  private ownColumns(): void {
    const { n, size, given } = this;
    this.given = undefined;
    this.owned = true;
    this.ids = new Array(n);
    this.amounts = new Array(n);
    this.documents = new Array(n);
    this.extras = new Array(n);
    if (given === undefined) return;
    for (let k = 0; k < size; k++) {
      this.ids[k] = given.id[k] as string;
      this.amounts[k] = given.amount[k] as string;
      this.documents[k] = given.document[k];
      this.extras[k] = given.extra[k];
    }
  }

  /**
   * Validates input `index` from its record fields as given (`g`, in the order of RECORD_FIELDS),
   * and keeps it or rejects it. `hint[f]` numbers the text of field f among the caller's (−1: none);
   * `obj` is the record object the fields were read from (its other fields are its extra ones),
   * else `extra` gives them.
   */
  add(index: number, g: readonly unknown[], hint: Int32Array | undefined, obj: Record<string, unknown> | undefined, extra: Readonly<Record<string, unknown>> | undefined): void {
    const { cols, snapshot } = this;
    if (!this.owned) this.ownColumns();
    const h = hint ?? NO_HINTS;
    const id = readId(g[0]);
    const buyer = cols.buyer.read(g[1], h[1] as number);
    const vendor = cols.vendor.read(g[2], h[2] as number);
    // A date text read before is valid, its day known (ledgers repeat their dates).
    const known = typeof g[3] === 'string' ? this.dayOfDate.get(g[3]) : undefined;
    const date = known === undefined ? readDate(g[3]) : (g[3] as string);
    const amount = readAmountText(g[4]);
    const cur = cols.currency.read(g[5], h[5] as number);
    const subject = cols.subject.read(g[6], h[6] as number);
    const category = cols.category.read(g[7], h[7] as number);
    const project = cols.project.read(g[8], h[8] as number);
    const method = cols.method.read(g[9], h[9] as number);
    const document = readOptional('document', g[10]);
    const exemption = cols.exemption.read(g[11], h[11] as number);
    if (
      id instanceof FieldError || buyer instanceof FieldError || vendor instanceof FieldError || date instanceof FieldError ||
      amount instanceof FieldError || cur instanceof FieldError || subject instanceof FieldError ||
      category instanceof FieldError || project instanceof FieldError || method instanceof FieldError ||
      document instanceof FieldError || exemption instanceof FieldError
    ) {
      const read = [id, buyer, vendor, date, amount, cur, subject, category, project, method, document, exemption];
      this.rejects.push(firstProblem(index, g, read));
      snapshot?.raw.set(index, g.slice());
      return;
    }
    // Read before the record takes a row: reading the other fields may throw.
    const other = obj !== undefined ? otherFields(obj) : extra;
    const k = this.size++;
    this.rows[k] = index;
    this.ids[k] = id;
    const day = known ?? (dayOf(date as string) as number);
    if (known === undefined && date === g[3] && this.dayOfDate.size < DATES_KEPT) this.dayOfDate.set(date, day);
    this.days[k] = day;
    this.amounts[k] = amount;
    this.approx[k] = approxNumber(amount as string);
    cols.currency.set(k, cur as string, h[5] as number, g[5]);
    cols.buyer.set(k, buyer as string, h[1] as number, g[1]);
    cols.vendor.set(k, vendor as string, h[2] as number, g[2]);
    cols.category.set(k, category, h[7] as number, g[7]);
    cols.project.set(k, project, h[8] as number, g[8]);
    cols.method.set(k, method, h[9] as number, g[9]);
    cols.subject.set(k, subject, h[6] as number, g[6]);
    cols.exemption.set(k, exemption, h[11] as number, g[11]);
    this.documents[k] = document;
    this.extras[k] = other;
    if (snapshot && obj) {
      // The table keeps these values as they were given: a check compares them with the table.
      if (
        g[0] === id && g[1] === buyer && g[2] === vendor && g[3] === date && g[4] === amount && g[5] === cur &&
        g[6] === subject && g[7] === category && g[8] === project && g[9] === method && g[10] === document && g[11] === exemption
      ) {
        noteKeys(snapshot, index, k, obj, other, 6 + defined([subject, category, project, method, document, exemption]));
      } else {
        snapshot.raw.set(index, g.slice());
        noteKeys(snapshot, index, k, obj, other, defined(g));
      }
    }
  }

  /**
   * {@link add} of every record of `c`, in order, as {@link columnsTable} calls it: the same reads,
   * interning order and table, with each field read straight from its column (no array of the
   * fields given, no hint array, one check for a problem). A record with a problem goes through
   * {@link add} itself, which reads it again (reads are pure; a text number's value is kept once
   * read) and rejects it. On the Toronto-shaped bench file's 447,912 records, 8 alternating runs
   * in one process: 514 ms of CPU at best, against 574 ms through {@link add} with arrays of the
   * fields given (repeated ids then still numbered per record: see {@link repeatedIds}).
   */
  addColumns(c: RecordColumns): void {
    const { cols } = this;
    const n = c.size;
    const { buyer, vendor, currency, subject, category, project, method, exemption } = c;
    // The columns given are the table's while every record is kept as given (see `given`): not copied.
    if (!this.owned && this.size === 0 && n === this.n && c.id.length === n && c.amount.length === n && c.document.length === n && c.extra.length === n) this.given = c;
    else if (!this.owned) this.ownColumns();
    // Purposes read when read (see `ColumnBuilder`.eachAt): kept by number, not read here.
    const later = cols.subject.readsLater;
    for (let i = 0; i < n; i++) {
      const tb = buyer.at[i] as number;
      const tv = vendor.at[i] as number;
      const tc = currency.at[i] as number;
      const ts = subject.at[i] as number;
      const tg = category.at[i] as number;
      const tp = project.at[i] as number;
      const tm = method.at[i] as number;
      const te = exemption.at[i] as number;
      const gb = tb < 0 ? undefined : buyer.texts[tb];
      const gv = tv < 0 ? undefined : vendor.texts[tv];
      const gc = tc < 0 ? undefined : currency.texts[tc];
      const gs = ts < 0 || later ? undefined : subject.texts[ts];
      const gg = tg < 0 ? undefined : category.texts[tg];
      const gp = tp < 0 ? undefined : project.texts[tp];
      const gm = tm < 0 ? undefined : method.texts[tm];
      const ge = te < 0 ? undefined : exemption.texts[te];
      const gd = c.date[i];
      const ga = c.amount[i];
      const gdoc = c.document[i];
      const id = readId(c.id[i]);
      const b = cols.buyer.read(gb, tb);
      const v = cols.vendor.read(gv, tv);
      const known = typeof gd === 'string' ? this.dayOfDate.get(gd) : undefined;
      const date = known === undefined ? readDate(gd) : (gd as string);
      const amount = readAmountText(ga);
      const cur = cols.currency.read(gc, tc);
      const s = cols.subject.read(gs, ts);
      const g = cols.category.read(gg, tg);
      const p = cols.project.read(gp, tp);
      const m = cols.method.read(gm, tm);
      const doc = gdoc === undefined ? undefined : readOptional('document', gdoc);
      const e = cols.exemption.read(ge, te);
      if (
        typeof id !== 'string' || typeof b !== 'string' || typeof v !== 'string' || typeof date !== 'string' || typeof amount !== 'string' || typeof cur !== 'string' ||
        s instanceof FieldError || g instanceof FieldError || p instanceof FieldError || m instanceof FieldError || doc instanceof FieldError || e instanceof FieldError
      ) {
        const given = [c.id[i], gb, gv, gd, ga, gc, later && ts >= 0 ? (subject.textAt as (t: number) => string)(ts) : gs, gg, gp, gm, gdoc, ge];
        if (!this.owned) this.ownColumns();
        // The records after this one are no longer those of the same index in the numbers given.
        for (const f of TEXT_FIELDS) cols[f].ownColumns(this.size);
        this.add(i, given, Int32Array.of(-1, tb, tv, -1, -1, tc, ts, tg, tp, tm, -1, te), undefined, c.extra[i]);
        continue;
      }
      if (this.given !== undefined && (id !== c.id[i] || amount !== ga || doc !== gdoc)) this.ownColumns();
      const k = this.size++;
      this.rows[k] = i;
      const day = known ?? (dayOf(date) as number);
      if (known === undefined && date === gd && this.dayOfDate.size < DATES_KEPT) this.dayOfDate.set(date, day);
      this.days[k] = day;
      this.approx[k] = approxNumber(amount);
      cols.currency.set(k, cur, tc, gc);
      cols.buyer.set(k, b, tb, gb);
      cols.vendor.set(k, v, tv, gv);
      cols.category.set(k, g, tg, gg);
      cols.project.set(k, p, tp, gp);
      cols.method.set(k, m, tm, gm);
      cols.subject.set(k, s, ts, gs);
      cols.exemption.set(k, e, te, ge);
      if (this.given !== undefined) continue;
      this.ids[k] = id;
      this.amounts[k] = amount;
      this.documents[k] = doc;
      this.extras[k] = c.extra[i];
    }
  }

  /** The table: every record of a repeated id rejected, rejects by index. */
  build(): RecordTable {
    const { size, rows, cols, n, given } = this;
    // Every record kept as given (see `given`): the columns given, as they are.
    const ids: readonly string[] = given ? given.id : trimmed(this.ids, size);
    const rejects = this.rejects;
    // Every record of a repeated id, in input order (a second pass only when some id repeats).
    const repeated = repeatedIds(ids, size);
    const repeats = new Map<string, number[]>();
    if (repeated.size > 0) {
      for (let k = 0; k < size; k++) {
        const id = ids[k] as string;
        if (!repeated.has(id)) continue;
        const list = repeats.get(id);
        if (list) list.push(rows[k] as number);
        else repeats.set(id, [rows[k] as number]);
      }
    }
    const drop = new Uint8Array(n);
    for (const [id, indexes] of repeats) {
      for (const index of indexes) {
        drop[index] = 1;
        const { named, more } = othersNamed(indexes, index);
        rejects.push({
          index,
          id,
          field: 'id',
          path: [index, 'id'],
          code: 'duplicate_id',
          message: `id "${id}" is also used by record${indexes.length > 2 ? 's' : ''} ${named.join(', ')}${more > 0 ? ` and ${groupedCount(more)} more` : ''}; ids must be unique`,
          value: id,
        });
      }
    }
    rejects.sort((a, b) => a.index - b.index);
    const currency = cols.currency.build(size);
    const table: RecordTable = {
      size,
      row: rows.subarray(0, size),
      id: ids,
      day: this.days.subarray(0, size),
      amount: given ? given.amount : trimmed(this.amounts, size),
      approx: this.approx.subarray(0, size),
      currency: currency.text,
      currencies: currency.texts,
      rates: currency.texts.map(() => undefined),
      buyer: cols.buyer.build(size),
      vendor: cols.vendor.build(size),
      category: cols.category.build(size),
      project: cols.project.build(size),
      method: cols.method.build(size),
      subject: cols.subject.build(size),
      exemption: cols.exemption.build(size),
      document: given ? given.document : trimmed(this.documents, size),
      extra: given ? given.extra : trimmed(this.extras, size),
      rejects,
    };
    return repeats.size === 0 ? table : keepOnly(table, (k) => drop[rows[k] as number] === 0, this.snapshot);
  }
}

/**
 * The ids that the first `size` of `ids` hold more than once. Ids are fresh strings, each met once
 * in a good ledger: each is hashed (see `hashOf`), the hashes that come more than once are found
 * ({@link sharedHashes}), and only ids with such a hash are compared as strings — no hash table
 * probed at random per id. On the Toronto-shaped bench file's 447,912 ids, {@link columnsTable}
 * with it took 416 ms of CPU at best against 541 ms with a `StringIds` numbering each id as it was
 * validated (10 alternating runs in one process; the hash table's random probes were a quarter of
 * its time). O(n log n) at worst, O(n) for hashes spread evenly.
 *
 * @example
 * [...repeatedIds(['a', 'b', 'a', 'c', 'b', 'a'], 6)] //=> ['a', 'b']
 */
export function repeatedIds(ids: readonly string[], size: number): Set<string> {
  const hashes = new Int32Array(size);
  for (let k = 0; k < size; k++) hashes[k] = hashOf(ids[k] as string);
  // Hashes that come more than once (a handful in half a million distinct ids).
  const shared = sharedHashes(hashes);
  const repeated = new Set<string>();
  if (shared.size === 0) return repeated;
  const seen = new Set<string>();
  for (let k = 0; k < size; k++) {
    if (!shared.has(hashes[k] as number)) continue;
    const id = ids[k] as string;
    if (seen.has(id)) repeated.add(id);
    else seen.add(id);
  }
  return repeated;
}

/** The high bits of a hash that pick its bucket in {@link sharedHashes}. */
const BUCKET_BITS = 14;

/** Buckets larger than this are sorted natively; smaller ones in place, by insertion. */
const SMALL_BUCKET = 32;

/**
 * The values that `hashes` holds more than once. The hashes are put into buckets by their
 * {@link BUCKET_BITS} high bits (a count and a copy, in two passes), and each bucket, a few dozen
 * of half a million well-spread hashes, is sorted on its own and its equal neighbours noted: a
 * natively sorted copy of them all took about half again as long (on the Toronto-shaped bench
 * file's 447,912 ids, `repeatedIds` 25-30 ms of CPU against 37-47 ms, 4 alternating runs, with
 * as many page faults). A bucket larger than {@link SMALL_BUCKET} (hashes that are not spread:
 * ids chosen so) is sorted natively, so that the worst case stays O(n log n).
 *
 * @example
 * [...sharedHashes(Int32Array.of(5, -7, 5, 9, -7, 5))].sort((a, b) => a - b) //=> [-7, 5]
 */
export function sharedHashes(hashes: Int32Array): Set<number> {
  const n = hashes.length;
  const buckets = 1 << BUCKET_BITS;
  const shift = 32 - BUCKET_BITS;
  // Where each bucket starts in `grouped` (and, at buckets, its end).
  const starts = new Int32Array(buckets + 1);
  for (let k = 0; k < n; k++) {
    const b = ((hashes[k] as number) >>> shift) + 1;
    starts[b] = (starts[b] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  const next = starts.slice(0, buckets);
  const grouped = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const h = hashes[k] as number;
    const b = h >>> shift;
    const at = next[b] as number;
    next[b] = at + 1;
    grouped[at] = h;
  }
  const shared = new Set<number>();
  for (let b = 0; b < buckets; b++) {
    const from = starts[b] as number;
    const to = starts[b + 1] as number;
    if (to - from < 2) continue;
    if (to - from > SMALL_BUCKET) grouped.subarray(from, to).sort();
    else {
      for (let i = from + 1; i < to; i++) {
        const h = grouped[i] as number;
        let j = i - 1;
        for (; j >= from && (grouped[j] as number) > h; j--) grouped[j + 1] = grouped[j] as number;
        grouped[j + 1] = h;
      }
    }
    for (let i = from + 1; i < to; i++) if (grouped[i] === grouped[i - 1]) shared.add(grouped[i] as number);
  }
  return shared;
}

/** How each text field is compared: its key (texts kept as written are their own keys). */
const KEY_OF: Readonly<Record<TextFieldName, ((s: string) => string) | undefined>> = {
  buyer: normalizeText,
  vendor: vendorKey,
  currency: undefined,
  subject: undefined,
  category: categoryKey,
  project: normalizeText,
  method: normalizeText,
  exemption: undefined,
};

/** How a text field is read from a value as given, `keyOf` giving a text's key (memoised). */
type FieldRead = (v: unknown, keyOf: (s: string) => string) => string | undefined | FieldError;

/** How each text field is read. */
const READ: Readonly<Record<TextFieldName, FieldRead>> = {
  buyer: (v) => readName('buyer', v),
  vendor: readVendor,
  currency: readCurrency,
  subject: (v) => readOptional('subject', v),
  category: readCategory,
  project: (v) => readOptional('project', v),
  method: (v) => readOptional('method', v),
  exemption: (v) => readOptional('exemption', v),
};

/** The text fields read as optional text (`readOptional`), whose texts a loader may give as plain (see `TextField`.plain). */
const OPTIONAL_TEXT: ReadonlySet<TextFieldName> = new Set(['subject', 'project', 'method', 'exemption']);

/** Distinct date texts whose day a scan remembers. */
const DATES_KEPT = 1 << 16;

/** No hint for any field. */
const NO_HINTS: Int32Array = new Int32Array(RECORD_FIELDS.length).fill(-1);

/**
 * Notes that input `index` is table index k, and checks that its for-in keys are its `fields`
 * record fields with a value and its extra fields, none else: otherwise (a key whose value is
 * undefined, an inherited one) a key could be swapped unseen, and the table is not kept.
 */
function noteKeys(snapshot: Snapshot, index: number, k: number, obj: Record<string, unknown>, extra: Record<string, unknown> | undefined, fields: number): void {
  snapshot.at[index] = k;
  const count = keyCount(obj);
  let expected = fields;
  if (extra !== undefined) for (const f in extra) {
    if (extra[f] === undefined) snapshot.complete = false;
    expected++;
  }
  if (count !== expected) snapshot.complete = false;
}

/** An array cut to its first `size` entries (in place: the scan's own arrays). */
function trimmed<T>(a: T[], size: number): T[] {
  a.length = size;
  return a;
}

/**
 * The table with only the records `keep` says, in order; the snapshot's table indexes follow (a
 * record dropped is checked by its raw values).
 */
function keepOnly(t: RecordTable, keep: (k: number) => boolean, snapshot?: Snapshot): RecordTable {
  const kept: number[] = [];
  for (let k = 0; k < t.size; k++) if (keep(k)) kept.push(k);
  if (snapshot) {
    const next = new Int32Array(t.size).fill(-1);
    kept.forEach((k, j) => (next[k] = j));
    for (let i = 0; i < snapshot.at.length; i++) {
      const k = snapshot.at[i] as number;
      if (k < 0) continue;
      const j = next[k] as number;
      if (j < 0) {
        // Dropped: checked by its values as given (those the table had, unless kept already).
        if (!snapshot.raw.has(i)) snapshot.raw.set(i, rawOf(t, k));
        snapshot.at[i] = -1;
      } else snapshot.at[i] = j;
    }
  }
  const take = <T extends Int32Array | Float64Array>(a: T): T => (a.constructor as unknown as { from(x: ArrayLike<number>): T }).from(kept.map((k) => a[k] as number));
  const pick = <T>(a: readonly T[]): T[] => kept.map((k) => a[k] as T);
  const column = (c: TextColumn): TextColumn => {
    const each = (c as MaybeEach)[EACH];
    if (each !== undefined) return eachColumn(each.all, each.picked === undefined ? kept : kept.map((k) => each.picked?.[k] as number));
    const text = take(c.text);
    return { text, texts: c.texts, key: c.key === c.text ? text : take(c.key), keys: c.keys };
  };
  return {
    ...t,
    size: kept.length,
    row: take(t.row),
    id: pick(t.id),
    day: take(t.day),
    amount: pick(t.amount),
    approx: take(t.approx),
    currency: take(t.currency),
    buyer: column(t.buyer),
    vendor: column(t.vendor),
    category: column(t.category),
    project: column(t.project),
    method: column(t.method),
    subject: column(t.subject),
    exemption: column(t.exemption),
    document: pick(t.document),
    extra: pick(t.extra),
  };
}

/** The record fields of table index k as they were given (for a record the table kept as given). */
function rawOf(t: RecordTable, k: number): unknown[] {
  return [t.id[k], textAt(t.buyer, k), textAt(t.vendor, k), isoOf(t.day[k] as number), t.amount[k], t.currencies[t.currency[k] as number], textAt(t.subject, k), textAt(t.category, k), textAt(t.project, k), textAt(t.method, k), t.document[k], textAt(t.exemption, k)];
}

/**
 * A table in the report currency: the records in a currency without a rate rejected
 * (`no_exchange_rate`), `rates` and `approx` converted. Never changes `base` (a kept table serves
 * several conversions); the rejects are fresh copies.
 */
function convert(base: RecordTable, conversion: Conversion | undefined): RecordTable {
  const rejects = base.rejects.map((r) => ({ ...r, path: [...r.path] }));
  if (conversion === undefined) return { ...base, rejects };
  const rates = base.currencies.map((c) => (c === conversion.currency ? undefined : conversion.rates.get(c)));
  const convertible = base.currencies.map((c, i) => c === conversion.currency || rates[i] !== undefined);
  let t: RecordTable = { ...base, rates, rejects };
  if (!convertible.every(Boolean)) {
    for (let k = 0; k < base.size; k++) {
      const c = base.currency[k] as number;
      if (convertible[c]) continue;
      const index = base.row[k] as number;
      const code = base.currencies[c] as string;
      rejects.push({
        index,
        id: base.id[k] as string,
        field: 'currency',
        path: [index, 'currency'],
        code: 'no_exchange_rate',
        message: `currency ${code} has no exchange rate to ${conversion.currency}: give the rate of ${code} (units of ${conversion.currency} per 1 ${code})`,
        value: code,
      });
    }
    rejects.sort((a, b) => a.index - b.index);
    t = keepOnly(t, (k) => convertible[base.currency[k] as number] === true);
  }
  if (rates.some((r) => r !== undefined)) {
    const rateApprox = rates.map((r) => r?.toNumber());
    const approx = t.approx === base.approx ? t.approx.slice() : t.approx;
    for (let k = 0; k < approx.length; k++) {
      const r = rateApprox[t.currency[k] as number];
      if (r !== undefined) approx[k] = (approx[k] as number) * r;
    }
    t = { ...t, approx };
  }
  return t;
}

/**
 * The reject of a record whose reading threw: located by the first field (record fields first, then
 * the others) whose read throws again, or by the record as a whole; no `value`, since the record
 * cannot be looked at.
 */
function unreadable(index: number, raw: unknown, error: unknown): RecordReject {
  const field = throwingField(raw);
  const what = field === '' ? `record ${index}` : `field ${field} of record ${index}`;
  return { index, field, path: field === '' ? [index] : [index, field], code: 'unreadable_record', message: `${what} cannot be read: ${thrownText(error)}` };
}

/** The first field whose read throws, or '' when none does alone (the record as a whole cannot be read). */
function throwingField(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return '';
  const obj = raw as Record<string, unknown>;
  try {
    Reflect.ownKeys(obj);
  } catch {
    return '';
  }
  for (const f of RECORD_FIELDS) {
    try {
      void obj[f];
    } catch {
      return f;
    }
  }
  try {
    for (const f in obj) {
      try {
        void obj[f];
      } catch {
        return f;
      }
    }
  } catch {
    return '';
  }
  return '';
}

/**
 * The reject of a record with problems: the first field in the order of RECORD_FIELDS whose reading
 * failed, with the number of other problems.
 */
function firstProblem(index: number, given: readonly unknown[], read: readonly unknown[]): RecordReject {
  const failures: number[] = [];
  read.forEach((v, f) => v instanceof FieldError && failures.push(f));
  const at = failures[0] as number;
  const field = RECORD_FIELDS[at] as RecordField;
  const f = read[at] as FieldError;
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more problem${failures.length > 2 ? 's' : ''})` : '';
  return {
    index,
    ...(typeof read[0] === 'string' ? { id: read[0] } : {}),
    field,
    path: [index, field],
    code: f.code,
    message: f.message + more,
    value: given[at],
  };
}

/** A record's own fields that are not record fields, in a null-prototype object; undefined when none. */
function otherFields(obj: Record<string, unknown>): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const f in obj) {
    if (!FIELD_NAMES.has(f) && Object.prototype.hasOwnProperty.call(obj, f)) (out ??= Object.create(null) as Record<string, unknown>)[f] = obj[f];
  }
  return out;
}

/** The text of column `c` for table index k, or undefined. */
function textAt(c: TextColumn, k: number): string | undefined {
  const each = (c as MaybeEach)[EACH];
  if (each !== undefined) return each.each.text(k);
  const i = c.text[k] as number;
  return i < 0 ? undefined : c.texts[i];
}

/** The key of column `c` for table index k, or undefined. */
export function keyAt(c: TextColumn, k: number): string | undefined {
  const each = (c as MaybeEach)[EACH];
  if (each !== undefined) return each.each.text(k);
  const i = c.key[k] as number;
  return i < 0 ? undefined : c.keys[i];
}

/** Number of distinct keys the records of the table carry in column `c`. Runs in O(n). */
export function distinctKeys(c: TextColumn): number {
  const seen = new Uint8Array(c.keys.length);
  let count = 0;
  for (let k = 0; k < c.key.length; k++) {
    const key = c.key[k] as number;
    if (key >= 0 && !seen[key]) {
      seen[key] = 1;
      count++;
    }
  }
  return count;
}

/**
 * The exact value of table index k in the report currency (its amount as recorded when the table
 * has no conversion or the record is in the report currency).
 */
export function valueAt(t: RecordTable, k: number): Decimal {
  const amount = amountAt(t, k);
  const rate = t.rates[t.currency[k] as number];
  return rate === undefined ? amount : amount.times(rate);
}

/**
 * The amount of table index k as a Decimal, made once per distinct amount text of the table (a
 * Decimal is immutable, so records and values share it): a ledger repeats its amounts, and
 * detection asks for a record's amount and its value. Looked up by text, not kept by index:
 * detection asks for few of a table's records (on the Toronto-shaped bench file, about 22k calls
 * for 447,912 records), and an array by index cost a slot a record (3.5 MB, about 880 page faults).
 */
export function amountAt(t: RecordTable, k: number): Decimal {
  let made = DECIMALS.get(t.amount);
  if (made === undefined) DECIMALS.set(t.amount, (made = new Map()));
  const text = t.amount[k] as string;
  let d = made.get(text);
  if (d === undefined) made.set(text, (d = new D(text)));
  return d;
}

/** The Decimals made from each table's amounts, by text (tables of one scan share their amount texts). */
const DECIMALS = new WeakMap<readonly string[], Map<string, Decimal>>();

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);

/** The k-th accepted record as a {@link PurchaseRecord}, from the table alone. Runs in O(fields). */
export function recordAt(t: RecordTable, k: number): PurchaseRecord {
  const day = t.day[k] as number;
  return {
    index: t.row[k] as number,
    id: t.id[k] as string,
    buyer: textAt(t.buyer, k) as string,
    buyerKey: keyAt(t.buyer, k) as string,
    vendor: textAt(t.vendor, k) as string,
    vendorKey: keyAt(t.vendor, k) as string,
    date: isoOf(day),
    day,
    amount: amountAt(t, k),
    currency: t.currencies[t.currency[k] as number] as string,
    subject: textAt(t.subject, k),
    category: textAt(t.category, k),
    categoryKey: keyAt(t.category, k),
    project: textAt(t.project, k),
    projectKey: keyAt(t.project, k),
    method: textAt(t.method, k),
    methodKey: keyAt(t.method, k),
    document: t.document[k],
    exemption: textAt(t.exemption, k),
    extra: t.extra[k] ?? EMPTY,
  };
}
