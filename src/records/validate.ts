import type { PurchaseRecord, Reject } from './record.js';
import type { FieldResult } from './fields.js';
import { readAmount, readCurrency, readDate, readId, readName, readOptional } from './fields.js';
import { categoryKey, normalizeText, vendorKey } from './normalize.js';

/** What {@link validateRecords} returns: every input lands in exactly one of the two lists. */
export interface ValidationResult {
  readonly records: PurchaseRecord[];
  readonly rejects: Reject[];
}

const OPTIONAL = ['subject', 'category', 'project', 'method', 'document', 'exemption'] as const;
const KNOWN = new Set<string>(['id', 'buyer', 'vendor', 'date', 'amount', 'currency', ...OPTIONAL]);

type Failure = Extract<FieldResult<unknown>, { ok: false }> & { field: string };

/**
 * Validates and normalises purchase records. Never throws on bad data: each record is either
 * accepted (normalised, with exact amounts and day numbers) or rejected with its index, id (when
 * usable), field, code and a plain message, so `records.length + rejects.length === input.length`.
 * A record with several problems is rejected once, for the first in the order id, buyer, vendor,
 * date, amount, currency, then the optional fields; the message counts the others.
 *
 * Ids must be unique: when several records share an id, all of them are rejected, since none can
 * be told apart (and keeping the first would make the result depend on input order).
 *
 * Runs in O(n).
 *
 * @example
 * const { records, rejects } = validateRecords([
 *   { id: 'A1', buyer: 'City', vendor: 'Acme Ltd', date: '2014-11-03', amount: '120000', currency: 'CNY' },
 *   { id: 'A2', buyer: 'City', vendor: 'Acme Ltd', date: '2014-11-31', amount: '1', currency: 'CNY' },
 * ])
 * records.length     //=> 1
 * rejects[0].code    //=> 'invalid_date'
 * rejects[0].path    //=> [1, 'date']
 */
export function validateRecords(input: readonly unknown[]): ValidationResult {
  const accepted: (PurchaseRecord | undefined)[] = new Array(input.length);
  const rejects: Reject[] = [];
  const byId = new Map<string, number[]>();
  const buyerKeys = new Map<string, string>();
  const vendorKeys = new Map<string, string>();
  const categoryKeys = new Map<string, string>();
  const projectKeys = new Map<string, string>();
  const methodKeys = new Map<string, string>();

  for (let index = 0; index < input.length; index++) {
    const raw = input[index];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || raw instanceof Date) {
      rejects.push({ index, field: '', path: [index], code: 'not_an_object', message: `record ${index} is not an object`, value: raw });
      continue;
    }
    const obj = raw as Record<string, unknown>;
    const rId = readId(obj['id']);
    const rBuyer = readName('buyer', obj['buyer']);
    const rVendor = readName('vendor', obj['vendor']);
    const rDate = readDate(obj['date']);
    const rAmount = readAmount(obj['amount']);
    const rCurrency = readCurrency(obj['currency']);
    const opt: Partial<Record<(typeof OPTIONAL)[number], string>> = {};
    let optFailures: Failure[] | undefined;
    for (const f of OPTIONAL) {
      const v = obj[f];
      if (v === undefined || v === null) continue;
      if (typeof v === 'string') {
        const t = v.trim();
        if (t) opt[f] = t;
        continue;
      }
      const r = readOptional(f, v);
      if (!r.ok) (optFailures ??= []).push({ ...r, field: f });
      else if (r.value !== undefined) opt[f] = r.value;
    }
    if (!rId.ok || !rBuyer.ok || !rVendor.ok || !rDate.ok || !rAmount.ok || !rCurrency.ok || optFailures) {
      const failures: Failure[] = [];
      const required: [string, FieldResult<unknown>][] = [
        ['id', rId], ['buyer', rBuyer], ['vendor', rVendor], ['date', rDate], ['amount', rAmount], ['currency', rCurrency],
      ];
      for (const [field, r] of required) if (!r.ok) failures.push({ ...r, field });
      failures.push(...(optFailures ?? []));
      const f = failures[0] as Failure;
      const more = failures.length > 1 ? ` (and ${failures.length - 1} more problem${failures.length > 2 ? 's' : ''})` : '';
      rejects.push({
        index,
        ...(rId.ok ? { id: rId.value } : {}),
        field: f.field,
        path: [index, f.field],
        code: f.code,
        message: f.message + more,
        value: obj[f.field],
      });
      continue;
    }
    const id = rId.value;
    const buyer = rBuyer.value;
    const vendor = rVendor.value;
    const date = rDate.value;
    const amount = rAmount.value;
    const currency = rCurrency.value;
    let extra: Record<string, unknown> | undefined;
    for (const k in obj) {
      if (!KNOWN.has(k) && Object.prototype.hasOwnProperty.call(obj, k)) (extra ??= {})[k] = obj[k];
    }
    const category = opt.category;
    const project = opt.project;
    const method = opt.method;
    const rec: PurchaseRecord = {
      index,
      id,
      buyer,
      buyerKey: memo(buyerKeys, buyer, normalizeText),
      vendor,
      vendorKey: memo(vendorKeys, vendor, vendorKey),
      date: date.date,
      day: date.day,
      amount,
      currency,
      subject: opt.subject,
      category,
      categoryKey: category === undefined ? undefined : memo(categoryKeys, category, categoryKey),
      project,
      projectKey: project === undefined ? undefined : memo(projectKeys, project, normalizeText),
      method,
      methodKey: method === undefined ? undefined : memo(methodKeys, method, normalizeText),
      document: opt.document,
      exemption: opt.exemption,
      extra: extra ?? EMPTY,
    };
    accepted[index] = rec;
    const seen = byId.get(id);
    if (seen) seen.push(index);
    else byId.set(id, [index]);
  }

  let dupes = false;
  for (const [id, indexes] of byId) {
    if (indexes.length < 2) continue;
    dupes = true;
    for (const index of indexes) {
      accepted[index] = undefined;
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
  if (dupes) rejects.sort((a, b) => a.index - b.index);
  const records: PurchaseRecord[] = [];
  for (const r of accepted) if (r !== undefined) records.push(r);
  return { records, rejects };
}

/** Keys repeat across a ledger (a few thousand vendors in a million rows): compute each once. */
function memo(cache: Map<string, string>, s: string, f: (s: string) => string): string {
  let k = cache.get(s);
  if (k === undefined) {
    k = f(s);
    cache.set(s, k);
  }
  return k;
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
