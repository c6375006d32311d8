import type { PurchaseRecord, RecordReject } from './record.js';
import { FieldError, readAmountText, readCurrency, readDate, readId, readName, readOptional } from './fields.js';
import { categoryKey, normalizeText, vendorKey } from './normalize.js';
import { dayOf } from '../_lib/days.js';
import { D } from '../_lib/decimal.js';

/**
 * Accepted records as columns, the form detection reads: a few typed arrays and interned keys per
 * record instead of an object graph, so a million-row ledger costs tens of megabytes, not a
 * gigabyte. Records are materialised (as {@link PurchaseRecord}s) only where needed.
 *
 * Key columns hold indexes into their key lists (`buyerKeys[buyer[k]]`), −1 when absent.
 */
export interface RecordTable {
  /** The input array, as given. */
  readonly input: readonly unknown[];
  /** Number of accepted records. */
  readonly size: number;
  /** Input index of each accepted record, ascending. */
  readonly row: Int32Array;
  readonly id: readonly string[];
  readonly day: Int32Array;
  /** Exact decimal text of each amount. */
  readonly amount: readonly string[];
  /** Each amount as a JS number (exact up to 15 significant digits, else the nearest double). */
  readonly approx: Float64Array;
  readonly currency: Int32Array;
  readonly currencies: readonly string[];
  readonly buyer: Int32Array;
  readonly buyerKeys: readonly string[];
  readonly vendor: Int32Array;
  readonly vendorKeys: readonly string[];
  readonly category: Int32Array;
  readonly categoryKeys: readonly string[];
  readonly project: Int32Array;
  readonly projectKeys: readonly string[];
  readonly method: Int32Array;
  readonly methodKeys: readonly string[];
  /** Subject texts, interned as written (trimmed). */
  readonly subject: Int32Array;
  readonly subjects: readonly string[];
  /** 1 when the record carries an exemption. */
  readonly exempt: Uint8Array;
  /** Rejected records, by input index. */
  readonly rejects: readonly RecordReject[];
}

const KNOWN = new Set(['id', 'buyer', 'vendor', 'date', 'amount', 'currency', 'subject', 'category', 'project', 'method', 'document', 'exemption']);

/** Interns raw strings to the ids of their normalised keys. */
class Interner {
  readonly keys: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byRaw = new Map<string, number>();
  constructor(private readonly normalise: (s: string) => string) {}
  id(raw: string): number {
    let id = this.byRaw.get(raw);
    if (id === undefined) {
      const key = this.normalise(raw);
      id = this.byKey.get(key);
      if (id === undefined) {
        id = this.keys.length;
        this.keys.push(key);
        this.byKey.set(key, id);
      }
      this.byRaw.set(raw, id);
    }
    return id;
  }
}

const same = (s: string) => s;

/**
 * Validates records into a {@link RecordTable}. Never throws on bad data: each input is either
 * accepted or rejected with its index, id (when usable), field, code and a plain message. A record
 * with several problems is rejected once, for the first in the order id, buyer, vendor, date,
 * amount, currency, then the optional fields; the message counts the others. When several otherwise
 * valid records share an id, all of them are rejected (none can be told apart, and keeping the first would make
 * the result depend on input order).
 *
 * Runs in O(n) and allocates nothing per good record beyond its id's entry in a map.
 */
