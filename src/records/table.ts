import type { Decimal } from 'decimal.js';
import { RECORD_FIELDS, type PurchaseRecord, type RecordField, type RecordReject } from './record.js';
import { FieldError, isDate, readAmountText, readCategory, readCurrency, readDate, readId, readName, readOptional, readVendor } from './fields.js';
import { categoryKey, normalizeText, vendorKey } from './normalize.js';
import { dayOf, isoOf } from '../_lib/days.js';
import { D } from '../_lib/decimal.js';
import { thrownText } from '../_lib/thrown.js';
import { StringIds } from './stringIds.js';

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

  /** The text id of `text` (the last one is remembered: a text's key is asked for just before it is set). */
  id(text: string): number {
    if (text === this.lastText) return this.lastId;
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.byText.set(text, id);
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
    }
    this.lastText = text;
    this.lastId = id;
    return id;
  }

  /** The key of `text` (interning it): each distinct text is normalised once. */
  readonly keyOfText = (text: string): string => this.keys[this.keyOf[this.id(text)] as number] as string;
}

/** Builds a column while records are scanned, then trims it to the accepted ones. */
class ColumnBuilder {
  readonly text: Int32Array;
  readonly key: Int32Array;
  private readonly interner: Interner;
  /** The key of a text, memoised per distinct text. */
  readonly keyOf: (text: string) => string;
  constructor(n: number, normalise: ((s: string) => string) | undefined) {
    this.interner = new Interner(normalise);
    this.keyOf = this.interner.keyOfText;
    this.text = new Int32Array(n);
    this.key = normalise ? new Int32Array(n) : this.text;
  }

  set(k: number, value: string | undefined): void {
    if (value === undefined) {
      this.text[k] = -1;
      this.key[k] = -1;
      return;
    }
    const id = this.interner.id(value);
    this.text[k] = id;
    this.key[k] = this.interner.keyOf[id] as number;
  }

  /** The column of the first `size` records. */
  build(size: number): TextColumn {
    const text = this.text.subarray(0, size);
    return { text, texts: this.interner.texts, key: this.key === this.text ? text : this.key.subarray(0, size), keys: this.interner.keys };
  }
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
 * Runs in O(n) and allocates per good record only its id's entry in a map (and an object for its
 * other fields, when it has any).
 */
export function scanRecords(input: readonly unknown[], conversion?: Conversion): RecordTable {
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
  const kept = REUSE.get(records);
  return kept === undefined || kept === true ? undefined : kept.table;
}

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
  return (c.text[k] as number) >= 0 ? 1 : 0;
}

/**
 * The table of `input` before conversion: {@link scanRecords} without a `conversion`. With a
 * `snapshot`, notes what it reads for {@link unchanged}.
 */
