/**
 * Open Contracting Data Standard (OCDS 1.1) → purchase records: one record per contract, or per
 * award that has no contract.
 */
import { exactDecimal } from '../../_lib/decimal.js';
import { InputError } from '../../errors.js';
import type { PurchaseRecordInput, Reject, RejectCode } from '../../records/record.js';
import { parseDate } from './date.js';
import { checkOptions } from '../../_lib/args.js';

/** Options of {@link fromOcds}. */
export interface FromOcdsOptions {
  /** Currency of values without one. */
  currency?: string | undefined;
}

/** What {@link fromOcds} returns. */
export interface OcdsRecords {
  readonly records: PurchaseRecordInput[];
  /**
   * Awards and contracts that could not be used, located by `path` into the JSON (e.g.
   * `['releases', 1, 'awards', 2, 'status']`) and `id`; no `index`, as they never became records.
   */
  readonly rejects: Reject[];
  /** Releases read (after keeping the latest release of each ocid). */
  readonly releases: number;
}

/**
 * Where {@link fromOcds} reads each field of a record in a release, in the order it tries them: what
 * `splitscan inspect` shows for an OCDS file, whose fields are fixed by the standard, not mapped.
 */
export const OCDS_FIELDS: Readonly<Record<string, string>> = {
  buyer: 'buyer.name, else the party with role buyer, else tender.procuringEntity.name',
  vendor: "the award's suppliers[].name, joined with '; '",
  date: "contract dateSigned, else period.startDate, else the award's date, else the release's",
  amount: "contract value.amount, else the award's",
  currency: "the same value's currency, else the one given (--currency)",
  subject: 'title, else description, of the contract, the award or the tender',
  category: "the first item's classification.id",
  project: 'planning.budget.projectID',
  method: 'tender.procurementMethod',
  document: "the contract's or the award's id",
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/**
 * Turns OCDS data into records:
 * - a release package (`{ releases: [...] }`): the latest release (by `date`) of each `ocid` is
 *   read; releases are not merged, so pass compiled releases for complete data;
 * - a record package (`{ records: [...] }`): each record's `compiledRelease`, else its latest
 *   embedded release;
 * - a single release or compiled release, or an array of them.
 *
 * For each release: buyer = `buyer.name` (else the party with role `buyer`, else
 * `tender.procuringEntity.name`); one record per contract (suppliers from its award, value from the
 * contract else the award, date `dateSigned` → `period.startDate` → award `date` → release `date`),
 * plus one per award without a contract. Several suppliers of one award are joined with `; `.
 * `category` is the first item's classification id (CPV or other; the scheme is kept as
 * `categoryScheme`), `subject` the title (else description) of the contract, award or tender,
 * `method` `tender.procurementMethod` (details kept as `methodDetails`), `project`
 * `planning.budget.projectID`, `document` the contract's or award's id, `ocid` the release's.
 * Cancelled or unsuccessful awards and cancelled contracts become `'not_a_purchase'` rejects;
 * missing values, buyers or suppliers become `'missing'` rejects.
 *
 * @throws InputError `'not_ocds'` when the document has none of these shapes.
 * @example
 * fromOcds({ releases: [{ ocid: 'ocds-1', date: '2019-01-01', buyer: { name: 'City' },
 *   awards: [{ id: 'a1', date: '2019-01-05', value: { amount: 900, currency: 'EUR' }, suppliers: [{ name: 'Acme' }] }] }] }).records
 * //=> [{ id: 'ocds-1/award/a1', buyer: 'City', vendor: 'Acme', date: '2019-01-05', amount: '900', currency: 'EUR',
 * //     document: 'a1', ocid: 'ocds-1' }]
 */
export function fromOcds(data: unknown, options: FromOcdsOptions = {}): OcdsRecords {
  checkOptions(options, 'fromOcds');
  const releases: { release: Obj; path: (string | number)[] }[] = [];
  const rejects: Reject[] = [];
  /** An entry that should be an object and is not (`null`, `5`): a reject, never a silent gap. */
  const notAnObject = (path: (string | number)[], value: unknown): void => {
    const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./u, '');
    rejects.push({ id: where, field: '', path, code: 'not_an_object', message: `${where} is ${value === null ? 'null' : typeof value}, not an object`, value: JSON.stringify(value) ?? String(value) });
  };
  /** The objects of a list, each non-object entry rejected at its path. */
  const objects = (list: unknown[], at: (string | number)[]): { r: Obj; i: number }[] =>
    list.flatMap((r, i) => {
      if (isObj(r)) return [{ r, i }];
      notAnObject([...at, i], r);
      return [];
    });
  if (isObj(data) && Array.isArray(data.records)) {
    data.records.forEach((rec, i) => {
      if (!isObj(rec)) return notAnObject(['records', i], rec);
      if (isObj(rec.compiledRelease)) releases.push({ release: rec.compiledRelease, path: ['records', i, 'compiledRelease'] });
      else {
        const embedded = objects(arr(rec.releases), ['records', i, 'releases']).filter((x) => x.r.awards !== undefined || x.r.contracts !== undefined || x.r.buyer !== undefined);
        const latest = latestOf(embedded.map((x) => ({ release: x.r, path: ['records', i, 'releases', x.i] })));
        if (latest) releases.push(latest);
      }
    });
  } else if (isObj(data) && Array.isArray(data.releases)) {
    releases.push(...latestPerOcid(objects(data.releases, ['releases']).map((x) => ({ release: x.r, path: ['releases', x.i] }))));
  } else if (Array.isArray(data)) {
    releases.push(...latestPerOcid(objects(data, []).map((x) => ({ release: x.r, path: [x.i] }))));
  } else if (isObj(data) && typeof data.ocid === 'string') {
    releases.push({ release: data, path: [] });
  } else {
    throw new InputError('not_ocds', 'not OCDS data: expected a release package, a record package or a release');
  }

  const records: PurchaseRecordInput[] = [];
  let index = 0;
  for (const { release, path } of releases) {
    const parties = arr(release.parties).filter(isObj);
    const partyName = (ref: unknown): string | undefined => {
      if (!isObj(ref)) return undefined;
      const direct = str(ref.name);
      if (direct) return direct;
      const p = parties.find((x) => x.id !== undefined && x.id === ref.id);
      return p ? str(p.name) : undefined;
    };
    const tender = isObj(release.tender) ? release.tender : {};
    const buyer =
      partyName(release.buyer) ??
      str(parties.find((p) => arr(p.roles).includes('buyer'))?.name) ??
      partyName(tender.procuringEntity);
    const ocid = str(release.ocid) ?? `release-${index}`;
    const budget = isObj(release.planning) && isObj(release.planning.budget) ? release.planning.budget : {};
    const project = str(budget.projectID) ?? str(budget.project);
    const awards = objects(arr(release.awards), [...path, 'awards']);
    const contracts = objects(arr(release.contracts), [...path, 'contracts']);
    const awarded = new Set(contracts.map((c) => str(c.r.awardID)).filter((x): x is string => x !== undefined));

    const add = (kind: 'award' | 'contract', item: Obj, award: Obj | undefined, at: (string | number)[]): void => {
      const i = index++;
      const itemId = str(item.id) ?? String(i);
      const id = `${ocid}/${kind}/${itemId}`;
      const reject = (code: RejectCode, field: string, message: string, value?: unknown): void => {
        rejects.push({ id, field, path: [...at, ...(field ? [field] : [])], code, message: `${id}: ${message}`, ...(value !== undefined ? { value } : {}) });
      };
      const status = str(item.status);
      if (status === 'cancelled' || status === 'unsuccessful') return reject('not_a_purchase', 'status', `${kind} is ${status}`, status);
      if (!buyer) return reject('missing', 'buyer', 'release has no buyer (buyer, party with role buyer, or tender.procuringEntity)');
      const suppliers = arr((award ?? item).suppliers).map(partyName).filter((x): x is string => x !== undefined);
      if (suppliers.length === 0) return reject('missing', 'suppliers', `${kind} has no supplier`);
      const value = isObj(item.value) ? item.value : award && isObj(award.value) ? award.value : undefined;
      if (!value || value.amount === undefined || value.amount === null) return reject('missing', 'value', `${kind} has no value`);
      const amount = exactDecimal(value.amount);
      if (!amount) return reject('invalid_amount', 'value', `value ${JSON.stringify(value.amount)} is not an exact amount`, value.amount);
      if (amount.isNegative()) return reject('credit', 'value', `value ${amount.toFixed()} is negative`, value.amount);
      const currency = str(value.currency) ?? options.currency;
      if (!currency) return reject('missing', 'currency', 'value has no currency (give a default currency: option currency; the command: --currency CODE)');
      const period = isObj(item.period) ? item.period : {};
      const rawDate = str(item.dateSigned) ?? str(period.startDate) ?? str(award?.date) ?? str(item.date) ?? str(release.date);
      if (!rawDate) return reject('missing', 'date', `${kind} has no date`);
      const date = parseDate(rawDate);
      if (!date.ok) return reject('invalid_date', 'date', date.message, rawDate);
      const items = [item, award, tender].map((o) => arr(o?.items).filter(isObj)).find((l) => l.length > 0) ?? [];
      const classification = items.map((it) => (isObj(it.classification) ? it.classification : undefined)).find((c) => c && str(c.id));
      const subject = [item, award, tender].map((o) => str(o?.title) ?? str(o?.description)).find((x) => x !== undefined);
      const method = str(tender.procurementMethod);
      const record: PurchaseRecordInput = { id, buyer, vendor: suppliers.join('; '), date: date.date, amount: amount.toFixed(), currency: currency.toUpperCase() };
      if (subject) record.subject = subject;
      if (classification) {
        record.category = str(classification.id);
        const scheme = str(classification.scheme);
        if (scheme) record.categoryScheme = scheme;
      }
      if (project) record.project = project;
      if (method) record.method = method;
      const details = str(tender.procurementMethodDetails);
      if (details) record.methodDetails = details;
      record.document = itemId;
      record.ocid = ocid;
      records.push(record);
    };

    for (const { r: c, i: j } of contracts) {
      const award = awards.find(({ r: a }) => str(a.id) !== undefined && str(a.id) === str(c.awardID))?.r;
      add('contract', c, award, [...path, 'contracts', j]);
    }
    for (const { r: a, i: j } of awards) {
      const aid = str(a.id);
      if (aid !== undefined && awarded.has(aid)) continue;
      add('award', a, a, [...path, 'awards', j]);
    }
  }
  return { records, rejects, releases: releases.length };
}

function latestOf<T extends { release: Obj }>(list: T[]): T | undefined {
  let best: T | undefined;
  for (const x of list) {
    if (best === undefined || String(x.release.date ?? '') >= String(best.release.date ?? '')) best = x;
  }
  return best;
}

function latestPerOcid<T extends { release: Obj }>(list: T[]): T[] {
  const by = new Map<string, T[]>();
  const order: string[] = [];
  list.forEach((x, i) => {
    const k = typeof x.release.ocid === 'string' ? x.release.ocid : `#${i}`;
    if (!by.has(k)) (by.set(k, []), order.push(k));
    by.get(k)?.push(x);
  });
  return order.map((k) => latestOf(by.get(k) ?? [])).filter((x): x is T => x !== undefined);
}