export function scanRecords(input: readonly unknown[]): RecordTable {
  const n = input.length;
  const rows = new Int32Array(n);
  const ids: string[] = new Array(n);
  const days = new Int32Array(n);
  const amounts: string[] = new Array(n);
  const approx = new Float64Array(n);
  const cols = {
    currency: new Int32Array(n),
    buyer: new Int32Array(n),
    vendor: new Int32Array(n),
    category: new Int32Array(n),
    project: new Int32Array(n),
    method: new Int32Array(n),
    subject: new Int32Array(n),
  };
  const exempt = new Uint8Array(n);
  const currencies = new Interner(same);
  const buyers = new Interner(normalizeText);
  const vendors = new Interner(vendorKey);
  const categories = new Interner(categoryKey);
  const projects = new Interner(normalizeText);
  const methods = new Interner(normalizeText);
  const subjects = new Interner(same);
  const rejects: RecordReject[] = [];
  const firstOf = new Map<string, number>();
  const repeats = new Map<string, number[]>();
  let size = 0;

  for (let index = 0; index < n; index++) {
    const raw = input[index];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || raw instanceof Date) {
      rejects.push({ index, field: '', path: [index], code: 'not_an_object', message: `record ${index} is not an object`, value: raw });
      continue;
    }
    const obj = raw as Record<string, unknown>;
    const id = readId(obj['id']);
    const buyer = readName('buyer', obj['buyer']);
    const vendor = readName('vendor', obj['vendor']);
    const date = readDate(obj['date']);
    const amount = readAmountText(obj['amount']);
    const currency = readCurrency(obj['currency']);
    const subject = readOptional('subject', obj['subject']);
    const category = readOptional('category', obj['category']);
    const project = readOptional('project', obj['project']);
    const method = readOptional('method', obj['method']);
    const document = readOptional('document', obj['document']);
    const exemption = readOptional('exemption', obj['exemption']);
    if (
      id instanceof FieldError || buyer instanceof FieldError || vendor instanceof FieldError || date instanceof FieldError ||
      amount instanceof FieldError || currency instanceof FieldError || subject instanceof FieldError ||
      category instanceof FieldError || project instanceof FieldError || method instanceof FieldError ||
      document instanceof FieldError || exemption instanceof FieldError
    ) {
      const fields: [string, unknown][] = [
        ['id', id], ['buyer', buyer], ['vendor', vendor], ['date', date], ['amount', amount], ['currency', currency],
        ['subject', subject], ['category', category], ['project', project], ['method', method], ['document', document], ['exemption', exemption],
      ];
      const failures = fields.filter((f): f is [string, FieldError] => f[1] instanceof FieldError);
      const [field, f] = failures[0] as [string, FieldError];
      const more = failures.length > 1 ? ` (and ${failures.length - 1} more problem${failures.length > 2 ? 's' : ''})` : '';
      rejects.push({
        index,
        ...(typeof id === 'string' ? { id } : {}),
        field,
        path: [index, field],
        code: f.code,
        message: f.message + more,
        value: obj[field],
      });
      continue;
    }
    const k = size++;
    rows[k] = index;
    ids[k] = id;
    days[k] = dayOf(date) as number;
    amounts[k] = amount;
    approx[k] = Number(amount);
    cols.currency[k] = currencies.id(currency);
    cols.buyer[k] = buyers.id(buyer);
    cols.vendor[k] = vendors.id(vendor);
    cols.category[k] = category === undefined ? -1 : categories.id(category);
    cols.project[k] = project === undefined ? -1 : projects.id(project);
    cols.method[k] = method === undefined ? -1 : methods.id(method);
    cols.subject[k] = subject === undefined ? -1 : subjects.id(subject);
    exempt[k] = exemption === undefined ? 0 : 1;
    const first = firstOf.get(id);
    if (first === undefined) firstOf.set(id, index);
    else {
      const more = repeats.get(id);
      if (more) more.push(index);
      else repeats.set(id, [first, index]);
    }
  }

  let keep: Uint8Array | undefined;
  if (repeats.size > 0) {
    keep = new Uint8Array(n).fill(1);
    for (const [id, indexes] of repeats) {
      for (const index of indexes) {
        keep[index] = 0;
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
  }

  // Compact (dropping duplicate ids) and trim the columns to `size`.
  const pick = keep;
  const kept: number[] = [];
  for (let k = 0; k < size; k++) if (!pick || pick[rows[k] as number]) kept.push(k);
  const all = kept.length === size;
  ids.length = size;
  amounts.length = size;
  const take = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T =>
    (all ? a.subarray(0, size) : (a.constructor as unknown as { from(x: ArrayLike<number>): T }).from(kept.map((k) => a[k] as number))) as T;
  return {
    input,
    size: kept.length,
    row: take(rows),
    id: all ? ids : kept.map((k) => ids[k] as string),
    day: take(days),
    amount: all ? amounts : kept.map((k) => amounts[k] as string),
    approx: take(approx),
    currency: take(cols.currency),
    currencies: currencies.keys,
    buyer: take(cols.buyer),
    buyerKeys: buyers.keys,
    vendor: take(cols.vendor),
    vendorKeys: vendors.keys,
    category: take(cols.category),
    categoryKeys: categories.keys,
    project: take(cols.project),
    projectKeys: projects.keys,
    method: take(cols.method),
    methodKeys: methods.keys,
    subject: take(cols.subject),
    subjects: subjects.keys,
    exempt: take(exempt),
    rejects,
  };
}

/**
 * The k-th accepted record as a {@link PurchaseRecord}, read again from its input object (which
 * {@link scanRecords} has already found valid) with the table's interned keys.
 */
export function recordAt(t: RecordTable, k: number): PurchaseRecord {
  const index = t.row[k] as number;
  const obj = t.input[index] as Record<string, unknown>;
  const text = (v: unknown) => readOptional('', v) as string | undefined;
  const key = (col: Int32Array, keys: readonly string[]) => {
    const i = col[k] as number;
    return i < 0 ? undefined : keys[i];
  };
  let extra: Record<string, unknown> | undefined;
  for (const f in obj) {
    if (!KNOWN.has(f) && Object.prototype.hasOwnProperty.call(obj, f)) (extra ??= {})[f] = obj[f];
  }
  const day = t.day[k] as number;
  return {
    index,
    id: t.id[k] as string,
    buyer: readName('buyer', obj['buyer']) as string,
    buyerKey: t.buyerKeys[t.buyer[k] as number] as string,
    vendor: readName('vendor', obj['vendor']) as string,
    vendorKey: t.vendorKeys[t.vendor[k] as number] as string,
    date: readDate(obj['date']) as string,
    day,
    amount: new D(t.amount[k] as string),
    currency: t.currencies[t.currency[k] as number] as string,
    subject: key(t.subject, t.subjects),
    category: text(obj['category']),
    categoryKey: key(t.category, t.categoryKeys),
    project: text(obj['project']),
    projectKey: key(t.project, t.projectKeys),
    method: text(obj['method']),
    methodKey: key(t.method, t.methodKeys),
    document: text(obj['document']),
    exemption: text(obj['exemption']),
    extra: extra ?? EMPTY,
  };
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