function validateTable(input: readonly unknown[], snapshot: Snapshot | undefined): RecordTable {
  const n = input.length;
  const rows = new Int32Array(n);
  const ids: string[] = new Array(n);
  const days = new Int32Array(n);
  const amounts: string[] = new Array(n);
  const approx = new Float64Array(n);
  const currency = new Int32Array(n);
  const currencies = new Interner(undefined);
  const cols = {
    buyer: new ColumnBuilder(n, normalizeText),
    vendor: new ColumnBuilder(n, vendorKey),
    category: new ColumnBuilder(n, categoryKey),
    project: new ColumnBuilder(n, normalizeText),
    method: new ColumnBuilder(n, normalizeText),
    subject: new ColumnBuilder(n, undefined),
    exemption: new ColumnBuilder(n, undefined),
  };
  const documents: (string | undefined)[] = new Array(n);
  const extras: (Record<string, unknown> | undefined)[] = new Array(n);
  const rejects: RecordReject[] = [];
  // Ids are fresh strings, each met once in a good ledger: numbered without V8's Map (see StringIds).
  const seen = new StringIds();
  const repeated = new Set<string>();
  let size = 0;

  for (let index = 0; index < n; index++) {
    // A record whose reading throws (a getter, a Proxy trap, a revoked Proxy) is a reject like any
    // other bad record: bad data never throws.
    let raw: unknown;
    try {
      raw = input[index];
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || isDate(raw)) {
        rejects.push({ index, field: '', path: [index], code: 'not_an_object', message: `record ${index} is not an object`, value: raw });
        // A Date or an array may change without another object taking its slot.
        if (snapshot && typeof raw === 'object' && raw !== null) snapshot.complete = false;
        continue;
      }
      const obj = raw as Record<string, unknown>;
      // Each field is read once: what is validated is what the table keeps.
      const idIn = obj['id'];
      const buyerIn = obj['buyer'];
      const vendorIn = obj['vendor'];
      const dateIn = obj['date'];
      const amountIn = obj['amount'];
      const currencyIn = obj['currency'];
      const subjectIn = obj['subject'];
      const categoryIn = obj['category'];
      const projectIn = obj['project'];
      const methodIn = obj['method'];
      const documentIn = obj['document'];
      const exemptionIn = obj['exemption'];
      const id = readId(idIn);
      const buyer = readName('buyer', buyerIn);
      const vendor = readVendor(vendorIn, cols.vendor.keyOf);
      const date = readDate(dateIn);
      const amount = readAmountText(amountIn);
      const cur = readCurrency(currencyIn);
      const subject = readOptional('subject', subjectIn);
      const category = readCategory(categoryIn, cols.category.keyOf);
      const project = readOptional('project', projectIn);
      const method = readOptional('method', methodIn);
      const document = readOptional('document', documentIn);
      const exemption = readOptional('exemption', exemptionIn);
      if (
        id instanceof FieldError || buyer instanceof FieldError || vendor instanceof FieldError || date instanceof FieldError ||
        amount instanceof FieldError || cur instanceof FieldError || subject instanceof FieldError ||
        category instanceof FieldError || project instanceof FieldError || method instanceof FieldError ||
        document instanceof FieldError || exemption instanceof FieldError
      ) {
        const given: Record<RecordField, unknown> = {
          id: idIn, buyer: buyerIn, vendor: vendorIn, date: dateIn, amount: amountIn, currency: currencyIn,
          subject: subjectIn, category: categoryIn, project: projectIn, method: methodIn, document: documentIn, exemption: exemptionIn,
        };
        const read: Record<RecordField, unknown> = { id, buyer, vendor, date, amount, currency: cur, subject, category, project, method, document, exemption };
        rejects.push(firstProblem(index, given, read));
        snapshot?.raw.set(index, [idIn, buyerIn, vendorIn, dateIn, amountIn, currencyIn, subjectIn, categoryIn, projectIn, methodIn, documentIn, exemptionIn]);
        continue;
      }
      // Read before the record takes a row: reading the other fields may throw.
      const extra = otherFields(obj);
      const k = size++;
      rows[k] = index;
      ids[k] = id;
      days[k] = dayOf(date) as number;
      amounts[k] = amount;
      approx[k] = Number(amount);
      currency[k] = currencies.id(cur);
      cols.buyer.set(k, buyer);
      cols.vendor.set(k, vendor);
      cols.category.set(k, category);
      cols.project.set(k, project);
      cols.method.set(k, method);
      cols.subject.set(k, subject);
      cols.exemption.set(k, exemption);
      documents[k] = document;
      extras[k] = extra;
      const distinct = seen.size;
      if (seen.id(id) < distinct) repeated.add(id);
      if (snapshot) {
        // The table keeps these values as they were given: a check compares them with the table.
        if (
          idIn === id && buyerIn === buyer && vendorIn === vendor && dateIn === date && amountIn === amount && currencyIn === cur &&
          subjectIn === subject && categoryIn === category && projectIn === project && methodIn === method && documentIn === document && exemptionIn === exemption
        ) {
          noteKeys(snapshot, index, k, obj, extra, 6 + defined([subject, category, project, method, document, exemption]));
        } else {
          const given = [idIn, buyerIn, vendorIn, dateIn, amountIn, currencyIn, subjectIn, categoryIn, projectIn, methodIn, documentIn, exemptionIn];
          snapshot.raw.set(index, given);
          noteKeys(snapshot, index, k, obj, extra, defined(given));
        }
      }
    } catch (error) {
      rejects.push(unreadable(index, raw, error));
      if (snapshot) snapshot.complete = false;
    }
  }

  // Every record of a repeated id, in input order (a second pass only when some id repeats).
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
      const others = indexes.filter((i) => i !== index);
      rejects.push({
        index,
        id,
        field: 'id',
        path: [index, 'id'],
        code: 'duplicate_id',
        message: `id "${id}" is also used by record${others.length > 1 ? 's' : ''} ${others.join(', ')}; ids must be unique`,
        value: id,
      });
    }
  }
  rejects.sort((a, b) => a.index - b.index);
  const table: RecordTable = {
    size,
    row: rows.subarray(0, size),
    id: trimmed(ids, size),
    day: days.subarray(0, size),
    amount: trimmed(amounts, size),
    approx: approx.subarray(0, size),
    currency: currency.subarray(0, size),
    currencies: currencies.texts,
    rates: currencies.texts.map(() => undefined),
    buyer: cols.buyer.build(size),
    vendor: cols.vendor.build(size),
    category: cols.category.build(size),
    project: cols.project.build(size),
    method: cols.method.build(size),
    subject: cols.subject.build(size),
    exemption: cols.exemption.build(size),
    document: trimmed(documents, size),
    extra: trimmed(extras, size),
    rejects,
  };
  return repeats.size === 0 ? table : keepOnly(table, (k) => drop[rows[k] as number] === 0, snapshot);
}

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
        message: `currency ${code} has no exchange rate to ${conversion.currency}; pass rates: { ${code}: … }`,
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
function firstProblem(index: number, given: Record<RecordField, unknown>, read: Record<RecordField, unknown>): RecordReject {
  const failures = RECORD_FIELDS.filter((f) => read[f] instanceof FieldError);
  const field = failures[0] as RecordField;
  const f = read[field] as FieldError;
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more problem${failures.length > 2 ? 's' : ''})` : '';
  return {
    index,
    ...(typeof read.id === 'string' ? { id: read.id } : {}),
    field,
    path: [index, field],
    code: f.code,
    message: f.message + more,
    value: given[field],
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
  const i = c.text[k] as number;
  return i < 0 ? undefined : c.texts[i];
}

/** The key of column `c` for table index k, or undefined. */
export function keyAt(c: TextColumn, k: number): string | undefined {
  const i = c.key[k] as number;
  return i < 0 ? undefined : c.keys[i];
}

/** Number of distinct keys the records of the table carry in column `c`. Runs in O(n). */
export function distinctKeys(c: TextColumn): number {
  const seen = new Uint8Array(c.keys.length);
  let count = 0;
  for (const key of c.key) {
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
 * detection asks for a record's amount and its value.
 */
export function amountAt(t: RecordTable, k: number): Decimal {
  let made = DECIMALS.get(t.amount);
  if (made === undefined) {
    made = { byIndex: new Array(t.size), byText: new Map() };
    DECIMALS.set(t.amount, made);
  }
  let d = made.byIndex[k];
  if (d === undefined) {
    const text = t.amount[k] as string;
    d = made.byText.get(text);
    if (d === undefined) {
      d = new D(text);
      made.byText.set(text, d);
    }
    made.byIndex[k] = d;
  }
  return d;
}

/**
 * The Decimals made from each table's amounts, by table index and by text (tables of one scan
 * share their amount texts, and their indexes with them).
 */
const DECIMALS = new WeakMap<readonly string[], { readonly byIndex: (Decimal | undefined)[]; readonly byText: Map<string, Decimal> }>();

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
