import type { Decimal } from 'decimal.js';
import { RECORD_FIELDS, type PurchaseRecord, type RecordField, type RecordReject } from './record.js';
import { FieldError, isDate, readAmountText, readCategory, readCurrency, readDate, readId, readName, readOptional, readVendor } from './fields.js';
import { categoryKey, normalizeText, vendorKey } from './normalize.js';
import { dayOf, isoOf } from '../_lib/days.js';
import { D } from '../_lib/decimal.js';
import { thrownText } from '../_lib/thrown.js';

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

/** Interns texts as written and, through them, their normalised keys. */
class Interner {
  readonly texts: string[] = [];
  readonly keys: string[] = [];
  /** Key id of each text id. */
  readonly keyOf: number[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  constructor(private readonly normalise: (s: string) => string) {}

  private lastText: string | undefined;
  private lastId = -1;

  /** The text id of `text` (the last one is remembered: a text's key is asked for just before it is set). */
  id(text: string): number {
    if (text === this.lastText) return this.lastId;
    let id = this.byText.get(text);
    if (id === undefined) {
      const key = this.normalise(text);
      let keyId = this.byKey.get(key);
      if (keyId === undefined) {
        keyId = this.keys.length;
        this.keys.push(key);
        this.byKey.set(key, keyId);
      }
      id = this.texts.length;
      this.texts.push(text);
      this.keyOf.push(keyId);
      this.byText.set(text, id);
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
    this.interner = new Interner(normalise ?? same);
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

  build(take: (a: Int32Array) => Int32Array): TextColumn {
    const text = take(this.text);
    return { text, texts: this.interner.texts, key: this.key === this.text ? text : take(this.key), keys: this.interner.keys };
  }
}

const same = (s: string) => s;

/**
 * Validates records into a {@link RecordTable}, reading each field of each record once. Never throws
 * on bad data: each input is either accepted or rejected with its index, id (when usable), field,
 * code and a plain message. A record with several problems is rejected once, for the first in the
 * order of RECORD_FIELDS; the message counts the others. When several otherwise valid records share
 * an id, all of them are rejected (none can be told apart, and keeping the first would make the
 * result depend on input order). With a `conversion`, the remaining records in a currency without a
 * rate are rejected (`no_exchange_rate`) and `approx` is in the report currency.
 *
 * Runs in O(n) and allocates per good record only its id's entry in a map (and an object for its
 * other fields, when it has any).
 */
export function scanRecords(input: readonly unknown[], conversion?: Conversion): RecordTable {
  const n = input.length;
  const rows = new Int32Array(n);
  const ids: string[] = new Array(n);
  const days = new Int32Array(n);
  const amounts: string[] = new Array(n);
  const approx = new Float64Array(n);
  const currency = new Int32Array(n);
  const currencies = new Interner(same);
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
  const seen = new Set<string>();
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
      const seenBefore = seen.size;
      seen.add(id);
      if (seen.size === seenBefore) repeated.add(id);
    } catch (error) {
      rejects.push(unreadable(index, raw, error));
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

  // Rates per currency; a record without one is rejected, once its id is known to be unique.
  const rates = currencies.texts.map((c) => (conversion === undefined || c === conversion.currency ? undefined : conversion.rates.get(c)));
  const convertible = currencies.texts.map((c, i) => conversion === undefined || c === conversion.currency || rates[i] !== undefined);
  for (let k = 0; k < size; k++) {
    const index = rows[k] as number;
    const c = currency[k] as number;
    if (drop[index] || convertible[c]) continue;
    drop[index] = 1;
    const code = currencies.texts[c] as string;
    rejects.push({
      index,
      id: ids[k] as string,
      field: 'currency',
      path: [index, 'currency'],
      code: 'no_exchange_rate',
      message: `currency ${code} has no exchange rate to ${(conversion as Conversion).currency}; pass rates: { ${code}: … }`,
      value: code,
    });
  }
  rejects.sort((a, b) => a.index - b.index);

  // Compact (dropping rejected records) and trim the columns to the accepted ones.
  const kept: number[] = [];
  for (let k = 0; k < size; k++) if (!drop[rows[k] as number]) kept.push(k);
  const all = kept.length === size;
  const take = <T extends Int32Array | Float64Array>(a: T): T =>
    (all ? a.subarray(0, size) : (a.constructor as unknown as { from(x: ArrayLike<number>): T }).from(kept.map((k) => a[k] as number))) as T;
  const pick = <T>(a: T[]): T[] => {
    if (!all) return kept.map((k) => a[k] as T);
    a.length = size;
    return a;
  };
  const rateApprox = rates.map((r) => r?.toNumber());
  const approxKept = take(approx);
  const currencyKept = take(currency);
  for (let k = 0; k < approxKept.length; k++) {
    const r = rateApprox[currencyKept[k] as number];
    if (r !== undefined) approxKept[k] = (approxKept[k] as number) * r;
  }
  return {
    size: kept.length,
    row: take(rows),
    id: pick(ids),
    day: take(days),
    amount: pick(amounts),
    approx: approxKept,
    currency: currencyKept,
    currencies: currencies.texts,
    rates,
    buyer: cols.buyer.build(take),
    vendor: cols.vendor.build(take),
    category: cols.category.build(take),
    project: cols.project.build(take),
    method: cols.method.build(take),
    subject: cols.subject.build(take),
    exemption: cols.exemption.build(take),
    document: pick(documents),
    extra: pick(extras),
    rejects,
  };
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
  const amount = new D(t.amount[k] as string);
  const rate = t.rates[t.currency[k] as number];
  return rate === undefined ? amount : amount.times(rate);
}

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
    amount: new D(t.amount[k] as string),
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
